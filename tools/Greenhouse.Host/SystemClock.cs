using System.Diagnostics;
using Greenhouse.Ports;

namespace Greenhouse.Host;

/// <summary>IClock from the host: uptime from a stopwatch started at construction, wall time from the system.</summary>
public sealed class SystemClock : IClock
{
    private readonly Stopwatch _uptime = Stopwatch.StartNew();

    public long UptimeMilliseconds => _uptime.ElapsedMilliseconds;

    public bool TryGetUtcNow(out DateTime utcNow)
    {
        utcNow = DateTime.UtcNow;
        return true;
    }
}
