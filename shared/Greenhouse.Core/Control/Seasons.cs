using Greenhouse.Diagnostics;
using Greenhouse.Sensing;

namespace Greenhouse.Control
{
    /// <summary>
    /// The season modes: summer (night-only misting) while any zone reached season.summer_c within
    /// season.memory_h, cold (midday-only) while none reached season.cold_c for a whole memory period. Logged when
    /// they change.
    /// </summary>
    public sealed class Seasons
    {
        private readonly DeviceLimits _device;
        private readonly Logger _log;
        private bool _haveHot;
        private long _lastHotMs;
        private long _lastWarmMs;
        private bool _started;

        public Seasons(ControlLimits limits, Logger log)
        {
            _device = limits.Device;
            _log = log;
        }

        public bool Summer { get; private set; }
        public bool Cold { get; private set; }

        public void Update(long nowMs, ZoneClimate[] climates, int zoneCount)
        {
            bool any = false;
            double max = -100;
            for (int i = 0; i < zoneCount && i < climates.Length; i++)
            {
                if (climates[i].TemperatureValid)
                {
                    any = true;
                    if (climates[i].TemperatureCelsius > max)
                    {
                        max = climates[i].TemperatureCelsius;
                    }
                }
            }

            if (!_started)
            {
                // Cold mode needs a whole memory period without a warm reading, counted from start.
                _started = true;
                _lastWarmMs = nowMs;
            }

            if (any && max >= _device.SummerC)
            {
                _haveHot = true;
                _lastHotMs = nowMs;
            }

            if (any && max >= _device.ColdC)
            {
                _lastWarmMs = nowMs;
            }

            long memory = _device.SeasonMemoryMs;
            bool summer = _device.SummerMode && _haveHot && nowMs - _lastHotMs < memory;
            bool cold = !summer && _device.ColdMode && nowMs - _lastWarmMs >= memory;
            if (summer != Summer || cold != Cold)
            {
                _log.Info("control", "season", "summer=" + (summer ? "on" : "off") + " cold=" + (cold ? "on" : "off"));
            }

            Summer = summer;
            Cold = cold;
        }
    }
}
