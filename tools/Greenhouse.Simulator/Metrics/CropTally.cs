using Greenhouse.Simulator.Physics;

namespace Greenhouse.Simulator.Metrics;

/// <summary>
/// The crop's objective (wood-ear-domain.md §1-2, issue 14) as one number, lower is better, so controllers can be
/// ranked and the oracle can search for the best actions. Per zone, in minutes and litres:
/// <list type="bullet">
/// <item>hot and wet (<c>hot_wet_min</c>: film wet or RH ≥ 95 % while the air is at or above the lockout; runny ear
/// and mould, §2 "Overwatering"): <see cref="HotWetPerMinute"/>;</item>
/// <item>a scored minute (wet phase, inside the window the settings allow) with the ears dry: ears harden and stop
/// growing (§2 "Underwatering"): <see cref="DryScoredPerMinute"/>;</item>
/// <item>film wet on a dry-phase day ("dry fully, wet fully", §1): <see cref="WetOnDryDayPerMinute"/>;</item>
/// <item>stagnant saturated air (<c>stagnant_min</c>: RH ≥ 98 % with the fan off, counted in stretches longer than
/// 60 min; growth wants strong ventilation, §1 [S11][S12]): <see cref="StagnantPerMinute"/>;</item>
/// <item>water sprayed <see cref="WaterPerLitre"/>, plus <see cref="RunoffPerLitre"/> for every litre that runs off,
/// and <see cref="PerValveOpening"/> for each valve opening (relay and valve wear).</item>
/// </list>
/// The order of the weights is the crop's order: never hot and wet, then ears wet when allowed, then fresh air, then
/// the least water. A wet scored minute costs far less water than its weight, so the weights decide only where the
/// goals conflict (drying before the heat, ventilating a saturated house).
/// </summary>
public static class CropObjective
{
    public const double HotWetPerMinute = 50;
    public const double DryScoredPerMinute = 10;
    public const double WetOnDryDayPerMinute = 10;
    public const double StagnantPerMinute = 2;
    public const double WaterPerLitre = 0.2;
    public const double RunoffPerLitre = 0.3;
    public const double PerValveOpening = 2;

    /// <summary>RH at or above which air at or above the lockout counts as hot and wet, %.</summary>
    public const double HotWetRhPct = 95;
    /// <summary>RH at or above which still air counts as stagnant and saturated, %.</summary>
    public const double StagnantRhPct = 98;
    /// <summary>A stagnant stretch counts only once it lasts longer than this, s ("for hours").</summary>
    public const double StagnantAfterSeconds = 3600;
}

/// <summary>
/// The crop's tally of one zone, second by second (or in look-ahead steps of several seconds): what
/// <see cref="CropObjective"/> weighs. The metrics keep one per zone for the run; the oracle copies it into its
/// look-ahead so that it optimises exactly what the metrics report.
/// </summary>
public sealed class CropTally
{
    /// <summary>Seconds scored (wet phase inside the allowed window), and those with the film wet.</summary>
    public double ScoredSeconds;
    public double WetScoredSeconds;
    /// <summary>Seconds with the air at or above the lockout and the film wet or RH ≥ 95 %.</summary>
    public double HotWetSeconds;
    /// <summary>Seconds counted as stagnant (inside stretches of RH ≥ 98 % with the fan off longer than 60 min).</summary>
    public double StagnantSeconds;
    /// <summary>Length of the current stretch of RH ≥ 98 % with the fan off, s.</summary>
    public double StagnantRunSeconds;
    /// <summary>Seconds with the film wet on dry-phase days.</summary>
    public double WetOnDryDaySeconds;
    public long ValveOpenings;
    public bool ValveWasOpen;

    public double DryScoredSeconds => ScoredSeconds - WetScoredSeconds;

    /// <summary>
    /// Records <paramref name="dt"/> seconds that ended in the state of <paramref name="house"/>. Its RH is computed
    /// only when it matters (hot air or a closed house), so a look-ahead need not compute it every step.
    /// </summary>
    public void Record(double dt, bool scored, bool dryDay, HouseModel house, double lockoutC, bool fanOn, bool valveOpen)
    {
        bool filmWet = house.SurfaceWet;
        double airTempC = house.AirTempC;
        double rh = double.NaN;
        if (scored)
        {
            ScoredSeconds += dt;
            if (filmWet)
            {
                WetScoredSeconds += dt;
            }
        }

        if (dryDay && filmWet)
        {
            WetOnDryDaySeconds += dt;
        }

        if (airTempC >= lockoutC)
        {
            if (filmWet)
            {
                HotWetSeconds += dt;
            }
            else
            {
                rh = house.RelativeHumidityPct;
                if (rh >= CropObjective.HotWetRhPct)
                {
                    HotWetSeconds += dt;
                }
            }
        }

        if (!fanOn && (double.IsNaN(rh) ? house.RelativeHumidityPct : rh) >= CropObjective.StagnantRhPct)
        {
            StagnantRunSeconds += dt;
            if (StagnantRunSeconds > CropObjective.StagnantAfterSeconds)
            {
                // The stretch just became long enough: all of it counts, then every further second.
                StagnantSeconds += StagnantRunSeconds - dt > CropObjective.StagnantAfterSeconds ? dt : StagnantRunSeconds;
            }
        }
        else
        {
            StagnantRunSeconds = 0;
        }

        if (valveOpen && !ValveWasOpen)
        {
            ValveOpenings++;
        }

        ValveWasOpen = valveOpen;
    }

    /// <summary>The objective for this tally with the water and runoff of the same period, litres.</summary>
    public double Cost(double waterL, double runoffL) =>
        CropObjective.HotWetPerMinute * HotWetSeconds / 60.0
        + CropObjective.DryScoredPerMinute * DryScoredSeconds / 60.0
        + CropObjective.WetOnDryDayPerMinute * WetOnDryDaySeconds / 60.0
        + CropObjective.StagnantPerMinute * StagnantSeconds / 60.0
        + CropObjective.WaterPerLitre * waterL
        + CropObjective.RunoffPerLitre * runoffL
        + CropObjective.PerValveOpening * ValveOpenings;

    public void CopyFrom(CropTally o)
    {
        ScoredSeconds = o.ScoredSeconds;
        WetScoredSeconds = o.WetScoredSeconds;
        HotWetSeconds = o.HotWetSeconds;
        StagnantSeconds = o.StagnantSeconds;
        StagnantRunSeconds = o.StagnantRunSeconds;
        WetOnDryDaySeconds = o.WetOnDryDaySeconds;
        ValveOpenings = o.ValveOpenings;
        ValveWasOpen = o.ValveWasOpen;
    }

    /// <summary>Adds another zone's totals (for the run's total; the running stretch is not added).</summary>
    public void Merge(CropTally o)
    {
        ScoredSeconds += o.ScoredSeconds;
        WetScoredSeconds += o.WetScoredSeconds;
        HotWetSeconds += o.HotWetSeconds;
        StagnantSeconds += o.StagnantSeconds;
        WetOnDryDaySeconds += o.WetOnDryDaySeconds;
        ValveOpenings += o.ValveOpenings;
    }
}
