using Greenhouse.App;
using Greenhouse.TestSupport;

namespace Greenhouse.Tests
{
    /// <summary>A controller with a fake link and store, MQTT configured, ticked once per simulated second.</summary>
    public sealed class MqttRig : FakeBoard
    {
        public MqttRig() : this(new FakeSettingsStore(), true)
        {
        }

        public MqttRig(FakeSettingsStore store, bool configureBroker) : base(1)
        {
            Store = store;
            Link = new FakeMqttLink();
            Link.Echo = true; // like a broker: the device's own status comes back (the connection trial's proof)
            MacAddress = DefaultMac;
            Build("1.2.3");
            Controller.Start();
            if (configureBroker)
            {
                Controller.Commands.ApplySetting("mqtt.host", "broker.local", "test");
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

        /// <summary>
        /// Ticks until the link has accepted a message on <paramref name="topic"/>, at most <paramref name="maxTicks"/>
        /// times: the connect burst grows with every setting, so tests wait for what they read, not a fixed time.
        /// </summary>
        public void TicksUntilSent(string topic, int maxTicks)
        {
            for (int i = 0; i < maxTicks && Link.LastPayload(topic, 0) == null; i++)
            {
                Ticks(1);
            }
        }

        /// <summary>Ticks (at most maxTicks) until the alarm outbox is empty: the connect burst is through.</summary>
        public void TicksUntilAlarmsSent(int maxTicks)
        {
            for (int i = 0; i < maxTicks && Controller.Mqtt.PendingAlarmEvents > 0; i++)
            {
                Ticks(1);
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
