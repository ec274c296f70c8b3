using System.Text;
using Greenhouse.App;
using Greenhouse.Ports;

namespace Greenhouse.NanoClr.Replay
{
    /// <summary>One scripted input of the replayed day: at <see cref="Second"/> an MQTT message, a console line or a link outage.</summary>
    public sealed class ReplayStep
    {
        public int Second;
        public string Kind;
        public string Topic;
        public string Payload;
        public bool Retained;

        public ReplayStep(int second, string kind, string topic, string payload, bool retained)
        {
            Second = second;
            Kind = kind;
            Topic = topic;
            Payload = payload;
            Retained = retained;
        }
    }

    /// <summary>
    /// The broker side of the replay: connects on request (except during a scripted outage), records every call the
    /// core makes ("C" connect, "S" subscribe, "P" publish, "D" disconnect) and plays the grower's, Home
    /// Assistant's and the technician's inputs at their second. Deterministic, so both runtimes get the same calls.
    /// </summary>
    public sealed class ReplayLink : IMqttLink
    {
        /// <summary>Seconds the link stays down after an outage step.</summary>
        public const int OutageSeconds = 900;

        private readonly ReplayWorld _world;
        private readonly IReplayOutput _output;
        private readonly ReplayStep[] _script;
        private Controller _core;
        private int _next;
        private bool _connected;
        private int _downUntil = -1;

        public ReplayLink(ReplayWorld world, IReplayOutput output, ReplayStep[] script)
        {
            _world = world;
            _output = output;
            _script = script;
        }

        /// <summary>Documents published so far.</summary>
        public int Published;

        public void Attach(Controller core)
        {
            _core = core;
        }

        private string Stamp(string kind)
        {
            return kind + " " + _world.Second.ToString();
        }

        /// <summary>Posts the script's inputs that are due at the current second (before the tick).</summary>
        public void Play()
        {
            while (_next < _script.Length && _script[_next].Second <= _world.Second)
            {
                ReplayStep step = _script[_next++];
                if (step.Kind == "mqtt")
                {
                    if (_connected)
                    {
                        _output.Line(Stamp("I") + (step.Retained ? " r " : " - ") + step.Topic + " " + Visible(step.Payload));
                        _core.Inbox.PostMqtt(step.Topic, Encoding.UTF8.GetBytes(step.Payload), step.Retained);
                    }
                    else
                    {
                        _output.Line(Stamp("X") + " " + step.Topic);
                    }
                }
                else if (step.Kind == "console")
                {
                    _output.Line(Stamp("K") + " " + step.Payload);
                    _core.Inbox.PostConsoleLine(step.Payload);
                }
                else if (step.Kind == "down")
                {
                    _output.Line(Stamp("O") + " link down");
                    _connected = false;
                    _downUntil = _world.Second + OutageSeconds;
                    _core.Inbox.PostConnection(false);
                }
            }
        }

        /// <summary>The text with control characters as \uXXXX, so one input stays one output line.</summary>
        private static string Visible(string text)
        {
            StringBuilder shown = new StringBuilder();
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < ' ' || c == (char)127)
                {
                    shown.Append("\\u").Append(((int)c).ToString("X4"));
                }
                else
                {
                    shown.Append(c);
                }
            }

            return shown.ToString();
        }

        public bool IsConnected
        {
            get { return _connected; }
        }

        public bool BeginConnect(MqttConnectOptions options)
        {
            _output.Line(Stamp("C") + " host=" + options.Host + " port=" + options.Port.ToString() + " client=" + options.ClientId
                + " user=" + (options.UserName == null ? "-" : options.UserName) + " password=" + (options.Password == null ? "-" : "set")
                + " tls=" + (options.UseTls ? "on" : "off") + " will=" + options.WillTopic + ":" + options.WillPayload
                + " keepalive=" + options.KeepAliveSeconds.ToString() + " clean=" + (options.CleanSession ? "yes" : "no"));
            if (_world.Second < _downUntil)
            {
                _output.Line(Stamp("C") + " failed");
                return true;
            }

            _connected = true;
            if (_core != null)
            {
                _core.Inbox.PostConnection(true);
            }

            return true;
        }

        public bool Publish(string topic, byte[] payload, bool retain)
        {
            if (!_connected)
            {
                return false;
            }

            Published++;
            _output.Line(Stamp("P") + (retain ? " r " : " - ") + topic + " " + Encoding.UTF8.GetString(payload, 0, payload.Length));
            return true;
        }

        public bool Subscribe(string[] topicFilters)
        {
            if (!_connected)
            {
                return false;
            }

            StringBuilder text = new StringBuilder(Stamp("S"));
            for (int i = 0; i < topicFilters.Length; i++)
            {
                text.Append(' ').Append(topicFilters[i]);
            }

            _output.Line(text.ToString());
            return true;
        }

        public void Disconnect()
        {
            _output.Line(Stamp("D"));
            _connected = false;
        }
    }
}
