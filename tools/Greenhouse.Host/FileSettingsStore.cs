using Greenhouse.Ports;

namespace Greenhouse.Host;

/// <summary>
/// ISettingsStore on a folder: one file per blob name. Writes go to a temporary file that is flushed to disk and
/// then renamed over the target, so even a single blob is replaced atomically (the core's A/B copies add the
/// checksum-verified fallback on top).
/// </summary>
public sealed class FileSettingsStore : ISettingsStore
{
    private readonly string _folder;

    public FileSettingsStore(string folder)
    {
        _folder = folder;
        Directory.CreateDirectory(folder);
    }

    public string Folder => _folder;

    public bool TryRead(string name, out byte[] content)
    {
        content = null;
        string path = PathOf(name);
        if (path == null || !File.Exists(path))
        {
            return false;
        }

        try
        {
            content = File.ReadAllBytes(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public bool Write(string name, byte[] content)
    {
        string path = PathOf(name);
        if (path == null)
        {
            return false;
        }

        string temp = path + ".tmp";
        try
        {
            using (FileStream stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(content, 0, content.Length);
                stream.Flush(true);
            }

            File.Move(temp, path, true);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public bool Delete(string name)
    {
        string path = PathOf(name);
        if (path == null)
        {
            return false;
        }

        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private string PathOf(string name)
    {
        // Blob names are simple file names chosen by the core; refuse anything that could leave the folder.
        if (string.IsNullOrEmpty(name) || name.IndexOfAny(new[] { '/', '\\' }) >= 0 || name.Contains(".."))
        {
            return null;
        }

        return Path.Combine(_folder, name);
    }
}
