using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Greenhouse.Settings;

namespace Greenhouse.Fuzz
{
    /// <summary>
    /// Values for settings: valid ones for each definition in the catalogue, boundaries, out-of-range, malformed
    /// numbers, wrong words, over-long and non-printable text. Secrets come from their own pool of tokens that
    /// contain <see cref="SecretMarker"/> and are never offered to any other setting, so the oracle can search
    /// every publish and log line for them.
    /// </summary>
    public sealed class ValueGenerator
    {
        public const string SecretMarker = "Zq7";
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
        private readonly Random _random;
        public readonly SettingDefinition[] Definitions = SettingsCatalog.All();

        private static readonly string[] NumberJunk =
        {
            "", " ", "NaN", "nan", "Infinity", "-Infinity", "1e309", "-1e309", "1e3", "1E2", "0x10", "1,5", "5.", ".5", "+5", "-0", "--1",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999", "0.000000001",
            "\u0661\u0662", "\uff15", "5\u0000", " 5", "5 ", "5\t", "1_000", "1'000", "½", "∞", "١", "0b101", "1e", "e5", ".", "-", "+",
        };

        private static readonly string[] WordJunk = { "", " ", "ON ", " off", "yes", "no", "TRUE", "On", "2", "-1", "auto\u0000", "aut", "autoo", "Auto", "AUTO", "nul", "\u00e9", "\"auto\"", "auto,off" };

        public ValueGenerator(Random random)
        {
            _random = random;
        }

        /// <summary>
        /// When set, inputs of the classes listed in tools/Greenhouse.Fuzz/README.md "Known issues" are not generated
        /// (so the CI slice stays green until main fixes them): MQTT wildcards in device.id / mqtt.prefix.
        /// </summary>

        public SettingDefinition PickDefinition()
        {
            return Definitions[_random.Next(Definitions.Length)];
        }

        /// <summary>A valid value for the definition (sometimes in a non-canonical spelling).</summary>
        public string Valid(SettingDefinition def)
        {
            switch (def.Kind)
            {
                case SettingKind.Integer:
                {
                    long min = (long)def.Minimum;
                    long max = (long)def.Maximum;
                    int pick = _random.Next(6);
                    long value = pick == 0 ? min : pick == 1 ? max : min + (long)(_random.NextDouble() * (max - min + 1));
                    if (value > max)
                    {
                        value = max;
                    }

                    return value.ToString(Inv);
                }

                case SettingKind.Number:
                {
                    int pick = _random.Next(6);
                    double value = pick == 0 ? def.Minimum : pick == 1 ? def.Maximum : def.Minimum + _random.NextDouble() * (def.Maximum - def.Minimum);
                    double scale = Math.Pow(10, def.Decimals);
                    value = Math.Floor(value * scale) / scale;
                    if (value < def.Minimum)
                    {
                        value = def.Minimum;
                    }

                    return value.ToString("F" + def.Decimals.ToString(Inv), Inv);
                }

                case SettingKind.Choice:
                {
                    string word = def.Choices[_random.Next(def.Choices.Length)];
                    int style = _random.Next(8);
                    return style == 0 ? word.ToUpperInvariant() : style == 1 ? " " + word + " " : word;
                }

                case SettingKind.Flag:
                {
                    string[] words = { "on", "off", "true", "false", "1", "0", "ON", "Off" };
                    return words[_random.Next(words.Length)];
                }

                case SettingKind.Secret:
                    return Secret();
                default:
                {
                    if (def.Name == "device.id" || def.Name == "mqtt.prefix")
                    {
                        // Both become MQTT topic levels; only topic-safe text is a valid value (TopicSettingsRule).
                        return TopicText(def.Name == "mqtt.prefix", 1 + _random.Next(def.MaxLength));
                    }

                    return Text(_random.Next(def.MaxLength + 1));
                }
            }
        }

        private string TopicText(bool levels, int length)
        {
            const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
            char[] text = new char[length];
            for (int i = 0; i < length; i++)
            {
                bool slash = levels && i > 0 && i < length - 1 && text[i - 1] != '/' && _random.Next(6) == 0;
                text[i] = slash ? '/' : chars[_random.Next(chars.Length)];
            }

            return new string(text);
        }

