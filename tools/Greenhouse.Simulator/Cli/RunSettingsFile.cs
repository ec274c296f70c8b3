namespace Greenhouse.Simulator.Cli;

/// <summary>One <c>key=value</c> line of a settings file.</summary>
public readonly record struct SettingLine(int LineNumber, string Key, string Value);

/// <summary>
/// The <c>--settings</c> file of a simulator run (named apart from the core's Greenhouse.Persistence.SettingsFile,
/// which writes and checks the device's stored copies). It is the <c>key=value</c> text the device stores: one setting per line, blank lines and lines
/// starting with <c>#</c> ignored, whitespace around key and value trimmed, values may contain '='.
/// Keys starting with <c>sim.</c> configure the simulator (baselines, scoring); all others go to the core.
/// The header lines of a file the device wrote (<c>version=</c>, <c>generation=</c>, <c>checksum=</c>, see
/// Greenhouse.Persistence.SettingsFile) are skipped, so a copy of the device's file can be used as it is
/// (the checksum is not verified: the file may be edited by hand).
/// </summary>
public static class RunSettingsFile
{
    public const string SimPrefix = "sim.";

    /// <summary>Header keys of the device's stored file, not settings.</summary>
    public static readonly string[] HeaderKeys =
    {
        Greenhouse.Persistence.SettingsFile.VersionKey,
        Greenhouse.Persistence.SettingsFile.GenerationKey,
        Greenhouse.Persistence.SettingsFile.ChecksumKey,
    };

    public static List<SettingLine> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RunSettingsFileException($"settings file '{path}' does not exist");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static List<SettingLine> Parse(string text, string name)
    {
        var result = new List<SettingLine>();
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (i == 0)
            {
                line = line.TrimStart('\uFEFF');
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int eq = line.IndexOf('=');
            if (eq < 0)
            {
                throw new RunSettingsFileException($"{name}, line {i + 1}: '{line}' is not key=value");
            }

            string key = line[..eq].Trim();
            string value = line[(eq + 1)..].Trim();
            if (key.Length == 0)
            {
                throw new RunSettingsFileException($"{name}, line {i + 1}: the key before '=' is empty");
            }

            if (Array.IndexOf(HeaderKeys, key) >= 0)
            {
                continue;
            }

            result.Add(new SettingLine(i + 1, key, value));
        }

        return result;
    }
}

public sealed class RunSettingsFileException(string message) : Exception(message);
