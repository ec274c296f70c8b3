namespace Greenhouse.Settings
{
    /// <summary>
    /// How much harm a wrong value of a setting can do from afar, which decides who may change it (docs/mqtt.md,
    /// docs/console.md; enforced once, in the command port).
    /// </summary>
    public enum SettingRisk
    {
        /// <summary>Crop and operating settings (targets, bands, stages, modes, windows, budgets): MQTT and console.</summary>
        Crop = 0,

        /// <summary>
        /// How the controller reaches the broker (Wi-Fi, broker, login, TLS, prefix, device id): over MQTT and on the
        /// console only on trial; the last working values come back unless the controller is online again in time.
        /// </summary>
        Connection = 1,

        /// <summary>
        /// What a pin or relay does physically (relay polarity, pins, zone wiring, console speed): console only, and in
        /// effect only after a restart and the technician's confirmation on the console.
        /// </summary>
        Hardware = 2
    }

    /// <summary>Words for <see cref="SettingRisk"/> (nanoFramework has no enum ToString).</summary>
    public static class SettingRisks
    {
        public static string Name(SettingRisk risk)
        {
            switch (risk)
            {
                case SettingRisk.Connection:
                    return "connection";
                case SettingRisk.Hardware:
                    return "hardware";
                default:
                    return "crop";
            }
        }

        /// <summary>Who may change a setting of this class, in a few words (console get, help, docs).</summary>
        public static string Rule(SettingRisk risk)
        {
            switch (risk)
            {
                case SettingRisk.Connection:
                    return "MQTT and console, on trial for net.trial_min";
                case SettingRisk.Hardware:
                    return "console only; in effect after a restart and hardware confirm";
                default:
                    return "MQTT and console";
            }
        }
    }
}
