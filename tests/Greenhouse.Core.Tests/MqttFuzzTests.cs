using System;
using System.Text;
using Greenhouse.Settings;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Tests
{
    /// <summary>Random topics and payloads: never a crash, exactly one ack per /set under the base, settings stay valid.</summary>
    [TestClass]
    public class MqttFuzzTests
    {
        private static readonly string[] Pieces =
        {
            "zone", "config", "1", "2", "0", "9", "target_rh", "mode", "stage", "mist", "power", "mqtt.telemetry_s",
            "device.id", "mqtt.password", "set", "", "+", "#", "x\"y", "é", "..", "zones", "band",
        };

        private static readonly string[] Values =
        {
            "92", "60", "98", "98.1", "-1", "auto", "off", "manual", "ON", "OFF", "pinning", "1e3", "", " ", "NaN",
            "0x10", "5", "300", "301", "on", "\u0000", "abc", "90.05",
        };

        [TestMethod]
        public void RandomCommandsNeverCrashAndAlwaysGetOneAck()
        {
            var random = new Random(12345);
            MqttRig rig = new MqttRig();
            rig.Ticks(10);
            string baseTopic = rig.Base;
            for (int n = 0; n < 3000; n++)
            {
                var topic = new StringBuilder(random.Next(4) == 0 ? "greenhouse/gh-other" : baseTopic);
                int levels = random.Next(0, 5);
                for (int i = 0; i < levels; i++)
                {
                    topic.Append('/').Append(Pieces[random.Next(Pieces.Length)]);
                }

                if (random.Next(3) > 0)
                {
                    topic.Append("/set");
                }

                byte[] payload;
                if (random.Next(4) == 0)
                {
                    payload = new byte[random.Next(0, 100)];
                    random.NextBytes(payload);
                }
                else
                {
                    payload = Encoding.UTF8.GetBytes(Values[random.Next(Values.Length)]);
                }

                string t = topic.ToString();
                bool retained = random.Next(10) == 0;
                int from = rig.Link.Count;
                rig.Controller.Inbox.PostMqtt(t, payload, retained);
                rig.Ticks(1);
                int acks = rig.Link.CountOn(baseTopic + "/ack", from);
                // A /set topic under the base with at least one level in between ("<base>/set" itself matches no
                // subscription and is not a command).
                bool expectAck = t.StartsWith(baseTopic + "/", StringComparison.Ordinal) && t.EndsWith("/set", StringComparison.Ordinal)
                    && t.Length > baseTopic.Length + 4;
                Assert.AreEqual(expectAck ? 1 : 0, acks, t);
                if (rig.Base != baseTopic)
                {
                    // device.id changed: go back so the rest of the run stays on one base.
                    rig.Controller.Commands.ApplySetting("device.id", "", "test");
                    rig.Ticks(3);
                }
            }

            // Every stored value is still one the validation accepts.
            ISettingsView settings = rig.Controller.Status.Settings;
            ControllerSettings check = new ControllerSettings(SettingsCatalog.All());
            for (int d = 0; d < settings.Definitions.Length; d++)
            {
                for (int zone = settings.Definitions[d].PerZone ? 1 : 0; zone <= (settings.Definitions[d].PerZone ? ControllerSettings.MaxZones : 0); zone++)
                {
                    Assert.IsTrue(check.TrySet(d, zone, settings.CanonicalText(d, zone), out string error), error);
                }
            }

            Assert.IsTrue(rig.Controller.Mqtt.SessionUp);
        }
    }
}
