using System.Runtime.InteropServices;

namespace Greenhouse.NanoClr.Tests;

/// <summary>
/// CPU time, not wall time: the build machine is shared, so a wall-clock tick time measures the other engineers' load
/// as much as the interpreter. Linux only (getrusage and clock_gettime from libc); elsewhere it reports zero.
/// </summary>
internal static class CpuTime
{
    private const int RusageChildren = -1;
    private const int ClockThreadCpuTime = 3;

    // struct rusage on 64-bit Linux: two struct timeval, then 14 longs (144 bytes); only the times are read.
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, ref Rusage usage);

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec time);

    /// <summary>User + system time of every child process this process has waited for so far.</summary>
    public static TimeSpan ReapedChildren()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }
        var usage = new Rusage();
        if (GetRusage(RusageChildren, ref usage) != 0)
        {
            return TimeSpan.Zero;
        }
        return TimeSpan.FromMicroseconds(usage.UserSeconds * 1_000_000 + usage.UserMicroseconds + usage.SystemSeconds * 1_000_000 + usage.SystemMicroseconds);
    }

    /// <summary>CPU time of the calling thread.</summary>
    public static TimeSpan CurrentThread()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ClockThreadCpuTime, out var t) != 0)
        {
            return TimeSpan.Zero;
        }
        return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
    }
}
