namespace Greenhouse.Simulator.Baselines;

/// <summary>
/// A cycle timer relay (XY-LJ02 type, wood-ear-domain.md §3, S36/S37): fixed ON and OFF times repeating
/// forever from power-up, no clock, so it runs 24 h a day. Default 5 min on / 25 min off, the "about
/// 5 min of mist every about 30 min" full-light pinning practice (§2, S8) set on a relay that cannot
/// stop at night.
/// </summary>
public sealed class CycleBaseline : BaselineBase
{
    public CycleBaseline(double onMinutes = 5, double offMinutes = 25)
    {
        if (onMinutes <= 0 || offMinutes <= 0)
        {
            throw new ArgumentException("cycle on and off times must be positive");
        }

        OnSeconds = (long)Math.Round(onMinutes * 60);
        OffSeconds = (long)Math.Round(offMinutes * 60);
    }

    public override string Name => "cycle";
    public long OnSeconds { get; }
    public long OffSeconds { get; }

    protected override bool ZoneOn(SimWorld world, int zone) => world.Second % (OnSeconds + OffSeconds) < OnSeconds;
}
