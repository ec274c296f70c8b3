namespace Greenhouse.Control
{
    /// <summary>
    /// Counts day boundaries for the crop calendar: local midnights while the clock is synced (days missed while
    /// the board was off are caught up from the saved day number, up to 400), or every 24 h of uptime while it is
    /// not. A clock set far back is followed without counting days.
    /// </summary>
    public sealed class DayCounter
    {
        private const long DayMs = 86400000;
        private const int MaxCatchUp = 400;

        private bool _haveDay;
        private long _day;
        private long _uptimeDayStartMs;
        private int _uptimeCrossingsThisBoot;

        /// <summary>The local day number last saved (0 = never); counters are saved when it changes.</summary>
        public long SavedDay { get; set; }

        /// <summary>True when the day changed without a crossing to count (the counters should be saved).</summary>
        public bool DayChangedQuietly { get; private set; }

        /// <summary>Day boundaries crossed since the last call.</summary>
        public int Crossings(long nowMs, bool synced, long localDay)
        {
            DayChangedQuietly = false;
            int crossings = 0;
            if (synced)
            {
                long day = localDay;
                if (!_haveDay)
                {
                    _haveDay = true;
                    if (SavedDay > 0 && day > SavedDay)
                    {
                        long missed = day - SavedDay - _uptimeCrossingsThisBoot;
                        crossings = missed > MaxCatchUp ? MaxCatchUp : missed < 0 ? 0 : (int)missed;
                    }

                    _day = day;
                }
                else if (day > _day)
                {
                    crossings = day - _day > MaxCatchUp ? MaxCatchUp : (int)(day - _day);
                    _day = day;
                }
                else if (day < _day - 2)
                {
                    // The clock was set back a lot (it was wrong before): follow it without counting days.
                    _day = day;
                }

                _uptimeDayStartMs = nowMs;
                if (_day != SavedDay)
                {
                    SavedDay = _day;
                    if (crossings == 0)
                    {
                        DayChangedQuietly = true;
                    }
                }
            }
            else if (nowMs - _uptimeDayStartMs >= DayMs)
            {
                crossings = 1;
                _uptimeDayStartMs = nowMs;
                _uptimeCrossingsThisBoot++;
            }

            return crossings;
        }
    }
}
