using Greenhouse.Settings;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>The pin numbers and relay polarity as the stored settings give them (defaults from DefaultPins).</summary>
    public sealed class BoardPins
    {
        public int I2cData;
        public int I2cClock;
        public int Pump;
        public int[] Valves = new int[4];
        public int Fan;
        public int TankFloatSwitch;
        public int Heartbeat;
        public bool RelaysActiveLow;

        public static BoardPins From(ControllerSettings settings)
        {
            BoardPins pins = new BoardPins();
            pins.I2cData = Pin(settings, "pins.i2c_data");
            pins.I2cClock = Pin(settings, "pins.i2c_clock");
            pins.Pump = Pin(settings, "pins.pump_relay");
            pins.Valves[0] = Pin(settings, "pins.valve1_relay");
            pins.Valves[1] = Pin(settings, "pins.valve2_relay");
            pins.Valves[2] = Pin(settings, "pins.valve3_relay");
            pins.Valves[3] = Pin(settings, "pins.valve4_relay");
            pins.Fan = Pin(settings, "pins.fan_relay");
            pins.TankFloatSwitch = Pin(settings, "pins.tank_float_switch");
            pins.Heartbeat = Pin(settings, "pins.heartbeat");
            pins.RelaysActiveLow = settings.Flag(settings.Require("relays.active_low"), 0);
            return pins;
        }

        private static int Pin(ControllerSettings settings, string key)
        {
            return (int)settings.Integer(settings.Require(key), 0);
        }
    }
}
