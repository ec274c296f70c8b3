using System;
using System.Text.Json;
using Greenhouse.Messaging;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Tests
{
    /// <summary>The JSON the device writes, checked with a real parser on the host.</summary>
    [TestClass]
    public class MqttJsonTests
    {
        [TestMethod]
        public void FourZoneStateDocumentStaysSmall()
        {
            MqttRig rig = new MqttRig();
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("zones", "4", "test").Ok);
            rig.Clock.Synced = true;
            rig.Clock.Utc = new DateTime(2026, 11, 28, 6, 0, 0, DateTimeKind.Utc);
            rig.Ticks(70);
            string state = rig.Link.LastPayload("greenhouse/gh-a1b2c3/state", 0);
            Assert.IsNotNull(state);
            using JsonDocument doc = JsonDocument.Parse(state);
            Assert.AreEqual(4, doc.RootElement.GetProperty("zones").GetArrayLength());
            // One zone stays under 1 KB (docs/mqtt.md); four zones with each zone's ears_wet and the longest
            // top-up reason measured 1,052 bytes, well inside the 1,536-character document buffer.
            Assert.IsTrue(System.Text.Encoding.UTF8.GetByteCount(state) < 1100, "state is " + System.Text.Encoding.UTF8.GetByteCount(state) + " bytes: " + state);
        }

        [TestMethod]
        public void StateDocumentParsesHasNoNanAndIsSmall()
        {
            MqttRig rig = new MqttRig();
            rig.Clock.Synced = true;
            rig.Clock.Utc = new DateTime(2026, 11, 28, 6, 0, 0, DateTimeKind.Utc);
            rig.Ticks(10);
            rig.TicksUntilSent("greenhouse/gh-a1b2c3/state", 20);
            string state = rig.Link.LastPayload("greenhouse/gh-a1b2c3/state", 0);
            Assert.IsNotNull(state);
            Assert.IsTrue(state.Length < 1024, "state is " + state.Length + " characters");
            Assert.IsFalse(state.Contains("NaN"));
            using JsonDocument doc = JsonDocument.Parse(state);
            JsonElement root = doc.RootElement;
            StringAssert.StartsWith(root.GetProperty("time").GetString(), "2026-11-28T14:00:", StringComparison.Ordinal);
            Assert.AreEqual("1.2.3", root.GetProperty("fw").GetString());
            JsonElement sensor = root.GetProperty("sensors")[0];
            Assert.AreEqual(80.0, sensor.GetProperty("rh_pct").GetDouble());
            Assert.AreEqual("ok", sensor.GetProperty("health").GetString());
            Assert.AreEqual(JsonValueKind.Null, root.GetProperty("sensors")[1].GetProperty("rh_pct").ValueKind);
            JsonElement zone = root.GetProperty("zones")[0];
            Assert.AreEqual(1, zone.GetProperty("zone").GetInt32());
            Assert.AreEqual("auto", zone.GetProperty("mode").GetString());
            Assert.AreEqual(90.0, zone.GetProperty("target_rh").GetDouble());
            Assert.AreEqual(JsonValueKind.Number, zone.GetProperty("water_l_today").ValueKind);
            Assert.IsTrue(zone.GetProperty("water_l_today").GetDouble() >= 0);
            Assert.AreEqual("wet", zone.GetProperty("phase").GetString());
            Assert.AreEqual(JsonValueKind.True, zone.GetProperty("misting").ValueKind, "80 % is below 90 - 3: the zone mists");
            Assert.IsFalse(zone.TryGetProperty("action", out _), "the action has its own topic (zone/<n>/action); the state document stays under 1 KB for 4 zones");
            Assert.AreEqual(JsonValueKind.True, root.GetProperty("tank").ValueKind);
            Assert.AreEqual(0, root.GetProperty("alarms").GetArrayLength());

            rig.Tank.High = false; // tank_empty: an alarm to list, and misting stops
            rig.Ticks(3);
            using JsonDocument empty = JsonDocument.Parse(rig.Link.LastPayload("greenhouse/gh-a1b2c3/state", 0));
            Assert.AreEqual("tank_empty", empty.RootElement.GetProperty("alarms")[0].GetProperty("code").GetString());
            Assert.AreEqual(JsonValueKind.False, empty.RootElement.GetProperty("tank").ValueKind);
            Assert.AreEqual(JsonValueKind.False, empty.RootElement.GetProperty("zones")[0].GetProperty("misting").ValueKind);
        }

        [TestMethod]
        public void StateTimeIsNullWhileTheClockIsUnsynced()
        {
            MqttRig rig = new MqttRig();
            rig.Sensor.Status = Greenhouse.Ports.SensorReadStatus.BusError;
            rig.Ticks(10);
            rig.TicksUntilSent("greenhouse/gh-a1b2c3/state", 20);
            using JsonDocument doc = JsonDocument.Parse(rig.Link.LastPayload("greenhouse/gh-a1b2c3/state", 0));
            Assert.AreEqual(JsonValueKind.Null, doc.RootElement.GetProperty("time").ValueKind);
        }

        [TestMethod]
        public void DiscoveryAndAcksParse()
        {
            JsonWriter json = new JsonWriter(64);
            for (int language = 0; language < Greenhouse.Settings.CoreSettings.Languages.Length; language++)
            for (int i = 0; i < Discovery.Count; i++)
            {
                Discovery.Build(i, json, "greenhouse/gh-a1b2c3", "gh-a1b2c3", "1.2.3", 2, language, out string topic, out string payload);
                if (payload.Length == 0)
                {
                    continue;
                }

                using JsonDocument doc = JsonDocument.Parse(payload);
                JsonElement root = doc.RootElement;
                Assert.IsTrue(root.GetProperty("unique_id").GetString().StartsWith("gh-a1b2c3_"));
                Assert.AreEqual("gh-a1b2c3", root.GetProperty("device").GetProperty("identifiers")[0].GetString());
                Assert.AreEqual("greenhouse/gh-a1b2c3/status", root.GetProperty("availability")[0].GetProperty("topic").GetString());
                if (topic.Contains("/humidifier/"))
                {
                    Assert.AreEqual(6, root.GetProperty("modes").GetArrayLength());
                    bool chinese = language == Greenhouse.Settings.CoreSettings.LanguageChinese;
                    Assert.AreEqual(chinese ? "复壮" : "recovery", root.GetProperty("modes")[0].GetString());
                    Assert.AreEqual(chinese, root.TryGetProperty("mode_command_template", out JsonElement template));
                    if (chinese)
                    {
                        StringAssert.Contains(template.GetString(), "'采收前停水':'pre_harvest'");
                        StringAssert.Contains(root.GetProperty("mode_state_template").GetString(), "'pre_harvest':'采收前停水'");
                    }
                    Assert.IsTrue(root.GetProperty("command_topic").GetString().EndsWith("/power/set"));
                }
            }

            MqttRig rig = new MqttRig();
            rig.Ticks(10);
            string ack = rig.SendBytes("greenhouse/gh-a1b2c3/zone/1/t\"x\\y/set", new byte[] { 0x31 }, false);
            using JsonDocument ackDoc = JsonDocument.Parse(ack);
            Assert.AreEqual("greenhouse/gh-a1b2c3/zone/1/t\"x\\y/set", ackDoc.RootElement.GetProperty("topic").GetString());
            Assert.IsFalse(ackDoc.RootElement.GetProperty("ok").GetBoolean());
        }
    }
}
