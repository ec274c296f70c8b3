using System.Globalization;

namespace Greenhouse.Fleet;

/// <summary>CPU time and memory of a process, and the machine's CPU, from /proc (Linux; null elsewhere).</summary>
public static class ProcStat
{
    /// <summary>Clock ticks per second of /proc CPU times (USER_HZ; 100 on Linux for every architecture the
    /// project builds on, and .NET has no sysconf to ask).</summary>
    public const double TicksPerSecond = 100.0;

    /// <summary>User + system CPU seconds of a process.</summary>
    public static double? CpuSeconds(int pid)
    {
        try
        {
            string text = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat");
            // The command name (field 2) may contain spaces; the fields after its closing parenthesis are fixed.
            string[] f = text.Substring(text.LastIndexOf(')') + 2).Split(' ');
            return (long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>User + system CPU seconds of the calling thread (/proc/thread-self/stat).</summary>
    public static double? ThreadCpuSeconds()
    {
        try
        {
            string text = File.ReadAllText("/proc/thread-self/stat");
            string[] f = text.Substring(text.LastIndexOf(')') + 2).Split(' ');
            return (long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Resident memory of a process, MB (VmRSS).</summary>
    public static double? ResidentMb(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    string[] w = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(w[1], CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
        }

        return null;
    }

    /// <summary>Open file descriptors of a process.</summary>
    public static int? OpenFiles(int pid)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/fd").Count();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Busy and total jiffies of the whole machine (first line of /proc/stat; steal counts as busy).</summary>
    public static (long Busy, long Total)? MachineCpu()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            string[] f = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long total = 0;
            long idle = 0;
            for (int i = 1; i < f.Length && i <= 8; i++)
            {
                long v = long.Parse(f[i], CultureInfo.InvariantCulture);
                total += v;
                if (i == 4 || i == 5)
                {
                    idle += v; // idle, iowait
                }
            }

            return (total - idle, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or NullReferenceException)
        {
            return null;
        }
    }

    /// <summary>The 1-minute load average, or null.</summary>
    public static double? LoadAverage()
    {
        try
        {
            string text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.AsSpan(0, text.IndexOf(' ')), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
