using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Greenhouse.FlashKit;

/// <summary>What a prepared kit holds (kit.json).</summary>
public sealed class KitManifest
{
    public string FirmwareVersion { get; set; } = "";
    public List<string> Targets { get; set; } = new();
    public string Nanoff { get; set; } = "";
    public string Image { get; set; } = "";
    public string ImageSha256 { get; set; } = "";
    public string Prepared { get; set; } = "";
}

/// <summary>
/// The village flashing kit folder:
/// <code>
/// kit.json            what was archived (firmware version, targets, nanoff version, image and its SHA-256)
/// firmware-pin.json   the native assemblies the application needs
/// firmware/           nanoff's firmware archive (--updatearchive), one package per target
/// app/                our deployment image (Greenhouse.Firmware.bin)
/// nanoff/             nanoff's .nupkg, for "dotnet tool install --add-source" without internet (optional)
/// tool/               this program, to run "flash" and "check" at the board
/// SHA256SUMS          every file above, checked before anything is written to a board
/// </code>
/// </summary>
public sealed class Kit
{
    public const string Manifest = "kit.json";
    public const string Sums = "SHA256SUMS";
    public const string FirmwareFolder = "firmware";
    public const string AppFolder = "app";

    public Kit(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string FirmwareArchive => Path.Combine(Root, FirmwareFolder);

    public KitManifest ReadManifest()
    {
        string path = Path.Combine(Root, Manifest);
        if (!File.Exists(path))
        {
            throw new InvalidDataException("no " + Manifest + " in " + Root + ": not a prepared kit");
        }

        return JsonSerializer.Deserialize<KitManifest>(File.ReadAllText(path)) ?? throw new InvalidDataException(Manifest + " is empty");
    }

    public void WriteManifest(KitManifest manifest)
    {
        File.WriteAllText(Path.Combine(Root, Manifest), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
    }

    public string ImagePath(KitManifest manifest) => Path.Combine(Root, AppFolder, manifest.Image);

    /// <summary>Writes SHA256SUMS over every file of the kit (sha256sum format, '/' separators).</summary>
    public int WriteSums()
    {
        var lines = new StringBuilder();
        int count = 0;
        foreach (string file in Files())
        {
            lines.Append(Sha256(file)).Append("  ").Append(Relative(file)).Append('\n');
            count++;
        }

        File.WriteAllText(Path.Combine(Root, Sums), lines.ToString());
        return count;
    }

    /// <summary>Checks every line of SHA256SUMS and that no file was added; returns the problems (empty = intact).</summary>
    public List<string> Verify()
    {
        var problems = new List<string>();
        string sums = Path.Combine(Root, Sums);
        if (!File.Exists(sums))
        {
            problems.Add("no " + Sums + " in " + Root);
            return problems;
        }

        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(sums))
        {
            if (line.Length < 67)
            {
                continue;
            }

            string hash = line.Substring(0, 64);
            string name = line.Substring(66);
            listed.Add(name);
            string path = Path.Combine(Root, name.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(path))
            {
                problems.Add("missing: " + name);
            }
            else if (!string.Equals(Sha256(path), hash, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("changed: " + name);
            }
        }

        foreach (string file in Files())
        {
            if (!listed.Contains(Relative(file)))
            {
                problems.Add("not in " + Sums + ": " + Relative(file));
            }
        }

        return problems;
    }

    private IEnumerable<string> Files()
    {
        return Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != Sums)
            .OrderBy(f => Relative(f), StringComparer.Ordinal);
    }

    private string Relative(string file) => Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');

    public static string Sha256(string file)
    {
        using FileStream stream = File.OpenRead(file);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }
}
