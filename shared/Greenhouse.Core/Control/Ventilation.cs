using Greenhouse.Sensing;

namespace Greenhouse.Control
{
    /// <summary>
    /// The fan decision: on when a zone condenses or the warmest zone reaches fan.on_c, off again fan.hyst_c below
    /// it, with minimum on and off times against relay chatter; off when fan.enabled is off. Actuation applies it.
    /// </summary>
    public sealed class Ventilation
    {
        private readonly DeviceLimits _device;

        public Ventilation(ControlLimits limits)
        {
            _device = limits.Device;
            Code = ReasonCode.Start;
        }

        /// <summary>True when the fan must be switched to <see cref="On"/> this tick.</summary>
        public bool Switch { get; private set; }

        /// <summary>The state the fan should be in.</summary>
        public bool On { get; private set; }

        /// <summary>Why (code and values, text by <see cref="Reasons"/>).</summary>
        public ReasonCode Code { get; private set; }
        public double A { get; private set; }
        public double B { get; private set; }

        /// <param name="fanOn">Whether the fan runs now (as actuation last applied it).</param>
        /// <param name="sinceSwitchMs">Milliseconds since actuation last switched it.</param>
        public void Decide(MistZone[] zones, ZoneClimate[] climates, int zoneCount, bool fanOn, long sinceSwitchMs)
        {
            Switch = false;
            On = fanOn;
            if (!_device.FanEnabled)
            {
                Want(false, fanOn, ReasonCode.FanDisabled, 0, 0);
                return;
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

            bool want = condensing || (fanOn ? !cool : hot);
            ReasonCode why = condensing ? ReasonCode.FanCondensation : ReasonCode.FanHot;
            if (want == fanOn)
            {
                if (want)
                {
                    Show(why, max, on);
                }

                return;
            }

            if (fanOn && sinceSwitchMs < _device.FanMinOnMs)
            {
                return;
            }

            if (!fanOn && sinceSwitchMs < _device.FanMinOffMs)
            {
                return;
            }

            if (want)
            {
                Want(true, fanOn, why, max, on);
            }
            else
            {
                Want(false, fanOn, ReasonCode.FanIdle, 0, 0);
            }
        }

        /// <summary>The fan was forced off without a decision (start, reboot).</summary>
        public void ForcedOff(ReasonCode code)
        {
            Switch = false;
            On = false;
            Show(code, 0, 0);
        }

        private void Want(bool on, bool fanOn, ReasonCode code, double a, double b)
        {
            Show(code, a, b);
            On = on;
            Switch = on != fanOn;
        }

        private void Show(ReasonCode code, double a, double b)
        {
            Code = code;
            A = a;
            B = b;
        }
    }
}
