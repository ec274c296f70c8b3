namespace Greenhouse.App
{
    /// <summary>
    /// Thread-safe queue between the adapters' threads (MQTT callbacks, UART reader) and the tick. Posting
    /// never blocks on the control loop; the tick drains it. Bounded: when full, the oldest message is dropped
    /// and counted, so a flood of junk cannot exhaust the ESP32's heap.
    /// </summary>
    public sealed class Inbox
    {
        /// <summary>Most messages waiting at once.</summary>
        public const int Capacity = 32;

        private readonly object _gate = new object();
        private readonly Greenhouse.Collections.Ring _ring = new Greenhouse.Collections.Ring(Capacity);

        /// <summary>Messages dropped because the inbox was full (since start).</summary>
        public int Dropped
        {
            get
            {
                lock (_gate)
                {
                    return _ring.Dropped;
                }
            }
        }

        /// <summary>Messages waiting.</summary>
        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _ring.Count;
                }
            }
        }

        /// <summary>Queues an MQTT message (called from the adapter's receive thread).</summary>
        public void PostMqtt(string topic, byte[] payload, bool retained)
        {
            InboxMessage message = new InboxMessage();
            message.Kind = InboxKind.Mqtt;
            message.Topic = topic;
            message.Payload = payload;
            message.Retained = retained;
            Post(message);
        }

        /// <summary>Queues one console line (called from the UART reader).</summary>
        public void PostConsoleLine(string line)
        {
            InboxMessage message = new InboxMessage();
            message.Kind = InboxKind.ConsoleLine;
            message.Text = line;
            Post(message);
        }

        /// <summary>Reports that the MQTT session came up or went down (called from the adapter).</summary>
        public void PostConnection(bool up)
        {
            InboxMessage message = new InboxMessage();
            message.Kind = InboxKind.MqttConnection;
            message.Text = up ? "up" : "down";
            Post(message);
        }

        private void Post(InboxMessage message)
        {
            lock (_gate)
            {
                _ring.Add(message);
            }
        }

        /// <summary>Takes the oldest message, or null when empty (called by the tick).</summary>
        public InboxMessage Take()
        {
            lock (_gate)
            {
                return (InboxMessage)_ring.Take();
            }
        }
    }
}
