using Greenhouse.Simulator.Metrics;

namespace Greenhouse.Simulator.Baselines;

/// <summary>
/// A KG316T-style microcomputer time switch (wood-ear-domain.md §3, S35): a daily program of at most 16
/// on/off events (8 sessions) at 1-minute resolution, no sensor, no lockout. The default program follows
/// the growth-period practice "water twice a day, 05:00-07:00 and 17:00-19:00" (§1, S11) with short
/// pulses (pre-primordia sessions of 5-10 min, §2, S10): 6 minutes at 05:00, 05:30, 06:00, 06:30,
/// 17:00, 17:30, 18:00 and 18:30.
/// </summary>
public sealed class TimerBaseline : BaselineBase
{
    public const int MaxEvents = 16;

    public static readonly TimeWindow[] DefaultProgram =
    {
        new(5 * 60, 5 * 60 + 6), new(5 * 60 + 30, 5 * 60 + 36), new(6 * 60, 6 * 60 + 6), new(6 * 60 + 30, 6 * 60 + 36),
        new(17 * 60, 17 * 60 + 6), new(17 * 60 + 30, 17 * 60 + 36), new(18 * 60, 18 * 60 + 6), new(18 * 60 + 30, 18 * 60 + 36),
    };

    private readonly TimeWindow[] _program;

    public TimerBaseline(TimeWindow[]? program = null)
    {
        _program = program ?? DefaultProgram;
        if (_program.Length * 2 > MaxEvents)
        {
            throw new ArgumentException($"a KG316T holds at most {MaxEvents} on/off events ({MaxEvents / 2} sessions); the program has {_program.Length} sessions");
        }
    }

    public override string Name => "timer";
    public IReadOnlyList<TimeWindow> Program => _program;

    protected override bool ZoneOn(SimWorld world, int zone)
    {
        // 1-minute resolution: the switch looks at whole minutes only.
        var local = world.LocalNow;
        int minute = local.Hour * 60 + local.Minute;
        foreach (var w in _program)
        {
            if (w.Contains(minute))
            {
                return true;
            }
        }

        return false;
    }
}
