using Greenhouse.Sensing;

namespace Greenhouse.Control
{
    /// <summary>
    /// The protective minimum in a dry phase and at rest: no watering, except a short protect.pulse_s when the air
    /// is both dry (below protect.rh) and hot (at or above protect.temp_c, or in summer mode), at most every
    /// protect.interval_min, so the bags do not dry out completely.
    /// </summary>
    public sealed class ProtectiveProgram
    {
        private const long Never = long.MinValue / 4;

        private readonly ZoneLimits _zone;
        private readonly DeviceLimits _device;
        private readonly CropCalendar _calendar;
        private readonly ZoneDecision _decision;
        private long _lastPulseMs = Never;
        private bool _clockStarted;

        public ProtectiveProgram(ZoneLimits zone, DeviceLimits device, CropCalendar calendar, ZoneDecision decision)
        {
            _zone = zone;
            _device = device;
            _calendar = calendar;
            _decision = decision;
        }

        /// <summary>A protective pulse started now.</summary>
        public void PulseStarted(long nowMs)
        {
            _lastPulseMs = nowMs;
        }

        public void Decide(ControlContext c, ZoneClimate z, int stage, long left, bool wasWanting)
        {
            long now = c.NowMs;
            if (!_clockStarted)
            {
                // After a boot the last protective pulse is unknown: wait one interval.
                _clockStarted = true;
                _lastPulseMs = now;
            }

            ReasonCode idle = stage == ControlSettings.StageRest ? ReasonCode.StageNoWater
                : _calendar.WetDaysTotal >= _zone.MaxWetDays ? ReasonCode.WetDayCap : ReasonCode.DryPhase;
            double ia = stage == ControlSettings.StageRest ? stage : idle == ReasonCode.WetDayCap ? _calendar.WetDaysTotal : _calendar.PhaseDay;
            double ib = _zone.DryDays;
            if (!z.HumidityValid || !z.TemperatureValid)
            {
                _decision.Show(ZoneActivity.Idle, idle, ia, ib);
                return;
            }

            bool hot = c.Summer || z.TemperatureCelsius >= _device.ProtectC;
            if (z.RelativeHumidityPercent < _device.ProtectRhPct && hot && now - _lastPulseMs >= _device.ProtectIntervalMs && left >= 1000)
            {
                long pulseMs = _device.ProtectPulseMs;
                _decision.Want(wasWanting, now, PulseKind.Protective, AutoProgram.Min(pulseMs, left), ReasonCode.ProtectivePulse, pulseMs / 1000, z.RelativeHumidityPercent);
                return;
            }

            _decision.Show(ZoneActivity.Idle, idle, ia, ib);
        }
    }
}
