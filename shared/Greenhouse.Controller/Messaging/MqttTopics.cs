using Greenhouse.Settings;

namespace Greenhouse.Messaging
{
    /// <summary>What a received topic asks for, after parsing against the device's base.</summary>
    public enum TopicKind
    {
        /// <summary>Not under this device's base and not a topic we listen to.</summary>
        Foreign = 0,
        /// <summary>Under the base but not a known command shape.</summary>
        Unknown = 1,
        /// <summary><c>&lt;base&gt;/zone/&lt;n&gt;/&lt;name&gt;/set</c>.</summary>
        ZoneSet = 2,
        /// <summary><c>&lt;base&gt;/config/&lt;name&gt;/set</c>.</summary>
        ConfigSet = 3,
        /// <summary><c>homeassistant/status</c>.</summary>
        HomeAssistantStatus = 4,
        /// <summary>Under the base, not a /set topic (e.g. one of our own state topics): ignored silently.</summary>
        NotACommand = 5
    }

    /// <summary>
    /// The public topic contract (docs/mqtt.md): names of topics under <c>&lt;prefix&gt;/&lt;device id&gt;</c> and
    /// parsing of received command topics. Only topics under the device's own base are ever applied.
    /// </summary>
    public static class MqttTopics
    {
        public const string HomeAssistantStatus = "homeassistant/status";
        public const string DiscoveryPrefix = "homeassistant";
        public const string SetSuffix = "/set";

        /// <summary>Device id from the MAC: "gh-" + the last 6 hex digits, lower case ("gh-a1b2c3").
        /// Any separators in the MAC text are ignored; fewer than 6 digits are left-padded with 0.</summary>
        public static string DeviceIdFromMac(string mac)
        {
            char[] digits = new char[6];
            int found = 0;
            if (mac != null)
            {
                for (int i = mac.Length - 1; i >= 0 && found < 6; i--)
                {
                    char c = mac[i];
                    if (c >= 'A' && c <= 'F')
                    {
                        c = (char)(c - 'A' + 'a');
                    }

                    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
                    {
                        digits[5 - found] = c;
                        found++;
                    }
                }
            }

            for (int i = 0; i < 6 - found; i++)
            {
                digits[i] = '0';
            }

            return "gh-" + new string(digits);
        }

        /// <summary>True when the text is usable as one topic level (the rule lives with the settings that become levels).</summary>
        public static bool IsTopicLevel(string text)
        {
            return TopicSettingsRule.IsTopicLevel(text);
        }

        /// <summary>Object id for Home Assistant: only [a-zA-Z0-9_-]; anything else becomes '_'.</summary>
        public static string ObjectId(string text)
        {
            char[] chars = new char[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                chars[i] = ok ? c : '_';
            }

            return new string(chars);
        }

        /// <summary>
        /// Parses a received topic. For ZoneSet, zone is the number as written (range checked by the caller) and
        /// name the setting or command name; for ConfigSet, name is the device setting key (dots allowed).
        /// </summary>
        public static TopicKind Parse(string baseTopic, string topic, out int zone, out string name)
        {
            zone = 0;
            name = null;
            if (topic == null)
            {
                return TopicKind.Unknown;
            }

            if (topic == HomeAssistantStatus)
            {
                return TopicKind.HomeAssistantStatus;
            }

            int baseLength = baseTopic.Length;
            if (topic.Length <= baseLength + 1 || !topic.StartsWith(baseTopic) || topic[baseLength] != '/')
            {
                return TopicKind.Foreign;
            }

            string rest = topic.Substring(baseLength + 1);
            if (!rest.EndsWith(SetSuffix))
            {
                return TopicKind.NotACommand;
            }

            rest = rest.Substring(0, rest.Length - SetSuffix.Length);
            if (rest.StartsWith("zone/"))
            {
                string tail = rest.Substring(5);
                int slash = tail.IndexOf('/');
                if (slash <= 0 || slash > 3 || slash == tail.Length - 1)
                {
                    return TopicKind.Unknown;
                }

                int number = 0;
                for (int i = 0; i < slash; i++)
                {
                    char c = tail[i];
                    if (c < '0' || c > '9')
                    {
                        return TopicKind.Unknown;
                    }

                    number = number * 10 + (c - '0');
                }

                string setting = tail.Substring(slash + 1);
                if (!IsTopicLevel(setting))
                {
                    return TopicKind.Unknown;
                }

                zone = number;
                name = setting;
                return TopicKind.ZoneSet;
            }

            if (rest.StartsWith("config/"))
            {
                string setting = rest.Substring(7);
                if (!IsTopicLevel(setting))
                {
                    return TopicKind.Unknown;
                }

                name = setting;
                return TopicKind.ConfigSet;
            }

            return TopicKind.Unknown;
        }
    }
}
