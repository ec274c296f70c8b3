using Greenhouse.Climate;
using Greenhouse.Ports;

namespace Greenhouse.Sensing
{
    /// <summary>
    /// One climate sensor as the controller sees it: the last good reading, its derived values, and a health verdict
    /// with a reason. A reading counts only in the tick it was taken; a failed read never leaves an old value looking
    /// fresh. One tick is <see cref="Read"/> (bus, retry, range, rate of change, bus recovery) then
    /// <see cref="Evaluate"/> (stuck, saturation, disagreement, health with hysteresis); <see cref="SensorArray"/>
    /// calls both for its two channels. Allocates nothing unless the bus adapter throws.
    /// </summary>
    /// <remarks>
    /// Health rules. An invalid reading (bus error or bad data after one retry, out of range, NaN, implausible
    /// step) makes an Ok sensor Suspect at once; <see cref="SensorLimits.FailAfterErrors"/> invalid readings without
    /// a run of <see cref="SensorLimits.SuspectClearReadings"/> valid ones in between make it Failed. Suspect
    /// returns to Ok after SuspectClearReadings clean readings (valid, no stuck/saturated/disagree condition),
    /// Failed only after <see cref="SensorLimits.RecoverAfterReadings"/> clean readings, so a flapping sensor stays
    /// out of control decisions. Stuck and disagreement make the sensor Suspect, saturation makes it Failed; all
    /// three concern humidity only: the temperature stays usable (<see cref="TemperatureUsable"/>).
    /// </remarks>
    public sealed class SensorChannel : ISensorStatus
    {
        private readonly IClimateSensor _port;

        private SensorReason _problem;
        private int _badCount;
        private int _goodRun;
        private int _cleanRun;

        private bool _hasPrevious;
        private long _previousMs;
        private double _previousTemperature;
        private double _previousRh;

        private long _nextRecoverMs;
        private long _backoffMs;

        private readonly StuckWatch _stuck = new StuckWatch();
        private readonly SaturationWatch _saturation = new SaturationWatch();

        public SensorChannel(string name, IClimateSensor port)
        {
            Name = name;
            _port = port;
            Health = port == null ? SensorHealth.Absent : SensorHealth.Suspect;
            ReasonCode = port == null ? SensorReason.NotFitted : SensorReason.NoReading;
            Reason = SensorReasons.Text(ReasonCode);
            PressureHectopascals = double.NaN;
        }

        public string Name { get; private set; }
        public SensorHealth Health { get; private set; }
        /// <summary>Why the health is what it is, as a code.</summary>
        public SensorReason ReasonCode { get; private set; }
        /// <summary>Why the health is what it is, as a word ("ok", "bus_error", "rh_step", "saturated").</summary>
        public string Reason { get; private set; }
        /// <summary>True when the last tick produced a valid reading (the values below are from this tick).</summary>
        public bool Fresh { get; private set; }
        public double TemperatureCelsius { get; private set; }
        public double RelativeHumidityPercent { get; private set; }
        /// <summary>NaN when the sensor has no pressure channel or it reported an implausible value.</summary>
        public double PressureHectopascals { get; private set; }
        public double DewPointCelsius { get; private set; }
        public double VapourPressureDeficitKilopascals { get; private set; }
        public double AbsoluteHumidityGramsPerCubicMetre { get; private set; }

        /// <summary>Ticks whose reading was invalid, since start.</summary>
        public long ErrorCount { get; private set; }
        /// <summary>Reads retried within a tick, since start.</summary>
        public long RetryCount { get; private set; }
        /// <summary>Ticks in a row whose read failed on the bus (after the retry).</summary>
        public int ConsecutiveBusErrors { get; private set; }
        /// <summary>Bus recovery requests made to the adapter, since start.</summary>
        public long RecoveryRequests { get; private set; }
        /// <summary>True in the tick a bus recovery was requested.</summary>
        public bool RecoveryRequestedThisTick { get; private set; }
        /// <summary>True in the tick health or reason changed.</summary>
        public bool HealthChanged { get; private set; }

        /// <summary>Humidity exactly unchanged for the stuck time while conditions changed.</summary>
        public bool Stuck
        {
            get { return _stuck.Stuck; }
        }

        /// <summary>Humidity at saturation for the saturation time without misting (cleared below the clear level).</summary>
        public bool Saturated
        {
            get { return _saturation.Saturated; }
        }

        /// <summary>True when no sensor is fitted at this position.</summary>
        public bool IsAbsent
        {
            get { return _port == null; }
        }

