using Greenhouse.Diagnostics;
using Greenhouse.TestSupport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    [TestClass]
    public class JournalTests
    {
        [TestMethod]
        public void RecentRingKeepsTheLastLines()
        {
            Journal journal = new Journal(null);
            for (int i = 0; i < Journal.RecentCapacity + 10; i++)
            {
                journal.OnLine(LogLevel.Info, "zone", "tick", "line " + i.ToString());
            }

            Assert.AreEqual(Journal.RecentCapacity, journal.RecentCount);
            Assert.AreEqual("line 10", journal.GetRecent(0));
            Assert.AreEqual("line " + (Journal.RecentCapacity + 9).ToString(), journal.GetRecent(Journal.RecentCapacity - 1));
            Assert.AreEqual(0, journal.ImportantCount);
        }

        [TestMethod]
        public void OnlyImportantLinesArePersisted()
        {
            Assert.IsTrue(Journal.IsImportant(LogLevel.Info, "settings", "changed"));
            Assert.IsFalse(Journal.IsImportant(LogLevel.Warning, "settings", "refused"));
            Assert.IsTrue(Journal.IsImportant(LogLevel.Info, "core", "boot"));
            Assert.IsTrue(Journal.IsImportant(LogLevel.Info, "alarm", "cleared"));
            Assert.IsTrue(Journal.IsImportant(LogLevel.Warning, "sensor", "failed"));
            Assert.IsTrue(Journal.IsImportant(LogLevel.Error, "safety", "trip"));
            Assert.IsFalse(Journal.IsImportant(LogLevel.Info, "zone", "mist requested"));
            Assert.IsFalse(Journal.IsImportant(LogLevel.Info, "console", "command"));
        }

        [TestMethod]
        public void RestoringTheSettingsFileAtStartIsNotJournalled()
        {
            Journal journal = new Journal(null);
            journal.OnLine(LogLevel.Info, "settings", "changed", "+0.1s INFO settings changed key=zones value=2 source=file");
            journal.OnLine(LogLevel.Info, "settings", "changed", "+0.1s INFO settings changed key=mqtt.prefix value=gh source=filex");
            journal.OnLine(LogLevel.Info, "settings", "changed", "+9.0s INFO settings changed key=zones value=3 source=console");
            Assert.AreEqual(3, journal.RecentCount);
            Assert.AreEqual(2, journal.ImportantCount);
            Assert.IsTrue(journal.GetImportant(0).EndsWith("source=filex"));
            Assert.IsTrue(journal.GetImportant(1).EndsWith("source=console"));

            ConsoleRig rig = new ConsoleRig();
            rig.Ticks(1);
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("zone1.band", "5", Journal.RestoreSource).Ok);
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("zone1.band", "6", "mqtt").Ok);
            string events = rig.Type("events");
            Assert.IsFalse(ConsoleRig.Has(events.Substring(events.IndexOf("events=")), "source=file"));
            Assert.IsTrue(ConsoleRig.Has(events, "settings changed key=zone1.band value=6 source=mqtt"));
        }

        [TestMethod]
        public void ImportantEventsRoundTripThroughTheStoreAndStayBounded()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            Journal journal = new Journal(store);
            Assert.AreEqual((int)JournalLoad.Missing, (int)journal.LoadResult);
            journal.BeginBoot();
            for (int i = 0; i < Journal.ImportantCapacity + 7; i++)
            {
                journal.OnLine(LogLevel.Warning, "sensor", "failed", "+" + i.ToString() + ".0s WARN sensor failed n=" + i.ToString());
            }

            journal.OnLine(LogLevel.Info, "core", "long", new string('x', 300));
            Assert.IsTrue(journal.Flush());
            byte[] blob;
            Assert.IsTrue(store.TryRead(Journal.BlobName, out blob));
            Assert.IsTrue(blob.Length <= JournalBlob.MaxBytes);

            Journal loaded = new Journal(store);
            Assert.AreEqual((int)JournalLoad.Loaded, (int)loaded.LoadResult);
            Assert.AreEqual(1, loaded.BootCount);
            Assert.AreEqual(Journal.ImportantCapacity, loaded.ImportantCount);
            Assert.AreEqual("+8.0s WARN sensor failed n=8", loaded.GetImportant(0));
            string cut = loaded.GetImportant(Journal.ImportantCapacity - 1);
            Assert.AreEqual(Journal.MaxEventLength, cut.Length);
            Assert.IsTrue(cut.EndsWith("..."));
            Assert.AreEqual(0, loaded.RecentCount);
        }

        [TestMethod]
        public void WritesAreCoalesced()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            Journal journal = new Journal(store);
            long now = 0;
            for (int second = 0; second < 180; second++)
            {
                now = second * 1000L;
                journal.OnLine(LogLevel.Warning, "sensor", "flapping", "event " + second.ToString());
                journal.Poll(now);
            }

            // First write at once, then at most one a minute: 0 s, 60 s, 120 s.
            Assert.AreEqual(3, store.Writes);
            Assert.IsTrue(journal.Dirty);
            Assert.IsTrue(journal.Flush());
            Assert.AreEqual(4, store.Writes);
            Assert.IsFalse(journal.Dirty);
            // Nothing new: no write.
            journal.Poll(now + 120000);
            Assert.AreEqual(4, store.Writes);

            store.FailWrites = true;
            journal.OnLine(LogLevel.Error, "x", "y", "z");
            Assert.IsFalse(journal.Flush());
            Assert.IsTrue(journal.Dirty);
            Assert.AreEqual(1, journal.WriteFailures);
        }

        [TestMethod]
        public void EveryBootIsCountedEvenInABootLoop()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            for (int boot = 1; boot <= 5; boot++)
            {
                ConsoleRig rig = new ConsoleRig(store, 0);
                rig.Ticks(2); // then the power goes
            }

            Journal journal = new Journal(store);
            Assert.AreEqual(5, journal.BootCount);
            bool found = false;
            for (int i = 0; i < journal.ImportantCount; i++)
            {
                found |= journal.GetImportant(i).IndexOf("core boot n=5 reason=unplanned") > 0;
            }

            Assert.IsTrue(found);
        }

        [TestMethod]
        public void ARebootFromMqttIsSavedAndNamedAtTheNextBoot()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            ConsoleRig rig = new ConsoleRig(store, 0);
            rig.Ticks(5);
            rig.Controller.Commands.Reboot("mqtt");
            int writes = store.Writes;
            rig.Ticks(1);
            Assert.AreEqual(writes + 1, store.Writes);
            Assert.IsTrue(ConsoleRig.Has(new ConsoleRig(store, 0).Ticks(1), "INFO core boot n=2 reason=reboot_mqtt"));
        }

        [TestMethod]
        public void CorruptBlobIsToleratedAndReported()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            store.Write(Journal.BlobName, new byte[] { 0xFF, 0x00, 0x13, 0x37, 10, 65, 66 });
            Journal journal = new Journal(store);
            Assert.AreEqual((int)JournalLoad.Corrupt, (int)journal.LoadResult);
            Assert.AreEqual(0, journal.ImportantCount);
            Assert.IsNull(journal.StoredEnd);

            store.Write(Journal.BlobName, new byte[0]);
            Assert.AreEqual((int)JournalLoad.Corrupt, (int)new Journal(store).LoadResult);

            // The controller starts anyway, says so, and overwrites the blob with a good one.
            FakeSettingsStore bad = new FakeSettingsStore();
            bad.Write(Journal.BlobName, new byte[] { 1, 2, 3, 4, 5 });
            ConsoleRig rig = new ConsoleRig(bad, 0);
            string first = rig.Ticks(1);
            Assert.IsTrue(ConsoleRig.Has(first, "WARN journal corrupt blob=events.log action=started_empty"));
            Assert.IsTrue(ConsoleRig.Has(first, "core boot n=1 reason=first_start"));
            rig.Ticks(12);
            Assert.AreEqual((int)JournalLoad.Loaded, (int)new Journal(bad).LoadResult);
        }

        [TestMethod]
        public void DamagedAndTruncatedLinesAreSkipped()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            Journal journal = new Journal(store);
            journal.BeginBoot();
            journal.OnLine(LogLevel.Warning, "a", "one", "first event");
            journal.OnLine(LogLevel.Warning, "a", "two", "second event");
            journal.OnLine(LogLevel.Warning, "a", "three", "third event");
            journal.Flush();
            byte[] good = journal.Serialise();

            // Flip a bit inside the second event's text.
            byte[] flipped = new byte[good.Length];
            for (int i = 0; i < good.Length; i++)
            {
                flipped[i] = good[i];
            }

            string text = store.Text(Journal.BlobName);
            int second = text.IndexOf("second");
            flipped[second] = (byte)(flipped[second] ^ 0x01);
            store.Write(Journal.BlobName, flipped);
            Journal damaged = new Journal(store);
            Assert.AreEqual((int)JournalLoad.Damaged, (int)damaged.LoadResult);
            Assert.AreEqual(1, damaged.SkippedOnLoad);
            Assert.AreEqual(2, damaged.ImportantCount);
            Assert.AreEqual("first event", damaged.GetImportant(0));
            Assert.AreEqual("third event", damaged.GetImportant(1));

            // Cut in the middle of the last line (a write interrupted by a power cut).
            byte[] truncated = new byte[good.Length - 4];
            for (int i = 0; i < truncated.Length; i++)
            {
                truncated[i] = good[i];
            }

            store.Write(Journal.BlobName, truncated);
            Journal cut = new Journal(store);
            Assert.AreEqual((int)JournalLoad.Damaged, (int)cut.LoadResult);
            Assert.AreEqual(2, cut.ImportantCount);
            Assert.AreEqual("second event", cut.GetImportant(cut.ImportantCount - 1));
        }

        [TestMethod]
        public void TheRunRecordsHowItEndsForTheNextBoot()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            Assert.IsNull(new Journal(store).StoredEnd);

            Journal running = new Journal(store);
            running.BeginBoot();
            running.Flush();
            Assert.AreEqual(Journal.UnplannedEnd, new Journal(store).StoredEnd);

            running.PlanEnd("factory_reset");
            running.PlanEnd("reboot_console");
            running.Flush();
            Journal next = new Journal(store);
            Assert.AreEqual("factory_reset", next.StoredEnd);
            Assert.AreEqual(1, next.BootCount);

            next.BeginBoot();
            next.PlanEnd("reboot_mqtt");
            next.Flush();
            Assert.AreEqual("reboot_mqtt", new Journal(store).StoredEnd);

            // Older firmware wrote no end: its boots read as unplanned.
            store.Write(Journal.BlobName, System.Text.Encoding.UTF8.GetBytes("GHJ1 boots=4\n"));
            Journal old = new Journal(store);
            Assert.AreEqual((int)JournalLoad.Loaded, (int)old.LoadResult);
            Assert.AreEqual(4, old.BootCount);
            Assert.AreEqual(Journal.UnplannedEnd, old.StoredEnd);

            store.Write(Journal.BlobName, System.Text.Encoding.UTF8.GetBytes("GHJ1 boots=4 end=Reboot!\n"));
            Assert.AreEqual((int)JournalLoad.Corrupt, (int)new Journal(store).LoadResult);
        }

        [TestMethod]
        public void BootReasonFollowsTheRecordedEnd()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            ConsoleRig rig = new ConsoleRig(store, 0);
            rig.Ticks(20);
            ConsoleRig after = new ConsoleRig(store, 0);
            after.Controller.Technician.BootReason = "watchdog";
            Assert.IsTrue(ConsoleRig.Has(after.Ticks(1), "INFO core boot n=2 reason=watchdog"));
        }
    }
}
