using Greenhouse.Climate;
using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Text;

namespace Greenhouse.Control
{
    /// <summary>
    /// Keeps the ears wet from their water balance (docs/control.md "The ears' water balance"): follows the
    /// <see cref="FilmBalance"/> every tick (spray in, drying out at the measured vapour deficit) and asks for a top-up
    /// of film_dose_l when the balance is spent — twice that when the film counts as dry — unless
    /// <see cref="WarmingWatch"/> says the air is heading for the lockout. After each top-up given on time,
    /// <see cref="FilmResponse"/> tells whether it came early or late and the drying rate is corrected, so the
    /// estimate fits the house it runs in.
    /// </summary>
    public sealed class FilmProgram
    {
        /// <summary>Ratio at or above which a top-up came while the film was still full: it lasts longer than reckoned.</summary>
        public const double EarlyRatio = 0.95;

        /// <summary>Ratio below which the film had shrunk well before the top-up: it lasts less than reckoned.</summary>
        public const double LateRatio = 0.72;

        /// <summary>Correction of the drying rate per judged top-up.</summary>
        public const double LongerFactor = 1.25;
        public const double ShorterFactor = 0.8;

        /// <summary>
        /// Least relative deficit the film is reckoned to dry at, as a share of saturation: a BME280 is good to ±3 %RH
        /// (wood-ear-domain.md §4), so air it reads as saturated may be 3 % below, and bags still warm from the day dry
        /// their film into saturated night air.
        /// </summary>
        public const double LeastDryingShare = 0.03;

        /// <summary>A top-up is judged only when it starts within a quarter of a top-up's drying after the balance ran out.</summary>
        private const double OnTimeShare = 0.25;

        private readonly int _n;
        private readonly Logger _log;
        private readonly ZoneLimits _zone;
        private readonly DeviceLimits _device;
        private readonly ValvePulse _pulse;
        private readonly ZoneDecision _decision;
        private readonly FilmBalance _balance = new FilmBalance();
        private readonly FilmResponse _response = new FilmResponse();
        private readonly WarmingWatch _warming = new WarmingWatch();
        private bool _wantFromDry;

        public FilmProgram(int number, ZoneLimits zone, DeviceLimits device, ValvePulse pulse, ZoneDecision decision, Logger log)
        {
            _n = number;
            _log = log;
            _zone = zone;
            _device = device;
            _pulse = pulse;
            _decision = decision;
        }

        /// <summary>The zone's film estimate and its learned drying rate.</summary>
        public FilmBalance Balance
        {
            get { return _balance; }
        }

        /// <summary>Judged top-ups so far that came early and late.</summary>
        public int Early { get; private set; }
        public int Late { get; private set; }

        /// <summary>True when the last decision held a due top-up back for the heat ahead.</summary>
        public bool HeldForHeat { get; private set; }

        /// <summary>True when the zone runs the film program (zoneN.film).</summary>
        public bool Enabled
        {
            get { return _zone.Film; }
        }

        /// <summary>True while the program is on and the estimate reckons the ears wet.</summary>
        public bool EarsWet
        {
            get { return _zone.Film && _balance.Wet(_zone.FilmDoseLitres); }
        }

        /// <summary>True when the program is on and its balance still holds <paramref name="topUps"/> top-ups of water.</summary>
        public bool Holds(double topUps)
        {
            return _zone.Film && _balance.Litres >= _zone.FilmDoseLitres * topUps;
        }

        /// <summary>Every tick, before deciding: the spray of the last interval or the drying, and the air's answer.</summary>
        public void Follow(ControlContext c, ZoneClimate z)
        {
            long dt = c.DeltaMs;
            bool valid = z.HumidityValid && z.TemperatureValid;
            double deficit = valid ? Deficit(z.TemperatureCelsius, z.RelativeHumidityPercent) : 0;
            if (z.TemperatureValid)
            {
                _warming.Follow(z.TemperatureCelsius, dt);
            }

            if (_pulse.Open)
            {
                _balance.Sprayed(_zone.NozzleFlowLMin * dt / 60000.0, _zone.FilmDoseLitres);
            }
            else if (valid)
            {
                _balance.Dried(DryingDeficit(z.TemperatureCelsius, deficit), dt / 1000.0);
            }

            _response.Track(c.NowMs, dt, valid, deficit, z.TemperatureCelsius, c.FanOn, _pulse.Open);
            double ratio;
            if (_response.TakeResult(out ratio))
            {
                Judge(ratio);
            }
        }

