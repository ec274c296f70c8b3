using Greenhouse.App;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    /// <summary>A setting changed on the technician console is validated, stored and published exactly like one from MQTT.</summary>
    [TestClass]
    public class ConsoleAndMqttAgreeTests
    {
        [TestMethod]
        public void ConsoleSetIsPersistedAndPublishedLikeAnMqttSet()
        {
            MqttRig rig = new MqttRig();
            rig.Ticks(30);
            int from = rig.Link.Count;
            rig.Controller.Inbox.PostConsoleLine("set zone1.target_rh 91");
            rig.Ticks(10);

            int at = rig.Link.LastIndexOf(rig.Base + "/zone/1/target_rh", from);
            Assert.IsTrue(at >= 0);
            Assert.AreEqual("91", rig.Link.PayloadText(at));
            Assert.IsTrue(rig.Link.RetainAt(at));
            Assert.IsTrue(StoredSettingsContain(rig, "zone1.target_rh=91"));

            // The same change from MQTT: same stored line, same retained publish.
            MqttRig other = new MqttRig();
            other.Ticks(30);
            int from2 = other.Link.Count;
            other.Send(other.Base + "/zone/1/target_rh/set", "91", false);
            other.Ticks(10);
            int at2 = other.Link.LastIndexOf(other.Base + "/zone/1/target_rh", from2);
            Assert.IsTrue(at2 >= 0);
            Assert.AreEqual("91", other.Link.PayloadText(at2));
            Assert.IsTrue(StoredSettingsContain(other, "zone1.target_rh=91"));
        }

        [TestMethod]
        public void RefusedConsoleSetIsNeitherStoredNorPublished()
        {
            MqttRig rig = new MqttRig();
            rig.Ticks(30);
            int from = rig.Link.Count;
            int writes = rig.Store.SettingsWrites;
            rig.Controller.Inbox.PostConsoleLine("set zone1.target_rh 120");
            rig.Ticks(10);
            Assert.AreEqual(-1, rig.Link.LastIndexOf(rig.Base + "/zone/1/target_rh", from));
            Assert.AreEqual(writes, rig.Store.SettingsWrites);
        }

        private static bool StoredSettingsContain(MqttRig rig, string line)
        {
            for (int i = 0; i < rig.Store.Names.Length; i++)
            {
                string name = rig.Store.Names[i];
                if (name != null && name.StartsWith("settings") && rig.Store.Blobs[i] != null)
                {
                    string text = new string(System.Text.Encoding.UTF8.GetChars(rig.Store.Blobs[i]));
                    if (text.IndexOf("\n" + line + "\n") >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
