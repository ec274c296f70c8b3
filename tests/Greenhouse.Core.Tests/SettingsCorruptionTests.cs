using System.Text;
using Greenhouse.Persistence;
using Greenhouse.Settings;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Greenhouse.TestSupport;

namespace Greenhouse.Tests
{
    /// <summary>
    /// Power cut and flash corruption at every byte: the old copy (generation 1) is in slot A, the new copy
    /// (generation 2) is being written to slot B. Whatever prefix of B was written, or whichever byte of it flipped,
    /// loading gives exactly the old or exactly the new settings, never a mix, and never throws.
    /// </summary>
    [TestClass]
    public class SettingsCorruptionTests
    {
        private static (byte[] oldCopy, byte[] newCopy, string oldValues, string newValues) TwoCopies()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            MqttRig rig = new MqttRig(store, false);
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "81", "test");
            rig.Controller.Commands.ApplySetting("zone1.stage", "pinning", "test");
            rig.Controller.Commands.ApplySetting("mqtt.host", "old.example", "test");
            rig.Ticks(10);
            string oldValues = SettingsFile.Values(rig.Controller.Status.Settings);
            rig.Controller.Commands.ApplySetting("zone1.target_rh", "93", "test");
            rig.Controller.Commands.ApplySetting("zone1.stage", "growth", "test");
            rig.Controller.Commands.ApplySetting("mqtt.host", "new.example", "test");
            rig.Controller.Commands.ApplySetting("mqtt.telemetry_s", "30", "test");
            rig.Ticks(10);
            string newValues = SettingsFile.Values(rig.Controller.Status.Settings);
            Assert.AreNotEqual(oldValues, newValues);
            return (store.Get(SettingsPersistence.SlotA), store.Get(SettingsPersistence.SlotB), oldValues, newValues);
        }

        private static string LoadWith(byte[] oldCopy, byte[] newCopyState)
        {
            FakeSettingsStore store = new FakeSettingsStore();
            store.Put(SettingsPersistence.SlotA, FakeSettingsStore.Copy(oldCopy, oldCopy.Length));
            store.Put(SettingsPersistence.SlotB, newCopyState);
            MqttRig rig = new MqttRig(store, false);
            return SettingsFile.Values(rig.Controller.Status.Settings);
        }

        [TestMethod]
        public void TruncationAtEveryLengthGivesOldOrNew()
        {
            var (oldCopy, newCopy, oldValues, newValues) = TwoCopies();
            for (int length = 0; length <= newCopy.Length; length++)
            {
                string loaded = LoadWith(oldCopy, FakeSettingsStore.Copy(newCopy, length));
                string expected = length == newCopy.Length ? newValues : oldValues;
                Assert.AreEqual(expected, loaded, "cut at " + length);
            }
        }

        [TestMethod]
        public void FlippingEveryByteGivesOldOrNew()
        {
            var (oldCopy, newCopy, oldValues, newValues) = TwoCopies();
            for (int at = 0; at < newCopy.Length; at++)
            {
                foreach (byte mask in new byte[] { 0x01, 0x80, 0xff })
                {
                    byte[] damaged = FakeSettingsStore.Copy(newCopy, newCopy.Length);
                    damaged[at] ^= mask;
                    string loaded = LoadWith(oldCopy, damaged);
                    Assert.IsTrue(loaded == oldValues || loaded == newValues, "flip at " + at);
                    Assert.AreEqual(oldValues, loaded, "a damaged newest copy must not win (byte " + at + ")");
                }
            }
        }

        [TestMethod]
        public void DamagedOldCopyWithIntactNewLoadsNew()
        {
            var (oldCopy, newCopy, _, newValues) = TwoCopies();
            for (int at = 0; at < oldCopy.Length; at += 7)
            {
                byte[] damaged = FakeSettingsStore.Copy(oldCopy, oldCopy.Length);
                damaged[at] ^= 0x20;
                Assert.AreEqual(newValues, LoadWith(damaged, FakeSettingsStore.Copy(newCopy, newCopy.Length)));
            }
        }

        [TestMethod]
        public void RandomGarbageNeverCrashesTheParser()
        {
            var random = new System.Random(7);
            for (int i = 0; i < 2000; i++)
            {
                byte[] junk = new byte[random.Next(0, 300)];
                random.NextBytes(junk);
                SettingsFile.TryParse(junk, i % 2 == 0, out _, out _);
            }
        }
    }
}
