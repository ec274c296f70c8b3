using System;
using System.Collections.Generic;
using System.Text;

namespace Greenhouse.Faults
{
    /// <summary>
    /// A parsed fault schedule: the value of the simulator's <c>--faults</c> option. Immutable. <see cref="ToString"/>
    /// gives the canonical spec, which <see cref="Parse"/> reads back to an equal schedule. Syntax: README.md.
    /// </summary>
    public sealed class FaultSchedule
    {
        /// <summary>One-paragraph syntax reminder, appended to every parse error.</summary>
        public const string SyntaxHelp =
            "Syntax: comma-separated items KIND[#SENSOR][:PARAM]@WHEN. WHEN is HH:MM-HH:MM (every simulated day, may wrap midnight), " +
            "dN HH:MM-HH:MM (day N only, day 1 = first day) or +MIN-+MIN (minutes after the run starts); clock-jump and power-cut " +
            "happen at one moment: HH:MM, dN HH:MM or +MIN. KIND is sensor-stuck, sensor-dead, sensor-saturated, i2c-errors[:PERCENT 1..100, default 50], " +
            "broker-down, wifi-down, clock-jump[:+MIN or :-MIN, default +60], clock-unsynced, tank-empty or power-cut; " +
            "the sensor kinds take #1 or #2 for one sensor (default both). Example: sensor-stuck#1@06:00-10:00,power-cut@d2 03:15,wifi-down@+30-+90";

        /// <summary>Largest day number and relative minute accepted.</summary>
        public const int MaxDay = 100000;
        public const int MaxRelativeMinute = 9999999;
        /// <summary>Largest clock jump, minutes (one week either way).</summary>
        public const int MaxJumpMinutes = 10080;

        private readonly FaultItem[] _items;

        public FaultSchedule(IEnumerable<FaultItem> items)
        {
            _items = new List<FaultItem>(items ?? Array.Empty<FaultItem>()).ToArray();
            foreach (FaultItem item in _items)
            {
                if (item == null)
                {
                    throw new ArgumentException("null fault item", nameof(items));
                }
            }
        }

        /// <summary>No faults.</summary>
        public static readonly FaultSchedule Empty = new FaultSchedule(Array.Empty<FaultItem>());

        public IReadOnlyList<FaultItem> Items => _items;

        public bool IsEmpty => _items.Length == 0;

        /// <summary>The canonical spec: items in order, comma-separated (empty string for no faults).</summary>
        public override string ToString()
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < _items.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(',');
                }

