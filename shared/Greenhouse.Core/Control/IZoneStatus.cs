using Greenhouse.Sensing;

namespace Greenhouse.Control
{
    /// <summary>One zone as readers see it: its setting-derived state, this tick's decision and its valve.</summary>
    public interface IZoneStatus
    {
        int Number { get; }
        string StageName { get; }

        /// <summary>Days completed in the current stage.</summary>
        int StageDay { get; }

        /// <summary>"wet" or "dry" (the growth stage's alternation).</summary>
        string PhaseName { get; }

        /// <summary>Days completed in the current wet or dry phase.</summary>
        int PhaseDay { get; }

        /// <summary>Wet growth days this flush (capped by max_wet_days).</summary>
        int WetDaysTotal { get; }

        /// <summary>Active humidity target, %RH.</summary>
        double TargetRh { get; }

        ZoneActivity Activity { get; }

        /// <summary>Why the zone is in its state ("mist on: rh 82.1 &lt; 87.0").</summary>
        string Reason { get; }

        /// <summary>The same as a code (see <see cref="Reasons"/>), for programs that act on it.</summary>
        ReasonCode ReasonCode { get; }

        /// <summary>The validated climate the zone decided on this tick (sensor assignment and fallback applied).</summary>
        ZoneClimate Climate { get; }

        /// <summary>True while the zone's valve is open.</summary>
        bool ValveOpen { get; }

        /// <summary>Milliseconds the valve has been open at nowMs (0 when closed).</summary>
        long ValveOpenForMs(long nowMs);

        /// <summary>Valve-open time since local midnight, ms.</summary>
        long WaterTodayMs { get; }

        /// <summary>Valve-open time since the counters began (kept across reboots), ms.</summary>
        long WaterTotalMs { get; }

        /// <summary>Litres since local midnight from nozzle_flow_l_min.</summary>
        double WaterTodayLitres { get; }

        /// <summary>True when the zone keeps a film balance (zoneN.film on); the film members below mean nothing otherwise.</summary>
        bool FilmEstimated { get; }

        /// <summary>True while the film balance reckons the bags and ears wet.</summary>
        bool EarsWet { get; }

        /// <summary>Litres of spray the film balance still reckons on the bags.</summary>
        double FilmLitres { get; }

        /// <summary>Learned drying rate: vapour deficit × seconds one sprayed litre lasts, g·s/m³.</summary>
        double FilmDryingPerLitre { get; }
    }
}
