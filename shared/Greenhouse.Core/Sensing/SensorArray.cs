using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Settings;

namespace Greenhouse.Sensing
{
    /// <summary>
    /// The board's two climate sensors (BME280 at 0x76 and 0x77): validates both once per tick, compares them, keeps
    /// the sensor alarms and health log lines, and gives each zone the climate it may act on according to its
    /// <c>zoneN.sensor</c> setting, with fallback. Allocates nothing per tick in steady state (log lines and alarm
    /// changes only when a health changes).
    /// </summary>
    /// <remarks>
    /// Alarms are device-level (zone 0) because a sensor belongs to the board, not to a zone; the detail names the
    /// sensors concerned ("sensor1", "sensor2", "sensor1,sensor2"). What a zone loses by it shows in its
    /// <see cref="ZoneClimate"/> (the control engine raises its own zone alarms such as degraded_mode).
    /// sensor_failed: a sensor is Failed for a reason other than saturation. sensor_suspect: Suspect because of bad
    /// readings (bus, range, step). sensor_stuck, sensor_saturated: those conditions. sensor_disagree: the two
    /// disagree. i2c_error: a sensor's reads failed on the bus for fail_after_errors ticks in a row (recovery asked).
    /// </remarks>
    public sealed class SensorArray
    {
        /// <summary><see cref="ZoneClimate.Source"/> values.</summary>
        public const int SourceNone = 0;
        public const int SourceSensor1 = 1;
        public const int SourceSensor2 = 2;
        public const int SourceAverage = 3;

        private static readonly string[] MaskText = { "", "sensor1", "sensor2", "sensor1,sensor2" };

        private readonly SensorChannel[] _channels;
        private readonly ControllerSettings _settings;
        private readonly AlarmSet _alarms;
        private readonly Logger _log;
        private readonly SensorLimits _limits = new SensorLimits();
        private readonly int _zoneSensor = -1;
        private bool _valveSeen;
        private long _lastValveOpenMs;
        private long _disagreeSinceMs = -1;

        /// <summary>Builds the array; settings, alarms and log may be null (defaults, no alarms, no log).</summary>
        public SensorArray(IClimateSensor first, IClimateSensor second, ControllerSettings settings, AlarmSet alarms, Logger log)
        {
            _channels = new SensorChannel[2];
            _channels[0] = new SensorChannel("sensor1", first);
            _channels[1] = new SensorChannel("sensor2", second);
            _settings = settings;
            _alarms = alarms;
            _log = log;
            HumidityDifference = double.NaN;
            if (settings != null)
            {
                _limits.Bind(settings);
                _limits.Load(settings);
                _zoneSensor = settings.Require(SensingSettings.ZoneSensor);
            }
        }

        /// <summary>Both channels: [0] = sensor1 (0x76), [1] = sensor2 (0x77).</summary>
        public SensorChannel[] Channels
        {
            get { return _channels; }
        }

        /// <summary>The thresholds of the last tick (without settings: change them directly, e.g. in tests).</summary>
        public SensorLimits Limits
        {
            get { return _limits; }
        }

        /// <summary>True while the two sensors disagree on humidity (both are then Suspect).</summary>
        public bool Disagree { get; private set; }

        /// <summary>|RH1 − RH2| of the last tick both were compared, %; NaN when they were not comparable.</summary>
        public double HumidityDifference { get; private set; }

        /// <summary>True when a valve is open or was open within sensor.mist_quiet_min.</summary>
        public bool MistingRecently { get; private set; }

