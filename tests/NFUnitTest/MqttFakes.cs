using Greenhouse.App;
using Greenhouse.Ports;

namespace Greenhouse.Tests
{
    /// <summary>An MQTT link that records publishes; connection is driven by the test (or automatic).</summary>
    public sealed class FakeMqttLink : IMqttLink
    {
        public bool Connected;
        /// <summary>When true, BeginConnect connects at once.</summary>
        public bool AutoConnect = true;
        public int ConnectAttempts;
        public MqttConnectOptions LastOptions;
        public string[] Subscribed;
        public int Disconnects;
        public string[] Topics = Greenhouse.Text.StringArray.New(4096);
        public string[] Payloads = Greenhouse.Text.StringArray.New(4096);
        public bool[] Retains = new bool[4096];
        public int Count;

        public bool IsConnected
        {
            get { return Connected; }
        }

        public bool BeginConnect(MqttConnectOptions options)
        {
            ConnectAttempts++;
            LastOptions = options;
            if (AutoConnect)
            {
                Connected = true;
            }

            return true;
        }

        public bool Publish(string topic, byte[] payload, bool retain)
        {
            if (!Connected)
            {
                return false;
            }

            int at = Count % Topics.Length;
            Topics[at] = topic;
            Payloads[at] = System.Text.Encoding.UTF8.GetString(payload, 0, payload.Length);
            Retains[at] = retain;
            Count++;
            return true;
        }

        public bool Subscribe(string[] topicFilters)
        {
            if (!Connected)
            {
                return false;
            }

            Subscribed = topicFilters;
            return true;
        }

        public void Disconnect()
        {
            Disconnects++;
            Connected = false;
        }

        /// <summary>Index of the last publish on a topic at or after <paramref name="from"/>, or -1.</summary>
        public int LastIndexOf(string topic, int from)
        {
            for (int i = Count - 1; i >= from; i--)
            {
                if (Topics[i % Topics.Length] == topic)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Last payload published on a topic at or after <paramref name="from"/>, or null.</summary>
        public string LastPayload(string topic, int from)
        {
            int i = LastIndexOf(topic, from);
            return i < 0 ? null : Payloads[i % Topics.Length];
        }

        /// <summary>Number of publishes on a topic at or after <paramref name="from"/>.</summary>
        public int CountOn(string topic, int from)
        {
            int n = 0;
            for (int i = from; i < Count; i++)
            {
                if (Topics[i % Topics.Length] == topic)
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>An in-memory settings store; can fail writes or cut them short to simulate a power cut.</summary>
    public sealed class FakeSettingsStore : ISettingsStore
    {
        public string[] Names = Greenhouse.Text.StringArray.New(8);
        public byte[][] Blobs = new byte[8][];
        public int Writes;
        /// <summary>Writes of the settings copies only (the engine's counters are saved beside them).</summary>
        public int SettingsWrites;
        public bool FailWrites;

        public bool TryRead(string name, out byte[] content)
        {
            int i = Find(name);
            content = i < 0 ? null : Copy(Blobs[i], Blobs[i].Length);
            return i >= 0;
        }

        public bool Write(string name, byte[] content)
        {
            if (FailWrites)
            {
                return false;
            }

            Writes++;
            if (name.StartsWith("settings"))
            {
                SettingsWrites++;
            }
            Put(name, Copy(content, content.Length));
            return true;
        }

        public bool Delete(string name)
        {
            int i = Find(name);
            if (i >= 0)
            {
                Names[i] = null;
                Blobs[i] = null;
            }

            return true;
        }

        public void Put(string name, byte[] content)
        {
            int i = Find(name);
            if (i < 0)
            {
                for (i = 0; i < Names.Length && Names[i] != null; i++)
                {
                }
            }

            Names[i] = name;
            Blobs[i] = content;
        }

        public byte[] Get(string name)
        {
            int i = Find(name);
            return i < 0 ? null : Blobs[i];
        }

        public static byte[] Copy(byte[] source, int length)
        {
            byte[] copy = new byte[length];
            for (int i = 0; i < length; i++)
            {
                copy[i] = source[i];
            }

            return copy;
        }

        private int Find(string name)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }

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
