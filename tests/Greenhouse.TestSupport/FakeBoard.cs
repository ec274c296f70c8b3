using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Persistence;

namespace Greenhouse.TestSupport
{
    /// <summary>
    /// A controller board made of the fakes: the ports a test or tool builds a <see cref="Controller"/> from. Sensor 1,
    /// pump, fan, tank switch, clock and log are fitted; valves 1..N as asked; sensor 2, the settings store, the MQTT
    /// link, the control-state persistence and the MAC address only when a rig sets them (a null port is unfitted, as on
    /// a board without it). The relays time how long they stay on by the board's clock. Rigs derive from it.
    /// </summary>
    public class FakeBoard
    {
        /// <summary>A MAC address for rigs that need a device id: gh-a1b2c3.</summary>
        public const string DefaultMac = "A4:CF:12:A1:B2:C3";

        public readonly FakeClock Clock = new FakeClock();
        /// <summary>Sensor 1 (BME280 at 0x76).</summary>
        public FakeSensor Sensor = new FakeSensor();
        /// <summary>Sensor 2 (0x77), null = not fitted.</summary>
        public FakeSensor Sensor2;
        public readonly FakeRelay Pump;
        public readonly FakeRelay Fan;
        /// <summary>Valves of zones 1..4; null = not fitted.</summary>
        public readonly FakeRelay[] Valves = new FakeRelay[4];
        public readonly FakeInput Tank = new FakeInput();
        public FakeLog Log = new FakeLog();
        public FakeSettingsStore Store;
        public FakeMqttLink Link;
        public IControlStatePersistence ControlState;
        public string MacAddress;
        /// <summary>The controller a rig built last (<see cref="Build"/>).</summary>
        public Controller Controller;

        /// <summary>A board with the valves of zones 1..<paramref name="valves"/> fitted.</summary>
        public FakeBoard(int valves)
        {
            Pump = new FakeRelay(Clock);
            Fan = new FakeRelay(Clock);
            for (int i = 0; i < valves && i < Valves.Length; i++)
            {
                Valves[i] = new FakeRelay(Clock);
            }
        }

        public FakeRelay Valve1
        {
            get { return Valves[0]; }
        }

        public FakeRelay Valve2
        {
            get { return Valves[1]; }
        }

        /// <summary>The fitted ports, in a new <see cref="ControllerPorts"/>.</summary>
        public ControllerPorts CreatePorts()
        {
            ControllerPorts ports = new ControllerPorts();
            ports.Sensors[0] = Sensor;
            ports.Sensors[1] = Sensor2;
            ports.Pump = Pump;
            ports.Fan = Fan;
            for (int i = 0; i < Valves.Length; i++)
            {
                ports.Valves[i] = Valves[i];
            }

            ports.TankSwitch = Tank;
            ports.Clock = Clock;
            ports.Store = Store;
            ports.Mqtt = Link;
            ports.ControlState = ControlState;
            ports.MacAddress = MacAddress;
            ports.Log = Log;
            return ports;
        }

        /// <summary>A new controller on the board (a reboot when there was one: the store keeps what was saved).</summary>
        public Controller Build(string firmwareVersion)
        {
            Controller = new Controller(CreatePorts(), firmwareVersion);
            if (Link != null)
            {
                Link.Loopback = Controller.Inbox;
            }

            return Controller;
        }

        /// <summary>The power goes: every relay drops without the controller being told.</summary>
        public void DropRelays()
        {
            Pump.Drop();
            Fan.Drop();
            for (int i = 0; i < Valves.Length; i++)
            {
                if (Valves[i] != null)
                {
                    Valves[i].Drop();
                }
            }
        }
    }
}
