namespace Greenhouse.Control
{
    /// <summary>
    /// How the house answered a film top-up, read from the air (docs/control.md "Learning from the house"). While the
    /// bags hold a full film, the whole wet surface evaporates and the closed house's air stays close to saturation;
    /// once the film shrinks, less surface evaporates and the vapour deficit grows. A top-up given while the film was
    /// still full leaves the deficit where it was; one given late (the film already shrinking) lowers it for good. So
    /// the ratio of the deficit <see cref="AfterFromMinutes"/>-<see cref="AfterToMinutes"/> minutes after the top-up
    /// (when its own spray has long mixed out) to the deficit of the ten minutes before it says whether the top-up
    /// came early (near 1) or late (well below 1). The deficit follows the air temperature far more than the film, so
    /// a measurement counts only when the temperature stayed within <see cref="SteadyTemperatureC"/>, with
    /// trustworthy readings, the fan unchanged and no other pulse from ten minutes before to the end.
    /// </summary>
    public sealed class FilmResponse
    {
        /// <summary>Minutes of history before a top-up.</summary>
        private const int History = 10;

        /// <summary>Window after the top-up's end whose mean deficit is compared, minutes.</summary>
        public const int AfterFromMinutes = 35;
        public const int AfterToMinutes = 45;

        /// <summary>Below this deficit (g/m³) the air is too close to saturation to tell anything.</summary>
        public const double LeastDeficitGm3 = 0.15;

        /// <summary>Most the air temperature may change between the windows for a judgement, °C.</summary>
        public const double SteadyTemperatureC = 0.6;

        private readonly double[] _minuteDeficit = new double[History];
        private readonly double[] _minuteTemp = new double[History];
        private readonly bool[] _minuteClean = new bool[History];
        private int _head;
        private int _stored;

        private long _minuteStartMs;
        private bool _minuteStarted;
        private double _minuteSum;
        private double _minuteTempSum;
        private long _minuteMs;
        private bool _clean;
        private bool _fanOn;
        private bool _fanKnown;

        private bool _armed;
        private bool _afterSet;
        private double _before;
        private double _tempBefore;
        private long _afterFromMs;
        private long _afterToMs;
        private double _afterSum;
        private double _afterTempSum;
        private long _afterMs;
        private bool _hasResult;
        private double _ratio;

        /// <summary>
        /// True once when a measurement has finished: <paramref name="ratio"/> is the deficit after the top-up ÷ the
        /// deficit before it.
        /// </summary>
        public bool TakeResult(out double ratio)
        {
            ratio = _ratio;
            bool had = _hasResult;
            _hasResult = false;
            return had;
        }

        /// <summary>Follows the air every tick; <paramref name="valid"/> false when the zone has no trustworthy climate.</summary>
        public void Track(long nowMs, long deltaMs, bool valid, double deficitGm3, double temperatureC, bool fanOn, bool valveOpen)
        {
            bool fanChanged = _fanKnown && fanOn != _fanOn;
            _fanOn = fanOn;
            _fanKnown = true;
            if (!_minuteStarted)
            {
                _minuteStarted = true;
                _minuteStartMs = nowMs;
                _clean = true;
            }

            if (!valid || fanChanged || valveOpen)
            {
                _clean = false;
            }
            else if (deltaMs > 0)
            {
                _minuteSum += deficitGm3 * deltaMs;
                _minuteTempSum += temperatureC * deltaMs;
                _minuteMs += deltaMs;
            }

            if (nowMs - _minuteStartMs >= 60000)
            {
                bool clean = _minuteMs > 0 && _clean;
                Store(clean ? _minuteSum / _minuteMs : 0, clean ? _minuteTempSum / _minuteMs : 0, clean);
                _minuteStartMs = nowMs;
                _minuteSum = 0;
                _minuteTempSum = 0;
                _minuteMs = 0;
                _clean = true;
            }

            if (_armed && _afterSet)
            {
                Follow(nowMs, deltaMs, valid, deficitGm3, temperatureC, fanChanged, valveOpen);
            }
        }

        /// <summary>True while the window after a top-up is awaited or measured.</summary>
        public bool Measuring
        {
            get { return _armed && _afterSet; }
        }

        /// <summary>Uptime at which the running measurement ends.</summary>
        public long MeasuredByMs
        {
            get { return _afterToMs; }
        }

        /// <summary>A film top-up starts now: remember the last ten minutes, if they were clean.</summary>
        public void TopUpStarted()
        {
            _hasResult = false;
            _armed = false;
            _afterSet = false;
            if (_stored < History)
            {
                return;
            }

            double deficit = 0;
            double temp = 0;
            for (int i = 0; i < History; i++)
            {
                if (!_minuteClean[i])
                {
                    return;
                }

                deficit += _minuteDeficit[i];
                temp += _minuteTemp[i];
            }

            deficit /= History;
            if (deficit < LeastDeficitGm3)
            {
                return;
            }

            _before = deficit;
            _tempBefore = temp / History;
            _armed = true;
        }

        /// <summary>The top-up's valve closed: the window after it is timed from now.</summary>
        public void TopUpEnded(long nowMs)
        {
            if (!_armed)
            {
                return;
            }

            _afterSet = true;
            _afterFromMs = nowMs + AfterFromMinutes * 60000L;
            _afterToMs = nowMs + AfterToMinutes * 60000L;
            _afterSum = 0;
            _afterTempSum = 0;
            _afterMs = 0;
        }

        /// <summary>Anything else that spoils the measurement (another pulse, a stage change).</summary>
        public void Abandon()
        {
            _armed = false;
            _afterSet = false;
        }

        private void Follow(long nowMs, long deltaMs, bool valid, double deficitGm3, double temperatureC, bool fanChanged, bool valveOpen)
        {
            if (!valid || fanChanged || valveOpen)
            {
                Abandon();
                return;
            }

            if (nowMs >= _afterFromMs && deltaMs > 0)
            {
                _afterSum += deficitGm3 * deltaMs;
                _afterTempSum += temperatureC * deltaMs;
                _afterMs += deltaMs;
            }

            if (nowMs < _afterToMs || _afterMs <= 0)
            {
                return;
            }

            double change = _afterTempSum / _afterMs - _tempBefore;
            if (change <= SteadyTemperatureC && change >= -SteadyTemperatureC)
            {
                _ratio = _afterSum / _afterMs / _before;
                _hasResult = true;
            }

            Abandon();
        }

        private void Store(double deficit, double temperatureC, bool clean)
        {
            _minuteDeficit[_head] = deficit;
            _minuteTemp[_head] = temperatureC;
            _minuteClean[_head] = clean;
            _head = (_head + 1) % History;
            if (_stored < History)
            {
                _stored++;
            }
        }
    }
}
