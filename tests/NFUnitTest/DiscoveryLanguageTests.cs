using Greenhouse.Messaging;
using Greenhouse.Settings;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    /// <summary>
    /// The device setting <c>ui.language</c>: Home Assistant discovery names in Simplified Chinese (default) or English,
    /// Chinese text carried intact as UTF-8, log lines unchanged.
    /// </summary>
    [TestClass]
    public class DiscoveryLanguageTests
    {
        private const string Base = "greenhouse/gh-a1b2c3";
        private const string Zone1Config = "homeassistant/humidifier/gh-a1b2c3/zone1/config";

        [TestMethod]
        public void LanguageDefaultsToChineseAndOffersEnglish()
        {
            ControllerSettings settings = SettingsCatalog.CreateSettings();
            string text;
            string error;
            Assert.IsTrue(settings.TryGetText(CoreSettings.UiLanguage, out text, out error));
            Assert.AreEqual("zh", text);
            Assert.IsTrue(settings.TrySet(CoreSettings.UiLanguage, "EN", out error));
            Assert.IsTrue(settings.TryGetText(CoreSettings.UiLanguage, out text, out error));
            Assert.AreEqual("en", text);
            Assert.IsFalse(settings.TrySet(CoreSettings.UiLanguage, "ko", out error));
            Assert.AreEqual("ui.language must be one of zh, en", error);
        }

        [TestMethod]
        public void ChineseTextSurvivesTheJsonWriterAsUtf8()
        {
            // The table's literal must be the characters the escapes name (the source file was read as UTF-8).
            Assert.AreEqual("\u590d\u58ee", DiscoveryNames.Stage(CoreSettings.LanguageChinese, 0));
            JsonWriter json = new JsonWriter(8);
            json.BeginObject().Member("name", DiscoveryNames.Stage(CoreSettings.LanguageChinese, 0)).EndObject();
            Assert.AreEqual("{\"name\":\"\u590d\u58ee\"}", json.ToString());
            // What the discovery publisher hands the link, encoded from the writer's buffer.
            byte[] bytes = json.ToUtf8();
            byte[] expected = { 0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xe5, 0xa4, 0x8d, 0xe5, 0xa3, 0xae, 0x22, 0x7d };
            AssertBytes(expected, bytes);
            Assert.AreEqual(json.ToString(), System.Text.Encoding.UTF8.GetString(bytes, 0, bytes.Length));
        }

        [TestMethod]
        public void TheWritersUtf8IsTheRuntimesUtf8()
        {
            // One, two and three byte characters, an emoji (a surrogate pair, written escaped), a lone surrogate and a
            // control character: the hand encoder gives exactly the bytes Encoding.UTF8 gives for the same text.
            JsonWriter json = new JsonWriter(16);
            json.BeginObject().Member("unit", "\u00b0C").Member("name", "\u5927\u68da gh-a1b2c3").Member("pair", "a\ud83c\udf44b")
                .Member("lone", "x\ud800y").Member("ctl", "\u0001\u007f").MemberInt("n", 3).EndObject();
            AssertBytes(System.Text.Encoding.UTF8.GetBytes(json.ToString()), json.ToUtf8());
            Assert.AreEqual(0, new JsonWriter(4).ToUtf8().Length);
            for (int i = 0; i < Discovery.Count; i++)
            {
                string topic = Discovery.Write(i, json, Base, "gh-a1b2c3", "1.2.3", 2, CoreSettings.LanguageChinese);
                AssertBytes(System.Text.Encoding.UTF8.GetBytes(json.ToString()), json.ToUtf8());
                Assert.IsTrue(topic.EndsWith("/config"), topic);
            }
        }

        [TestMethod]
        public void DiscoveryIsInChineseByDefault()
        {
            MqttRig rig = new MqttRig();
            rig.Ticks(10);
            // The fake link decodes the published UTF-8 bytes, so this is what a subscriber reads.
            string zone = rig.Link.LastPayload(Zone1Config, 0);
            Assert.IsNotNull(zone);
            Assert.IsTrue(zone.IndexOf("\"name\":\"1\u533a\u55b7\u96fe\"") > 0, zone);
            Assert.IsTrue(zone.IndexOf("\"modes\":[\"\u590d\u58ee\",\"\u50ac\u8033\",\"\u51fa\u8033\u521d\u671f\",\"\u51fa\u8033\",\"\u91c7\u6536\u524d\u505c\u6c34\",\"\u8f6c\u832c\"]") > 0, zone);
            Assert.IsTrue(zone.IndexOf("'\u91c7\u6536\u524d\u505c\u6c34':'pre_harvest'") > 0, zone);
            Assert.IsTrue(zone.IndexOf("\"mode_state_template\":\"{{ {'recovery':'\u590d\u58ee'") > 0, zone);
            Assert.IsTrue(zone.IndexOf("\"unique_id\":\"gh-a1b2c3_zone1\"") > 0, zone);
            Assert.IsTrue(zone.IndexOf("\"name\":\"\u5927\u68da gh-a1b2c3\"") > 0, zone);
            string alarm = rig.Link.LastPayload("homeassistant/binary_sensor/gh-a1b2c3/alarm/config", 0);
            Assert.IsTrue(alarm.IndexOf("\"name\":\"\u62a5\u8b66\"") > 0, alarm);
            string temperature = rig.Link.LastPayload("homeassistant/sensor/gh-a1b2c3/s1_temperature/config", 0);
            Assert.IsTrue(temperature.IndexOf("\"name\":\"\u4f20\u611f\u56681 \u6e29\u5ea6\"") > 0, temperature);
            Assert.AreEqual("zh", rig.Link.LastPayload(Base + "/config/ui.language", 0));
            AssertLogIsAscii(rig);
        }

        [TestMethod]
        public void SwitchingLanguageRenamesTheSameEntities()
        {
            MqttRig rig = new MqttRig();
            rig.Ticks(10);
            int from = rig.Link.Count;
            string ack = rig.Send(Base + "/config/ui.language/set", "EN", false);
            Assert.AreEqual("{\"topic\":\"" + Base + "/config/ui.language/set\",\"ok\":true,\"value\":\"en\"}", ack);
            rig.Ticks(5);
            Assert.AreEqual(1, rig.Link.CountOn(Zone1Config, from));
            Assert.AreEqual(1, rig.Link.CountOn("homeassistant/binary_sensor/gh-a1b2c3/alarm/config", from));
            Assert.AreEqual("en", rig.Link.LastPayload(Base + "/config/ui.language", from));
            string zone = rig.Link.LastPayload(Zone1Config, from);
            Assert.IsTrue(zone.IndexOf("\"name\":\"Zone 1\"") > 0, zone);
            Assert.IsTrue(zone.IndexOf("\"modes\":[\"recovery\",\"pinning\",\"early_growth\",\"growth\",\"pre_harvest\",\"rest\"]") > 0, zone);
            Assert.IsTrue(zone.IndexOf("mode_command_template") < 0, zone);
            Assert.IsTrue(zone.IndexOf("\"unique_id\":\"gh-a1b2c3_zone1\"") > 0, zone);
            Assert.IsTrue(zone.IndexOf("\"name\":\"Greenhouse gh-a1b2c3\"") > 0, zone);

            // Nothing more once the new names are out; switching back sends them once more.
            int settled = rig.Link.Count;
            rig.Ticks(5);
            Assert.AreEqual(0, rig.Link.CountOn(Zone1Config, settled));
            rig.Send(Base + "/config/ui.language/set", "zh", false);
            rig.Ticks(5);
            Assert.AreEqual(1, rig.Link.CountOn(Zone1Config, settled));
            Assert.IsTrue(rig.Link.LastPayload(Zone1Config, settled).IndexOf("\"name\":\"1\u533a\u55b7\u96fe\"") > 0);
            AssertLogIsAscii(rig);
        }

        [TestMethod]
        public void AnUnknownLanguageIsRefusedAndNothingIsResent()
        {
            MqttRig rig = new MqttRig();
            rig.Ticks(10);
            int from = rig.Link.Count;
            string ack = rig.Send(Base + "/config/ui.language/set", "ko", false);
            Assert.AreEqual("{\"topic\":\"" + Base + "/config/ui.language/set\",\"ok\":false,\"error\":\"ui.language must be one of zh, en\"}", ack);
            rig.Ticks(5);
            Assert.AreEqual(0, rig.Link.CountOn(Zone1Config, from));
            Assert.AreEqual(0, rig.Link.CountOn(Base + "/config/ui.language", from));
        }

        [TestMethod]
        public void EveryStageHasANameInEveryLanguageAndTheTemplatesMapEachBothWays()
        {
            for (int language = 0; language < CoreSettings.Languages.Length; language++)
            {
                string toWord = "";
                string toShown = "";
                for (int stage = 0; stage < CoreSettings.Stages.Length; stage++)
                {
                    string separator = stage == 0 ? "" : ",";
                    toWord += separator + "'" + DiscoveryNames.Stage(language, stage) + "':'" + CoreSettings.Stages[stage] + "'";
                    toShown += separator + "'" + CoreSettings.Stages[stage] + "':'" + DiscoveryNames.Stage(language, stage) + "'";
                }

                if (DiscoveryNames.NeedsModeTemplates(language))
                {
                    // The templates are written out in the source; they must say exactly what the tables say.
                    Assert.AreEqual("{{ {" + toWord + "}.get(value, value) }}", DiscoveryNames.ModeCommandTemplate(language));
                    Assert.AreEqual("{{ {" + toShown + "}.get(value, value) }}", DiscoveryNames.ModeStateTemplate(language));
                }
                else
                {
                    Assert.IsNull(DiscoveryNames.ModeCommandTemplate(language));
                    Assert.IsNull(DiscoveryNames.ModeStateTemplate(language));
                }

                for (int stage = 0; stage < CoreSettings.Stages.Length; stage++)
                {
                    string shown = DiscoveryNames.Stage(language, stage);
                    Assert.IsTrue(shown != null && shown.Length > 0);
                    if (DiscoveryNames.NeedsModeTemplates(language))
                    {
                        string word = CoreSettings.Stages[stage];
                        Assert.IsTrue(DiscoveryNames.ModeCommandTemplate(language).IndexOf("'" + shown + "':'" + word + "'") > 0, shown);
                        Assert.IsTrue(DiscoveryNames.ModeStateTemplate(language).IndexOf("'" + word + "':'" + shown + "'") > 0, word);
                    }
                    else
                    {
                        Assert.AreEqual(CoreSettings.Stages[stage], shown);
                    }
                }
            }
        }

        private static void AssertBytes(byte[] expected, byte[] actual)
        {
            Assert.AreEqual(expected.Length, actual.Length);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], "byte " + i.ToString());
            }
        }

        private static void AssertLogIsAscii(MqttRig rig)
        {
            // Technicians grep the serial log: it stays English (ASCII) whatever the discovery language.
            for (int i = 0; i < rig.Log.Count && i < rig.Log.Lines.Length; i++)
            {
                string line = rig.Log.Lines[i];
                for (int c = 0; c < line.Length; c++)
                {
                    Assert.IsTrue(line[c] >= ' ' && line[c] <= '~', line);
                }
            }
        }
    }
}
