using System;
using Greenhouse.Ports;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>Uptime from the runtime tick counter; wall time from the RTC once SNTP has set it.</summary>
    public sealed class DeviceClock : IClock
    {
        /// <summary>Before this year the RTC still holds its power-on default: not synced.</summary>
        private const int FirstPlausibleYear = 2024;

        public long UptimeMilliseconds
        {
            get { return Environment.TickCount64; }
        }

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = DateTime.UtcNow;
            return utcNow.Year >= FirstPlausibleYear;
        }
    }
}
