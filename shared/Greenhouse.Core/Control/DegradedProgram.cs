using Greenhouse.Sensing;

namespace Greenhouse.Control
{
    /// <summary>
    /// The fallback when a zone has no trustworthy humidity or temperature: short fixed pulses
    /// (degraded.pulse_s every degraded.interval_min), halved and twice as far apart without temperature, and none
    /// at all without temperature and clock (nothing could tell a hot afternoon). Better than plain off for the crop,
    /// never more water than the budgets allow.
    /// </summary>
    public sealed class DegradedProgram
    {
        private readonly DeviceLimits _device;
        private readonly ValvePulse _pulse;
        private readonly WaterBudget _budget;
        private readonly ZoneDecision _decision;
        private bool _active;
        private long _sinceMs;

        public DegradedProgram(DeviceLimits device, ValvePulse pulse, WaterBudget budget, ZoneDecision decision)
        {
            _device = device;
            _pulse = pulse;
            _budget = budget;
            _decision = decision;
        }

        /// <summary>The sensors are trustworthy again: the next fault starts a fresh interval.</summary>
        public void Stop()
        {
            _active = false;
        }

        public void Decide(ControlContext c, ZoneClimate z, long left, long hourLeft, bool wasWanting)
        {
            long now = c.NowMs;
            if (!_active)
            {
                _active = true;
                _sinceMs = now;
            }

            long pulseMs = _device.DegradedPulseMs;
            long intervalMs = _device.DegradedIntervalMs;
            if (!z.TemperatureValid)
            {
                if (!c.ClockSynced)
                {
                    _decision.Show(ZoneActivity.Fault, ReasonCode.DegradedUnsafe, 0, 0);
                    return;
                }

                pulseMs = pulseMs / 2 < 1000 ? 1000 : pulseMs / 2;
                intervalMs *= 2;
            }

            long last = _pulse.LastCloseMs > _sinceMs ? _pulse.LastCloseMs : _sinceMs;
            if (now - last < intervalMs)
            {
                _decision.Show(ZoneActivity.Fault, ReasonCode.DegradedWait, (intervalMs - (now - last) + 999) / 1000, 0);
                return;
            }

            if (left < 1000)
            {
                ReasonCode code;
                double used;
                double budget;
                _budget.Blocked(now, hourLeft, out code, out used, out budget);
                _decision.CloseValve(code, used, budget);
                _decision.Show(ZoneActivity.Blocked, code, used, budget);
                return;
            }

            _decision.Want(wasWanting, now, PulseKind.Degraded, AutoProgram.Min(pulseMs, left), ReasonCode.DegradedPulse, pulseMs / 1000, 0);
        }
    }
}
