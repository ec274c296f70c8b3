using System;
using System.Linq;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Faults.Tests
{
    /// <summary>
    /// The monitor against a real controller. Each violation type is shown twice: flagged when it happens (often by a
    /// "rogue engine" that forces relays after the controller's tick, as a broken control engine would), and not
    /// flagged when the controller behaves, so the monitor is neither blind nor trigger-happy.
    /// </summary>
    [TestClass]
    public sealed class InvariantMonitorTests
    {
        private static string Report(InvariantMonitor monitor) => string.Join("\n", monitor.Violations.Select(v => v.ToString()));

        [TestMethod]
        public void ABehavingControllerViolatesNothing()
        {
            Rig rig = new Rig { ModelHumidity = true };
            rig.Sensor.Humidity = 75;
            rig.TicksFor(TimeSpan.FromHours(6));
            Assert.IsTrue(rig.Monitor.Ok, Report(rig.Monitor));
            Assert.AreEqual(6 * 3600, rig.Monitor.Observations);
            Assert.IsTrue(rig.Monitor.TotalMist(1) > TimeSpan.FromMinutes(10), "the test must actually mist");
            Assert.AreEqual(TimeSpan.Zero, rig.Monitor.TotalMist(2));
        }

        [TestMethod]
        public void ValveClosedByTheControllerAtItsLimitIsNoViolation()
        {
            Rig rig = new Rig();
            rig.Set("zone1.film", "off"); // the humidity program's pulses, each cut at the continuous limit
            rig.Sensor.Humidity = 70; // never reaches the target: only the continuous limit closes the valve
            rig.TicksFor(TimeSpan.FromMinutes(10));
            Assert.IsTrue(rig.Controller.Status.Valve(1).SwitchCount >= 4);
            Assert.IsTrue(rig.Monitor.Ok, Report(rig.Monitor));
        }

        [TestMethod]
        public void PumpOnWithAnEmptyTankIsFlaggedOncePerEpisode()
        {
            Rig rig = new Rig();
            rig.Sensor.Humidity = 70;
            rig.Ticks(5);
            Assert.IsTrue(rig.Monitor.Ok);
            rig.TankTruth = false; // the float switch still says water: the controller cannot know
            rig.Ticks(30);
            Assert.AreEqual(1, rig.Monitor.Count(InvariantKind.PumpDry));
            Assert.AreEqual(TimeSpan.FromSeconds(6), rig.Monitor.Violations[0].Elapsed);
            rig.TankTruth = true;
            rig.Ticks(2);
            rig.TankTruth = false;
            rig.Ticks(2);
            Assert.AreEqual(2, rig.Monitor.Count(InvariantKind.PumpDry));
        }

        [TestMethod]
        public void AnHonestFloatSwitchKeepsThePumpDryInvariant()
        {
            Rig rig = new Rig();
            rig.Sensor.Humidity = 70;
            rig.Ticks(5);
            rig.TankTruth = false;
            rig.Tank.High = false;
            rig.Ticks(30);
            Assert.IsTrue(rig.Monitor.Ok, Report(rig.Monitor));
        }

        private static Rig RogueValve(int zone, int seconds)
        {
            Rig rig = new Rig();
            rig.Sensor.Humidity = 95; // the controller itself would keep every valve shut
            int forced = 0;
            rig.AfterTick = r =>
            {
                if (forced++ < seconds)
                {
                    r.ForceOn(zone);
                }
            };
            return rig;
        }

        [TestMethod]
        public void ValveOpenBeyondTheZoneLimitIsFlagged()
        {
            Rig rig = RogueValve(1, 200); // on at t = 1 s, seen off at t = 201 s
            rig.Ticks(300);
            Assert.AreEqual(1, rig.Monitor.Count(InvariantKind.ValveTooLong), Report(rig.Monitor));
            InvariantViolation v = rig.Monitor.Violations.Single(x => x.Kind == InvariantKind.ValveTooLong);
            Assert.AreEqual(1, v.Zone);
            Assert.AreEqual(TimeSpan.FromSeconds(1 + 123), v.Elapsed, "limit 120 s + 2 s tolerance, 1 s ticks");
            StringAssert.Contains(v.Text, "limit 120 s");
        }

        [TestMethod]
        public void ValveOpenJustWithinTheToleranceIsNotFlagged()
        {
            Rig rig = RogueValve(1, 122);
            rig.Ticks(300);
            Assert.AreEqual(0, rig.Monitor.Count(InvariantKind.ValveTooLong), Report(rig.Monitor));
        }

        [TestMethod]
        public void ContinuousLimitFollowsTheZoneSetting()
        {
            Rig rig = RogueValve(1, 40);
            rig.Set("zone1.max_mist_s", "30");
            rig.Ticks(100);
            Assert.AreEqual(1, rig.Monitor.Count(InvariantKind.ValveTooLong));
            StringAssert.Contains(rig.Monitor.Violations[0].Text, "limit 30 s");
        }

        [TestMethod]
        public void DailyMistingBeyondTheHardLimitIsFlaggedOncePerZoneAndDay()
        {
            Rig rig = RogueValve(1, int.MaxValue);
            rig.TickMs = 10000;
            rig.TicksFor(TimeSpan.FromHours(30)); // from 06:00 on day 1 to 12:00 on day 2
            Assert.AreEqual(2, rig.Monitor.Count(InvariantKind.DailyMistExceeded), Report(rig.Monitor));
            InvariantViolation first = rig.Monitor.Violations.First(v => v.Kind == InvariantKind.DailyMistExceeded);
            Assert.AreEqual(Rig.StartLocal.AddSeconds(HardLimits.MaxMistSecondsPerDay + 20), first.Local, "on at 06:00:10, 14400 s + tolerance passed at 10:00:20");
            Assert.AreEqual(1, rig.Monitor.Count(InvariantKind.ValveTooLong), "one opening, flagged once");
        }

        [TestMethod]
        public void DailyMistingIsCountedPerLocalDaySplitAtMidnight()
        {
            Rig rig = new Rig();
            rig.Sensor.Humidity = 95;
            rig.TickMs = 10000;
            rig.TicksFor(TimeSpan.FromHours(15)); // to 21:00
            rig.AfterTick = r => r.ForceOn(1);
            rig.TicksFor(TimeSpan.FromHours(6)); // 21:00 .. 03:00: 3 h before and 3 h after midnight
            Assert.AreEqual(0, rig.Monitor.Count(InvariantKind.DailyMistExceeded), Report(rig.Monitor));
            Assert.AreEqual(TimeSpan.FromHours(3), rig.Monitor.MistToday(1));
            Assert.IsTrue(rig.Monitor.TotalMist(1) >= TimeSpan.FromHours(6) - TimeSpan.FromSeconds(10));
        }

        [TestMethod]
        public void MistingInHotAirIsFlaggedAgainstTheGroundTruth()
        {
            Rig rig = new Rig();
            rig.Sensor.Humidity = 70;
            rig.AirTemperature = 36; // the sensor says 20 °C; the air is hot
            rig.Ticks(10);
            Assert.AreEqual(1, rig.Monitor.Count(InvariantKind.MistingTooHot), Report(rig.Monitor));
            StringAssert.Contains(rig.Monitor.Violations[0].Text, "36.0 °C > 35.0 °C");
            StringAssert.Contains(rig.Monitor.Violations[0].Text, "(sensor1 20.0 °C)");

            Rig mild = new Rig();
            mild.Sensor.Humidity = 70;
            mild.AirTemperature = 34.9;
            mild.Ticks(10);
            Assert.IsTrue(mild.Monitor.Ok, Report(mild.Monitor));

            Rig dry = new Rig();
            dry.Set("zone1.film", "off"); // no film wetting: nothing mists at 95 %
            dry.Sensor.Humidity = 95;
            dry.AirTemperature = 40;
            dry.Ticks(10);
            Assert.IsTrue(dry.Monitor.Ok, "hot air without misting is no violation");
        }

        [TestMethod]
        public void MistingInFreezingAirIsFlagged()
        {
            Rig rig = new Rig();
            rig.Sensor.Humidity = 70;
            rig.AirTemperature = 0.5;
            rig.Ticks(10);
            Assert.AreEqual(1, rig.Monitor.Count(InvariantKind.MistingTooCold));
            Assert.AreEqual(0, rig.Monitor.Count(InvariantKind.MistingTooHot));
        }

        [TestMethod]
        public void ValveOfAZoneNotInUseIsFlagged()
        {
            Rig rig = RogueValve(2, 5);
            rig.Ticks(10);
            Assert.AreEqual(1, rig.Monitor.Count(InvariantKind.DisabledZoneValve));
            Assert.AreEqual(2, rig.Monitor.Violations[0].Zone);
            StringAssert.Contains(rig.Monitor.Violations[0].Text, "zones = 1");
        }

        [TestMethod]
        public void ValveOfAZoneSwitchedOffIsFlaggedButTheControllerKeepsItShut()
        {
            Rig honest = new Rig();
            honest.Set("zone1.mode", "off");
            honest.Sensor.Humidity = 70;
            honest.Ticks(20);
            Assert.IsTrue(honest.Monitor.Ok, Report(honest.Monitor));
            Assert.IsFalse(honest.Valves[0].Energised);

            Rig rig = RogueValve(1, 5);
            rig.Set("zone1.mode", "off");
            rig.Ticks(10);
            Assert.AreEqual(1, rig.Monitor.Count(InvariantKind.DisabledZoneValve));
            StringAssert.Contains(rig.Monitor.Violations[0].Text, "zone1.mode = off");
        }

        [TestMethod]
        public void MoreValvesOpenThanAllowedIsFlagged()
        {
            Rig rig = new Rig(new InvariantOptions { MaxOpenValves = 1 });
            rig.Set("zones", "2");
            rig.Set("max_open_valves", "2"); // the controller may open both; the monitor is told only one is allowed
            rig.Sensor.Humidity = 70; // both zones see the same dry air and open together
            rig.Ticks(5);
            Assert.AreEqual(1, rig.Monitor.Count(InvariantKind.TooManyValves), Report(rig.Monitor));

            Rig two = new Rig(new InvariantOptions { MaxOpenValves = 2 });
            two.Set("zones", "2");
            two.Set("max_open_valves", "2");
            two.Sensor.Humidity = 70;
            two.Ticks(5);
            Assert.IsTrue(two.Monitor.Ok);
        }

        [TestMethod]
        public void AlarmsAreCountedAsTheyAppearAndClear()
        {
            // Alarms with real causes: the float switch (tank_empty) and the second sensor position (sensor_failed
            // while a fitted sensor stops answering).
            Rig rig = new Rig();
            rig.Ticks(1);
            rig.Tank.High = false;
            rig.Sensor.Status = Greenhouse.Ports.SensorReadStatus.NotPresent;
            rig.Ticks(5);
            Assert.AreEqual(1, Raised(rig, AlarmCodes.TankEmpty));
            Assert.AreEqual(1, Raised(rig, AlarmCodes.SensorFailed));
            int appearances = rig.Monitor.AlarmAppearances;
            rig.Ticks(3);
            Assert.AreEqual(appearances, rig.Monitor.AlarmAppearances, "a standing alarm is no new appearance");
            rig.Tank.High = true;
            rig.Ticks(1);
            Assert.AreEqual(1, Cleared(rig, AlarmCodes.TankEmpty));
            Assert.IsTrue(rig.Monitor.AlarmAppearedAndCleared(AlarmCodes.TankEmpty));
            Assert.IsFalse(rig.Monitor.AlarmAppearedAndCleared(AlarmCodes.SensorFailed));
            StringAssert.Contains(rig.Monitor.AlarmChanges[rig.Monitor.AlarmChanges.Count - 1].ToString(), "cleared tank_empty");

            int active = 0;
            for (int slot = 0; slot < rig.Controller.Status.Alarms.SlotCount; slot++)
            {
                active += rig.Controller.Status.Alarms.TryGet(slot, out _, out _, out _, out _) ? 1 : 0;
            }

            rig.PowerCut();
            rig.Ticks(1);
            Assert.AreEqual(1, rig.Monitor.Restarts);
            Assert.AreEqual(active, rig.Monitor.AlarmsDroppedByRestart, "what was active went with the restart, not cleared");
            Assert.AreEqual(1, Cleared(rig, AlarmCodes.TankEmpty));
            Assert.AreEqual(0, Cleared(rig, AlarmCodes.SensorFailed), "sensor_failed was never cleared: the restart took it");
            StringAssert.Contains(rig.Monitor.Summary(), "tank_empty: raised 1, cleared 1");
        }

        private static int Raised(Rig rig, string code) => rig.Monitor.AlarmChanges.Count(c => c.Raised && c.Code == code);

        private static int Cleared(Rig rig, string code) => rig.Monitor.AlarmChanges.Count(c => !c.Raised && c.Code == code);

        [TestMethod]
        public void APowerCutEndsAnOpening()
        {
            Rig rig = RogueValve(1, 100);
            rig.Ticks(100);
            rig.PowerCut();
            int forced = 0;
            rig.AfterTick = r =>
            {
                if (forced++ < 100)
                {
                    r.ForceOn(1);
                }
            };
            rig.Ticks(150);
            Assert.AreEqual(0, rig.Monitor.Count(InvariantKind.ValveTooLong), Report(rig.Monitor));
            Assert.AreEqual(1, rig.Monitor.Restarts);
        }

        [TestMethod]
        public void SettingsLostAcrossARestartAreFlagged()
        {
            Rig rig = new Rig();
            rig.Set("zone2.target_rh", "85");
            rig.Set("mqtt.password", "secret");
            string[] before = InvariantMonitor.SnapshotSettings(rig.Controller.Status.Settings);
            Assert.IsTrue(rig.Monitor.CheckSettingsSurvived(before, rig.Controller.Status.Settings, rig.Elapsed, rig.Local));
            rig.PowerCut(); // main has no settings persistence yet: the new controller starts from defaults
            Assert.IsFalse(rig.Monitor.CheckSettingsSurvived(before, rig.Controller.Status.Settings, rig.Elapsed, rig.Local));
            InvariantViolation v = rig.Monitor.Violations.Single();
            Assert.AreEqual(InvariantKind.SettingsLost, v.Kind);
            StringAssert.Contains(v.Text, "zone2.target_rh");
            StringAssert.Contains(v.Text, "mqtt.password");
            Assert.IsFalse(v.Text.Contains("secret"));
        }

        [TestMethod]
        public void ObservationsMustMoveForward()
        {
            Rig rig = new Rig();
            rig.Ticks(2);
            Assert.ThrowsExactly<ArgumentException>(() => rig.Monitor.Observe(rig.Controller, new GroundTruth(TimeSpan.Zero, Rig.StartLocal, 20, true)));
        }

        /// <summary>
        /// The whole protocol the simulator follows: wrapped ports, Update before each tick, ground-truth tank following
        /// tank-empty, a new controller on power-cut, monitor after each tick.
        /// </summary>
        [TestMethod]
        public void AFaultyRunKeepsTheInvariantsAndShowsTheFaults()
        {
            Rig rig = new Rig { ModelHumidity = true };
            rig.Sensor.Humidity = 75;
            rig.Injector = new FaultInjector(FaultSchedule.Parse("sensor-dead@+10-+20,tank-empty@+30-+40,power-cut@+50,i2c-errors:30@+55-+58,sensor-stuck@+60-+65"), seed: 3);
            rig.ActivePorts = FaultPorts.Wrap(rig.Ports, rig.Injector);
            rig.Controller = new Greenhouse.App.Controller(rig.ActivePorts, "test");
            rig.Controller.Start();

            rig.TicksFor(TimeSpan.FromMinutes(15));
            Assert.AreEqual(SensorHealth.Failed, rig.Controller.Status.Sensor(0).Health);
            Assert.IsFalse(rig.Valves[0].Energised, "no valve without a trustworthy sensor");
            rig.TicksFor(TimeSpan.FromMinutes(20));
            Assert.IsFalse(rig.Controller.Status.TankHasWater);
            Assert.IsFalse(rig.Pump.Energised);
            var before = rig.Controller;
            rig.TicksFor(TimeSpan.FromMinutes(20));
            Assert.AreNotSame(before, rig.Controller, "power-cut at +50 min replaced the controller");
            Assert.IsTrue(rig.Controller.Status.Sensor(0).ErrorCount + rig.Controller.Status.Sensor(0).RetryCount > 0, "bus errors at +55..+58 min (retried reads count too)");
            rig.TicksFor(TimeSpan.FromMinutes(15));

            Assert.AreEqual(1, rig.Injector.PowerCutCount);
            Assert.AreEqual(1, rig.Monitor.Restarts);
            Assert.IsTrue(rig.Monitor.Ok, Report(rig.Monitor));
            Assert.IsTrue(rig.Monitor.TotalMist(1) > TimeSpan.Zero);
            Assert.AreEqual(8, rig.Injector.History.Count(e => e.Kind != FaultEventKind.Fired));
        }
    }
}
