using System;

namespace Greenhouse.Faults
{
    /// <summary>How the WHEN part of a fault item is anchored.</summary>
    public enum FaultTimingKind
    {
        /// <summary><c>HH:MM-HH:MM</c> or <c>HH:MM</c>: every simulated day (local time); a window may wrap midnight.</summary>
        Daily,
        /// <summary><c>dN HH:MM-HH:MM</c> or <c>dN HH:MM</c>: on simulated day N only (day 1 = the local date the run starts).</summary>
        Day,
        /// <summary><c>+A-+B</c> or <c>+A</c>: minutes after the start of the run.</summary>
        Relative,
    }

    /// <summary>
    /// When one fault item applies. Windows are half-open [start, end). Instantaneous items have only a start.
    /// Daily and Day times are minutes of the local day (0..1439); Relative times are minutes since run start.
    /// </summary>
    public sealed class FaultTiming : IEquatable<FaultTiming>
    {
        public FaultTiming(FaultTimingKind kind, int day, int start, int end, bool instant)
        {
            Kind = kind;
            Day = day;
            Start = start;
            End = instant ? start : end;
            IsInstant = instant;
        }

        public FaultTimingKind Kind { get; }
        /// <summary>Day number (1 = first day of the run) for <see cref="FaultTimingKind.Day"/>; 0 otherwise.</summary>
        public int Day { get; }
        /// <summary>Start: minute of day (Daily, Day) or minutes since run start (Relative).</summary>
        public int Start { get; }
        /// <summary>End (exclusive), same unit as Start; equal to Start for instants. For Daily and Day an end at or
        /// before the start means the window runs past midnight into the next day.</summary>
        public int End { get; }
        public bool IsInstant { get; }

        /// <summary>True when a Daily or Day window runs past midnight.</summary>
        public bool WrapsMidnight
        {
            get { return !IsInstant && Kind != FaultTimingKind.Relative && End <= Start; }
        }

        public static FaultTiming Daily(int startMinute, int endMinute) => new FaultTiming(FaultTimingKind.Daily, 0, startMinute, endMinute, false);
        public static FaultTiming DailyAt(int minute) => new FaultTiming(FaultTimingKind.Daily, 0, minute, minute, true);
        public static FaultTiming OnDay(int day, int startMinute, int endMinute) => new FaultTiming(FaultTimingKind.Day, day, startMinute, endMinute, false);
        public static FaultTiming OnDayAt(int day, int minute) => new FaultTiming(FaultTimingKind.Day, day, minute, minute, true);
        public static FaultTiming Relative(int fromMinute, int toMinute) => new FaultTiming(FaultTimingKind.Relative, 0, fromMinute, toMinute, false);
        public static FaultTiming RelativeAt(int minute) => new FaultTiming(FaultTimingKind.Relative, 0, minute, minute, true);

        /// <summary>The WHEN text in canonical form (what <see cref="FaultSchedule.Parse"/> reads back).</summary>
        public override string ToString()
        {
            switch (Kind)
            {
                case FaultTimingKind.Relative:
                    return IsInstant ? "+" + Start : "+" + Start + "-+" + End;
                case FaultTimingKind.Day:
                    return "d" + Day + " " + Clock(Start) + (IsInstant ? "" : "-" + Clock(End));
                default:
                    return Clock(Start) + (IsInstant ? "" : "-" + Clock(End));
            }
        }

        /// <summary>Minute of day as HH:MM.</summary>
        public static string Clock(int minuteOfDay)
        {
            return (minuteOfDay / 60).ToString("D2") + ":" + (minuteOfDay % 60).ToString("D2");
        }

        public bool Equals(FaultTiming other)
        {
            return other != null && Kind == other.Kind && Day == other.Day && Start == other.Start && End == other.End && IsInstant == other.IsInstant;
        }

        public override bool Equals(object obj) => Equals(obj as FaultTiming);

        public override int GetHashCode() => HashCode.Combine(Kind, Day, Start, End, IsInstant);
    }
}
