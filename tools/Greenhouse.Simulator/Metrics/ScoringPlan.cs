namespace Greenhouse.Simulator.Metrics;

/// <summary>A local-time window, minutes after midnight; End may be below Start (over midnight); Start = End is all day
/// (as the core's profile windows).</summary>
public readonly record struct TimeWindow(int StartMinute, int EndMinute)
{
    public bool Contains(double minuteOfDay)
    {
        if (StartMinute == EndMinute)
        {
            return true;
        }

        if (StartMinute < EndMinute)
        {
            return minuteOfDay >= StartMinute && minuteOfDay < EndMinute;
        }

        return minuteOfDay >= StartMinute || minuteOfDay < EndMinute;
    }

    public static TimeWindow Parse(string text)
    {
        string[] parts = text.Trim().Split('-');
        if (parts.Length != 2)
        {
            throw new FormatException($"window '{text}' is not HH:MM-HH:MM");
        }

        return new TimeWindow(ParseClock(parts[0]), ParseClock(parts[1]));
    }

    public static int ParseClock(string text)
    {
        string[] hm = text.Trim().Split(':');
        if (hm.Length != 2 || !int.TryParse(hm[0], out int h) || !int.TryParse(hm[1], out int m) || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0))
        {
            throw new FormatException($"time '{text}' is not HH:MM");
        }

        return h * 60 + m;
    }

    public override string ToString() => $"{StartMinute / 60:00}:{StartMinute % 60:00}-{EndMinute / 60:00}:{EndMinute % 60:00}";
}

/// <summary>
/// The season modes of the core's settings (docs/control.md "Time windows and seasons"): summer mode (night-only
/// window once the temperature reached <c>season.summer_c</c>, held for <c>season.memory_h</c>) and cold mode
/// (midday-only window when no reading reached <c>season.cold_c</c> for <c>season.memory_h</c>, counted from the
/// start). Hours are whole local hours as in the core.
/// </summary>
public sealed record SeasonRules(bool SummerEnabled, double SummerC, int NightStartH, int NightEndH,
    bool ColdEnabled, double ColdC, int MiddayStartH, int MiddayEndH, int MemoryHours);

/// <summary>
/// Follows the season mode second by second from the true inside air temperature of the simulated houses (the
/// hottest zone, as the engine takes the hottest valid zone), the same way the engine follows its sensors. One
/// tracker per run, driven by the model and not by any controller, so every controller is scored on the same
/// rule.
/// </summary>
public sealed class SeasonTracker
{
    private readonly SeasonRules _rules;
    private bool _started;
    private bool _haveHot;
    private long _lastHotS;
    private long _lastWarmS;

    public SeasonTracker(SeasonRules rules) => _rules = rules;

    public bool Summer { get; private set; }
    public bool Cold { get; private set; }

    /// <summary>Makes this tracker the same as <paramref name="other"/> (same rules), for look-ahead copies.</summary>
    public void CopyFrom(SeasonTracker other)
    {
        _started = other._started;
        _haveHot = other._haveHot;
        _lastHotS = other._lastHotS;
        _lastWarmS = other._lastWarmS;
        Summer = other.Summer;
        Cold = other.Cold;
    }

    public void Update(long second, double maxInsideTempC)
    {
        if (!_started)
        {
            _started = true;
            _lastWarmS = second;
        }

        if (maxInsideTempC >= _rules.SummerC)
        {
            _haveHot = true;
            _lastHotS = second;
        }

        if (maxInsideTempC >= _rules.ColdC)
        {
            _lastWarmS = second;
        }

        long memory = _rules.MemoryHours * 3600L;
        Summer = _rules.SummerEnabled && _haveHot && second - _lastHotS < memory;
        Cold = !Summer && _rules.ColdEnabled && second - _lastWarmS >= memory;
    }
}

/// <summary>
/// How a zone is scored: the target band, the misting windows whose minutes count (the "scored
/// minutes"), which days are wet-phase days, and the temperature lockout used by mist_s_above_lockout.
/// Baselines are scored with the same plan as ours (taken from ours' settings) so the comparison is fair.
/// </summary>
public sealed class ScoringPlan
{
    /// <summary>Default windows when nothing else is known: the growth-stage window of the core's default
    /// profile, 05:00-19:00 (profile.growth.start_h / end_h; wood-ear-domain.md §1, S11).</summary>
    public static readonly TimeWindow[] DefaultWindows = { new(5 * 60, 19 * 60) };

