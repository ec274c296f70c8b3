using Greenhouse.Settings;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// The names Home Assistant shows for the device, its entities and the humidifier modes (crop stages), one table
    /// per <c>ui.language</c> (<see cref="CoreSettings.Languages"/>). Stage names are the growers' field terms
    /// (wood-ear-domain.md §1). Only display names change with the language: topics, unique ids, payloads and log
    /// lines stay the same, so Home Assistant keeps its entities when the language is switched.
    /// </summary>
    public static class DiscoveryNames
    {
        // Index = CoreSettings.Languages index (0 zh, 1 en). Source files are UTF-8; a shared test compares
        // these with \u escapes and their UTF-8 bytes.
        private static readonly string[] DevicePrefix = { "大棚 ", "Greenhouse " };
        private static readonly string[] Alarm = { "报警", "Alarm" };

        private static readonly string[] ChineseSensorKinds = { "温度", "湿度", "露点", "饱和差", "气压" };
        private static readonly string[] EnglishSensorKinds = { "temperature", "humidity", "dew point", "VPD", "pressure" };

        /// <summary>Crop stages in the order of <see cref="CoreSettings.Stages"/>, as the growers say them.</summary>
        private static readonly string[] ChineseStages = { "复壮", "催耳", "出耳初期", "出耳", "采收前停水", "转茬" };

        /// <summary>The language index for a setting value; unknown values fall back to English.</summary>
        public static int Clamp(int language)
        {
            return language == CoreSettings.LanguageChinese ? CoreSettings.LanguageChinese : CoreSettings.LanguageEnglish;
        }

        /// <summary>Device name, e.g. "大棚 gh-a1b2c3" or "Greenhouse gh-a1b2c3".</summary>
        public static string Device(int language, string deviceId)
        {
            return DevicePrefix[Clamp(language)] + deviceId;
        }

        /// <summary>The zone's humidifier: "1区喷雾" or "Zone 1".</summary>
        public static string Zone(int language, int zone)
        {
            return Clamp(language) == CoreSettings.LanguageChinese ? zone.ToString() + "区喷雾" : "Zone " + zone.ToString();
        }

        /// <summary>One sensor reading: "传感器1 温度" or "Sensor 1 temperature"; kind 0..4 as in <see cref="Discovery"/>.</summary>
        public static string Sensor(int language, int position, int kind)
        {
            return Clamp(language) == CoreSettings.LanguageChinese
                ? "传感器" + position.ToString() + " " + ChineseSensorKinds[kind]
                : "Sensor " + position.ToString() + " " + EnglishSensorKinds[kind];
        }

        /// <summary>The alarm binary sensor.</summary>
        public static string AlarmName(int language)
        {
            return Alarm[Clamp(language)];
        }

        /// <summary>A stage's mode name; English uses the setting's own words, so no translation template is needed.</summary>
        public static string Stage(int language, int stage)
        {
            return Clamp(language) == CoreSettings.LanguageChinese ? ChineseStages[stage] : CoreSettings.Stages[stage];
        }

        /// <summary>True when the mode names differ from the stage words, so Home Assistant needs the two templates.</summary>
        public static bool NeedsModeTemplates(int language)
        {
            return Clamp(language) == CoreSettings.LanguageChinese;
        }

        // Written out, not built from the tables: the connect-time burst sends one per zone, and concatenating them
        // there cost about 3 KB of garbage per document on a ~100 KB heap. A shared test checks them against the tables.
        private const string ChineseModeCommandTemplate =
            "{{ {'复壮':'recovery','催耳':'pinning','出耳初期':'early_growth','出耳':'growth','采收前停水':'pre_harvest','转茬':'rest'}.get(value, value) }}";
        private const string ChineseModeStateTemplate =
            "{{ {'recovery':'复壮','pinning':'催耳','early_growth':'出耳初期','growth':'出耳','pre_harvest':'采收前停水','rest':'转茬'}.get(value, value) }}";

        /// <summary>
        /// Jinja template Home Assistant applies to a chosen mode before publishing it on <c>stage/set</c>: the shown
        /// name back to the stage word (the device accepts ASCII only), anything else passed through unchanged.
        /// Null when the shown names are the stage words.
        /// </summary>
        public static string ModeCommandTemplate(int language)
        {
            return NeedsModeTemplates(language) ? ChineseModeCommandTemplate : null;
        }

        /// <summary>Jinja template for the retained <c>stage</c> topic: the stage word to the shown name (or null).</summary>
        public static string ModeStateTemplate(int language)
        {
            return NeedsModeTemplates(language) ? ChineseModeStateTemplate : null;
        }
    }
}
