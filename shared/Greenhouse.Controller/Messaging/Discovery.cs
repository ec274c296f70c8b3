using Greenhouse.Settings;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// Home Assistant MQTT discovery documents (retained, under <c>homeassistant/</c>): one humidifier per zone
    /// slot (zones not in use get an empty retained payload, which removes a stale entity), five sensors per
    /// climate sensor position, and one alarm binary sensor. Built one at a time by index so the connect-time
    /// burst never holds more than one document in memory.
    /// </summary>
    public static class Discovery
    {
        private static readonly string[] SensorKeys = { "temp_c", "rh_pct", "dew_point_c", "vpd_kpa", "pressure_hpa" };
        private static readonly string[] SensorObjects = { "temperature", "humidity", "dew_point", "vpd", "pressure" };
        private static readonly string[] SensorUnits = { "°C", "%", "°C", "kPa", "hPa" };
        private static readonly string[] SensorClasses = { "temperature", "humidity", "temperature", "pressure", "atmospheric_pressure" };
        private const int SensorPositions = 2;

        public const string Manufacturer = "Greenhouse project";
        public const string Model = "ESP32 hanging-bag misting controller";

        /// <summary>Number of discovery documents.</summary>
        public static int Count
        {
            get { return ControllerSettings.MaxZones + SensorPositions * 5 + 1; }
        }

        /// <summary>
        /// Builds document <paramref name="index"/>: its topic and payload. An empty payload deletes the entity.
        /// <paramref name="language"/> is the <c>ui.language</c> choice index (<see cref="CoreSettings.Languages"/>); it
        /// changes only the names shown (<see cref="DiscoveryNames"/>).
        /// </summary>
        public static void Build(int index, JsonWriter json, string baseTopic, string deviceId, string firmware, int zonesInUse,
            int language, out string topic, out string payload)
        {
            topic = Write(index, json, baseTopic, deviceId, firmware, zonesInUse, language);
            payload = json.ToString();
        }

        /// <summary>
        /// Writes document <paramref name="index"/> into <paramref name="json"/> and returns its topic; the writer is
        /// left empty when the entity is to be deleted. The publisher sends it with <see cref="JsonWriter.ToUtf8"/>, so
        /// the document never exists as a string as well.
        /// </summary>
        public static string Write(int index, JsonWriter json, string baseTopic, string deviceId, string firmware, int zonesInUse,
            int language)
        {
            json.Clear();
            string node = MqttTopics.ObjectId(deviceId);
            if (index < ControllerSettings.MaxZones)
            {
                int zone = index + 1;
                string topic = MqttTopics.DiscoveryPrefix + "/humidifier/" + node + "/zone" + zone.ToString() + "/config";
                if (zone > zonesInUse)
                {
                    return topic;
                }

                string z = "~/zone/" + zone.ToString();
                Start(json, baseTopic, node + "_zone" + zone.ToString(), DiscoveryNames.Zone(language, zone));
                json.Member("device_class", "humidifier");
                json.Member("command_topic", z + "/power/set");
                json.Member("state_topic", z + "/power");
                json.Member("payload_on", "ON");
                json.Member("payload_off", "OFF");
                json.Member("target_humidity_command_topic", z + "/target_rh/set");
                json.Member("target_humidity_state_topic", z + "/target_rh");
                json.Member("current_humidity_topic", "~/state");
                json.Member("current_humidity_template", "{{ value_json.zones[" + index.ToString() + "].rh_pct }}");
                json.Member("action_topic", z + "/action");
                json.Member("mode_command_topic", z + "/stage/set");
                json.Member("mode_state_topic", z + "/stage");
                json.Name("modes").BeginArray();
                for (int i = 0; i < CoreSettings.Stages.Length; i++)
                {
                    json.String(DiscoveryNames.Stage(language, i));
                }

                json.EndArray();
                if (DiscoveryNames.NeedsModeTemplates(language))
                {
                    // The shown names are not the stage words: Home Assistant translates both ways.
                    json.Member("mode_command_template", DiscoveryNames.ModeCommandTemplate(language));
                    json.Member("mode_state_template", DiscoveryNames.ModeStateTemplate(language));
                }

                json.MemberInt("min_humidity", 60);
                json.MemberInt("max_humidity", (long)HardLimits.MaxTargetRelativeHumidity);
                json.MemberInt("qos", 1);
                Finish(json, baseTopic, deviceId, firmware, language);
                return topic;
            }

            index -= ControllerSettings.MaxZones;
            if (index < SensorPositions * 5)
            {
                int position = index / 5;
                int kind = index % 5;
                string objectId = node + "_s" + (position + 1).ToString() + "_" + SensorObjects[kind];
                string topic = MqttTopics.DiscoveryPrefix + "/sensor/" + node + "/s" + (position + 1).ToString() + "_" + SensorObjects[kind] + "/config";
                Start(json, baseTopic, objectId, DiscoveryNames.Sensor(language, position + 1, kind));
                json.Member("state_topic", "~/state");
                json.Member("value_template", "{{ value_json.sensors[" + position.ToString() + "]." + SensorKeys[kind] + " }}");
                json.Member("unit_of_measurement", SensorUnits[kind]);
                json.Member("device_class", SensorClasses[kind]);
                json.Member("state_class", "measurement");
                Finish(json, baseTopic, deviceId, firmware, language);
                return topic;
            }

            string alarmTopic = MqttTopics.DiscoveryPrefix + "/binary_sensor/" + node + "/alarm/config";
            Start(json, baseTopic, node + "_alarm", DiscoveryNames.AlarmName(language));
            json.Member("device_class", "problem");
            json.Member("state_topic", "~/state");
            json.Member("value_template", "{{ 'ON' if value_json.alarms | length > 0 else 'OFF' }}");
            json.Member("json_attributes_topic", "~/state");
            json.Member("json_attributes_template", "{{ {'alarms': value_json.alarms} | tojson }}");
            Finish(json, baseTopic, deviceId, firmware, language);
            return alarmTopic;
        }

        private static void Start(JsonWriter json, string baseTopic, string uniqueId, string name)
        {
            json.BeginObject();
            json.Member("~", baseTopic);
            json.Member("name", name);
            // No object_id: newer Home Assistant deprecates it; the entity id follows from device and entity name.
            json.Member("unique_id", uniqueId);
        }

        private static void Finish(JsonWriter json, string baseTopic, string deviceId, string firmware, int language)
        {
            // Availability is written out in full (not with "~") so it does not depend on abbreviation expansion.
            json.Name("availability").BeginArray().BeginObject();
            json.Member("topic", baseTopic + "/status");
            json.Member("payload_available", "online");
            json.Member("payload_not_available", "offline");
            json.EndObject().EndArray();
            json.Name("device").BeginObject();
            json.Name("identifiers").BeginArray().String(deviceId).EndArray();
            json.Member("name", DiscoveryNames.Device(language, deviceId));
            json.Member("manufacturer", Manufacturer);
            json.Member("model", Model);
            json.Member("sw_version", firmware);
            json.EndObject();
            json.Name("origin").BeginObject();
            json.Member("name", "greenhouse-firmware");
            json.Member("sw_version", firmware);
            json.EndObject();
            json.EndObject();
        }
    }
}