        /// <summary>A value the definition must refuse.</summary>
        public string Invalid(SettingDefinition def)
        {
            switch (def.Kind)
            {
                case SettingKind.Integer:
                {
                    int pick = _random.Next(5);
                    if (pick == 0)
                    {
                        return ((long)def.Minimum - 1 - _random.Next(1000)).ToString(Inv);
                    }

                    if (pick == 1)
                    {
                        return ((long)def.Maximum + 1 + _random.Next(1000)).ToString(Inv);
                    }

                    if (pick == 2)
                    {
                        return (def.Minimum + 0.5).ToString("F1", Inv);
                    }

                    return NumberJunk[_random.Next(NumberJunk.Length)];
                }

                case SettingKind.Number:
                {
                    int pick = _random.Next(4);
                    double step = Math.Pow(10, -def.Decimals);
                    if (pick == 0)
                    {
                        return (def.Minimum - step * (1 + _random.Next(100))).ToString("F" + def.Decimals.ToString(Inv), Inv);
                    }

                    if (pick == 1)
                    {
                        return (def.Maximum + step * (1 + _random.Next(100))).ToString("F" + def.Decimals.ToString(Inv), Inv);
                    }

                    return NumberJunk[_random.Next(NumberJunk.Length)];
                }

                case SettingKind.Choice:
                case SettingKind.Flag:
                    return WordJunk[_random.Next(WordJunk.Length)];
                case SettingKind.Secret:
                    return _random.Next(2) == 0 ? Secret() + new string('x', def.MaxLength) : Secret() + "\u0007";
                default:
                {
                    if (_random.Next(2) == 0)
                    {
                        return Text(def.MaxLength + 1 + _random.Next(40));
                    }

                    string text = Text(1 + _random.Next(Math.Max(1, def.MaxLength - 1)));
                    char bad = "\u0000\u0001\t\n\r\u007f\u00e9\u4e2d"[_random.Next(8)];
                    return text.Insert(_random.Next(text.Length + 1), bad.ToString());
                }
            }
        }

        /// <summary>A distinctive secret token (never produced for any other setting).</summary>
        public string Secret()
        {
            return "pw-" + SecretMarker + Alnum(6 + _random.Next(20));
        }

        /// <summary>Printable ASCII text including characters that matter in topics and files ('/', '+', '#', '=', spaces).</summary>
        public string Text(int length)
        {
            const string tricky = "/+#= \"\\{}:,.-_";
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++)
            {
                int pick = _random.Next(10);
                char c = pick < 2 ? tricky[_random.Next(tricky.Length)] : pick < 8 ? (char)('a' + _random.Next(26)) : (char)(0x20 + _random.Next(95));
                text.Append(c);
            }

            string result = text.ToString();
            // Never let a text value carry the secret marker.
            return result.Contains(SecretMarker) ? result.Replace(SecretMarker, "zzz") : result;
        }

