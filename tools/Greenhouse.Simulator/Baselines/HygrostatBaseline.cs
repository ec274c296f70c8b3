namespace Greenhouse.Simulator.Baselines;

/// <summary>
/// A Home Assistant generic_hygrostat (or ESPHome bang-bang) humidifier on the same BME280: turns the
/// mist on when the reading is at or below target - dry_tolerance, off at or above target +
/// wet_tolerance, and never switches before min_cycle_duration has passed in the current state. Runs
/// all day (no schedule), no temperature lockout. A failed read leaves the output as it was.
/// </summary>
public sealed class HygrostatBaseline : BaselineBase
{
    private bool[] _on = Array.Empty<bool>();
    private long[] _since = Array.Empty<long>();

    public HygrostatBaseline(double targetRhPct = 90, double dryTolerance = 3, double wetTolerance = 3, int minCycleSeconds = 60)
    {
        TargetRhPct = targetRhPct;
        DryTolerance = dryTolerance;
        WetTolerance = wetTolerance;
        MinCycleSeconds = minCycleSeconds;
    }

    public override string Name => "hygrostat";
    public double TargetRhPct { get; }
    public double DryTolerance { get; }
    public double WetTolerance { get; }
    public int MinCycleSeconds { get; }

    public override void Start(SimWorld world)
    {
        _on = new bool[world.ZoneCount];
        _since = new long[world.ZoneCount];
        for (int z = 0; z < _since.Length; z++)
        {
            _since[z] = -MinCycleSeconds;
        }
    }

    protected override bool ZoneOn(SimWorld world, int zone)
    {
        var sensor = world.Sensors[zone];
        if (!sensor.Present)
        {
            return _on[zone];
        }

        double rh = sensor.RelativeHumidityPct;
        bool want = _on[zone];
        if (!_on[zone] && rh <= TargetRhPct - DryTolerance)
        {
            want = true;
        }
        else if (_on[zone] && rh >= TargetRhPct + WetTolerance)
        {
            want = false;
        }

        if (want != _on[zone] && world.Second - _since[zone] >= MinCycleSeconds)
        {
            _on[zone] = want;
            _since[zone] = world.Second;
        }

        return _on[zone];
    }
}
