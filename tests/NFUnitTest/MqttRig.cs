using Greenhouse.App;
using Greenhouse.TestSupport;

namespace Greenhouse.Tests
{
    /// <summary>A controller with a fake link and store, MQTT configured, ticked once per simulated second.</summary>
    public sealed class MqttRig
    {
        public readonly FakeSensor Sensor = new FakeSensor();
        public readonly FakeRelay Valve1 = new FakeRelay();
        public readonly FakeClock Clock = new FakeClock();
        public readonly FakeLog Log = new FakeLog();
        public readonly FakeMqttLink Link = new FakeMqttLink();
        public readonly FakeSettingsStore Store;
        public readonly Controller Controller;

        public MqttRig() : this(new FakeSettingsStore(), true)
        {
        }

        public MqttRig(FakeSettingsStore store, bool configureBroker)
        {
            Store = store;
            ControllerPorts ports = new ControllerPorts();
            ports.Sensors[0] = Sensor;
            ports.Pump = new FakeRelay();
            ports.Valves[0] = Valve1;
            ports.Fan = new FakeRelay();
            ports.TankSwitch = new FakeInput();
            ports.Clock = Clock;
            ports.Log = Log;
            ports.Mqtt = Link;
            ports.Store = store;
            ports.MacAddress = "A4:CF:12:A1:B2:C3";
            Controller = new Controller(ports, "1.2.3");
            Controller.Start();
            if (configureBroker)
            {
                string error;
                Controller.ApplySetting("mqtt.host", "broker.local", "test", out error);
            }
        }

        public string Base
        {
            get { return Controller.Mqtt.BaseTopic; }
        }

        public void Ticks(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Clock.Advance(1000);
                Controller.Tick();
            }
        }

        /// <summary>Posts a command, ticks once, returns the ack payload published for it (or null).</summary>
        public string Send(string topic, string payload, bool retained)
        {
            byte[] bytes = payload == null ? new byte[0] : System.Text.Encoding.UTF8.GetBytes(payload);
            return SendBytes(topic, bytes, retained);
        }

        public string SendBytes(string topic, byte[] bytes, bool retained)
        {
            string ackTopic = Base + "/ack";
            int from = Link.Count;
            Controller.Inbox.PostMqtt(topic, bytes, retained);
            Ticks(1);
            return Link.LastPayload(ackTopic, from);
        }
    }
}
