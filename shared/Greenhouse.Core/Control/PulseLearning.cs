using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Text;

namespace Greenhouse.Control
{
    /// <summary>
    /// What a zone learns from its own automatic pulses: the humidity peak each pulse reaches (while the valve is
    /// open and while it settles) scales the next pulse (shorter after overshoot above target + band, longer while
    /// peaks stay below target), and pulses that raise humidity by less than no_effect.rise_pct, no_effect.pulses in
    /// a row, raise no_effect and pause the program (a blocked nozzle or an empty line).
    /// </summary>
    public sealed class PulseLearning
    {
        private const long Never = long.MinValue / 4;

        private readonly int _n;
        private readonly DeviceLimits _device;
        private readonly AlarmSet _alarms;
        private bool _startValid;
        private double _startRh;
        private double _peakRh;
        private bool _peakValid;
        private int _noEffectCount;

        public PulseLearning(int zone, ControlLimits limits, AlarmSet alarms)
        {
            _n = zone;
            _device = limits.Device;
            _alarms = alarms;
            PulseFactor = 1.0;
            BackoffUntilMs = Never;
        }

        /// <summary>Learned pulse scale from recent peaks, 0.3..2.</summary>
        public double PulseFactor { get; private set; }

        /// <summary>True after an automatic pulse ended and before its outcome was judged.</summary>
        public bool OutcomePending { get; private set; }

        /// <summary>No automatic pulse before this uptime (after no_effect).</summary>
        public long BackoffUntilMs { get; private set; }

        /// <summary>Follows the humidity peak while the valve is open or settling.</summary>
        public void Track(ZoneClimate z, bool openOrSettling)
        {
            if (z.HumidityValid && openOrSettling && (!_peakValid || z.RelativeHumidityPercent > _peakRh))
            {
                _peakRh = z.RelativeHumidityPercent;
                _peakValid = true;
            }
        }

        /// <summary>A pulse started: remember where humidity started.</summary>
        public void PulseStarted(ZoneClimate z)
        {
            _startValid = z.HumidityValid;
            _startRh = z.RelativeHumidityPercent;
            _peakRh = _startRh;
            _peakValid = z.HumidityValid;
            OutcomePending = false;
        }

        /// <summary>A pulse ended; only automatic pulses are judged.</summary>
        public void PulseEnded(PulseKind kind)
        {
            OutcomePending = kind == PulseKind.Auto;
        }

        /// <summary>A new stage: earlier pulses say nothing about it.</summary>
        public void Forget()
        {
            _noEffectCount = 0;
            BackoffUntilMs = Never;
        }

        /// <summary>Judges the last automatic pulse once humidity has settled.</summary>
        public void Learn(long now, double target, double band)
        {
            OutcomePending = false;
            if (!_startValid || !_peakValid)
            {
                return;
            }

            double rise = _peakRh - _startRh;
            if (rise < _device.NoEffectRisePct)
            {
                _noEffectCount++;
                if (_noEffectCount >= _device.NoEffectPulses)
                {
                    BackoffUntilMs = now + _device.NoEffectBackoffMs;
                    SetAlarm(true, Num.Format((long)_noEffectCount) + " pulses, rise " + Num.Format(rise, 1) + " %", now);
                }
            }
            else
            {
                _noEffectCount = 0;
                SetAlarm(false, null, now);
            }

            if (_peakRh > target + band)
            {
                PulseFactor = PulseFactor * 0.8 < 0.3 ? 0.3 : PulseFactor * 0.8;
            }
            else if (_peakRh < target)
            {
                PulseFactor = PulseFactor * 1.15 > 2 ? 2 : PulseFactor * 1.15;
            }
        }

        private void SetAlarm(bool active, string detail, long now)
        {
            if (_alarms.IsActive(AlarmCodes.NoEffect, _n) != active)
            {
                _alarms.Set(AlarmCodes.NoEffect, _n, active, detail, now);
            }
        }
    }
}
