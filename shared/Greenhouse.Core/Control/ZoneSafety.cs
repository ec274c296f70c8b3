using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Text;

namespace Greenhouse.Control
{
    /// <summary>
    /// One zone's safety blocks that no program may pass: the high temperature lockout (runny-ear rot; the lower of
    /// lockout.high_c, the stage's max_temp_c and the hard ceiling), the frost lockout, both with hysteresis, and
    /// condensation (near saturation for fan.condensation_min). Each raises and clears its alarm.
    /// </summary>
    public sealed class ZoneSafety
    {
        private const long Never = long.MinValue / 4;

        private readonly int _n;
        private readonly DeviceLimits _device;
        private readonly AlarmSet _alarms;
        private long _nearSaturationSinceMs = Never;

        public ZoneSafety(int zone, ControlLimits limits, AlarmSet alarms)
        {
            _n = zone;
            _device = limits.Device;
            _alarms = alarms;
        }

        public bool LockedHigh { get; private set; }
        public bool LockedLow { get; private set; }
        public bool Condensing { get; private set; }

        /// <summary>Updates the temperature lockouts from the zone's validated temperature.</summary>
        public void UpdateLocks(ZoneClimate z, int stage, long now)
        {
            if (!z.TemperatureValid)
            {
                // Unknown temperature: the degraded program (more conservative without temperature) takes over.
                LockedHigh = false;
                LockedLow = false;
                SetAlarm(AlarmCodes.HighTemperatureLockout, false, null, now);
                SetAlarm(AlarmCodes.LowTemperatureLockout, false, null, now);
                return;
            }

            double t = z.TemperatureCelsius;
            double hyst = _device.LockoutHystC;
            double high = _device.HighLockoutC(stage);
            double low = _device.LockoutLowC;
            if (!LockedHigh && t >= high)
            {
                LockedHigh = true;
            }
            else if (LockedHigh && t <= high - hyst)
            {
                LockedHigh = false;
            }

            if (!LockedLow && t <= low)
            {
                LockedLow = true;
            }
            else if (LockedLow && t >= low + hyst)
            {
                LockedLow = false;
            }

            if (LockedHigh != _alarms.IsActive(AlarmCodes.HighTemperatureLockout, _n))
            {
                SetAlarm(AlarmCodes.HighTemperatureLockout, LockedHigh, Num.Format(t, 1) + " C >= " + Num.FormatShort(high, 1), now);
            }

            if (LockedLow != _alarms.IsActive(AlarmCodes.LowTemperatureLockout, _n))
            {
                SetAlarm(AlarmCodes.LowTemperatureLockout, LockedLow, Num.Format(t, 1) + " C <= " + Num.FormatShort(low, 1), now);
            }
        }

        /// <summary>Condensation: humidity at or above fan.condensation_rh for fan.condensation_min; ends 2 %RH below.</summary>
        public void UpdateCondensation(ZoneClimate z, long now)
        {
            double limit = _device.CondensationRhPct;
            if (z.HumidityValid && z.RelativeHumidityPercent >= limit)
            {
                if (_nearSaturationSinceMs == Never)
                {
                    _nearSaturationSinceMs = now;
                }

                if (!Condensing && now - _nearSaturationSinceMs >= _device.CondensationMinutes * 60000)
                {
                    Condensing = true;
                    SetAlarm(AlarmCodes.Condensation, true, "rh " + Num.Format(z.RelativeHumidityPercent, 1) + " for "
                        + Num.Format(_device.CondensationMinutes) + " min", now);
                }
            }
            else if (!z.HumidityValid || z.RelativeHumidityPercent < limit - 2)
            {
                _nearSaturationSinceMs = Never;
                if (Condensing)
                {
                    Condensing = false;
                    SetAlarm(AlarmCodes.Condensation, false, null, now);
                }
            }
        }

        private void SetAlarm(string code, bool active, string detail, long now)
        {
            if (_alarms.IsActive(code, _n) != active)
            {
                _alarms.Set(code, _n, active, detail, now);
            }
        }
    }
}
