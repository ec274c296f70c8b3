namespace Greenhouse.Settings
{
    /// <summary>
    /// Keeps the settings that become MQTT topic levels valid as topics: a device id or prefix with '+', '#', an
    /// empty level or a leading '$' would make every publish a protocol error and the broker would drop the
    /// controller on each reconnect, leaving only the serial console to repair it.
    /// </summary>
    public sealed class TopicSettingsRule : ISettingsRule
    {
        private readonly int _deviceId;
        private readonly int _prefix;

        public TopicSettingsRule(ControllerSettings settings)
        {
            _deviceId = settings.Require(CoreSettings.DeviceId);
            _prefix = settings.Require("mqtt.prefix");
        }

        public string Check(ControllerSettings settings, int zone)
        {
            if (zone != 0)
            {
                return null;
            }

            string id = settings.Text(_deviceId, 0);
            if (id != null && id.Length > 0 && !IsDeviceId(id))
            {
                return "device.id must be letters, digits, - and _ only (it is one MQTT topic level)";
            }

            string prefix = settings.Text(_prefix, 0);
            if (!IsPrefix(prefix))
            {
                return "mqtt.prefix must be one or more topic levels separated by /, without + # or spaces, not starting with $ or /";
            }

            return null;
        }

        /// <summary>[A-Za-z0-9_-]+: also usable as a Home Assistant object id.</summary>
        public static bool IsDeviceId(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok)
                {
                    return false;
                }
            }

            return text.Length > 0;
        }

        /// <summary>True when the text is usable as one topic level: non-empty, no '/', '+', '#', spaces or control characters.</summary>
        public static bool IsTopicLevel(string text)
        {
            if (text == null || text.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c <= ' ' || c > '~' || c == '/' || c == '+' || c == '#')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Levels of printable ASCII separated by single slashes; no wildcards, no leading '$'.</summary>
        public static bool IsPrefix(string text)
        {
            if (text == null || text.Length == 0 || text[0] == '$')
            {
                return false;
            }

            int start = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '/')
                {
                    if (!IsTopicLevel(text.Substring(start, i - start)))
                    {
                        return false;
                    }

                    start = i + 1;
                }
            }

            return true;
        }
    }
}