    public double TargetRhPct { get; init; } = 90.0;
    public double BandRhPct { get; init; } = 3.0;
    public double LockoutTempC { get; init; } = 28.0;
    public TimeWindow[] Windows { get; init; } = DefaultWindows;
    /// <summary>Wet days in a wet/dry cycle starting on the first day; 0 = every day is wet.</summary>
    public int WetDays { get; init; }
    /// <summary>Dry days following the wet days in the cycle.</summary>
    public int DryDays { get; init; }

    public double LowerBandRhPct => TargetRhPct - BandRhPct;
    public double UpperBandRhPct => TargetRhPct + BandRhPct;

    public bool InBand(double rhPct) => rhPct >= LowerBandRhPct && rhPct <= UpperBandRhPct;

    public bool IsWetDay(int dayIndex)
    {
        if (WetDays <= 0 || DryDays <= 0)
        {
            return true;
        }

        return dayIndex % (WetDays + DryDays) < WetDays;
    }

    /// <summary>True on a dry-phase day of the wet/dry cycle (counted from the first day; never without a cycle).</summary>
    public bool IsDryDay(DateTime local, DateTime startLocal) => !IsWetDay((int)(local.Date - startLocal.Date).TotalDays);

    /// <summary>
    /// Season rules of the core's settings, or null (then only <see cref="Windows"/> count). When set, a summer
    /// or cold mode replaces the stage window by the night or midday window, as the engine does, but only for
    /// stages that have a window at all.
    /// </summary>
    public SeasonRules? Seasons { get; init; }

    /// <summary>True when this local time is a scored minute (wet day, inside a misting window).</summary>
    public bool IsScored(DateTime local, DateTime startLocal) => IsScored(local, startLocal, false, false);

    /// <summary>True when this local time is a scored minute (wet day, inside the misting window that the season
    /// mode allows at that moment).</summary>
    public bool IsScored(DateTime local, DateTime startLocal, bool summer, bool cold) =>
        IsScored((int)(local.Date - startLocal.Date).TotalDays, local.TimeOfDay.TotalMinutes, summer, cold);

    /// <summary>The same as <see cref="IsScored(DateTime, DateTime, bool, bool)"/> for day <paramref name="dayIndex"/>
    /// of the run (0 = the first) at <paramref name="minute"/> after local midnight, without date arithmetic (the
    /// oracle asks this thousands of times per simulated minute).</summary>
    public bool IsScored(int dayIndex, double minute, bool summer, bool cold)
    {
        if (!IsWetDay(dayIndex))
        {
            return false;
        }

        if (Seasons != null && Windows.Length > 0 && (summer || cold))
        {
            var season = summer
                ? new TimeWindow(Seasons.NightStartH * 60, Seasons.NightEndH * 60)
                : new TimeWindow(Seasons.MiddayStartH * 60, Seasons.MiddayEndH * 60);
            return season.Contains(minute);
        }

        foreach (var w in Windows)
        {
            if (w.Contains(minute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The crop stage the plan was derived from (for reports), or null.</summary>
    public string? Stage { get; init; }

    public string Describe() =>
        (Stage != null ? $"stage {Stage}, " : "") + $"target {TargetRhPct:0.#} ± {BandRhPct:0.#} %RH, windows {(Windows.Length == 0 ? "none (stage gives no water)" : string.Join(", ", Windows.Select(w => w.ToString())))}, lockout {LockoutTempC:0.#} °C" +
        (WetDays > 0 && DryDays > 0 ? $", {WetDays} wet / {DryDays} dry days" : "") +
        (Seasons != null && Windows.Length > 0
            ? (Seasons.SummerEnabled ? $", summer mode (≥ {Seasons.SummerC:0.#} °C within {Seasons.MemoryHours} h) {Seasons.NightStartH:00}:00-{Seasons.NightEndH:00}:00" : "") +
              (Seasons.ColdEnabled ? $", cold mode (< {Seasons.ColdC:0.#} °C for {Seasons.MemoryHours} h) {Seasons.MiddayStartH:00}:00-{Seasons.MiddayEndH:00}:00" : "")
            : "");
}
