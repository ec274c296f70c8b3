using Greenhouse.Persistence;
using Greenhouse.Settings;
using Greenhouse.TestSupport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    [TestClass]
    public class SettingsPersistenceTests
    {
        [TestMethod]
        public void ChangedSettingsSurviveARestart()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            MqttRig rig = new MqttRig(store, false);
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("zone1.target_rh", "93", "test").Ok);
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("mqtt.password", "pw=with=equals", "test").Ok);
            rig.Ticks(10);
            Assert.AreEqual(1, rig.Controller.Persistence.Saves);

            MqttRig again = new MqttRig(store, false);
            Assert.AreEqual(93.0, again.Controller.Status.Settings.Number(again.Controller.Status.Settings.Require("target_rh"), 1));
            Assert.AreEqual("pw=with=equals", again.Controller.Status.Settings.Text(again.Controller.Status.Settings.Require("mqtt.password"), 0));
            Assert.AreEqual(1L, again.Controller.Persistence.Generation);
            Assert.IsFalse(again.Controller.Status.Alarms.IsActive("settings_corrupt", 0));
        }

        [TestMethod]
        public void BurstsAreCoalescedAndUnchangedValuesNotWritten()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            MqttRig rig = new MqttRig(store, false);
            for (int i = 0; i < 4; i++)
            {
                rig.Controller.Commands.ApplySetting("zone1.target_rh", (80 + i).ToString(), "test");
                rig.Ticks(2);
            }

            Assert.AreEqual(0, store.SettingsWrites);
            rig.Ticks(6);
            Assert.AreEqual(1, store.SettingsWrites);

            // Changed and changed back: nothing new to write.
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "70", "test");
            rig.Ticks(1);
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "83", "test");
            rig.Ticks(10);
            Assert.AreEqual(1, store.SettingsWrites);
        }

        [TestMethod]
        public void SavesAlternateBetweenTwoCopies()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            MqttRig rig = new MqttRig(store, false);
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "81", "test");
            rig.Ticks(10);
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "82", "test");
            rig.Ticks(10);
            Assert.IsNotNull(store.Get(SettingsPersistence.SlotA));
            Assert.IsNotNull(store.Get(SettingsPersistence.SlotB));
            Assert.AreEqual(2L, rig.Controller.Persistence.Generation);
        }

        [TestMethod]
        public void ACorruptNewestCopyFallsBackToThePreviousAndRaisesAnAlarm()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            MqttRig rig = new MqttRig(store, false);
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "81", "test");
            rig.Ticks(10);
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "82", "test");
            rig.Ticks(10);
            byte[] newest = store.Get(SettingsPersistence.SlotB);
            newest[newest.Length / 2] ^= 0x01;

            MqttRig again = new MqttRig(store, false);
            Assert.AreEqual(81.0, again.Controller.Status.Settings.Number(again.Controller.Status.Settings.Require("target_rh"), 1));
            Assert.IsTrue(again.Controller.Status.Alarms.IsActive("settings_corrupt", 0));
        }

        [TestMethod]
        public void InvalidLinesAreRefusedIndividually()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            string body = "# test\nversion=1\ngeneration=3\nzone1.target_rh=150\nzone1.band=5\nno.such=1\nnot a setting line\n";
            store.Put(SettingsPersistence.SlotA, System.Text.Encoding.UTF8.GetBytes(body + SettingsFile.ChecksumLine(body)));
            MqttRig rig = new MqttRig(store, false);
            ISettingsView settings = rig.Controller.Status.Settings;
            Assert.AreEqual(90.0, settings.Number(settings.Require("target_rh"), 1));
            Assert.AreEqual(5.0, settings.Number(settings.Require("band"), 1));
            Assert.AreEqual(3, rig.Controller.Persistence.RefusedOnLoad);
            Assert.IsFalse(rig.Controller.Status.Alarms.IsActive("settings_corrupt", 0));
        }

        [TestMethod]
        public void FormatRoundTripsThroughParse()
        {
            ControllerSettings settings = new ControllerSettings(SettingsCatalog.All());
            string error;
            settings.TrySet("zone2.stage", "pinning", out error);
            settings.TrySet("mqtt.host", "10.0.0.2", out error);
            string text = SettingsFile.Format(settings, 7);
            SettingsDocument doc;
            Assert.IsTrue(SettingsFile.TryParse(System.Text.Encoding.UTF8.GetBytes(text), true, out doc, out error), error);
            Assert.AreEqual(7L, doc.Generation);
            Assert.AreEqual(SettingsFile.CurrentVersion, doc.Version);
            Assert.AreEqual(2, doc.Count);
            Assert.AreEqual("pinning", doc.Find("zone2.stage"));
            Assert.AreEqual("10.0.0.2", doc.Find("mqtt.host"));

            // A hand-written file without checksum is accepted only when the caller allows it.
            byte[] plain = System.Text.Encoding.UTF8.GetBytes("zone1.target_rh=88\r\n");
            Assert.IsFalse(SettingsFile.TryParse(plain, true, out doc, out error));
            Assert.IsTrue(SettingsFile.TryParse(plain, false, out doc, out error));
            Assert.AreEqual("88", doc.Find("zone1.target_rh"));
        }

        [TestMethod]
        public void AFailedWriteKeepsThePreviousCopy()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            MqttRig rig = new MqttRig(store, false);
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "81", "test");
            rig.Ticks(10);
            store.FailWrites = true;
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "82", "test");
            rig.Ticks(10);
            Assert.AreEqual(1L, rig.Controller.Persistence.Generation);
            Assert.IsTrue(rig.Controller.Persistence.Dirty);
            store.FailWrites = false;
            rig.Ticks(70);
            Assert.AreEqual(2L, rig.Controller.Persistence.Generation);
        }

        [TestMethod]
        public void APowerCutDuringASaveLeavesThePreviousCopy()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            MqttRig rig = new MqttRig(store, false);
            string error;
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "81", "test");
            rig.Ticks(10);
            store.TearNextWrite(40);
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "82", "test");
            rig.Ticks(10);
            Assert.IsFalse(store.TearPending);
            Assert.AreEqual(40, store.Get(SettingsPersistence.SlotB).Length);
            Assert.AreEqual(1L, rig.Controller.Persistence.Generation);

            // The board restarts before the save is retried: the old copy loads, whole.
            MqttRig again = new MqttRig(store, false);
            Assert.AreEqual(81.0, again.Controller.Status.Settings.Number(again.Controller.Status.Settings.Require("target_rh"), 1));
            Assert.AreEqual(1L, again.Controller.Persistence.Generation);

            // Without the restart the save is retried and completes.
            rig.Ticks(70);
            Assert.AreEqual(2L, rig.Controller.Persistence.Generation);
        }
    }
}
