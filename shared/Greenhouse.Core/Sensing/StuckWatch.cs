namespace Greenhouse.Sensing
{
    /// <summary>
    /// Finds a humidity reading frozen at one value (a wet or dead sensing element): exactly unchanged for
    /// sensor.stuck_min while something shows the air did change — a valve opened, the temperature moved by
    /// sensor.stuck_change_c, or the other sensor's humidity moved by sensor.stuck_change_rh. At the top the sensor
    /// clamps to 100 %: a constant value there is saturation's business.
    /// </summary>
    public sealed class StuckWatch
    {
        private bool _tracking;
        private double _rh;
        private long _sinceMs;
        private bool _evidence;
        private double _tMin;
        private double _tMax;
        private bool _otherSeen;
        private double _otherMin;
        private double _otherMax;

        public bool Stuck { get; private set; }

        public void Update(long nowMs, SensorLimits limits, double rh, double t, bool valveOpen, bool otherValid, double otherRh)
        {
            if (!_tracking || rh != _rh)
            {
                _tracking = true;
                _rh = rh;
                _sinceMs = nowMs;
                _evidence = false;
                _tMin = t;
                _tMax = t;
                _otherSeen = otherValid;
                _otherMin = otherRh;
                _otherMax = otherRh;
                Stuck = false;
                return;
            }

            if (t < _tMin)
            {
                _tMin = t;
            }

            if (t > _tMax)
            {
                _tMax = t;
            }

            if (otherValid)
            {
                if (!_otherSeen)
                {
                    _otherSeen = true;
                    _otherMin = otherRh;
                    _otherMax = otherRh;
                }
                else if (otherRh < _otherMin)
                {
                    _otherMin = otherRh;
                }
                else if (otherRh > _otherMax)
                {
                    _otherMax = otherRh;
                }
            }

            if (valveOpen || _tMax - _tMin >= limits.StuckChangeTemperature
                || (_otherSeen && _otherMax - _otherMin >= limits.StuckChangeRh))
            {
                _evidence = true;
            }

            Stuck = _evidence && nowMs - _sinceMs >= limits.StuckMs && rh < limits.SaturationRh;
        }
    }

    /// <summary>
    /// Finds a sensor sitting at saturation (condensed water on the element): at or above sensor.saturation_rh for
    /// sensor.saturation_h without misting that could explain it; cleared once it reads below sensor.saturation_clear_rh.
    /// </summary>
    public sealed class SaturationWatch
    {
        private long _sinceMs = -1;

        public bool Saturated { get; private set; }

        public void Update(long nowMs, SensorLimits limits, double rh, bool mistingRecently)
        {
            if (rh >= limits.SaturationRh && !mistingRecently)
            {
                if (_sinceMs < 0)
                {
                    _sinceMs = nowMs;
                }

                if (nowMs - _sinceMs >= limits.SaturationMs)
                {
                    Saturated = true;
                }

                return;
            }

            _sinceMs = -1;
            double clear = limits.SaturationClearRh < limits.SaturationRh ? limits.SaturationClearRh : limits.SaturationRh;
            if (Saturated && rh < clear)
            {
                Saturated = false;
            }
        }
    }
}
