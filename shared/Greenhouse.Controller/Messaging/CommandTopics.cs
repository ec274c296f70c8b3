using Greenhouse.Commands;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Settings;
using Greenhouse.Status;
using Greenhouse.Text;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// Growers' commands on <c>/set</c> topics (docs/mqtt.md): each is decoded, turned into a command for the command
    /// port (source "mqtt") and answered with exactly one ack on <c>&lt;base&gt;/ack</c> — the applied value, or the
    /// refusal in words. Retained (stale) commands, junk payloads and unknown topics are refused, never applied. Who may
    /// change which setting is the command port's decision (hardware settings are refused there, naming the console).
    /// </summary>
    public sealed class CommandTopics
    {
        /// <summary>Largest accepted payload on a /set topic, in bytes (the longest text setting is 64 characters).</summary>
        public const int MaxSetPayloadBytes = 64;

        /// <summary>Longest topic echoed whole in an ack.</summary>
        public const int MaxEchoedTopicLength = 200;

        public const string Source = "mqtt";

        private readonly IMqttLink _link;
        private readonly ICommandPort _commands;
        private readonly IControllerStatus _status;
        private readonly ISettingsView _settings;
        private readonly Logger _log;
        private readonly JsonWriter _json = new JsonWriter(160);

        public CommandTopics(IMqttLink link, ICommandPort commands, IControllerStatus status, Logger log)
        {
            _link = link;
            _commands = commands;
            _status = status;
            _settings = status.Settings;
            _log = log;
        }

        /// <summary>Handles one message on a command topic of this device (kind from <see cref="MqttTopics.Parse"/>).</summary>
        public void Handle(string baseTopic, TopicKind kind, string topic, int zone, string name, byte[] payload, bool retained)
        {
            string value;
            string error;
            if (retained)
            {
                Ack(baseTopic, topic, false, null, "retained command refused: stale retained /set messages are never applied; publish without retain and clear the retained message (mosquitto_pub -r -n -t TOPIC)");
                return;
            }

            if (!TryDecode(payload, out value, out error))
            {
                Ack(baseTopic, topic, false, null, error);
                return;
            }

            if (kind == TopicKind.Unknown)
            {
                Ack(baseTopic, topic, false, null, "unknown topic: use " + baseTopic + "/zone/<n>/<setting>/set or " + baseTopic + "/config/<setting>/set");
                return;
            }

            if (kind == TopicKind.ZoneSet)
            {
                HandleZone(baseTopic, topic, zone, name, value);
            }
            else
            {
                HandleConfig(baseTopic, topic, name, value);
            }
        }

        private void HandleZone(string baseTopic, string topic, int zone, string name, string value)
        {
            int zones = _status.ZoneCount;
            if (zone < 1 || zone > zones)
            {
                Ack(baseTopic, topic, false, null, "zone must be 1.." + zones.ToString() + " (setting zones)");
                return;
            }

            if (name == "mist")
            {
                long seconds;
                if (!Num.TryParseInt(value, out seconds))
                {
                    // Not a number: the same words as an out-of-range length (the command port's check).
                    seconds = 0;
                }

                Answer(baseTopic, topic, _commands.RequestMist(zone, seconds, Source));
                return;
            }

            string key = "zone" + zone.ToString() + ".";
            if (name == "power")
            {
                string word = value.Trim().ToUpper();
                if (word != "ON" && word != "OFF")
                {
                    Ack(baseTopic, topic, false, null, "power must be ON or OFF");
                    return;
                }

                CommandResult result = _commands.ApplySetting(key + CoreSettings.Mode, word == "ON" ? "auto" : "off", Source);
                Ack(baseTopic, topic, result.Ok, result.Ok ? word : null, result.Error, null);
                return;
            }

            int definition = _settings.IndexOf(name);
            if (definition < 0)
            {
                Ack(baseTopic, topic, false, null, "unknown setting " + ControllerSettings.Sanitise(name));
                return;
            }

            if (!_settings.Definitions[definition].PerZone)
            {
                Ack(baseTopic, topic, false, null, name + " is a device setting: use " + baseTopic + "/config/" + name + "/set");
                return;
            }

            Answer(baseTopic, topic, _commands.ApplySetting(key + name, value, Source));
        }

        private void HandleConfig(string baseTopic, string topic, string name, string value)
        {
            int definition = _settings.IndexOf(name);
            if (definition < 0)
            {
                Ack(baseTopic, topic, false, null, "unknown setting " + ControllerSettings.Sanitise(name));
                return;
            }

            if (_settings.Definitions[definition].PerZone)
            {
                Ack(baseTopic, topic, false, null, name + " is a zone setting: use " + baseTopic + "/zone/<n>/" + name + "/set");
                return;
            }

            Answer(baseTopic, topic, _commands.ApplySetting(name, value, Source));
        }

        /// <summary>The ack of a command result (a secret is acknowledged as "***").</summary>
        private void Answer(string baseTopic, string topic, CommandResult result)
        {
            Ack(baseTopic, topic, result.Ok, result.Value, result.Error, result.Note);
        }

        private void Ack(string baseTopic, string topic, bool ok, string value, string error)
        {
            Ack(baseTopic, topic, ok, value, error, null);
        }

        private void Ack(string baseTopic, string topic, bool ok, string value, string error, string note)
        {
            _json.Clear();
            _json.BeginObject();
            // Real command topics are short; a huge junk topic is echoed cut short rather than copied whole.
            _json.Member("topic", topic.Length > MaxEchoedTopicLength ? Shorten(topic) : topic);
            _json.MemberBool("ok", ok);
            if (ok)
            {
                _json.Member("value", value);
                if (note != null)
                {
                    // An accepted change that waits (a connection on trial): what happens next.
                    _json.Member("note", note);
                }
            }
            else
            {
                _json.Member("error", error);
                _log.Warn("mqtt", "refused", "topic=" + ControllerSettings.Sanitise(topic) + " reason=\"" + error + "\"");
            }

            _json.EndObject();
            if (!_link.Publish(baseTopic + "/ack", System.Text.Encoding.UTF8.GetBytes(_json.ToString()), false))
            {
                _log.Warn("mqtt", "ack not sent", "topic=" + ControllerSettings.Sanitise(topic));
            }
        }

        /// <summary>
        /// Payload rules for /set topics: at most <see cref="MaxSetPayloadBytes"/> bytes, printable ASCII only
        /// (every setting value is printable ASCII), one trailing line break tolerated (mosquitto_pub -f / -l).
        /// </summary>
        public static bool TryDecode(byte[] payload, out string text, out string error)
        {
            text = null;
            error = null;
            int length = payload == null ? 0 : payload.Length;
            if (length > MaxSetPayloadBytes)
            {
                error = "payload too long: at most " + MaxSetPayloadBytes.ToString() + " bytes";
                return false;
            }

            while (length > 0 && (payload[length - 1] == (byte)'\n' || payload[length - 1] == (byte)'\r'))
            {
                length--;
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = payload[i];
                if (b < 0x20 || b > 0x7e)
                {
                    error = "payload must be printable text (ASCII, no control characters or binary data)";
                    return false;
                }

                chars[i] = (char)b;
            }

            text = new string(chars);
            return true;
        }

        /// <summary>Cuts a long topic for the ack without splitting a surrogate pair.</summary>
        private static string Shorten(string topic)
        {
            int length = MaxEchoedTopicLength;
            if (topic[length - 1] >= (char)0xD800 && topic[length - 1] <= (char)0xDBFF)
            {
                length--;
            }

            return topic.Substring(0, length) + "...";
        }
    }
}
