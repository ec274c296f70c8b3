using Greenhouse.Sensing;

namespace Greenhouse.Control
{
    /// <summary>
    /// Whether the zone's open valve stays open this tick (docs/control.md, table row 7): the pulse is done, has reached
    /// max_mist_s, an automatic pulse has lifted the humidity to the upper band edge, or the program that opened it no
    /// longer applies. The budget is the zone's own check, before this one.
    /// </summary>
    public sealed class RunningPulse
    {
        private readonly ZoneLimits _zone;
        private readonly DeviceLimits _device;
        private readonly ValvePulse _pulse;
        private readonly CropCalendar _calendar;

        public RunningPulse(ZoneLimits zone, DeviceLimits device, ValvePulse pulse, CropCalendar calendar)
        {
            _zone = zone;
            _device = device;
            _pulse = pulse;
            _calendar = calendar;
        }

        /// <summary>Why the pulse stops now, with the reason's two numbers; <see cref="ReasonCode.None"/> to go on.</summary>
        public ReasonCode StopReason(ControlContext c, ZoneClimate z, int stage, int mode, out double a, out double b)
        {
            a = 0;
            b = 0;
            long onFor = _pulse.OpenForMs(c.NowMs);
            PulseKind kind = _pulse.Kind;
            if (onFor >= _pulse.PulseMs)
            {
                // Done first: a pulse its program already clipped to max_mist_s (a film wetting) ends as planned and
                // raises no max_continuous alarm; only a pulse still running at the limit is cut by it.
                a = _pulse.PulseMs / 1000;
                return kind == PulseKind.Manual ? ReasonCode.ManualDone : ReasonCode.MistOffPulseDone;
            }

            long maxMs = _zone.MaxContinuousMs;
            if (onFor >= maxMs)
            {
                a = maxMs / 1000;
                return ReasonCode.MaxContinuous;
            }

            double upper = _zone.TargetRhPct + _zone.BandPct;
            if (kind == PulseKind.Auto && z.HumidityValid && z.RelativeHumidityPercent >= upper)
            {
                // Early stop at the upper band edge (target + band), not at the target: mist passing the sensor
                // reads high for a moment, and the pulse length already sizes the dose.
                a = z.RelativeHumidityPercent;
                b = upper;
                return ReasonCode.MistOffTarget;
            }

            return ProgramRules.StillApplies(kind, c, z, stage, mode, _calendar.DryPhase, _device) ? ReasonCode.None : ReasonCode.ProgramStopped;
        }
    }
}
