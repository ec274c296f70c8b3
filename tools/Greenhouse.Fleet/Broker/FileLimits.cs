using System.Globalization;

namespace Greenhouse.Fleet;

/// <summary>
/// Open-file limits: every MQTT connection is a file descriptor in the generator and another in the broker. The .NET
/// runtime raises its own soft limit to the hard limit at start; the broker gets the limit of the shell that starts
/// it, so <see cref="OwnMosquitto"/> raises it there.
/// </summary>
public static class FileLimits
{
    /// <summary>The soft and hard "Max open files" of a process from /proc (null when unreadable, e.g. not Linux).</summary>
    public static (long Soft, long Hard)? Read(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/limits"))
            {
                if (!line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    continue;
                }

                string[] words = line.Substring("Max open files".Length).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return (ParseLimit(words[0]), ParseLimit(words[1]));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
        }

        return null;
    }

    private static long ParseLimit(string word) => word == "unlimited" ? long.MaxValue : long.Parse(word, CultureInfo.InvariantCulture);

    /// <summary>Throws when this process may not open <paramref name="needed"/> files, saying how to raise the limit.</summary>
    public static void Require(long needed, string who)
    {
        if (Read(Environment.ProcessId) is { } limits && limits.Soft < needed)
        {
            throw new InvalidOperationException(who + " needs " + needed.ToString(CultureInfo.InvariantCulture)
                + " open files but may open " + limits.Soft.ToString(CultureInfo.InvariantCulture)
                + ": raise the limit (ulimit -n " + needed.ToString(CultureInfo.InvariantCulture) + " before starting, as root or within the hard limit; "
                + "LimitNOFILE= in a systemd unit) or use more generator processes (--processes)");
        }
    }
}
