namespace Greenhouse.Control
{
    /// <summary>
    /// The zone's estimate of the water film on bags and ears (docs/control.md "The ears' water balance"), kept in
    /// litres sprayed: every pulse adds what the nozzles delivered, and the film loses water in proportion to the
    /// air's vapour deficit (g/m³, from temperature and humidity) at a rate learned from the house itself
    /// (<see cref="DryingPerLitre"/>: how much deficit × time one sprayed litre lasts). The estimate is "spent" when
    /// all sprayed water is reckoned gone: then a top-up is due. Once a further top-up's worth has dried past that
    /// point the film counts as dry (after a night, a lockout or a dry day) and the next pulse wets it from dry.
    /// The learned rate is corrected after each on-time top-up by <see cref="FilmResponse"/>.
    /// </summary>
    public sealed class FilmBalance
    {
        /// <summary>Deficit × seconds one sprayed litre lasts before anything is learned, g·s/m³. A calibration
        /// guess towards the fast-drying end of plausible houses (2,000 m² of wet surface at 1.2-1.8 mm/s mass
        /// transfer dries a landed litre in 280-420 g·s/m³, and a fifth of the spray never lands): a top-up too early
        /// costs a little water, one too late a dry crop.</summary>
        public const double DryingPerLitreStart = 250;

        /// <summary>Bounds of the learned rate, g·s/m³ per litre: a factor of 15 around plausible houses.</summary>
        public const double DryingPerLitreMin = 60;
        public const double DryingPerLitreMax = 3000;

        /// <summary>Most water the estimate holds, in top-ups: beyond it extra spray is reckoned to run off.</summary>
        public const double MaxTopUps = 2;

        private double _litres;
        private double _pastSpent;

        public FilmBalance()
        {
            DryingPerLitre = DryingPerLitreStart;
            _pastSpent = double.MaxValue;
        }

        /// <summary>Learned deficit × seconds one sprayed litre lasts, g·s/m³.</summary>
        public double DryingPerLitre { get; private set; }

        /// <summary>Litres of spray the estimate still holds on bags and ears.</summary>
        public double Litres
        {
            get { return _litres; }
        }

        /// <summary>Deficit × seconds of drying since the balance was spent, g·s/m³ (huge before the first pulse).</summary>
        public double PastSpent
        {
            get { return _pastSpent; }
        }

        /// <summary>True when every sprayed litre is reckoned gone: a top-up is due.</summary>
        public bool Spent
        {
            get { return _litres <= 0; }
        }

        /// <summary>
        /// True while the film is reckoned wet: water left, or spent for less than one more top-up's drying.
        /// False until the first pulse (a controller that has not sprayed assumes the film dry).
        /// </summary>
        public bool Wet(double doseLitres)
        {
            return _litres > 0 || _pastSpent < doseLitres * DryingPerLitre;
        }

        /// <summary>True when the film counts as dry, so the next pulse must wet it from dry (twice a top-up).</summary>
        public bool Dry(double doseLitres)
        {
            return !Wet(doseLitres);
        }

        /// <summary>The valve was open for <paramref name="litres"/> of spray (capped at the most the film holds).</summary>
        public void Sprayed(double litres, double doseLitres)
        {
            if (!(litres > 0))
            {
                return;
            }

            _litres += litres;
            double most = MaxTopUps * doseLitres;
            if (_litres > most)
            {
                _litres = most;
            }

            _pastSpent = 0;
        }

        /// <summary>The air dried the film for <paramref name="seconds"/> at <paramref name="deficitGm3"/>.</summary>
        public void Dried(double deficitGm3, double seconds)
        {
            if (!(deficitGm3 > 0) || !(seconds > 0))
            {
                return;
            }

            double drying = deficitGm3 * seconds;
            if (_litres > 0)
            {
                _litres -= drying / DryingPerLitre;
                if (_litres > 0)
                {
                    return;
                }

                drying = -_litres * DryingPerLitre;
                _litres = 0;
            }

            if (_pastSpent < double.MaxValue / 2)
            {
                _pastSpent += drying;
            }
        }

        /// <summary>Scales the learned rate (a top-up came early: factor above 1; late: below), within its bounds.</summary>
        public void Scale(double factor)
        {
            double next = DryingPerLitre * factor;
            if (next < DryingPerLitreMin)
            {
                next = DryingPerLitreMin;
            }

            if (next > DryingPerLitreMax)
            {
                next = DryingPerLitreMax;
            }

            DryingPerLitre = next;
        }

        /// <summary>Every sprayed litre is reckoned gone as of now: a top-up is due, the film is not yet dry.</summary>
        public void SpentNow()
        {
            _litres = 0;
            _pastSpent = 0;
        }

        /// <summary>Restores a learned rate (saved state); out-of-range values are ignored.</summary>
        public void Restore(double dryingPerLitre)
        {
            if (dryingPerLitre >= DryingPerLitreMin && dryingPerLitre <= DryingPerLitreMax)
            {
                DryingPerLitre = dryingPerLitre;
            }
        }
    }
}
