using System;
using Greenhouse.Ports;

namespace Greenhouse.Time
{
    /// <summary>Local time from the UTC clock and the offset setting (the device has no time zones).</summary>
    public static class WallClock
    {
        /// <summary>Local time, or false while the wall clock is not synchronised.</summary>
        public static bool TryGetLocal(IClock clock, long utcOffsetMinutes, out DateTime local)
        {
            DateTime utc;
            if (clock == null || !clock.TryGetUtcNow(out utc))
            {
                local = DateTime.MinValue;
                return false;
            }

            local = new DateTime(utc.Ticks + utcOffsetMinutes * TimeSpan.TicksPerMinute);
            return true;
        }

        /// <summary>Minutes since local midnight, 0..1439.</summary>
        public static int MinuteOfDay(DateTime local)
        {
            return local.Hour * 60 + local.Minute;
        }

        /// <summary>Days since 0001-01-01 of a local time: changes at local midnight.</summary>
        public static long DayNumber(DateTime local)
        {
            return local.Ticks / TimeSpan.TicksPerDay;
        }
    }
}