        /// <summary>The humidity of this tick may be acted on.</summary>
        public bool HumidityUsable
        {
            get { return Fresh && Health == SensorHealth.Ok; }
        }

        /// <summary>The temperature of this tick may be acted on (also while only the humidity is faulted).</summary>
        public bool TemperatureUsable
        {
            get
            {
                return Fresh && (Health == SensorHealth.Ok
                    || ((Health == SensorHealth.Suspect || Health == SensorHealth.Failed) && SensorReasons.HumidityOnly(ReasonCode)));
            }
        }

        /// <summary>Single-sensor tick with the given limits (no partner, no disagreement).</summary>
        public void Update(long nowMs, SensorLimits limits, bool valveOpen, bool mistingRecently)
        {
            Read(nowMs, limits);
            Evaluate(nowMs, limits, valveOpen, mistingRecently, false, 0, false);
        }

        /// <summary>
        /// Reads the sensor (retrying once in the tick), checks NaN, range and rate of change, and asks the adapter
        /// to recover the bus after repeated bus errors, with doubling backoff. Returns true when the reading is valid.
        /// </summary>
        public bool Read(long nowMs, SensorLimits limits)
        {
            Fresh = false;
            RecoveryRequestedThisTick = false;
            _problem = SensorReason.Ok;
            if (_port == null)
            {
                return false;
            }

            ClimateReading reading;
            SensorReason problem = ReadOnce(limits, out reading);
            if (problem != SensorReason.Ok)
            {
                RetryCount++;
                problem = ReadOnce(limits, out reading);
            }

            bool inRange = problem == SensorReason.Ok;
            if (inRange && _hasPrevious && nowMs - _previousMs <= limits.RateWindowMs)
            {
                long dt = nowMs - _previousMs;
                double seconds = (dt < 1000 ? 1000 : dt) / 1000.0;
                if (Abs(reading.RelativeHumidityPercent - _previousRh) > limits.MaxRhStepPerSecond * seconds)
                {
                    problem = SensorReason.HumidityStep;
                }
                else if (Abs(reading.TemperatureCelsius - _previousTemperature) > limits.MaxTemperatureStepPerSecond * seconds)
                {
                    problem = SensorReason.TemperatureStep;
                }
            }

            if (inRange)
            {
                // Compared against the last plausible raw value, accepted or not: a lone spike costs two readings,
                // a real step (door opened, sensor replaced) one.
                _hasPrevious = true;
                _previousMs = nowMs;
                _previousTemperature = reading.TemperatureCelsius;
                _previousRh = reading.RelativeHumidityPercent;
            }

            if (problem != SensorReason.Ok)
            {
                _problem = problem;
                ErrorCount++;
                if (SensorReasons.IsBus(problem))
                {
                    ConsecutiveBusErrors++;
                    if (ConsecutiveBusErrors >= limits.FailAfterErrors && nowMs >= _nextRecoverMs)
                    {
                        RequestRecovery(nowMs, limits);
                    }
                }
                else
                {
                    ConsecutiveBusErrors = 0;
                }

                return false;
            }

            ConsecutiveBusErrors = 0;
            _backoffMs = 0;
            _nextRecoverMs = 0;
            double t = reading.TemperatureCelsius;
            double rh = reading.RelativeHumidityPercent;
            TemperatureCelsius = t;
            RelativeHumidityPercent = rh;
            double p = reading.PressureHectopascals;
            PressureHectopascals = p >= 300 && p <= 1100 ? p : double.NaN;
            DewPointCelsius = Psychrometrics.DewPointCelsius(t, rh);
            VapourPressureDeficitKilopascals = Psychrometrics.VapourPressureDeficitKilopascals(t, rh);
            AbsoluteHumidityGramsPerCubicMetre = Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(t, rh);
            Fresh = true;
            return true;
        }

