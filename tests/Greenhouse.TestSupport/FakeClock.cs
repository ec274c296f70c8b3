using System;
using Greenhouse.Ports;

namespace Greenhouse.TestSupport
{
    /// <summary>
    /// A clock moved by hand. Uptime is what the board counts since boot; wall time is UTC and readable only while
    /// <see cref="Synced"/> (SNTP has answered). <see cref="Advance"/> moves both; a power cut (<see cref="Reboot"/>)
    /// restarts uptime while wall time runs on. Reading it never allocates.
    /// </summary>
    public sealed class FakeClock : IClock
    {
        /// <summary>Milliseconds since boot.</summary>
        public long Uptime;
        /// <summary>False until the wall time has been synchronised; <see cref="TryGetUtcNow"/> then fails.</summary>
        public bool Synced;
        /// <summary>UTC wall time (kept while unsynced, as the board's RTC keeps counting).</summary>
        public DateTime Utc;

        /// <summary>Uptime 0, wall time not synchronised.</summary>
        public FakeClock()
        {
        }

        /// <summary>Uptime 0, wall time synchronised at <paramref name="utc"/>.</summary>
        public FakeClock(DateTime utc)
        {
            Utc = utc;
            Synced = true;
        }

        public long UptimeMilliseconds
        {
            get { return Uptime; }
        }

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = Utc;
            return Synced;
        }

        /// <summary>Moves uptime and wall time on together.</summary>
        public void Advance(long milliseconds)
        {
            Uptime += milliseconds;
            Utc = Utc.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);
        }

        /// <summary>A power cut and restart: uptime starts again at <paramref name="bootMilliseconds"/>; wall time is untouched.</summary>
        public void Reboot(long bootMilliseconds)
        {
            Uptime = bootMilliseconds;
        }

        /// <summary>Sets the wall time so that local time, <paramref name="utcOffsetMinutes"/> ahead of UTC, is <paramref name="local"/>.</summary>
        public void SetLocal(DateTime local, int utcOffsetMinutes)
        {
            Utc = local.AddTicks(-utcOffsetMinutes * TimeSpan.TicksPerMinute);
        }
    }
}
