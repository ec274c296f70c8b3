using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.TestSupport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    [TestClass]
    public class CropCalendarTests
    {
        [TestMethod]
        public void WetDryCycleAcrossMidnightSurvivesAReboot()
        {
            ControlRig rig = new ControlRig();
            rig.Set("zone1.wet_days", "2");
            rig.Set("zone1.dry_days", "1");
            rig.Set("zone1.max_wet_days", "3");
            rig.Climate(1, 20, 80);
            rig.Step(1000);
            Assert.AreEqual("growth", rig.Zone(1).Calendar.StageName);
            Assert.AreEqual("wet", rig.Zone(1).Calendar.PhaseName);

            // Day 1 ends at local midnight: one wet day done, still wet, misting during the day.
            int wet1 = rig.RunUntilLocal(0, 0, 60, 1);
            Assert.IsTrue(wet1 > 0);
            rig.Step(60000);
            Assert.AreEqual(1, rig.Zone(1).Calendar.WetDaysTotal);
            Assert.AreEqual("wet", rig.Zone(1).Calendar.PhaseName);
            Assert.AreEqual(0L, rig.Zone(1).Budget.Ledger.TodayMs / 1000); // today's water counter reset at midnight

            // Day 2 ends: two wet days -> dry phase; the change is saved at once.
            rig.RunUntilLocal(0, 0, 60, 1);
            rig.Step(60000);
            Assert.AreEqual("dry", rig.Zone(1).Calendar.PhaseName);
            Assert.AreEqual("1", rig.State.Get("z1.dry"));

            // Dry day: no misting although humidity is low (80 % is not dry enough for the protective pulse).
            Assert.AreEqual(0, rig.Run(8 * 3600, 60, 1));
            Assert.AreEqual((int)ReasonCode.DryPhase, (int)rig.Zone(1).Decision.Code);

            // Power cut in the dry day: the new engine continues the dry phase.
            rig.Reboot();
            rig.Step(1000);
            Assert.AreEqual("dry", rig.Zone(1).Calendar.PhaseName);
            Assert.AreEqual(2, rig.Zone(1).Calendar.WetDaysTotal);
            Assert.AreEqual(0, rig.RunUntilLocal(23, 0, 60, 1));

            // Next midnight: wet again.
            rig.RunUntilLocal(0, 0, 60, 1);
            rig.Step(60000);
            Assert.AreEqual("wet", rig.Zone(1).Calendar.PhaseName);
            Assert.IsTrue(rig.RunUntilLocal(12, 0, 60, 1) > 0);

            // Third wet day reaches the cap of 3: dry for good (until the next flush).
            rig.RunUntilLocal(0, 0, 60, 1);
            rig.Step(60000);
            Assert.AreEqual(3, rig.Zone(1).Calendar.WetDaysTotal);
            Assert.AreEqual("dry", rig.Zone(1).Calendar.PhaseName);
            rig.RunUntilLocal(0, 0, 60, 1);
            rig.RunUntilLocal(0, 0, 60, 1);
            rig.Step(60000);
            Assert.AreEqual("dry", rig.Zone(1).Calendar.PhaseName);
            Assert.AreEqual(0, rig.RunUntilLocal(12, 0, 60, 1));
            Assert.AreEqual((int)ReasonCode.WetDayCap, (int)rig.Zone(1).Decision.Code);
        }

        [TestMethod]
        public void StageDaysAdvanceAutomaticallyAndSurviveAReboot()
        {
            ControlRig rig = new ControlRig();
            rig.Step(1000);
            rig.Set("zone1.stage", "recovery");
            rig.Set("zone1.stage_auto", "on");
            rig.Step(1000);
            Assert.AreEqual(0, rig.Zone(1).Calendar.StageDay);
            rig.RunUntilLocal(0, 0, 60, 0);
            rig.Step(60000);
            rig.RunUntilLocal(0, 0, 60, 0);
            rig.Step(60000);
            Assert.AreEqual(2, rig.Zone(1).Calendar.StageDay);
            rig.Reboot();
            rig.Step(1000);
            Assert.AreEqual(2, rig.Zone(1).Calendar.StageDay);
            Assert.AreEqual("recovery", rig.Zone(1).Calendar.StageName);
            rig.RunUntilLocal(0, 0, 60, 0);
            rig.Step(60000);
            // Three recovery days (profile.recovery.days) -> pinning, with the pinning target.
            Assert.AreEqual("pinning", rig.Zone(1).Calendar.StageName);
            Assert.AreEqual(83.0, rig.Zone(1).TargetRh);
            Assert.AreEqual(0, rig.Zone(1).Calendar.StageDay);
        }

        [TestMethod]
        public void DaysCountOnUptimeWhileTheClockIsUnsynced()
        {
            ControlRig rig = new ControlRig();
            rig.Clock.Synced = false;
            rig.Step(1000);
            Assert.IsTrue(rig.Alarm(AlarmCodes.ClockNotSynced, 0));
            rig.Run(24 * 3600, 300, 0);
            rig.Step(1000);
            Assert.AreEqual(1, rig.Zone(1).Calendar.StageDay);
            rig.Clock.Synced = true;
            rig.Step(1000);
            Assert.IsFalse(rig.Alarm(AlarmCodes.ClockNotSynced, 0));
        }

        [TestMethod]
        public void ControllerRestoresTheEngineStateAfterAReboot()
        {
            FakeControlState state = new FakeControlState();
            FakeClock clock = new FakeClock();
            clock.Synced = true;
            clock.Utc = new System.DateTime(2026, 5, 10, 2, 0, 0);
            FakeSensor sensor = new FakeSensor();
            sensor.Humidity = 80;
            FakeRelay valve = new FakeRelay();
            Controller first = Build(state, clock, sensor, valve);
            first.Start();
            Assert.IsTrue(first.Commands.ApplySetting("zone1.stage", "pinning", "test").Ok);
            for (int i = 0; i < 120; i++)
            {
                clock.Advance(1000);
                first.Tick();
            }

            Assert.IsTrue(first.Status.Zone(1).WaterTodayMs > 0);
            first.Commands.Reboot("test");
            long used = first.Status.Zone(1).WaterTodayMs;

            Controller second = Build(state, clock, sensor, valve);
            Assert.IsTrue(second.Commands.ApplySetting("zone1.stage", "pinning", "settings file").Ok);
            second.Start();
            clock.Advance(1000);
            second.Tick();
            Assert.AreEqual("pinning", second.Status.Zone(1).StageName);
            Assert.AreEqual(used, second.Status.Zone(1).WaterTodayMs);
            Assert.AreEqual(first.Status.Valve(1).SwitchCount, second.Status.Valve(1).SwitchCount);
        }

        [TestMethod]
        public void ControllerKeepsTheDryPhaseReachedAtMidnightAcrossAReboot()
        {
            FakeControlState state = new FakeControlState();
            FakeClock clock = new FakeClock();
            clock.Synced = true;
            clock.Utc = new System.DateTime(2026, 5, 10, 15, 50, 0); // 23:50 local (UTC+8)
            FakeSensor sensor = new FakeSensor();
            sensor.Humidity = 80;
            FakeRelay valve = new FakeRelay();
            Controller first = Build(state, clock, sensor, valve);
            Assert.IsTrue(first.Commands.ApplySetting("zone1.wet_days", "1", "test").Ok);
            Assert.IsTrue(first.Commands.ApplySetting("zone1.dry_days", "2", "test").Ok);
            first.Start();
            for (int i = 0; i < 20 * 60; i++)
            {
                clock.Advance(1000);
                first.Tick();
            }

            Assert.AreEqual("dry", first.Status.Zone(1).PhaseName);
            Assert.AreEqual(1, first.Status.Zone(1).WetDaysTotal);

            // Power cut: nothing saved on purpose, the new controller reads the last saved state.
            Controller second = Build(state, clock, sensor, valve);
            Assert.IsTrue(second.Commands.ApplySetting("zone1.wet_days", "1", "settings file").Ok);
            Assert.IsTrue(second.Commands.ApplySetting("zone1.dry_days", "2", "settings file").Ok);
            second.Start();
            for (int i = 0; i < 3600; i++)
            {
                clock.Advance(1000);
                second.Tick();
                Assert.IsFalse(valve.Energised);
            }

            Assert.AreEqual("dry", second.Status.Zone(1).PhaseName);
            Assert.AreEqual(1, second.Status.Zone(1).WetDaysTotal);
        }

        private static Controller Build(FakeControlState state, FakeClock clock, FakeSensor sensor, FakeRelay valve)
        {
            ControllerPorts ports = new ControllerPorts();
            ports.Sensors[0] = sensor;
            ports.Valves[0] = valve;
            ports.Pump = new FakeRelay();
            ports.Clock = clock;
            ports.Log = new FakeLog();
            ports.ControlState = state;
            return new Controller(ports, "test");
        }
    }
}
