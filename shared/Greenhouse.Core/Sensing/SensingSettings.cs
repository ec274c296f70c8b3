using Greenhouse.Settings;

namespace Greenhouse.Sensing
{
    /// <summary>
    /// Settings of sensor validation and zone sensor assignment. Each default below is also the default of
    /// <see cref="SensorLimits"/>, so a channel used without settings behaves like a fresh controller.
    /// </summary>
    public static class SensingSettings
    {
        /// <summary>Zone setting: which sensor a zone acts on (zoneN.sensor).</summary>
        public const string ZoneSensor = "sensor";
        /// <summary>Choices of <see cref="ZoneSensor"/>, in index order.</summary>
        public static readonly string[] ZoneSensorChoices = { "sensor1", "sensor2", "average" };
        public const int UseSensor1 = 0;
        public const int UseSensor2 = 1;
        public const int UseAverage = 2;

        public const string FailAfterErrors = "sensor.fail_after_errors";
        public const string SuspectClearReadings = "sensor.suspect_clear_n";
        public const string RecoverAfterReadings = "sensor.recover_after_n";
        public const string RecoverBackoffSeconds = "sensor.recover_backoff_s";
        public const string RecoverBackoffMaxSeconds = "sensor.recover_backoff_max_s";
        public const string MinTemperature = "sensor.min_c";
        public const string MaxTemperature = "sensor.max_c";
        public const string MaxRhStep = "sensor.max_rh_step";
        public const string MaxTemperatureStep = "sensor.max_c_step";
        public const string StuckMinutes = "sensor.stuck_min";
        public const string StuckChangeRh = "sensor.stuck_change_rh";
        public const string StuckChangeTemperature = "sensor.stuck_change_c";
        public const string SaturationRh = "sensor.saturation_rh";
        public const string SaturationClearRh = "sensor.saturation_clear_rh";
        public const string SaturationHours = "sensor.saturation_h";
        public const string MistQuietMinutes = "sensor.mist_quiet_min";
        public const string DisagreeCheck = "sensor.disagree_check";
        public const string DisagreeRh = "sensor.disagree_rh";
        public const string DisagreeMinutes = "sensor.disagree_min";

        public const int DefaultFailAfterErrors = 3;
        public const int DefaultSuspectClearReadings = 3;
        public const int DefaultRecoverAfterReadings = 30;
        public const int DefaultRecoverBackoffSeconds = 10;
        public const int DefaultRecoverBackoffMaxSeconds = 600;
        public const double DefaultMinTemperature = -20;
        public const double DefaultMaxTemperature = 60;
        public const double DefaultMaxRhStep = 10;
        public const double DefaultMaxTemperatureStep = 2;
        public const int DefaultStuckMinutes = 30;
        public const double DefaultStuckChangeRh = 2;
        public const double DefaultStuckChangeTemperature = 1;
        public const double DefaultSaturationRh = 99.5;
        public const double DefaultSaturationClearRh = 97;
        public const double DefaultSaturationHours = 4;
        public const int DefaultMistQuietMinutes = 30;
        public const bool DefaultDisagreeCheck = true;
        public const double DefaultDisagreeRh = 10;
        public const int DefaultDisagreeMinutes = 10;

        public static SettingDefinition[] Definitions()
        {
            return new SettingDefinition[]
            {
                SettingDefinition.Choice(ZoneSensor, true, ZoneSensorChoices, "average",
                    "sensor the zone acts on; falls back to the other one when it is not ok; average uses one when the other is not ok"),
                SettingDefinition.Integer(FailAfterErrors, false, 1, 60, DefaultFailAfterErrors, "reads",
                    "failed reads (each already retried once) without a clean run in between after which a sensor is failed and the bus recovery is asked for"),
                SettingDefinition.Integer(SuspectClearReadings, false, 1, 600, DefaultSuspectClearReadings, "reads",
                    "clean readings in a row that bring a suspect sensor back to ok"),
                SettingDefinition.Integer(RecoverAfterReadings, false, 1, 3600, DefaultRecoverAfterReadings, "reads",
                    "clean readings in a row that bring a failed sensor back to ok (hysteresis against flapping)"),
                SettingDefinition.Integer(RecoverBackoffSeconds, false, 1, 600, DefaultRecoverBackoffSeconds, "s",
                    "wait after a bus recovery request before the next one; doubles after each"),
                SettingDefinition.Integer(RecoverBackoffMaxSeconds, false, 10, 3600, DefaultRecoverBackoffMaxSeconds, "s",
                    "longest wait between bus recovery requests"),
                SettingDefinition.Number(MinTemperature, false, -40, 20, DefaultMinTemperature, 1, "C",
                    "readings colder than this are implausible in a growing house"),
                SettingDefinition.Number(MaxTemperature, false, 30, 85, DefaultMaxTemperature, 1, "C",
                    "readings hotter than this are implausible in a growing house"),
                SettingDefinition.Number(MaxRhStep, false, 1, 50, DefaultMaxRhStep, 1, "%/s",
                    "humidity change per second above which a reading is implausible"),
                SettingDefinition.Number(MaxTemperatureStep, false, 0.2, 10, DefaultMaxTemperatureStep, 1, "C/s",
                    "temperature change per second above which a reading is implausible"),
                SettingDefinition.Integer(StuckMinutes, false, 2, 720, DefaultStuckMinutes, "min",
                    "humidity exactly unchanged this long while conditions changed = stuck sensor"),
                SettingDefinition.Number(StuckChangeRh, false, 0.5, 20, DefaultStuckChangeRh, 1, "%",
                    "the other sensor's humidity moving this much shows that conditions changed"),
                SettingDefinition.Number(StuckChangeTemperature, false, 0.2, 10, DefaultStuckChangeTemperature, 1, "C",
                    "the sensor's own temperature moving this much shows that conditions changed"),
                SettingDefinition.Number(SaturationRh, false, 95, 100, DefaultSaturationRh, 1, "%",
                    "humidity at or above this without misting counts towards saturation (wet BME280)"),
                SettingDefinition.Number(SaturationClearRh, false, 80, 99.5, DefaultSaturationClearRh, 1, "%",
                    "a saturated sensor is believed again only below this humidity (then after the recovery run)"),
                SettingDefinition.Number(SaturationHours, false, 0.5, 48, DefaultSaturationHours, 1, "h",
                    "saturated this long without misting = wet sensor, humidity not trusted"),
                SettingDefinition.Integer(MistQuietMinutes, false, 1, 240, DefaultMistQuietMinutes, "min",
                    "after a valve closes, misting counts as recent this long (saturation waits, stuck sees a change)"),
                SettingDefinition.Flag(DisagreeCheck, false, DefaultDisagreeCheck,
                    "compare the two sensors; turn off when they hang in different places on purpose"),
                SettingDefinition.Number(DisagreeRh, false, 2, 50, DefaultDisagreeRh, 1, "%",
                    "humidity difference between the sensors above which they disagree (clears below 3/4 of it)"),
                SettingDefinition.Integer(DisagreeMinutes, false, 1, 240, DefaultDisagreeMinutes, "min",
                    "disagreement lasting this long makes both sensors suspect"),
            };
        }
    }
}
