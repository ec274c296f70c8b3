using Greenhouse.Settings;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>The pin numbers and relay polarity as the stored settings give them (defaults from DefaultPins).</summary>
    public sealed class BoardPins
    {
        public int I2cData;
        public int I2cClock;
        public int I2c2Data;
        public int I2c2Clock;
        /// <summary>Bus of sensor 2 (0x77): 1 = shared with sensor 1, 2 = its own bus on I2c2Data/I2c2Clock.</summary>
        public int Sensor2Bus;
        public int Pump;
        public int[] Valves = new int[4];
        public int Fan;
        public int TankFloatSwitch;
        public int Heartbeat;
        public int StatusLed;
        public int RelaySupply;
        public bool RelaysActiveLow;

        public static BoardPins From(ControllerSettings settings)
        {
            BoardPins pins = new BoardPins();
            pins.I2cData = Pin(settings, "pins.i2c_data");
            pins.I2cClock = Pin(settings, "pins.i2c_clock");
            pins.I2c2Data = Pin(settings, "pins.i2c2_data");
            pins.I2c2Clock = Pin(settings, "pins.i2c2_clock");
            pins.Sensor2Bus = Pin(settings, "sensor2.bus");
            pins.Pump = Pin(settings, "pins.pump_relay");
            pins.Valves[0] = Pin(settings, "pins.valve1_relay");
            pins.Valves[1] = Pin(settings, "pins.valve2_relay");
            pins.Valves[2] = Pin(settings, "pins.valve3_relay");
            pins.Valves[3] = Pin(settings, "pins.valve4_relay");
            pins.Fan = Pin(settings, "pins.fan_relay");
            pins.TankFloatSwitch = Pin(settings, "pins.tank_float_switch");
            pins.Heartbeat = Pin(settings, "pins.heartbeat");
            pins.StatusLed = Pin(settings, "pins.status_led");
            pins.RelaySupply = Pin(settings, "pins.relay_supply");
            pins.RelaysActiveLow = settings.Flag(settings.Require("relays.active_low"), 0);
            return pins;
        }

        private static int Pin(ControllerSettings settings, string key)
        {
            return (int)settings.Integer(settings.Require(key), 0);
        }
    }
}
