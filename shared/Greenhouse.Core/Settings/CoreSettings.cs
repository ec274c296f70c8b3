using Greenhouse.Board;

namespace Greenhouse.Settings
{
    /// <summary>The settings every controller has: zone basics, device identity, network and pins.</summary>
    public static class CoreSettings
    {
        public const string Mode = "mode";
        public const string TargetRh = "target_rh";
        public const string Band = "band";
        public const string Stage = "stage";
        public const string MaxMistSeconds = "max_mist_s";

        public const string DeviceId = "device.id";
        public const string ZoneCount = "zones";
        public const string UtcOffsetMinutes = "time.utc_offset_min";
        public const string TrialMinutes = "net.trial_min";
        public const string RelaysActiveLow = "relays.active_low";
        public const string UiLanguage = "ui.language";

        /// <summary>Zone modes: auto (controller decides), off (valve closed by choice), manual (only mist-now pulses).</summary>
        public static readonly string[] Modes = { "auto", "off", "manual" };
        public const int ModeAuto = 0;
        public const int ModeOff = 1;
        public const int ModeManual = 2;

        /// <summary>Crop stages in calendar order (wood-ear-domain.md §1).</summary>
        public static readonly string[] Stages = { "recovery", "pinning", "early_growth", "growth", "pre_harvest", "rest" };

        /// <summary>
        /// Languages of the names Home Assistant shows (discovery): Simplified Chinese first, the default, because the
        /// growers who read those names read Chinese; English for integrators. Log lines stay English either way.
        /// </summary>
        public static readonly string[] Languages = { "zh", "en" };
        public const int LanguageChinese = 0;
        public const int LanguageEnglish = 1;

