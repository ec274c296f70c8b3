using Greenhouse.Actuation;
using Greenhouse.Sensing;

namespace Greenhouse.Control
{
    /// <summary>
    /// The fan decision: on when a zone condenses or the warmest zone reaches fan.on_c, off again fan.hyst_c below
    /// it, with minimum on and off times against relay chatter; off when fan.enabled is off.
    /// </summary>
    public sealed class Ventilation
    {
        private readonly DeviceLimits _device;
        private readonly FanDrive _fan;

        public Ventilation(ControlLimits limits, FanDrive fan)
        {
            _device = limits.Device;
            _fan = fan;
        }

        /// <summary>Decides and applies; returns true when the fan switched (the counters are then saved).</summary>
        public bool Update(long nowMs, MistZone[] zones, ZoneClimate[] climates, int zoneCount)
        {
            if (!_device.FanEnabled)
            {
                return _fan.Set(false, nowMs, ReasonCode.FanDisabled, 0, 0);
            }

            double on = _device.FanOnC;
            double off = on - _device.FanHystC;
            bool hot = false;
            bool cool = true;
            bool condensing = false;
            double max = -100;
            for (int i = 0; i < zoneCount && i < zones.Length; i++)
            {
                if (zones[i].Safety.Condensing)
                {
                    condensing = true;
                }

                if (climates[i].TemperatureValid)
                {
                    double t = climates[i].TemperatureCelsius;
                    if (t > max)
                    {
                        max = t;
                    }

                    if (t >= on)
                    {
                        hot = true;
                    }

                    if (t > off)
                    {
                        cool = false;
                    }
                }
            }

            bool isOn = _fan.Relay.IsOn;
            bool want = condensing || (isOn ? !cool : hot);
            ReasonCode why = condensing ? ReasonCode.FanCondensation : ReasonCode.FanHot;
            if (want == isOn)
            {
                if (want)
                {
                    _fan.Show(why, max, on);
                }

                return false;
            }

            long since = nowMs - _fan.ChangedMs;
            if (isOn && since < _device.FanMinOnMs)
            {
                return false;
            }

            if (!isOn && since < _device.FanMinOffMs)
            {
                return false;
            }

            return want ? _fan.Set(true, nowMs, why, max, on) : _fan.Set(false, nowMs, ReasonCode.FanIdle, 0, 0);
        }
    }
}
