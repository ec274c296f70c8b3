using System;
using System.Linq;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Faults.Tests
{
    [TestClass]
    public sealed class FaultScheduleTests
    {
        [TestMethod]
        [DataRow("sensor-stuck@06:00-10:00", "sensor-stuck@06:00-10:00")]
        [DataRow("sensor-dead#2@22:00-02:00", "sensor-dead#2@22:00-02:00")]
        [DataRow("sensor-saturated#1@d3 5:05-6:00", "sensor-saturated#1@d3 05:05-06:00")]
        [DataRow("i2c-errors@+0-+30", "i2c-errors@+0-+30")]
        [DataRow("i2c-errors:30@+10-+70", "i2c-errors:30@+10-+70")]
        [DataRow("i2c-errors#2:50@12:00-13:00", "i2c-errors#2@12:00-13:00")]
        [DataRow("broker-down@d1 23:30-00:30", "broker-down@d1 23:30-00:30")]
        [DataRow("wifi-down@+30-+90", "wifi-down@+30-+90")]
        [DataRow("clock-jump@d2 03:00", "clock-jump@d2 03:00")]
        [DataRow("clock-jump:-30@04:00", "clock-jump:-30@04:00")]
        [DataRow("clock-jump:+90@+5", "clock-jump:+90@+5")]
        [DataRow("clock-jump:15@+5", "clock-jump:+15@+5")]
        [DataRow("clock-jump:+60@+5", "clock-jump@+5")]
        [DataRow("clock-unsynced@00:00-06:00", "clock-unsynced@00:00-06:00")]
        [DataRow("tank-empty@d10 14:00-18:30", "tank-empty@d10 14:00-18:30")]
        [DataRow("power-cut@d2 03:15", "power-cut@d2 03:15")]
        [DataRow("power-cut@12:00", "power-cut@12:00")]
        [DataRow("  Power-Cut @ +45 ", "power-cut@+45")]
        [DataRow("SENSOR-DEAD # 1 @ D2   06:00 - 07:00", "sensor-dead#1@d2 06:00-07:00")]
        public void AcceptsEveryDocumentedForm(string spec, string canonical)
        {
            FaultSchedule schedule = FaultSchedule.Parse(spec);
            Assert.AreEqual(1, schedule.Items.Count);
            Assert.AreEqual(canonical, schedule.ToString());
            Assert.AreEqual(canonical, FaultSchedule.Parse(canonical).ToString());
        }

        [TestMethod]
        public void ReadsTheParts()
        {
            FaultSchedule schedule = FaultSchedule.Parse("i2c-errors#2:30@22:00-02:00, power-cut@d2 03:15 ,wifi-down@+30-+90,clock-jump:-45@d1 12:00");
            Assert.AreEqual(4, schedule.Items.Count);
            FaultItem i2c = schedule.Items[0];
            Assert.AreEqual(FaultKind.I2cErrors, i2c.Kind);
            Assert.AreEqual(2, i2c.Sensor);
            Assert.AreEqual(30, i2c.Parameter);
            Assert.AreEqual(FaultTimingKind.Daily, i2c.Timing.Kind);
            Assert.AreEqual(22 * 60, i2c.Timing.Start);
            Assert.AreEqual(2 * 60, i2c.Timing.End);
            Assert.IsTrue(i2c.Timing.WrapsMidnight);

            FaultItem cut = schedule.Items[1];
            Assert.AreEqual(FaultKind.PowerCut, cut.Kind);
            Assert.AreEqual(FaultTimingKind.Day, cut.Timing.Kind);
            Assert.AreEqual(2, cut.Timing.Day);
            Assert.AreEqual(3 * 60 + 15, cut.Timing.Start);
            Assert.IsTrue(cut.Timing.IsInstant);

            FaultItem wifi = schedule.Items[2];
            Assert.AreEqual(FaultTimingKind.Relative, wifi.Timing.Kind);
            Assert.AreEqual(30, wifi.Timing.Start);
            Assert.AreEqual(90, wifi.Timing.End);
            Assert.IsFalse(wifi.Timing.WrapsMidnight);
            Assert.AreEqual(0, wifi.Sensor);

            Assert.AreEqual(-45, schedule.Items[3].Parameter);
            Assert.AreEqual(50, FaultSchedule.Parse("i2c-errors@01:00-02:00").Items[0].Parameter);
            Assert.AreEqual(60, FaultSchedule.Parse("clock-jump@01:00").Items[0].Parameter);
        }

        [TestMethod]
        public void BlankMeansNoFaults()
        {
            Assert.IsTrue(FaultSchedule.Parse(null).IsEmpty);
            Assert.IsTrue(FaultSchedule.Parse("").IsEmpty);
            Assert.IsTrue(FaultSchedule.Parse("  ").IsEmpty);
            Assert.AreEqual("", FaultSchedule.Empty.ToString());
        }

        [TestMethod]
        [DataRow("sensor-stuck", "sensor-stuck", "missing @WHEN")]
        [DataRow("sensor-stuck@", "sensor-stuck@", "missing time")]
        [DataRow("sensor-stuk@06:00-10:00", "sensor-stuk@06:00-10:00", "unknown kind 'sensor-stuk'")]
        [DataRow("@06:00-10:00", "@06:00-10:00", "missing kind")]
        [DataRow("sensor-stuck@06:00", "sensor-stuck@06:00", "lasts a while")]
        [DataRow("tank-empty@+30", "tank-empty@+30", "lasts a while")]
        [DataRow("power-cut@06:00-07:00", "power-cut@06:00-07:00", "happens at one moment")]
        [DataRow("power-cut@+5-+6", "power-cut@+5-+6", "happens at one moment")]
        [DataRow("sensor-dead@24:00-01:00", "sensor-dead@24:00-01:00", "HH:MM-HH:MM")]
        [DataRow("sensor-dead@06:60-07:00", "sensor-dead@06:60-07:00", "HH:MM-HH:MM")]
        [DataRow("sensor-dead@6-7", "sensor-dead@6-7", "HH:MM-HH:MM")]
        [DataRow("sensor-dead@06:00-06:00", "sensor-dead@06:00-06:00", "same time")]
        [DataRow("sensor-dead@d0 06:00-07:00", "sensor-dead@d0 06:00-07:00", "day must be dN")]
        [DataRow("sensor-dead@dx 06:00-07:00", "sensor-dead@dx 06:00-07:00", "day must be dN")]
        [DataRow("sensor-dead@d2", "sensor-dead@d2", "missing time of day after d2")]
        [DataRow("sensor-dead@d2 ", "sensor-dead@d2", "missing time of day after d2")]
        [DataRow("wifi-down@+90-+30", "wifi-down@+90-+30", "end after it starts")]
        [DataRow("wifi-down@+30-90", "wifi-down@+30-90", "+MIN-+MIN")]
        [DataRow("wifi-down@+-5", "wifi-down@+-5", "+MIN-+MIN")]
        [DataRow("wifi-down@+99999999-+100000000", "wifi-down@+99999999-+100000000", "+MIN-+MIN")]
        [DataRow("wifi-down#1@+5-+6", "wifi-down#1@+5-+6", "takes no sensor selector")]
        [DataRow("sensor-dead#3@+5-+6", "sensor-dead#3@+5-+6", "#1 or #2")]
        [DataRow("sensor-dead#@+5-+6", "sensor-dead#@+5-+6", "#1 or #2")]
        [DataRow("tank-empty:5@+5-+6", "tank-empty:5@+5-+6", "takes no :parameter")]
        [DataRow("i2c-errors:0@+5-+6", "i2c-errors:0@+5-+6", "1..100")]
        [DataRow("i2c-errors:101@+5-+6", "i2c-errors:101@+5-+6", "1..100")]
        [DataRow("i2c-errors:-5@+5-+6", "i2c-errors:-5@+5-+6", "1..100")]
        [DataRow("clock-jump:0@+5", "clock-jump:0@+5", "clock-jump minutes")]
        [DataRow("clock-jump:+99999@+5", "clock-jump:+99999@+5", "clock-jump minutes")]
        [DataRow("clock-jump:abc@+5", "clock-jump:abc@+5", "clock-jump minutes")]
        [DataRow("power-cut@+5@+6", "power-cut@+5@+6", "more than one @")]
        public void RejectsJunkNamingTheItemAndTheSyntax(string spec, string item, string reason)
        {
            FaultSpecException e = Assert.ThrowsExactly<FaultSpecException>(() => FaultSchedule.Parse(spec));
            Assert.AreEqual(item, e.Item);
            StringAssert.Contains(e.Reason, reason);
            StringAssert.Contains(e.Message, "'" + item + "'");
            StringAssert.Contains(e.Message, FaultSchedule.SyntaxHelp);
        }

        [TestMethod]
        public void PointsAtTheBadItemInAList()
        {
            FaultSpecException e = Assert.ThrowsExactly<FaultSpecException>(() => FaultSchedule.Parse("power-cut@+5,tank-empty@7:00,wifi-down@+1-+2"));
            Assert.AreEqual("tank-empty@7:00", e.Item);
            e = Assert.ThrowsExactly<FaultSpecException>(() => FaultSchedule.Parse("power-cut@+5,,wifi-down@+1-+2"));
            StringAssert.Contains(e.Reason, "empty item");
            Assert.ThrowsExactly<FaultSpecException>(() => FaultSchedule.Parse("power-cut@+5,"));
        }

        [TestMethod]
        public void ErrorsNeverEchoControlCharacters()
        {
            FaultSpecException e = Assert.ThrowsExactly<FaultSpecException>(() => FaultSchedule.Parse("bad\u0001\n" + new string('x', 200) + "@+1-+2"));
            Assert.IsFalse(e.Message.Any(c => c < ' '));
            Assert.IsTrue(e.Item.Length <= 83);
            Assert.IsTrue(FaultSchedule.TryParse("nonsense", out FaultSchedule none, out string error) == false && none == null && error.Contains("nonsense"));
        }

        // Pieces of the grammar, so random strings get deep into the parser rather than failing at the first character.
        private static readonly string[] Fragments =
        {
            "sensor-stuck", "sensor-dead", "sensor-saturated", "i2c-errors", "broker-down", "wifi-down", "clock-jump", "clock-unsynced",
            "tank-empty", "power-cut", "@", "#", "#1", "#2", ":", ":30", ":+60", ":-15", "-", "+", "+5", "+30", "d", "d1", "d12", " ", ",",
            "00", "06", "23", "24", "59", "60", ":", "0", "9", "9999999", "x", "\u00e9", "\0",
        };

        [TestMethod]
        public void RandomTextNeverThrowsAnythingButFaultSpecException()
        {
            Gen<string> grammarSoup = Gen.OneOf(Fragments).Array[0, 14].Select(parts => string.Concat(parts));
            Gen<string> anyText = Gen.String[0, 60];
            Gen.OneOf(grammarSoup, grammarSoup, anyText).Sample(spec =>
            {
                try
                {
                    FaultSchedule schedule = FaultSchedule.Parse(spec);
                    // Whatever was accepted prints canonically and reads back to the same items.
                    FaultSchedule again = FaultSchedule.Parse(schedule.ToString());
                    Assert.IsTrue(schedule.Items.SequenceEqual(again.Items), spec);
                }
                catch (FaultSpecException e)
                {
                    Assert.IsFalse(string.IsNullOrEmpty(e.Reason));
                }
            }, iter: 20000);
        }

        private static readonly Gen<FaultItem> AnyItem =
            from kind in Gen.Int[0, FaultKinds.All.Length - 1].Select(i => FaultKinds.All[i])
            from sensor in Gen.Int[0, 2]
            from percent in Gen.Int[1, 100]
            from jump in Gen.Int[1, FaultSchedule.MaxJumpMinutes]
            from negative in Gen.Bool
            from anchor in Gen.Int[0, 2]
            from day in Gen.Int[1, FaultSchedule.MaxDay]
            from start in Gen.Int[0, 24 * 60 - 1]
            from length in Gen.Int[1, 24 * 60 - 1]
            from relStart in Gen.Int[0, FaultSchedule.MaxRelativeMinute - 1]
            from relLength in Gen.Int[1, 100000]
            select Build(kind, sensor, percent, negative ? -jump : jump, anchor, day, start, length, relStart, relLength);

        private static FaultItem Build(FaultKind kind, int sensor, int percent, int jump, int anchor, int day, int start, int length, int relStart, int relLength)
        {
            bool instant = FaultKinds.IsInstant(kind);
            FaultTiming timing = anchor switch
            {
                0 => instant ? FaultTiming.DailyAt(start) : FaultTiming.Daily(start, (start + length) % (24 * 60)),
                1 => instant ? FaultTiming.OnDayAt(day, start) : FaultTiming.OnDay(day, start, (start + length) % (24 * 60)),
                _ => instant ? FaultTiming.RelativeAt(relStart) : FaultTiming.Relative(relStart, Math.Min(FaultSchedule.MaxRelativeMinute, relStart + relLength)),
            };
            int parameter = kind == FaultKind.I2cErrors ? percent : kind == FaultKind.ClockJump ? jump : 0;
            return new FaultItem(kind, FaultKinds.TakesSensor(kind) ? sensor : 0, parameter, timing);
        }

        [TestMethod]
        public void EveryScheduleRoundTripsThroughItsText()
        {
            AnyItem.Array[1, 8].Sample(items =>
            {
                FaultSchedule schedule = new FaultSchedule(items);
                FaultSchedule parsed = FaultSchedule.Parse(schedule.ToString());
                Assert.IsTrue(items.SequenceEqual(parsed.Items), schedule.ToString());
            }, iter: 5000);
        }

        [TestMethod]
        public void RandomSchedulesAreReproducibleBySeed()
        {
            string a = FaultSchedule.Random(42, 150, 1.5).ToString();
            string b = FaultSchedule.Random(42, 150, 1.5).ToString();
            string c = FaultSchedule.Random(43, 150, 1.5).ToString();
            Assert.AreEqual(a, b);
            Assert.AreNotEqual(a, c);
            Assert.AreEqual(a, FaultSchedule.Parse(a).ToString());
        }

        [TestMethod]
        public void RandomSchedulesFollowDaysAndDensity()
        {
            Assert.IsTrue(FaultSchedule.Random(1, 30, 0).IsEmpty);
            Assert.AreEqual(60, FaultSchedule.Random(1, 30, 2).Items.Count);
            FaultSchedule year = FaultSchedule.Random(7, 365, 2.5);
            Assert.IsTrue(year.Items.Count >= 365 * 2 && year.Items.Count <= 365 * 3);
            Assert.IsTrue(Math.Abs(year.Items.Count - 365 * 2.5) < 60, year.Items.Count.ToString());
            foreach (FaultKind kind in FaultKinds.All)
            {
                Assert.IsTrue(year.Items.Any(i => i.Kind == kind), FaultKinds.Name(kind));
            }

            Assert.IsTrue(year.Items.All(i => i.Timing.Kind == FaultTimingKind.Day && i.Timing.Day >= 1 && i.Timing.Day <= 365));
            Assert.IsTrue(year.Items.Any(i => i.Timing.WrapsMidnight));
            Assert.IsTrue(year.Items.Any(i => i.Sensor == 2) && year.Items.Any(i => i.Kind == FaultKind.SensorDead && i.Sensor == 0));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => FaultSchedule.Random(1, 0, 1));
            Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => FaultSchedule.Random(1, 10, double.NaN));
        }
    }
}