        /// <summary>
        /// True when the program has taken the decision (a top-up wished for, or waiting for the last one's answer);
        /// false leaves the zone to the humidity program. Called with the valve closed, settled and past min_off_s (or
        /// holding its own wish).
        /// </summary>
        public bool Decide(ControlContext c, ZoneClimate z, int stage, long left, bool wasWanting)
        {
            HeldForHeat = false;
            if (!_zone.Film || !(_zone.NozzleFlowLMin > 0))
            {
                return false;
            }

            bool latched = wasWanting && _decision.WantKind == PulseKind.Film;
            if (!latched && !_balance.Spent)
            {
                return false;
            }

            if (!latched && _response.Measuring)
            {
                // The next top-up waits for the last one's answer: without it the drying rate is never corrected.
                _decision.Show(ZoneActivity.Idle, ReasonCode.FilmAwaitsAnswer, (_response.MeasuredByMs - c.NowMs + 59999) / 60000, 0);
                return true;
            }

            double lockout = _device.HighLockoutC(stage);
            if (_warming.HoldsTopUp(z.TemperatureCelsius, lockout, _device.FilmHeatMarginC))
            {
                // Held, not blocked: the humidity program still holds target - band.
                HeldForHeat = true;
                return false;
            }

            if (left < 1000)
            {
                return false;
            }

            bool fromDry = latched ? _wantFromDry : _balance.Dry(_zone.FilmDoseLitres);
            double litres = fromDry ? 2 * _zone.FilmDoseLitres : _zone.FilmDoseLitres;
            long pulseMs = (long)(litres / _zone.NozzleFlowLMin * 60000.0);
            if (pulseMs < 1000)
            {
                pulseMs = 1000;
            }

            if (pulseMs > _zone.MaxContinuousMs)
            {
                pulseMs = _zone.MaxContinuousMs;
            }

            _wantFromDry = fromDry;
            _decision.Want(wasWanting, c.NowMs, PulseKind.Film, AutoProgram.Min(pulseMs, left), fromDry ? ReasonCode.FilmWetting : ReasonCode.FilmTopUp, litres, 0);
            return true;
        }

        /// <summary>The valve opened for a pulse of <paramref name="kind"/>: only an on-time top-up is judged.</summary>
        public void PulseStarted(PulseKind kind)
        {
            bool onTime = kind == PulseKind.Film && !_wantFromDry
                && _balance.PastSpent < OnTimeShare * _zone.FilmDoseLitres * _balance.DryingPerLitre;
            if (onTime)
            {
                _response.TopUpStarted();
            }
            else
            {
                _response.Abandon();
            }
        }

        /// <summary>The valve closed after a pulse of <paramref name="kind"/>.</summary>
        public void PulseEnded(PulseKind kind, long nowMs)
        {
            if (kind == PulseKind.Film)
            {
                _response.TopUpEnded(nowMs);
            }
        }

        /// <summary>
        /// After a reboot with saved state: the learned drying rate comes back, and the film counts as just spent —
        /// the controller cannot know how long the power was off, so one normal top-up follows (not a wetting from
        /// dry, which would double the water of every warm reboot).
        /// </summary>
        public void Restore(double dryingPerLitre)
        {
            _balance.Restore(dryingPerLitre);
            _balance.SpentNow();
        }

        /// <summary>A new stage or phase: what the last top-up said no longer applies.</summary>
        public void Forget()
        {
            _response.Abandon();
        }

        /// <summary>What the estimate dries the film at: the air's deficit, never below <see cref="LeastDryingShare"/> of saturation.</summary>
        public static double DryingDeficit(double temperatureC, double deficitGm3)
        {
            double least = Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(temperatureC, 100.0) * LeastDryingShare;
            return deficitGm3 > least ? deficitGm3 : least;
        }

        /// <summary>Vapour deficit of the air, g/m³ (0 at or above saturation).</summary>
        public static double Deficit(double temperatureC, double relativeHumidityPct)
        {
            if (relativeHumidityPct >= 100)
            {
                return 0;
            }

            return Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(temperatureC, 100.0) * (1.0 - relativeHumidityPct / 100.0);
        }

        private void Judge(double ratio)
        {
            double was = _balance.DryingPerLitre;
            string verdict = "in time";
            if (ratio >= EarlyRatio)
            {
                _balance.Scale(LongerFactor);
                Early++;
                verdict = "early";
            }
            else if (ratio < LateRatio)
            {
                _balance.Scale(ShorterFactor);
                Late++;
                verdict = "late";
            }

            _log.Info("zone", "film top-up " + verdict, "zone=" + Num.Format((long)_n) + " ratio=" + Num.Format(ratio, 2)
                + " drying_per_l=" + Num.Format(was, 0) + "->" + Num.Format(_balance.DryingPerLitre, 0));
        }
    }
}
