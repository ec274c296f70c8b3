namespace Greenhouse.Diagnostics
{
    /// <summary>
    /// Stable alarm codes. They appear in log lines, the MQTT state document, Home Assistant and the
    /// troubleshooting table in hardware-docs/troubleshooting.md (a test checks the table lists each one).
    /// </summary>
    public static class AlarmCodes
    {
        public const string SensorFailed = "sensor_failed";
        public const string SensorSuspect = "sensor_suspect";
        public const string SensorStuck = "sensor_stuck";
        public const string SensorSaturated = "sensor_saturated";
        public const string SensorDisagree = "sensor_disagree";
        public const string I2cError = "i2c_error";
        public const string TankEmpty = "tank_empty";
        public const string NoEffect = "no_effect";
        public const string HourBudgetReached = "budget_hour";
        public const string DayBudgetReached = "budget_day";
        public const string MaxContinuousMist = "max_continuous";
        public const string HighTemperatureLockout = "lockout_high";
        public const string LowTemperatureLockout = "lockout_low";
        public const string ClockNotSynced = "clock_unsynced";
        public const string DegradedMode = "degraded_mode";
        public const string RelayWear = "relay_wear";
        public const string SettingsCorrupt = "settings_corrupt";
        public const string Condensation = "condensation";
        public const string WatchdogReboot = "watchdog_reboot";
        public const string HardwarePending = "hardware_pending";

        /// <summary>Event: a connection or hardware setting changed (what, old -> new, by whom; secrets masked).</summary>
        public const string SettingChanged = "setting_changed";
        /// <summary>Event: a connection on trial reached the broker and is now the working one.</summary>
        public const string ConnectionTrialPassed = "connection_trial_passed";
        /// <summary>Event: a connection on trial did not reach the broker in time; the last working one is back.</summary>
        public const string ConnectionTrialFailed = "connection_trial_failed";

        /// <summary>The dead-man circuit failed its proof (relay supply does not drop, or does not come on) or the relay
        /// supply went off while the heartbeat runs; relays stay released until a proof passes.</summary>
        public const string DeadManFault = "deadman_fault";

        /// <summary>Every code, for documentation checks and the state document.</summary>
        public static readonly string[] All =
        {
            SensorFailed, SensorSuspect, SensorStuck, SensorSaturated, SensorDisagree, I2cError, TankEmpty, NoEffect,
            HourBudgetReached, DayBudgetReached, MaxContinuousMist, HighTemperatureLockout, LowTemperatureLockout,
            ClockNotSynced, DegradedMode, RelayWear, SettingsCorrupt, Condensation, WatchdogReboot, DeadManFault, HardwarePending
        };

        /// <summary>Codes of one-off events (AlarmSet.Notice): sent on the alarm topic and journalled, never active.</summary>
        public static readonly string[] Events =
        {
            SettingChanged, ConnectionTrialPassed, ConnectionTrialFailed
        };
    }
}
