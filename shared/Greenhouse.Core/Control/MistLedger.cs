using Greenhouse.Text;

namespace Greenhouse.Control
{
    /// <summary>
    /// Valve-open time of one zone in rolling windows: 61 one-minute buckets (a window of at least one hour) and
    /// 25 one-hour buckets (at least 24 h), on uptime so clock jumps cannot reset them. Also the water used since
    /// local midnight (for display). Fixed arrays; no allocation except when saving or restoring.
    /// </summary>
    public sealed class MistLedger
    {
        public const int MinuteBuckets = 61;
        public const int HourBuckets = 25;
        private const long MinuteMs = 60000;
        private const long HourMs = 3600000;

        private readonly long[] _minutes = new long[MinuteBuckets];
        private readonly long[] _hours = new long[HourBuckets];
        private long _minuteAbs;
        private long _hourAbs;
        private long _hourSum;
        private long _daySum;

        /// <summary>Valve-open ms since local midnight (or the last uptime day when the clock is unsynced).</summary>
        public long TodayMs { get; set; }

        /// <summary>Valve-open ms since start of life (for totals).</summary>
        public long TotalMs { get; set; }

        /// <summary>Brings the windows to nowMs, dropping buckets that left them.</summary>
        public void Advance(long nowMs)
        {
            long minute = nowMs / MinuteMs;
            if (minute > _minuteAbs)
            {
                long steps = minute - _minuteAbs;
                if (steps > MinuteBuckets)
                {
                    steps = MinuteBuckets;
                }

                for (long k = 1; k <= steps; k++)
                {
                    int slot = (int)((_minuteAbs + k) % MinuteBuckets);
                    _hourSum -= _minutes[slot];
                    _minutes[slot] = 0;
                }

                _minuteAbs = minute;
            }

            long hour = nowMs / HourMs;
            if (hour > _hourAbs)
            {
                long steps = hour - _hourAbs;
                if (steps > HourBuckets)
                {
                    steps = HourBuckets;
                }

                for (long k = 1; k <= steps; k++)
                {
                    int slot = (int)((_hourAbs + k) % HourBuckets);
                    _daySum -= _hours[slot];
                    _hours[slot] = 0;
                }

                _hourAbs = hour;
            }
        }

        /// <summary>Adds valve-open time at nowMs.</summary>
        public void Add(long nowMs, long ms)
        {
            if (ms <= 0)
            {
                return;
            }

            Advance(nowMs);
            _minutes[(int)(_minuteAbs % MinuteBuckets)] += ms;
            _hours[(int)(_hourAbs % HourBuckets)] += ms;
            _hourSum += ms;
            _daySum += ms;
            TodayMs += ms;
            TotalMs += ms;
        }

        /// <summary>Valve-open ms in the last hour (window 60..61 min).</summary>
        public long HourMsUsed(long nowMs)
        {
            Advance(nowMs);
            return _hourSum;
        }

        /// <summary>Valve-open ms in the last day (window 24..25 h).</summary>
        public long DayMsUsed(long nowMs)
        {
            Advance(nowMs);
            return _daySum;
        }

        /// <summary>Minute buckets, oldest first, as "a,b,c" (for saving).</summary>
        public string MinutesText()
        {
            return Join(_minutes, _minuteAbs);
        }

        /// <summary>Hour buckets, oldest first.</summary>
        public string HoursText()
        {
            return Join(_hours, _hourAbs);
        }

        /// <summary>
        /// Restores saved buckets so that the newest lines up with the current bucket at nowMs. The time the board
        /// was off is not known on uptime, so nothing is aged out: the budget errs on the dry side.
        /// </summary>
        public void Restore(long nowMs, string minutes, string hours)
        {
            Advance(nowMs);
            Fill(_minutes, _minuteAbs, minutes);
            Fill(_hours, _hourAbs, hours);
            _hourSum = 0;
            for (int i = 0; i < _minutes.Length; i++)
            {
                _hourSum += _minutes[i];
            }

            _daySum = 0;
            for (int i = 0; i < _hours.Length; i++)
            {
                _daySum += _hours[i];
            }
        }

        private static string Join(long[] buckets, long currentAbs)
        {
            // One builder instead of repeated concatenation: 60 buckets would otherwise allocate kilobytes per save.
            int n = buckets.Length;
            System.Text.StringBuilder text = new System.Text.StringBuilder(n * 4);
            for (int k = 1; k <= n; k++)
            {
                long value = buckets[(int)((currentAbs + k) % n)];
                if (k > 1)
                {
                    text.Append(',');
                }

                text.Append(value);
            }

            return text.ToString();
        }

        private static void Fill(long[] buckets, long currentAbs, string text)
        {
            int n = buckets.Length;
            for (int i = 0; i < n; i++)
            {
                buckets[i] = 0;
            }

            if (text == null)
            {
                return;
            }

            // Count the values first so the newest lands on the current bucket.
            int count = text.Length == 0 ? 0 : 1;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == ',')
                {
                    count++;
                }
            }

            int index = 0;
            int start = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == ',')
                {
                    long value;
                    int age = count - 1 - index; // 0 = newest
                    if (age < n && Num.TryParseInt(text.Substring(start, i - start), out value) && value > 0)
                    {
                        buckets[(int)((currentAbs - age + n * 1000L) % n)] = value;
                    }

                    index++;
                    start = i + 1;
                }
            }
        }
    }
}