                text.Append(_items[i].ToString());
            }

            return text.ToString();
        }

        /// <summary>
        /// Reads a spec. Null, empty or blank means no faults. Throws <see cref="FaultSpecException"/> (and nothing else)
        /// naming the first offending item, what is wrong and the allowed syntax.
        /// </summary>
        public static FaultSchedule Parse(string spec)
        {
            if (spec == null || spec.Trim().Length == 0)
            {
                return Empty;
            }

            List<FaultItem> items = new List<FaultItem>();
            foreach (string raw in spec.Split(','))
            {
                items.Add(ParseItem(raw.Trim()));
            }

            return new FaultSchedule(items);
        }

        /// <summary>Like <see cref="Parse"/> without the exception: false and the error message on bad input.</summary>
        public static bool TryParse(string spec, out FaultSchedule schedule, out string error)
        {
            try
            {
                schedule = Parse(spec);
                error = null;
                return true;
            }
            catch (FaultSpecException e)
            {
                schedule = null;
                error = e.Message;
                return false;
            }
        }

        /// <summary>
        /// A random but reproducible schedule for soak runs: the same seed, days and density always give the same
        /// schedule. <paramref name="density"/> is the average number of faults per simulated day (0 = none); each day
        /// gets floor(density) faults plus one more with probability frac(density). Every item is anchored to its day
        /// (<c>dN …</c>); windows last 5 minutes to 6 hours and may run past midnight. All kinds occur, power cuts and
        /// clock jumps included.
        /// </summary>
        public static FaultSchedule Random(int seed, int days, double density)
        {
            if (days < 1 || days > MaxDay)
            {
                throw new ArgumentOutOfRangeException(nameof(days), "days must be 1.." + MaxDay);
            }

            if (!(density >= 0 && density <= 1000))
            {
                throw new ArgumentOutOfRangeException(nameof(density), "density must be 0..1000 faults per day");
            }

            // Relative weights of the kinds, in FaultKinds.All order.
            int[] weights = { 3, 2, 1, 3, 3, 3, 1, 1, 2, 2 };
            int totalWeight = 0;
            foreach (int w in weights)
            {
                totalWeight += w;
            }

            System.Random random = new System.Random(seed);
            int whole = (int)Math.Floor(density);
            double fraction = density - whole;
            List<FaultItem> items = new List<FaultItem>();
            for (int day = 1; day <= days; day++)
            {
                int count = whole + (random.NextDouble() < fraction ? 1 : 0);
                List<FaultItem> today = new List<FaultItem>();
                for (int i = 0; i < count; i++)
                {
                    int pick = random.Next(totalWeight);
                    int k = 0;
                    while (pick >= weights[k])
                    {
                        pick -= weights[k];
                        k++;
                    }

                    FaultKind kind = FaultKinds.All[k];
                    int start = random.Next(24 * 60);
                    int sensor = FaultKinds.TakesSensor(kind) ? random.Next(3) : 0;
                    int parameter = 0;
                    if (kind == FaultKind.I2cErrors)
                    {
                        parameter = 5 * (1 + random.Next(20));
                    }
                    else if (kind == FaultKind.ClockJump)
                    {
                        parameter = (1 + random.Next(180)) * (random.Next(2) == 0 ? 1 : -1);
                    }

                    FaultTiming timing;
                    if (FaultKinds.IsInstant(kind))
                    {
                        timing = FaultTiming.OnDayAt(day, start);
                    }
                    else
                    {
                        int length = 5 + random.Next(6 * 60 - 5);
                        timing = FaultTiming.OnDay(day, start, (start + length) % (24 * 60));
                    }

                    today.Add(new FaultItem(kind, sensor, parameter, timing));
                }

                today.Sort((a, b) => a.Timing.Start.CompareTo(b.Timing.Start));
                items.AddRange(today);
            }

            return new FaultSchedule(items);
        }

        private static FaultItem ParseItem(string item)
        {
            if (item.Length == 0)
            {
                throw new FaultSpecException("", "empty item (two commas in a row, or a comma at the start or end)");
            }

            int at = item.IndexOf('@');
            if (at < 0)
            {
                throw Error(item, "missing @WHEN after the kind");
            }

            if (item.IndexOf('@', at + 1) >= 0)
            {
                throw Error(item, "more than one @");
            }

            string head = item.Substring(0, at).Trim();
            string when = item.Substring(at + 1).Trim();
            string parameterText = null;
            string sensorText = null;
            int colon = head.IndexOf(':');
            if (colon >= 0)
            {
                parameterText = head.Substring(colon + 1).Trim();
                head = head.Substring(0, colon);
            }

            int hash = head.IndexOf('#');
            if (hash >= 0)
            {
                sensorText = head.Substring(hash + 1).Trim();
                head = head.Substring(0, hash);
            }

            head = head.Trim();
            FaultKind kind;
            if (!FaultKinds.TryParse(head, out kind))
            {
                string[] names = new string[FaultKinds.All.Length];
                for (int i = 0; i < names.Length; i++)
                {
                    names[i] = FaultKinds.Name(FaultKinds.All[i]);
                }

                throw Error(item, (head.Length == 0 ? "missing kind" : "unknown kind '" + Sanitise(head) + "'") + ": use one of " + string.Join(", ", names));
            }

            string name = FaultKinds.Name(kind);
            int sensor = 0;
            if (sensorText != null)
            {
                if (!FaultKinds.TakesSensor(kind))
                {
                    throw Error(item, name + " takes no sensor selector (#1/#2 are for the sensor kinds and i2c-errors)");
                }

                if (sensorText == "1" || sensorText == "2")
                {
                    sensor = sensorText[0] - '0';
                }
                else
                {
                    throw Error(item, "sensor selector must be #1 or #2");
                }
            }

            int parameter = FaultKinds.DefaultParameter(kind);
            if (parameterText != null)
            {
                if (!FaultKinds.TakesParameter(kind))
                {
                    throw Error(item, name + " takes no :parameter (only i2c-errors:PERCENT and clock-jump:+MIN/-MIN do)");
                }

                if (kind == FaultKind.I2cErrors)
                {
                    if (!TryParseNumber(parameterText, false, out parameter) || parameter < 1 || parameter > 100)
                    {
                        throw Error(item, "i2c-errors percent must be a whole number 1..100");
                    }
                }
                else if (!TryParseNumber(parameterText, true, out parameter) || parameter == 0 || parameter < -MaxJumpMinutes || parameter > MaxJumpMinutes)
                {
                    throw Error(item, "clock-jump minutes must be +1..+" + MaxJumpMinutes + " or -1..-" + MaxJumpMinutes);
                }
            }

            FaultTiming timing = ParseWhen(item, name, when, FaultKinds.IsInstant(kind));
            return new FaultItem(kind, sensor, parameter, timing);
        }

        private static FaultTiming ParseWhen(string item, string name, string when, bool instant)
        {
            string needsWindow = name + " lasts a while: give a window (HH:MM-HH:MM, dN HH:MM-HH:MM or +MIN-+MIN)";
            string needsMoment = name + " happens at one moment: give a single time (HH:MM, dN HH:MM or +MIN)";
            if (when.Length == 0)
            {
                throw Error(item, "missing time after @");
            }

            if (when[0] == '+')
            {
                int dash = when.IndexOf('-');
                if (dash < 0)
                {
                    int at;
                    if (!TryParseNumber(when.Substring(1), false, out at))
                    {
                        throw Error(item, "relative time must be +MINUTES (whole minutes after the run starts, up to " + MaxRelativeMinute + ")");
                    }

                    if (!instant)
                    {
                        throw Error(item, needsWindow);
                    }

                    return FaultTiming.RelativeAt(at);
                }

                if (instant)
                {
                    throw Error(item, needsMoment);
                }

                int from;
                int to;
                string second = when.Substring(dash + 1).Trim();
                if (!TryParseNumber(when.Substring(1, dash - 1).Trim(), false, out from) || second.Length < 2 || second[0] != '+' || !TryParseNumber(second.Substring(1), false, out to))
                {
                    throw Error(item, "relative window must be +MIN-+MIN (whole minutes after the run starts, up to " + MaxRelativeMinute + ")");
                }

                if (to <= from)
                {
                    throw Error(item, "relative window must end after it starts");
                }

                return FaultTiming.Relative(from, to);
            }

            int day = 0;
            string clock = when;
            if (when[0] == 'd' || when[0] == 'D')
            {
                int space = 1;
                while (space < when.Length && !char.IsWhiteSpace(when[space]))
                {
                    space++;
                }

                if (!TryParseNumber(when.Substring(1, space - 1), false, out day) || day < 1 || day > MaxDay)
                {
                    throw Error(item, "day must be dN with N = 1.." + MaxDay + " (day 1 = the first day of the run)");
                }

                clock = when.Substring(space).Trim();
                if (clock.Length == 0)
                {
                    throw Error(item, "missing time of day after d" + day + " (dN HH:MM-HH:MM or dN HH:MM)");
                }
            }

            int minus = clock.IndexOf('-');
            if (minus < 0)
            {
                int minute;
                if (!TryParseClock(clock, out minute))
                {
                    throw Error(item, "time of day must be HH:MM (00:00..23:59)");
                }

                if (!instant)
                {
                    throw Error(item, needsWindow);
                }

                return day == 0 ? FaultTiming.DailyAt(minute) : FaultTiming.OnDayAt(day, minute);
            }

            int start;
            int end;
            if (!TryParseClock(clock.Substring(0, minus).Trim(), out start) || !TryParseClock(clock.Substring(minus + 1).Trim(), out end))
            {
                throw Error(item, "window must be HH:MM-HH:MM (00:00..23:59; the end may be earlier than the start to run past midnight)");
            }

            if (instant)
            {
                throw Error(item, needsMoment);
            }

            if (start == end)
            {
                throw Error(item, "window starts and ends at the same time (for a whole day use e.g. d1 00:00-23:59 or a +MIN-+MIN window)");
            }

            return day == 0 ? FaultTiming.Daily(start, end) : FaultTiming.OnDay(day, start, end);
        }

        private static bool TryParseClock(string text, out int minute)
        {
            minute = 0;
            int colon = text.IndexOf(':');
            if (colon < 1 || colon > 2 || text.Length != colon + 3)
            {
                return false;
            }

            int hours;
            int minutes;
            if (!TryParseNumber(text.Substring(0, colon), false, out hours) || !TryParseNumber(text.Substring(colon + 1), false, out minutes) || hours > 23 || minutes > 59)
            {
                return false;
            }

            minute = hours * 60 + minutes;
            return true;
        }

        /// <summary>ASCII digits only (optionally with a leading sign), at most 7 digits; no exceptions, no culture.</summary>
        private static bool TryParseNumber(string text, bool signed, out int value)
        {
            value = 0;
            int i = 0;
            bool negative = false;
            if (signed && text.Length > 0 && (text[0] == '+' || text[0] == '-'))
            {
                negative = text[0] == '-';
                i = 1;
            }

            if (text.Length == i || text.Length - i > 7)
            {
                return false;
            }

            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                value = value * 10 + (c - '0');
            }

            if (negative)
            {
                value = -value;
            }

            return true;
        }

        private static FaultSpecException Error(string item, string reason)
        {
            return new FaultSpecException(Sanitise(item), reason);
        }

        /// <summary>Printable ASCII only, at most 80 characters, so an error never echoes control characters.</summary>
        internal static string Sanitise(string text)
        {
            int length = Math.Min(text.Length, 80);
            StringBuilder clean = new StringBuilder(length + 3);
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                clean.Append(c < ' ' || c > '~' ? '?' : c);
            }

            if (text.Length > 80)
            {
                clean.Append("...");
            }

            return clean.ToString();
        }
    }
}
