using Greenhouse.Ports;

namespace Greenhouse.App
{
    /// <summary>The hardware and services one controller is built from. Unfitted items are null.</summary>
    public sealed class ControllerPorts
    {
        /// <summary>Climate sensors by position: [0] = BME280 at 0x76, [1] = BME280 at 0x77.</summary>
        public IClimateSensor[] Sensors = new IClimateSensor[2];
        /// <summary>Shared pump relay.</summary>
        public IRelay Pump;
        /// <summary>Misting valve relays, zone 1..4 at index 0..3.</summary>
        public IRelay[] Valves = new IRelay[4];
        /// <summary>Ventilation fan relay.</summary>
        public IRelay Fan;
        /// <summary>Tank float switch (high = water present).</summary>
        public IDigitalInput TankSwitch;
        public IClock Clock;
        public ISettingsStore Store;
        /// <summary>Where the control engine keeps day counters, phases and water counters across reboots (null = not kept).</summary>
        public Greenhouse.Persistence.IControlStatePersistence ControlState;
        /// <summary>MQTT link, or null when the controller runs without network.</summary>
        public IMqttLink Mqtt;
        /// <summary>Wi-Fi station the core keeps on the network of wifi.ssid / wifi.password, or null when the
        /// composition joins the network itself (or there is none).</summary>
        public IWifiLink Wifi;
        /// <summary>The board's MAC address as text (e.g. "A4:CF:12:A1:B2:C3"); the default MQTT device id is
        /// "gh-" + its last 6 hex digits. Null gives "gh-000000".</summary>
        public string MacAddress;
        /// <summary>Technician log and console output.</summary>
        public ILogSink Log;
        /// <summary>Dead-man heartbeat output, toggled once per completed tick; null = not fitted (simulator, host).
        /// When fitted, no relay is driven before the dead-man proof (Greenhouse.Safety.DeadManCheck) passes.</summary>
        public IDigitalOutput Heartbeat;
        /// <summary>Relay supply (JD-VCC) read back, high = relay coils powered; null = not fitted.</summary>
        public IDigitalInput RelaySupply;
    }
}