        /// <summary>
        /// Updates the stuck and saturation conditions and the health after <see cref="Read"/>.
        /// </summary>
        /// <param name="valveOpen">A misting valve is open now (misting must move the humidity).</param>
        /// <param name="mistingRecently">A valve was open within the quiet time (saturation is then expected).</param>
        /// <param name="otherValid">The other sensor's reading of this tick is valid.</param>
        /// <param name="otherRh">The other sensor's humidity, %.</param>
        /// <param name="disagree">The two sensors disagree (from <see cref="SensorArray"/>).</param>
        public void Evaluate(long nowMs, SensorLimits limits, bool valveOpen, bool mistingRecently, bool otherValid, double otherRh, bool disagree)
        {
            HealthChanged = false;
            if (_port == null)
            {
                SetHealth(SensorHealth.Absent, SensorReason.NotFitted);
                return;
            }

            if (!Fresh)
            {
                _goodRun = 0;
                _cleanRun = 0;
                _badCount++;
                if (_badCount >= limits.FailAfterErrors)
                {
                    if (Health != SensorHealth.Failed)
                    {
                        SetHealth(SensorHealth.Failed, _problem);
                    }
                }
                else if (Health != SensorHealth.Failed)
                {
                    SetHealth(SensorHealth.Suspect, _problem);
                }

                return;
            }

            _stuck.Update(nowMs, limits, RelativeHumidityPercent, TemperatureCelsius, valveOpen, otherValid, otherRh);
            // While the two disagree, misting cannot explain one of them sitting at saturation: its clock runs anyway,
            // so a wet sensor is found even when the degraded program keeps misting, and the other one is freed.
            _saturation.Update(nowMs, limits, RelativeHumidityPercent, mistingRecently && !disagree);

            _goodRun++;
            if (_goodRun >= limits.SuspectClearReadings)
            {
                _badCount = 0;
            }

            SensorReason condition = Saturated ? SensorReason.Saturated : Stuck ? SensorReason.Stuck : disagree ? SensorReason.Disagree : SensorReason.Ok;
            if (condition != SensorReason.Ok)
            {
                _cleanRun = 0;
                if (condition == SensorReason.Saturated)
                {
                    SetHealth(SensorHealth.Failed, condition);
                }
                else if (Health != SensorHealth.Failed)
                {
                    SetHealth(SensorHealth.Suspect, condition);
                }

                return;
            }

            _cleanRun++;
            if (Health == SensorHealth.Failed)
            {
                if (_cleanRun >= limits.RecoverAfterReadings)
                {
                    SetHealth(SensorHealth.Ok, SensorReason.Ok);
                }
            }
            else if (Health == SensorHealth.Suspect)
            {
                if (ReasonCode == SensorReason.NoReading || _cleanRun >= limits.SuspectClearReadings)
                {
                    SetHealth(SensorHealth.Ok, SensorReason.Ok);
                }
            }
        }

        private SensorReason ReadOnce(SensorLimits limits, out ClimateReading reading)
        {
            SensorReadStatus status;
            try
            {
                status = _port.TryRead(out reading);
            }
            catch (System.Exception)
            {
                // An adapter must not throw; if it does, treat it as a failed transfer rather than stop the tick.
                reading = new ClimateReading();
                return SensorReason.BusError;
            }

            if (status != SensorReadStatus.Ok)
            {
                return status == SensorReadStatus.BusError ? SensorReason.BusError
                    : status == SensorReadStatus.NotPresent ? SensorReason.NotAnswering : SensorReason.InvalidData;
            }

            double t = reading.TemperatureCelsius;
            double rh = reading.RelativeHumidityPercent;
            if (double.IsNaN(t) || double.IsNaN(rh))
            {
                return SensorReason.NotANumber;
            }

            if (!(t >= limits.MinTemperatureCelsius && t <= limits.MaxTemperatureCelsius))
            {
                return SensorReason.TemperatureRange;
            }

            if (!(rh >= 0 && rh <= 100))
            {
                return SensorReason.HumidityRange;
            }

            return SensorReason.Ok;
        }

        private void RequestRecovery(long nowMs, SensorLimits limits)
        {
            try
            {
                _port.RecoverBus();
            }
            catch (System.Exception)
            {
                // Same as above: the request was made; the next reads tell whether it helped.
            }

            RecoveryRequests++;
            RecoveryRequestedThisTick = true;
            _backoffMs = _backoffMs <= 0 ? limits.RecoverBackoffMs : _backoffMs * 2;
            if (_backoffMs > limits.RecoverBackoffMaxMs)
            {
                _backoffMs = limits.RecoverBackoffMaxMs;
            }

            _nextRecoverMs = nowMs + _backoffMs;
        }

        /// <summary>Wait before the next recovery request may be made, ms (0 when none pending).</summary>
        public long RecoveryBackoffMs
        {
            get { return _backoffMs; }
        }

        private void SetHealth(SensorHealth health, SensorReason reason)
        {
            if (health == Health && reason == ReasonCode)
            {
                return;
            }

            Health = health;
            ReasonCode = reason;
            Reason = SensorReasons.Text(reason);
            HealthChanged = true;
        }

        private static double Abs(double value)
        {
            return value < 0 ? -value : value;
        }
    }
}
