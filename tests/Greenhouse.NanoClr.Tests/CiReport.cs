namespace Greenhouse.NanoClr.Tests;

/// <summary>
/// The summary lines .ci/run prints before its final line ("nanoCLR: N passed, N failed", ...). .ci/run names a
/// file in GH_NANOCLR_REPORT; each test writes its line under its own key, so a re-run replaces it.
/// </summary>
internal static class CiReport
{
    private static readonly object Gate = new();

    public static void Write(string key, string line)
    {
        var path = Environment.GetEnvironmentVariable("GH_NANOCLR_REPORT");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }
        lock (Gate)
        {
            var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : new List<string>();
            lines.RemoveAll(l => l.StartsWith(key + "\t", StringComparison.Ordinal));
            lines.Add(key + "\t" + line);
            File.WriteAllLines(path, lines);
        }
    }
}
