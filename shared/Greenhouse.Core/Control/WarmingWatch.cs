namespace Greenhouse.Control
{
    /// <summary>
    /// Whether the air is heading for the high lockout (docs/control.md "Never wet in hot air"): a film laid on a
    /// warming morning is still wet when the air reaches the lockout, so a due film top-up is held when the air is
    /// within film.heat_margin_c of the lockout and still warming, or when, warming at its recent rate, it would reach
    /// the lockout within <see cref="HorizonSeconds"/>. The rate comes from a reference temperature that trails the
    /// air by <see cref="LagSeconds"/>; time is passed in, nothing is read from a clock.
    /// </summary>
    public sealed class WarmingWatch
    {
        /// <summary>How slowly the reference follows the air, s.</summary>
        public const double LagSeconds = 1200;

        /// <summary>The air counts as warming when it is this much above the reference, °C.</summary>
        public const double WarmingC = 0.2;

        /// <summary>Look-ahead for the air's recent warming, s (a top-up's film lasts hours).</summary>
        public const double HorizonSeconds = 7200;

        private bool _known;
        private double _referenceC;

        /// <summary>Follows a valid air temperature every tick.</summary>
        public void Follow(double airC, long deltaMs)
        {
            if (!_known)
            {
                _known = true;
                _referenceC = airC;
                return;
            }

            double share = deltaMs / 1000.0 / LagSeconds;
            _referenceC += (airC - _referenceC) * (share > 1 ? 1 : share);
        }

        /// <summary>True when a film top-up must wait for the heat to pass (see the class summary).</summary>
        public bool HoldsTopUp(double airC, double lockoutC, double marginC)
        {
            bool warming = !_known || airC >= _referenceC + WarmingC;
            if (airC >= lockoutC - marginC && warming)
            {
                return true;
            }

            if (!_known || !(airC > _referenceC))
            {
                return false;
            }

            // A lag trails a steady rise by rate × lag, so the rate is the gap over the lag.
            double ratePerSecond = (airC - _referenceC) / LagSeconds;
            return airC + ratePerSecond * HorizonSeconds >= lockoutC;
        }
    }
}
