using Greenhouse.Ports;

namespace Greenhouse.Fleet;

/// <summary>
/// The device's clock at real time: uptime is the boot offset plus the wall-clock milliseconds since the device was
/// switched on, set by the thread that ticks it just before each tick (the core reads the clock only in its tick).
/// </summary>
internal sealed class DeviceClock : IClock
{
    private readonly DateTime _startUtc;
    private double _runMs;

    public DeviceClock(DateTime startUtc)
    {
        _startUtc = startUtc;
    }

    public long UptimeMilliseconds { get; private set; }

    /// <summary>Moves the clock to <paramref name="runMs"/> (ms since the run's start) for a device switched on at
    /// <paramref name="switchedOnMs"/> with <paramref name="bootMs"/> of uptime before its first tick.</summary>
    public void Set(double runMs, double switchedOnMs, long bootMs)
    {
        _runMs = runMs;
        long uptime = bootMs + (long)(runMs - switchedOnMs);
        if (uptime > UptimeMilliseconds)
        {
            UptimeMilliseconds = uptime;
        }
    }

    public bool TryGetUtcNow(out DateTime utcNow)
    {
        utcNow = _startUtc.AddMilliseconds(_runMs);
        return true;
    }
}
