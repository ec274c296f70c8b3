namespace Greenhouse.Board
{
    /// <summary>
    /// Default GPIO assignment for an ESP32 DevKitC with an ESP32-WROVER module (38-pin; PSRAM, which the firmware
    /// needs: the managed heap of a module without it is too small). The single source of the pin numbers: the
    /// firmware uses these, hardware-docs/wiring.md prints them, and tests check both agree and that the firmware
    /// touches no other pin. Not used: flash pins (6-11), the PSRAM's pins (16 = CS, 17 = clock on every WROVER),
    /// UART0 (1, 3: flashing and nanoFramework's debugger link) and the strapping pins (0, 5, 12, 15; 2 only carries
    /// the board's LED). Input-only pins (34-39, no pull resistors) only read signals that have an external pull.
    /// Each can be changed with the pins.* settings.
    /// </summary>
    public static class DefaultPins
    {
        /// <summary>I2C1 data (both BME280 sensors, 0x76 and 0x77).</summary>
        public const int I2cData = 21;
        /// <summary>I2C1 clock.</summary>
        public const int I2cClock = 22;
        /// <summary>Pump contactor relay.</summary>
        public const int PumpRelay = 23;
        /// <summary>Misting valve relay, zone 1.</summary>
        public const int Valve1Relay = 25;
        /// <summary>Misting valve relay, zone 2.</summary>
        public const int Valve2Relay = 26;
        /// <summary>Misting valve relay, zone 3.</summary>
        public const int Valve3Relay = 27;
        /// <summary>Misting valve relay, zone 4.</summary>
        public const int Valve4Relay = 32;
        /// <summary>Ventilation fan relay.</summary>
        public const int FanRelay = 33;
        /// <summary>Tank float switch input (internal pull-up; switch closes to GND when the tank has water).</summary>
        public const int TankFloatSwitch = 4;
        /// <summary>Technician UART (COM2) transmit (JTAG TMS, unused by nanoFramework; not a strapping pin).</summary>
        public const int ConsoleTx = 14;
        /// <summary>Technician UART (COM2) receive. Input-only pin: a 10 kΩ pull-up to 3.3 V holds the line idle while no
        /// adapter is plugged in.</summary>
        public const int ConsoleRx = 35;
        /// <summary>Dead-man heartbeat output to the external retriggerable timer.</summary>
        public const int Heartbeat = 18;
        /// <summary>On-board LED, blinks with the heartbeat.</summary>
        public const int StatusLed = 2;
        /// <summary>Relay supply (JD-VCC) read back through a divider: high = relay coils powered. Input-only pin.</summary>
        public const int RelaySupplySense = 34;
        /// <summary>I2C2 data: sensor 2 on its own bus (setting sensor2.bus = 2), e.g. through a PCA9615 pair.</summary>
        public const int I2c2Data = 19;
        /// <summary>I2C2 clock.</summary>
        public const int I2c2Clock = 13;

        /// <summary>Relay boards sold for this are opto-isolated and active-low (a low input energises the coil).</summary>
        public const bool RelaysActiveLow = true;

        /// <summary>Technician console baud rate (8N1).</summary>
        public const int ConsoleBaudRate = 115200;
    }
}
