using System;
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
    public class LoggerTests
    {
        [TestMethod]
        public void LineFormatIsTimeLevelComponentMessagePairs()
        {
            FakeClock clock = new FakeClock();
            FakeLog sink = new FakeLog();
            Logger log = new Logger(sink, clock);
            clock.Uptime = 12345;
            log.Info("zone", "mist on", "zone=1 reason=rh_low rh=82.1");
            Assert.AreEqual("+12.3s INFO zone mist on zone=1 reason=rh_low rh=82.1", sink.Last);
            log.Error("sensor", "failed", null);
            Assert.AreEqual("+12.3s ERROR sensor failed", sink.Last);

            clock.Synced = true;
            clock.Utc = new DateTime(2026, 11, 28, 14, 5, 9);
            log.SetUtcOffset(480);
            log.Warn("tank", "empty", "");
            Assert.AreEqual("2026-11-28T22:05:09 WARN tank empty", sink.Last);

            log.Debug("x", "hidden", null);
            Assert.AreEqual("2026-11-28T22:05:09 WARN tank empty", sink.Last);
            log.MinimumLevel = LogLevel.Debug;
            log.Debug("x", "shown", null);
            Assert.AreEqual("2026-11-28T22:05:09 DEBUG x shown", sink.Last);
        }

        [TestMethod]
        public void QuoteKeepsLinesSplittable()
        {
            Assert.AreEqual("ok", Logger.Quote("ok"));
            Assert.AreEqual("\"bus error\"", Logger.Quote("bus error"));
            Assert.AreEqual("\"\"", Logger.Quote(""));
            Assert.AreEqual("\"\"", Logger.Quote(null));
            Assert.AreEqual("\"a=b\"", Logger.Quote("a=b"));
            Assert.AreEqual("\"say 'hi'?\"", Logger.Quote("say \"hi\"\n"));
        }

        [TestMethod]
        public void RepeatsAreSuppressedAndSummarisedWithACount()
        {
            FakeClock clock = new FakeClock();
            FakeLog sink = new FakeLog();
            Logger log = new Logger(sink, clock);
            for (int i = 0; i < 20; i++)
            {
                clock.Advance(1000);
                log.Warn("sensor1", "read failed", "status=bus");
                log.FlushRepeats();
            }

            Assert.AreEqual(Logger.RepeatBurst, sink.Count);
            Assert.AreEqual(20 - Logger.RepeatBurst, (int)log.SuppressedCount);

            // Another message is not affected.
            log.Warn("sensor1", "recovered", null);
            Assert.AreEqual(Logger.RepeatBurst + 1, sink.Count);

            // When the window ends, one summary carries the count and the last suppressed pairs.
            clock.Advance(Logger.RepeatWindowMs);
            log.FlushRepeats();
            Assert.AreEqual(Logger.RepeatBurst + 2, sink.Count);
            Assert.IsTrue(sink.Last.EndsWith(" WARN sensor1 read failed status=bus repeated=17"), sink.Last);
            log.FlushRepeats();
            Assert.AreEqual(Logger.RepeatBurst + 2, sink.Count);

            // A fresh window lets lines through again.
            log.Warn("sensor1", "read failed", "status=bus");
            Assert.AreEqual(Logger.RepeatBurst + 3, sink.Count);
        }

        [TestMethod]
        public void StateChangesPassUntilTheKindBurst()
        {
            FakeClock clock = new FakeClock();
            FakeLog sink = new FakeLog();
            Logger log = new Logger(sink, clock);

            // A few transitions of one kind are all written, even after identical ones.
            log.Info("sensor", "health", "sensor=sensor1 health=ok");
            log.Warn("sensor", "health", "sensor=sensor1 health=suspect");
            log.Error("sensor", "health", "sensor=sensor1 health=failed");
            log.Error("sensor", "health", "sensor=sensor1 health=failed");
            log.Info("sensor", "health", "sensor=sensor1 health=ok");
            Assert.AreEqual(5, sink.Count);
            Assert.IsTrue(sink.Last.EndsWith("INFO sensor health sensor=sensor1 health=ok"));

            // A flapping sensor is cut after KindBurst lines and summarised with its last state.
            for (int i = 0; i < 40; i++)
            {
                clock.Advance(100);
                log.Warn("sensor", "health", i % 2 == 0 ? "sensor=sensor1 health=suspect" : "sensor=sensor1 health=ok");
            }

            Assert.AreEqual(Logger.KindBurst, sink.Count);
            clock.Advance(Logger.RepeatWindowMs);
            log.FlushRepeats();
            Assert.IsTrue(sink.Last.EndsWith("WARN sensor health sensor=sensor1 health=ok repeated=35"), sink.Last);
        }

        [TestMethod]
        public void ALineOfTheSameKindAfterTheWindowWritesTheSummaryFirst()
        {
            FakeClock clock = new FakeClock();
            FakeLog sink = new FakeLog();
            Logger log = new Logger(sink, clock);
            for (int i = 0; i < 5; i++)
            {
                log.Info("mqtt", "connect failed", null);
            }

            clock.Advance(Logger.RepeatWindowMs + 1);
            log.Info("mqtt", "connect failed", "try=6");
            Assert.AreEqual(Logger.RepeatBurst + 2, sink.Count);
            Assert.IsTrue(sink.Lines[Logger.RepeatBurst].EndsWith("INFO mqtt connect failed repeated=2"));
            Assert.IsTrue(sink.Last.EndsWith("INFO mqtt connect failed try=6"));
        }

        [TestMethod]
        public void ManyDistinctMessagesEvictTheOldestWindow()
        {
            FakeClock clock = new FakeClock();
            FakeLog sink = new FakeLog();
            Logger log = new Logger(sink, clock);
            for (int i = 0; i < 5; i++)
            {
                log.Info("a", "flood", null);
            }

            for (int i = 0; i < Logger.RepeatSlots; i++)
            {
                clock.Advance(10);
                log.Info("b", "message " + i.ToString(), null);
            }

            // The "a flood" window was evicted: its summary was written, not lost.
            bool found = false;
            for (int i = 0; i < sink.Count; i++)
            {
                found |= sink.Lines[i].EndsWith("INFO a flood repeated=2");
            }

            Assert.IsTrue(found);
        }

        [TestMethod]
        public void UnlimitedWritesBypassTheLimiter()
        {
            FakeClock clock = new FakeClock();
            FakeLog sink = new FakeLog();
            Logger log = new Logger(sink, clock);
            for (int i = 0; i < 10; i++)
            {
                log.Write(LogLevel.Warning, "alarm", "raised", "code=c" + i.ToString(), false);
            }

            Assert.AreEqual(10, sink.Count);
        }

        [TestMethod]
        public void SettingChangesAndCommandsAreNeverSuppressed()
        {
            FakeClock clock = new FakeClock();
            FakeLog sink = new FakeLog();
            Logger log = new Logger(sink, clock);
            for (int i = 0; i < 10; i++)
            {
                log.Info("settings", "changed", "key=k" + i.ToString() + " value=1 source=mqtt");
                log.Info("console", "command", "line=x");
                log.Warn("settings", "refused", "key=junk source=mqtt");
            }

            Assert.AreEqual(10 + 10 + Logger.RepeatBurst, sink.Count);
            Assert.IsTrue(Logger.IsExempt("core", "reboot requested"));
            Assert.IsFalse(Logger.IsExempt("settings", "refused"));
        }

        [TestMethod]
        public void ObserverSeesEveryWrittenLine()
        {
            FakeClock clock = new FakeClock();
            FakeLog sink = new FakeLog();
            Logger log = new Logger(sink, clock);
            Journal journal = new Journal(null);
            log.Observer = journal;
            log.Info("settings", "changed", "key=zones value=2 source=mqtt");
            log.Info("zone", "idle", null);
            Assert.AreEqual(2, journal.RecentCount);
            Assert.AreEqual(1, journal.ImportantCount);
            Assert.AreEqual(sink.Lines[0], journal.GetImportant(0));
        }
    }
}