        public string Alnum(int length)
        {
            const string chars = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            char[] text = new char[length];
            for (int i = 0; i < length; i++)
            {
                text[i] = chars[_random.Next(chars.Length)];
            }

            return new string(text);
        }
    }

    /// <summary>Topics and payloads for the MQTT target.</summary>
    public sealed class MqttGenerator
    {
        private readonly Random _random;
        private readonly ValueGenerator _values;
        private static readonly string[] Commands = { "mist", "power" };
        private static readonly string[] ZoneNumbers = { "1", "2", "3", "4", "1", "2", "0", "5", "9", "10", "01", "007", "999", "1000", "-1", "+", "#", "", "a", "1 ", "\u0661" };
        private static readonly string[] Junk =
        {
            "", "set", "zone", "config", "+", "#", " ", ".", "..", "zone1.target_rh", "state", "ack", "status", "\u0000", "\u00e9t\u00e9",
            "\u4e2d\u6587", "\ud83c\udf44", "\ud800", "x\"y", "a\\b", "SET", "Set", "%2F", "$SYS", "target_rh ", "mqtt.password", "wifi.password",
        };

        public MqttGenerator(Random random, ValueGenerator values)
        {
            _random = random;
            _values = values;
        }

        /// <summary>Topics as an MQTT client library delivers them: decoded UTF-8, so no lone surrogates (known issue otherwise).</summary>
        private string Deliverable(string topic)
        {
            if (topic == null)
            {
                return topic;
            }

            char[] chars = topic.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                bool high = char.IsHighSurrogate(chars[i]);
                bool low = char.IsLowSurrogate(chars[i]);
                if (high && (i + 1 >= chars.Length || !char.IsLowSurrogate(chars[i + 1])))
                {
                    chars[i] = '\ufffd';
                }
                else if (high)
                {
                    i++;
                }
                else if (low)
                {
                    chars[i] = '\ufffd';
                }
            }

            return new string(chars);
        }

        /// <summary>One message for the current base; the generator also remembers nothing between calls.</summary>
        public Step Next(string baseTopic)
        {
            Step step = Shape(baseTopic);
            step.Topic = Deliverable(step.Topic);
            return step;
        }

        private Step Shape(string baseTopic)
        {
            int shape = _random.Next(100);
            if (shape < 40)
            {
                return ZoneSet(baseTopic);
            }

            if (shape < 70)
            {
                return ConfigSet(baseTopic);
            }

            if (shape < 74)
            {
                bool online = _random.Next(3) > 0;
                byte[] payload = Encoding.UTF8.GetBytes(online ? "online" : _random.Next(2) == 0 ? "offline" : "Online");
                return Step.Message("homeassistant/status", _random.Next(4) == 0 ? Payload(null) : payload, _random.Next(3) == 0);
            }

            if (shape < 84)
            {
                return Step.Message(WeirdTopic(baseTopic), Payload(null), Retained());
            }

            if (shape < 90)
            {
                return Step.Message(OtherBase(baseTopic), Payload(_values.PickDefinition()), Retained());
            }

            if (shape < 96)
            {
                // Wildcards, empty and deep levels under the own base.
                StringBuilder topic = new StringBuilder(baseTopic);
                int levels = _random.Next(7);
                for (int i = 0; i < levels; i++)
                {
                    topic.Append('/').Append(Junk[_random.Next(Junk.Length)]);
                }

                if (_random.Next(3) > 0)
                {
                    topic.Append("/set");
                }

                return Step.Message(topic.ToString(), Payload(_values.PickDefinition()), Retained());
            }

            // Very long topics (MQTT allows 65535 bytes).
            int length = _random.Next(4) == 0 ? 60000 + _random.Next(5535) : 150 + _random.Next(2000);
            string tail = new string((char)('a' + _random.Next(26)), length);
            string longTopic = _random.Next(2) == 0 ? baseTopic + "/config/" + tail + "/set" : baseTopic + "/" + tail + (_random.Next(2) == 0 ? "/set" : "");
            if (_random.Next(2) == 0)
            {
                // A character outside the BMP (a surrogate pair) around where an ack cuts long topics (known issue).
                int at = Math.Min(longTopic.Length - 4, 195 + _random.Next(8));
                longTopic = longTopic.Substring(0, at) + "\ud83c\udf44" + longTopic.Substring(at);
            }

            return Step.Message(longTopic, Payload(null), Retained());
        }

        private bool Retained()
        {
            return _random.Next(12) == 0;
        }

        private Step ZoneSet(string baseTopic)
        {
            string zone = _random.Next(5) > 0 ? (1 + _random.Next(4)).ToString(CultureInfo.InvariantCulture) : ZoneNumbers[_random.Next(ZoneNumbers.Length)];
            int pick = _random.Next(10);
            string name;
            SettingDefinition def = null;
            if (pick < 2)
            {
                name = Commands[_random.Next(Commands.Length)];
            }
            else if (pick < 9)
            {
                def = _values.PickDefinition();
                name = def.Name;
            }
            else
            {
                name = Junk[_random.Next(Junk.Length)];
            }

            byte[] payload;
            if (name == "mist")
            {
                string[] seconds = { "1", "30", "300", "301", "0", "-5", "abc", "60", "10\n", "5.5", "" };
                payload = _random.Next(5) == 0 ? Payload(null) : Encoding.ASCII.GetBytes(seconds[_random.Next(seconds.Length)]);
            }
            else if (name == "power")
            {
                string[] words = { "ON", "OFF", "on", "off", " On ", "1", "", "ONN", "OFF\r\n" };
                payload = _random.Next(5) == 0 ? Payload(null) : Encoding.ASCII.GetBytes(words[_random.Next(words.Length)]);
            }
            else
            {
                payload = Payload(def);
            }

            return Step.Message(baseTopic + "/zone/" + zone + "/" + name + "/set", payload, Retained());
        }

        private Step ConfigSet(string baseTopic)
        {
            SettingDefinition def = _values.PickDefinition();
            string name = _random.Next(12) == 0 ? Junk[_random.Next(Junk.Length)] : def.Name;
            if (_random.Next(15) == 0)
            {
                name = "zone" + (1 + _random.Next(4)).ToString(CultureInfo.InvariantCulture) + "." + def.Name;
            }

            return Step.Message(baseTopic + "/config/" + name + "/set", Payload(def), Retained());
        }

        private string OtherBase(string baseTopic)
        {
            string[] others = { "greenhouse/gh-000000", "greenhouse/gh-a1b2c4", baseTopic + "x", baseTopic.ToUpperInvariant(), "other/" + baseTopic, "greenhouse", "greenhouse/", "homeassistant/status/x", "homeassistant" };
            string topic = others[_random.Next(others.Length)];
            return _random.Next(2) == 0 ? topic + "/zone/1/target_rh/set" : topic + "/config/mqtt.telemetry_s/set";
        }

        private string WeirdTopic(string baseTopic)
        {
            string[] topics =
            {
                "", "/", "//", "/set", "set", "#", "+", "+/+/set", baseTopic, baseTopic + "/", baseTopic + "/set", baseTopic + "//set",
                baseTopic + "/#", baseTopic + "/+/set", baseTopic + "/zone/+/target_rh/set", baseTopic + "/zone/1/#/set",
                baseTopic + "/zone//target_rh/set", baseTopic + "/zone/1//set", baseTopic + "/zone/1/target_rh/set/set", baseTopic + "/config//set",
                baseTopic + "/config/set", baseTopic + "/zone/set", baseTopic + "/zone/1/set", baseTopic + "/state", baseTopic + "/ack",
                baseTopic + "/status", baseTopic + "/zone/1/target_rh", baseTopic + "/config/zones", baseTopic + "/zone/1/target_rh/set\u0000",
                baseTopic + "\u0000/config/zones/set", baseTopic + "/config/zones\u0000/set", baseTopic + "/config/\u00e9/set", baseTopic + "/config/\ud83c\udf44/set",
                baseTopic + "/config/\ud800/set", baseTopic + "/zone/\uff11/target_rh/set", baseTopic + "/ zone/1/target_rh/set", baseTopic + "/config/zones /set",
                baseTopic + "/a/b/c/d/e/f/g/set", baseTopic + "/zone/1/2/3/set", baseTopic + "/config/a/b/set", null,
            };
            return topics[_random.Next(topics.Length)];
        }

        /// <summary>A payload: valid or invalid for the definition (when given), junk bytes, invalid UTF-8, huge, empty, line ends.</summary>
        public byte[] Payload(SettingDefinition def)
        {
            int pick = _random.Next(100);
            if (def != null && pick < 45)
            {
                return Tail(Encoding.UTF8.GetBytes(_values.Valid(def)));
            }

            if (def != null && pick < 70)
            {
                return Tail(Encoding.UTF8.GetBytes(_values.Invalid(def)));
            }

            if (pick < 74)
            {
                return new byte[0];
            }

            if (pick < 80)
            {
                // A valid value for some other setting (never a secret token).
                SettingDefinition other = _values.PickDefinition();
                return other.Kind == SettingKind.Secret ? Encoding.UTF8.GetBytes("abc") : Encoding.UTF8.GetBytes(_values.Valid(other));
            }

            if (pick < 86)
            {
                byte[] junk = new byte[_random.Next(1, 80)];
                _random.NextBytes(junk);
                return junk;
            }

            if (pick < 92)
            {
                byte[][] invalid =
                {
                    new byte[] { 0xc3, 0x28 }, new byte[] { 0xff }, new byte[] { 0xc0, 0xaf }, new byte[] { 0xed, 0xa0, 0x80 },
                    new byte[] { 0xf4, 0x90, 0x80, 0x80 }, new byte[] { 0x39, 0x32, 0x00 }, new byte[] { 0xef, 0xbb, 0xbf, 0x39, 0x32 },
                    new byte[] { 0x39, 0x32, 0x0a, 0x0a }, new byte[] { 0x39, 0x32, 0x0d, 0x0a }, new byte[] { 0x0a }, new byte[] { 0x39, 0x0a, 0x32 },
                    new byte[] { 0xe2, 0x80, 0xa8 }, new byte[] { 0x7f },
                };
                return invalid[_random.Next(invalid.Length)];
            }

            if (pick < 97)
            {
                // Around and far above the 64-byte /set limit and the inbox's 512-byte cut.
                int[] sizes = { 63, 64, 65, 511, 512, 513, 4096, 65536 };
                int size = sizes[_random.Next(sizes.Length)];
                byte[] big = new byte[size];
                for (int i = 0; i < size; i++)
                {
                    big[i] = (byte)('0' + (i % 10));
                }

                return big;
            }

            return Encoding.UTF8.GetBytes(_values.Text(_random.Next(70)));
        }

        private byte[] Tail(byte[] payload)
        {
            int pick = _random.Next(20);
            if (pick == 0)
            {
                return Concat(payload, new byte[] { (byte)'\n' });
            }

            if (pick == 1)
            {
                return Concat(payload, new byte[] { (byte)'\r', (byte)'\n' });
            }

            return payload;
        }

        private static byte[] Concat(byte[] a, byte[] b)
        {
            byte[] all = new byte[a.Length + b.Length];
            Buffer.BlockCopy(a, 0, all, 0, a.Length);
            Buffer.BlockCopy(b, 0, all, a.Length, b.Length);
            return all;
        }
    }
}
