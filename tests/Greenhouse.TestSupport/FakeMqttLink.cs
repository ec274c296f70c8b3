using Greenhouse.Ports;
using Greenhouse.Text;

namespace Greenhouse.TestSupport
{
    /// <summary>
    /// An MQTT link that records the publishes the controller hands it, in a fixed ring (references to the topic and
    /// payload, so publishing never allocates). Connecting is driven by the test: with <see cref="AutoConnect"/> a
    /// connect attempt succeeds at once. Publishes refused while disconnected are recorded only with
    /// <see cref="RecordRefused"/> (an oracle that must see every ack the controller tried to send). Publish numbers
    /// are absolute: publish i is in the ring while <c>i &gt;= Oldest</c>.
    /// </summary>
    public sealed class FakeMqttLink : IMqttLink
    {
        public bool Connected;
        /// <summary>BeginConnect connects at once (false: the broker is unreachable, attempts never succeed).</summary>
        public bool AutoConnect = true;
        /// <summary>With <see cref="AutoConnect"/>: when set, only a connect to this host succeeds (a broker elsewhere is dead).</summary>
        public string ReachableHost;
        /// <summary>Like a broker: an accepted publish on a subscribed topic comes back (not retained) through <see cref="Loopback"/>.</summary>
        public bool Echo;
        /// <summary>Where echoed publishes go (the controller's inbox; FakeBoard.Build sets it).</summary>
        public Greenhouse.App.Inbox Loopback;
        /// <summary>Record publishes and subscriptions refused while disconnected too (<see cref="Accepted"/> tells the publishes apart).</summary>
        public bool RecordRefused;
        public int ConnectAttempts;
        public int Disconnects;
        public MqttConnectOptions LastOptions;
        /// <summary>The filters of the last accepted Subscribe (of the last one at all with <see cref="RecordRefused"/>).</summary>
        public string[] Subscribed;
        /// <summary>The ring: publish i is at i % Topics.Length.</summary>
        public readonly string[] Topics;
        public readonly byte[][] Payloads;
        public readonly bool[] Retains;
        /// <summary>False for a publish refused because the link was down.</summary>
        public readonly bool[] Accepted;
        /// <summary>Publishes recorded since construction or <see cref="Clear"/>.</summary>
        public int Count;
        /// <summary>Payload bytes of the accepted publishes.</summary>
        public long PublishedBytes;

        /// <summary>Keeps the last 4096 publishes.</summary>
        public FakeMqttLink() : this(4096)
        {
        }

        public FakeMqttLink(int capacity)
        {
            Topics = StringArray.New(capacity);
            Payloads = new byte[capacity][];
            Retains = new bool[capacity];
            Accepted = new bool[capacity];
        }

        public bool IsConnected
        {
            get { return Connected; }
        }

        public bool BeginConnect(MqttConnectOptions options)
        {
            ConnectAttempts++;
            LastOptions = options;
            if (AutoConnect && (ReachableHost == null || (options != null && options.Host == ReachableHost)))
            {
                Connected = true;
            }

            return true;
        }

        public bool Publish(string topic, byte[] payload, bool retain)
        {
            if (!Connected && !RecordRefused)
            {
                return false;
            }

            int at = Count % Topics.Length;
            Topics[at] = topic;
            Payloads[at] = payload;
            Retains[at] = retain;
            Accepted[at] = Connected;
            Count++;
            if (Connected)
            {
                PublishedBytes += payload == null ? 0 : payload.Length;
                if (Echo && Loopback != null && Subscribed != null && MatchesAny(Subscribed, topic))
                {
                    Loopback.PostMqtt(topic, payload, false);
                }
            }

            return Connected;
        }

        public bool Subscribe(string[] topicFilters)
        {
            if (!Connected)
            {
                if (RecordRefused)
                {
                    Subscribed = topicFilters;
                }

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

        /// <summary>True when a topic matches one of the filters (MQTT '+' and '#' wildcards).</summary>
        public static bool MatchesAny(string[] filters, string topic)
        {
            for (int i = 0; i < filters.Length; i++)
            {
                if (Matches(filters[i], topic))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool Matches(string filter, string topic)
        {
            int f = 0;
            int t = 0;
            while (f < filter.Length)
            {
                if (filter[f] == '#')
                {
                    return true;
                }

                if (filter[f] == '+')
                {
                    while (t < topic.Length && topic[t] != '/')
                    {
                        t++;
                    }

                    f++;
                    continue;
                }

                if (t >= topic.Length || filter[f] != topic[t])
                {
                    return false;
                }

                f++;
                t++;
            }

            return t == topic.Length;
        }

        /// <summary>Number of the oldest publish still kept.</summary>
        public int Oldest
        {
            get { return Count > Topics.Length ? Count - Topics.Length : 0; }
        }

        /// <summary>Topic of publish <paramref name="index"/> (must be kept: Oldest &lt;= index &lt; Count).</summary>
        public string TopicAt(int index)
        {
            return Topics[index % Topics.Length];
        }

        public byte[] PayloadAt(int index)
        {
            return Payloads[index % Topics.Length];
        }

        public bool RetainAt(int index)
        {
            return Retains[index % Topics.Length];
        }

        public bool AcceptedAt(int index)
        {
            return Accepted[index % Topics.Length];
        }

        /// <summary>The payload of publish <paramref name="index"/> as UTF-8 text.</summary>
        public string PayloadText(int index)
        {
            byte[] payload = PayloadAt(index);
            return payload == null ? null : System.Text.Encoding.UTF8.GetString(payload, 0, payload.Length);
        }

        /// <summary>Number of the last kept publish on a topic at or after <paramref name="from"/>, or -1.</summary>
        public int LastIndexOf(string topic, int from)
        {
            int oldest = Oldest;
            for (int i = Count - 1; i >= from && i >= oldest; i--)
            {
                if (Topics[i % Topics.Length] == topic)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Last payload (as text) published on a topic at or after <paramref name="from"/>, or null.</summary>
        public string LastPayload(string topic, int from)
        {
            int i = LastIndexOf(topic, from);
            return i < 0 ? null : PayloadText(i);
        }

        /// <summary>Number of kept publishes on a topic at or after <paramref name="from"/>.</summary>
        public int CountOn(string topic, int from)
        {
            int n = 0;
            for (int i = from < Oldest ? Oldest : from; i < Count; i++)
            {
                if (Topics[i % Topics.Length] == topic)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>Forgets the recorded publishes (the connection state and counters stay).</summary>
        public void Clear()
        {
            for (int i = 0; i < Topics.Length; i++)
            {
                Topics[i] = null;
                Payloads[i] = null;
            }

            Count = 0;
        }
    }
}