        public static SettingDefinition[] Definitions()
        {
            return new SettingDefinition[]
            {
                SettingDefinition.Choice(Mode, true, Modes, "auto", "auto: the controller mists; off: valve closed; manual: only mist-now pulses"),
                SettingDefinition.Number(TargetRh, true, 60, HardLimits.MaxTargetRelativeHumidity, 90, 1, "%", "humidity to hold in the wet phase"),
                SettingDefinition.Number(Band, true, 1, 10, 3, 1, "%", "misting starts below target minus band"),
                SettingDefinition.Choice(Stage, true, Stages, "growth", "crop stage; decides targets and whether water is given"),
                SettingDefinition.Integer(MaxMistSeconds, true, 5, HardLimits.MaxContinuousMistSeconds, 120, "s", "longest continuous valve opening"),

                SettingDefinition.Text(DeviceId, 32, "", "device id in MQTT topics; empty = gh- plus the last 6 hex digits of the MAC").AsConnection(),
                SettingDefinition.Integer(ZoneCount, false, 1, ControllerSettings.MaxZones, 1, "", "number of misting zones wired").AsHardware(),
                SettingDefinition.Integer(UtcOffsetMinutes, false, -720, 840, 480, "min", "local time offset from UTC (China: 480)"),
                SettingDefinition.Flag(RelaysActiveLow, false, DefaultPins.RelaysActiveLow, "relay board energises on a low input").AsHardware(),

                SettingDefinition.Text("wifi.ssid", 32, "", "Wi-Fi network name").AsConnection(),
                SettingDefinition.Secret("wifi.password", 64, "Wi-Fi password").AsConnection(),
                SettingDefinition.Text("mqtt.host", 64, "", "MQTT broker host name or IP; empty = no MQTT").AsConnection(),
                SettingDefinition.Integer("mqtt.port", false, 1, 65535, 1883, "", "MQTT broker port (8883 for TLS)").AsConnection(),
                SettingDefinition.Text("mqtt.user", 64, "", "MQTT user name").AsConnection(),
                SettingDefinition.Secret("mqtt.password", 64, "MQTT password").AsConnection(),
                SettingDefinition.Flag("mqtt.tls", false, false, "use TLS with the CA certificate stored on the device").AsConnection(),
                SettingDefinition.Text("mqtt.prefix", 32, "greenhouse", "first topic level").AsConnection(),
                SettingDefinition.Integer("mqtt.telemetry_s", false, 10, 3600, 60, "s", "state document period"),
                SettingDefinition.Number(TrialMinutes, false, HardLimits.MinConnectionTrialMinutes, HardLimits.MaxConnectionTrialMinutes, 5, 1, "min",
                    "a connection change from MQTT or the console is kept only if the controller is back online on the broker within this time"),

                SettingDefinition.Integer("pins.i2c_data", false, 0, 39, DefaultPins.I2cData, "", "GPIO of I2C data").AsHardware(),
                SettingDefinition.Integer("pins.i2c_clock", false, 0, 39, DefaultPins.I2cClock, "", "GPIO of I2C clock").AsHardware(),
                SettingDefinition.Integer("pins.pump_relay", false, 0, 33, DefaultPins.PumpRelay, "", "GPIO of the pump relay").AsHardware(),
                SettingDefinition.Integer("pins.valve1_relay", false, 0, 33, DefaultPins.Valve1Relay, "", "GPIO of the zone 1 valve relay").AsHardware(),
                SettingDefinition.Integer("pins.valve2_relay", false, 0, 33, DefaultPins.Valve2Relay, "", "GPIO of the zone 2 valve relay").AsHardware(),
                SettingDefinition.Integer("pins.valve3_relay", false, 0, 33, DefaultPins.Valve3Relay, "", "GPIO of the zone 3 valve relay").AsHardware(),
                SettingDefinition.Integer("pins.valve4_relay", false, 0, 33, DefaultPins.Valve4Relay, "", "GPIO of the zone 4 valve relay").AsHardware(),
                SettingDefinition.Integer("pins.fan_relay", false, 0, 33, DefaultPins.FanRelay, "", "GPIO of the fan relay").AsHardware(),
                SettingDefinition.Integer("pins.tank_float_switch", false, 0, 39, DefaultPins.TankFloatSwitch, "", "GPIO of the tank float switch").AsHardware(),
                SettingDefinition.Integer("pins.console_tx", false, 0, 33, DefaultPins.ConsoleTx, "", "GPIO of the technician UART transmit").AsHardware(),
                SettingDefinition.Integer("pins.console_rx", false, 0, 39, DefaultPins.ConsoleRx, "", "GPIO of the technician UART receive").AsHardware(),
                SettingDefinition.Integer("pins.heartbeat", false, 0, 33, DefaultPins.Heartbeat, "", "GPIO of the dead-man heartbeat").AsHardware(),
                SettingDefinition.Integer("pins.status_led", false, 0, 33, DefaultPins.StatusLed, "", "GPIO of the status LED").AsHardware(),
                SettingDefinition.Integer("pins.relay_supply", false, 0, 39, DefaultPins.RelaySupplySense, "", "GPIO reading the relay supply (JD-VCC) back").AsHardware(),
                SettingDefinition.Integer("pins.i2c2_data", false, 0, 33, DefaultPins.I2c2Data, "", "GPIO of I2C2 data (sensor 2 on its own bus)").AsHardware(),
                SettingDefinition.Integer("pins.i2c2_clock", false, 0, 33, DefaultPins.I2c2Clock, "", "GPIO of I2C2 clock").AsHardware(),
                SettingDefinition.Integer("sensor2.bus", false, 1, 2, 1, "", "I2C bus of sensor 2 (0x77): 1 = shared with sensor 1, 2 = its own bus on pins.i2c2_*").AsHardware(),
                SettingDefinition.Integer("console.baud", false, 9600, 921600, DefaultPins.ConsoleBaudRate, "baud", "technician UART speed (8N1)").AsHardware(),
                SettingDefinition.Choice(UiLanguage, false, Languages, "zh", "language of the entity and mode names in Home Assistant discovery (zh Simplified Chinese, en English)"),
            };
        }
    }
}