        /// <summary>
        /// One tick: reads and validates both sensors, compares them, updates health, alarms and log.
        /// </summary>
        /// <param name="nowMs">Uptime, ms.</param>
        /// <param name="anyValveOpen">True when any misting valve is open now (or was during the last tick).</param>
        public void Update(long nowMs, bool anyValveOpen)
        {
            if (_settings != null)
            {
                _limits.Load(_settings);
            }

            if (anyValveOpen)
            {
                _valveSeen = true;
                _lastValveOpenMs = nowMs;
            }

            MistingRecently = anyValveOpen || (_valveSeen && nowMs - _lastValveOpenMs < _limits.MistQuietMs);

            SensorChannel a = _channels[0];
            SensorChannel b = _channels[1];
            a.Read(nowMs, _limits);
            b.Read(nowMs, _limits);
            UpdateDisagreement(nowMs, a, b);
            a.Evaluate(nowMs, _limits, anyValveOpen, MistingRecently, b.Fresh, b.RelativeHumidityPercent, Disagree);
            b.Evaluate(nowMs, _limits, anyValveOpen, MistingRecently, a.Fresh, a.RelativeHumidityPercent, Disagree);
            Report(nowMs);
        }

        /// <summary>Index of the zone's sensor choice (<see cref="SensingSettings.UseSensor1"/> ...); average without settings.</summary>
        public int ZoneSensorChoice(int zone)
        {
            if (_settings == null || zone < 1 || zone > ControllerSettings.MaxZones)
            {
                return SensingSettings.UseAverage;
            }

            return _settings.ChoiceIndex(_zoneSensor, zone);
        }

        /// <summary>The climate a zone (1..4) may act on this tick, after assignment and fallback.</summary>
        public ZoneClimate GetZoneClimate(int zone)
        {
            ZoneClimate climate;
            GetZoneClimate(zone, out climate);
            return climate;
        }

        /// <summary>
        /// Fills the climate a zone (1..4) may act on this tick. sensor1/sensor2: that sensor, else the other one;
        /// average: the mean of both, or the one that is usable. Humidity and temperature are judged separately (a
        /// stuck or saturated humidity leaves the temperature valid); the temperature comes from the humidity's
        /// source when that one's temperature is usable. Values that are not valid are NaN.
        /// <see cref="ZoneClimate.Source"/> tells the humidity's source, or the temperature's when humidity is invalid.
        /// </summary>
        public void GetZoneClimate(int zone, out ZoneClimate climate)
        {
            climate = new ZoneClimate();
            climate.RelativeHumidityPercent = double.NaN;
            climate.TemperatureCelsius = double.NaN;
            if (zone < 1 || zone > ControllerSettings.MaxZones)
            {
                return;
            }

            SensorChannel a = _channels[0];
            SensorChannel b = _channels[1];
            int choice = ZoneSensorChoice(zone);
            int rhSource = Pick(choice, a.HumidityUsable, b.HumidityUsable);
            int tSource = Pick(choice, a.TemperatureUsable, b.TemperatureUsable);
            if (rhSource == SourceSensor1 && a.TemperatureUsable)
            {
                tSource = SourceSensor1;
            }
            else if (rhSource == SourceSensor2 && b.TemperatureUsable)
            {
                tSource = SourceSensor2;
            }

            if (rhSource != SourceNone)
            {
                climate.HumidityValid = true;
                climate.RelativeHumidityPercent = Value(rhSource, a.RelativeHumidityPercent, b.RelativeHumidityPercent);
            }

            if (tSource != SourceNone)
            {
                climate.TemperatureValid = true;
                climate.TemperatureCelsius = Value(tSource, a.TemperatureCelsius, b.TemperatureCelsius);
            }

            climate.Source = rhSource != SourceNone ? rhSource : tSource;
        }

        private static int Pick(int choice, bool okA, bool okB)
        {
            if (choice == SensingSettings.UseSensor2)
            {
                return okB ? SourceSensor2 : okA ? SourceSensor1 : SourceNone;
            }

            if (choice == SensingSettings.UseSensor1)
            {
                return okA ? SourceSensor1 : okB ? SourceSensor2 : SourceNone;
            }

            return okA && okB ? SourceAverage : okA ? SourceSensor1 : okB ? SourceSensor2 : SourceNone;
        }

        private static double Value(int source, double a, double b)
        {
            return source == SourceSensor1 ? a : source == SourceSensor2 ? b : (a + b) / 2;
        }

