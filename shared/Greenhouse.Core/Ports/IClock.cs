using System;

namespace Greenhouse.Ports
{
    /// <summary>
    /// Time as the core sees it. Uptime is monotonic and always valid; wall time exists only once it has
    /// been synchronised (SNTP on the device), and may jump when it is.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot; never goes backwards.</summary>
        long UptimeMilliseconds { get; }

        /// <summary>UTC wall time, or false while the clock has not been synchronised.</summary>
        bool TryGetUtcNow(out DateTime utcNow);
    }
}
