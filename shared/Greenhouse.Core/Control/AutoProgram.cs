using Greenhouse.Sensing;

namespace Greenhouse.Control
{
    /// <summary>
    /// The wet phase's automatic program (docs/control.md): first the ears' water film — a top-up when its
    /// <see cref="FilmProgram"/> balance is spent — then pulse-and-settle on measured humidity: below target − band the zone asks for a pulse
    /// sized by the deficit (pulse_min_s at the edge to pulse_max_s at pulse_full_deficit, scaled by what
    /// <see cref="PulseLearning"/> learned), then leaves humidity to settle for settle_s and keeps min_off_s between
    /// pulses. A request once made is held through the pump pre-run until the valve opens or humidity recovers.
    /// </summary>
    public sealed class AutoProgram
    {
        private readonly ZoneLimits _zone;
        private readonly ValvePulse _pulse;
        private readonly PulseLearning _learning;
        private readonly WaterBudget _budget;
        private readonly ZoneDecision _decision;
        private readonly FilmProgram _film;

        public AutoProgram(ZoneLimits zone, ValvePulse pulse, PulseLearning learning, FilmProgram film, WaterBudget budget, ZoneDecision decision)
        {
            _zone = zone;
            _film = film;
            _pulse = pulse;
            _learning = learning;
            _budget = budget;
            _decision = decision;
        }

        /// <param name="filmOnly">Condensation hold with the fan running: only a film top-up may start.</param>
        public void Decide(ControlContext c, ZoneClimate z, int stage, long left, bool wasWanting, long hourLeft, bool filmOnly)
        {
            long now = c.NowMs;
            double rh = z.RelativeHumidityPercent;
            double target = _zone.TargetRhPct;
            double band = _zone.BandPct;
            double lower = target - band;
            if (now < _pulse.SettleUntilMs)
            {
                _decision.Show(ZoneActivity.Idle, ReasonCode.Settling, (_pulse.SettleUntilMs - now + 999) / 1000, 0);
                return;
            }

            if (_learning.OutcomePending)
            {
                _learning.Learn(now, target, band);
            }

            if (now < _learning.BackoffUntilMs)
            {
                _decision.Show(ZoneActivity.Blocked, ReasonCode.NoEffectBackoff, (_learning.BackoffUntilMs - now + 59999) / 60000, 0);
                return;
            }

            long minOffMs = _zone.MinOffMs;
            bool offLongEnough = now - _pulse.LastCloseMs >= minOffMs;
            if ((offLongEnough || (wasWanting && _decision.WantKind == PulseKind.Film)) && _film.Decide(c, z, stage, left, wasWanting))
            {
                return;
            }

            if (filmOnly)
            {
                return;
            }

            if (wasWanting && _decision.WantKind == PulseKind.Auto && rh < target)
            {
                // Latched request: a pulse once asked for is held through the pump pre-run (and while waiting for a
                // valve slot) until the valve opens. Without the latch, sensor noise around the lower edge started the
                // pump, lifted the next reading back over the edge and stopped the pump before any valve opened.
                // The latch lets go once humidity has clearly recovered (at the target).
                if (left < _zone.PulseMinMs)
                {
                    Blocked(now, hourLeft);
                    return;
                }

                _decision.Want(wasWanting, now, PulseKind.Auto, Min(_decision.WantPulseMs, left), _decision.WantCode, _decision.WantA, _decision.WantB);
                return;
            }

            if (rh >= lower)
            {
                _decision.Show(ZoneActivity.Idle, _film.HeldForHeat ? ReasonCode.FilmHeldForHeat : ReasonCode.InBand, _film.HeldForHeat ? z.TemperatureCelsius : rh, lower);
                return;
            }

            // Below target - band the zone mists, unless the film still holds half a top-up: more spray would run
            // off the bags (a leaky house cannot hold the target on water alone).
            if (_film.Holds(0.5))
            {
                _decision.Show(ZoneActivity.Idle, ReasonCode.FilmHolds, _film.Balance.Litres, 0);
                return;
            }

            if (!offLongEnough)
            {
                _decision.Show(ZoneActivity.Idle, ReasonCode.MinOff, (minOffMs - (now - _pulse.LastCloseMs) + 999) / 1000, 0);
                return;
            }

            long pulseMinMs = _zone.PulseMinMs;
            long pulseMaxMs = _zone.PulseMaxMs;
            double fraction = (target - rh) / _zone.FullDeficitPct;
            if (fraction > 1)
            {
                fraction = 1;
            }

            double pulse = pulseMinMs + (pulseMaxMs - pulseMinMs) * fraction;
            if (_zone.Anticipate)
            {
                pulse *= _learning.PulseFactor;
            }

            long pulseMs = (long)pulse;
            if (pulseMs < pulseMinMs)
            {
                pulseMs = pulseMinMs;
            }

            if (left < pulseMinMs)
            {
                Blocked(now, hourLeft);
                return;
            }

            _decision.Want(wasWanting, now, PulseKind.Auto, Min(pulseMs, left), ReasonCode.MistOnDeficit, rh, lower);
        }

        private void Blocked(long now, long hourLeft)
        {
            ReasonCode code;
            double used;
            double budget;
            _budget.Blocked(now, hourLeft, out code, out used, out budget);
            _decision.CloseValve(code, used, budget);
            _decision.Show(ZoneActivity.Blocked, code, used, budget);
        }

        internal static long Min(long a, long b)
        {
            return a < b ? a : b;
        }
    }
}