        private void UpdateDisagreement(long nowMs, SensorChannel a, SensorChannel b)
        {
            // Comparable only when both are fitted and neither has a known fault of its own: then the culprit is known
            // and the other sensor is trusted alone.
            bool comparable = _limits.DisagreeCheck && !a.IsAbsent && !b.IsAbsent
                && a.Health != SensorHealth.Failed && b.Health != SensorHealth.Failed
                && !a.Stuck && !b.Stuck && !a.Saturated && !b.Saturated;
            if (!comparable)
            {
                Disagree = false;
                _disagreeSinceMs = -1;
                HumidityDifference = double.NaN;
                return;
            }

            if (!a.Fresh || !b.Fresh)
            {
                return;
            }

            double difference = a.RelativeHumidityPercent - b.RelativeHumidityPercent;
            if (difference < 0)
            {
                difference = -difference;
            }

            HumidityDifference = difference;
            if (difference > _limits.DisagreeRh)
            {
                if (_disagreeSinceMs < 0)
                {
                    _disagreeSinceMs = nowMs;
                }

                if (nowMs - _disagreeSinceMs >= _limits.DisagreeMs)
                {
                    Disagree = true;
                }
            }
            else if (!Disagree || difference < _limits.DisagreeRh * 0.75)
            {
                Disagree = false;
                _disagreeSinceMs = -1;
            }
        }

        private void Report(long nowMs)
        {
            int failed = 0;
            int suspect = 0;
            int stuck = 0;
            int saturated = 0;
            int bus = 0;
            for (int i = 0; i < _channels.Length; i++)
            {
                SensorChannel channel = _channels[i];
                int bit = 1 << i;
                SensorReason reason = channel.ReasonCode;
                if (channel.Health == SensorHealth.Failed && reason != SensorReason.Saturated)
                {
                    failed |= bit;
                }

                if (channel.Health == SensorHealth.Suspect && reason != SensorReason.NoReading && reason != SensorReason.Stuck
                    && reason != SensorReason.Disagree)
                {
                    suspect |= bit;
                }

                if (channel.Stuck)
                {
                    stuck |= bit;
                }

                if (channel.Saturated)
                {
                    saturated |= bit;
                }

                if (!channel.IsAbsent && channel.ConsecutiveBusErrors >= _limits.FailAfterErrors)
                {
                    bus |= bit;
                }

                if (_log != null && channel.HealthChanged)
                {
                    string pairs = "sensor=" + channel.Name + " health=" + SensorReasons.HealthText(channel.Health) + " reason=" + channel.Reason;
                    if (channel.Health == SensorHealth.Ok)
                    {
                        _log.Info("sensor", "health", pairs);
                    }
                    else if (channel.Health == SensorHealth.Failed)
                    {
                        _log.Error("sensor", "health", pairs);
                    }
                    else
                    {
                        _log.Warn("sensor", "health", pairs);
                    }
                }

                if (_log != null && channel.RecoveryRequestedThisTick)
                {
                    _log.Warn("sensor", "bus recovery", "sensor=" + channel.Name + " errors=" + channel.ConsecutiveBusErrors.ToString()
                        + " next_s=" + (channel.RecoveryBackoffMs / 1000).ToString());
                }
            }

            if (_alarms == null)
            {
                return;
            }

            _alarms.Set(AlarmCodes.SensorFailed, 0, failed != 0, MaskText[failed], nowMs);
            _alarms.Set(AlarmCodes.SensorSuspect, 0, suspect != 0, MaskText[suspect], nowMs);
            _alarms.Set(AlarmCodes.SensorStuck, 0, stuck != 0, MaskText[stuck], nowMs);
            _alarms.Set(AlarmCodes.SensorSaturated, 0, saturated != 0, MaskText[saturated], nowMs);
            _alarms.Set(AlarmCodes.SensorDisagree, 0, Disagree, MaskText[3], nowMs);
            _alarms.Set(AlarmCodes.I2cError, 0, bus != 0, MaskText[bus], nowMs);
        }
    }
}
