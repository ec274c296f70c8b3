using Greenhouse.Control;
using Greenhouse.Diagnostics;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    [TestClass]
    public class ControlEngineTests
    {
        [TestMethod]
        public void PulseLengthGrowsWithTheDeficit()
        {
            // Defaults: target 90, band 3, pulse 10..90 s at a full deficit of 8 %; humidity does not react here.
            ControlRig small = new ControlRig();
            small.Set("zone1.anticipate", "off");
            small.Climate(1, 20, 86); // deficit 4 -> 50 s
            int smallOpen = small.Run(200, 1, 1);

            ControlRig large = new ControlRig();
            large.Set("zone1.anticipate", "off");
            large.Climate(1, 20, 80); // deficit 10 -> capped at 90 s
            int largeOpen = large.Run(200, 1, 1);

            Assert.AreEqual(50, smallOpen);
            Assert.AreEqual(90, largeOpen);
        }

        [TestMethod]
        public void SettleWindowIgnoresHumidityAfterAPulse()
        {
            ControlRig rig = new ControlRig();
            rig.Climate(1, 20, 80);
            rig.Run(3, 1, 1);
            Assert.IsTrue(rig.Valves[0].Energised);
            rig.Run(90, 1, 1);
            Assert.IsFalse(rig.Valves[0].Energised);
            // Still dry, but inside the 240 s settle window nothing happens.
            int during = rig.Run(230, 1, 1);
            Assert.AreEqual(0, during);
            Assert.AreEqual((int)ReasonCode.Settling, (int)rig.Zone(1).Decision.Code);
            int after = rig.Run(30, 1, 1);
            Assert.IsTrue(after > 0);
        }

        [TestMethod]
        public void PulseStopsEarlyAtTheUpperBand()
        {
            ControlRig rig = new ControlRig();
            rig.Climate(1, 20, 80);
            rig.Run(10, 1, 1);
            Assert.IsTrue(rig.Valves[0].Energised);
            rig.Climate(1, 20, 92.5); // above target 90, below target + band 93: keeps going
            rig.Step(1000);
            Assert.IsTrue(rig.Valves[0].Energised);
            rig.Climate(1, 20, 93.2);
            rig.Step(1000);
            Assert.IsFalse(rig.Valves[0].Energised);
            Assert.AreEqual((int)ReasonCode.MistOffTarget, (int)rig.Zone(1).Decision.Code);
            Assert.AreEqual("mist off: rh 93.2 >= 93.0", rig.Zone(1).Decision.Reason);
        }

        [TestMethod]
        public void PumpPreRunsBeforeTheValveAndStopsWithIt()
        {
            ControlRig rig = new ControlRig();
            rig.Set("pump.prerun_s", "3");
            rig.Climate(1, 20, 80);
            rig.Step(1000);
            Assert.IsTrue(rig.Pump.Energised);
            Assert.IsFalse(rig.Valves[0].Energised);
            rig.Step(1000);
            rig.Step(1000);
            Assert.IsFalse(rig.Valves[0].Energised);
            rig.Step(1000);
            Assert.IsTrue(rig.Valves[0].Energised);
            rig.Climate(1, 20, 95);
            rig.Step(1000);
            Assert.IsFalse(rig.Valves[0].Energised);
            Assert.IsFalse(rig.Pump.Energised);
        }

        [TestMethod]
        public void PulseRequestIsLatchedThroughThePumpPreRun()
        {
            // Noise around the lower edge (87): one reading under it asks for a pulse, the next is back over it.
            // The request must hold through the pre-run so that every pump start opens the valve.
            ControlRig rig = new ControlRig();
            rig.Set("pump.prerun_s", "3");
            rig.Set("zone1.settle_s", "30");
            rig.Set("zone1.min_off_s", "0");
            int pumpStarts = 0;
            int valveOpens = 0;
            bool pumpWas = false;
            bool valveWas = false;
            for (int t = 0; t < 1800; t++)
            {
                rig.Climate(1, 20, t % 2 == 0 ? 86.8 : 87.4);
                rig.Step(1000);
                if (rig.Pump.Energised && !pumpWas)
                {
                    pumpStarts++;
                }

                if (rig.Valves[0].Energised && !valveWas)
                {
                    valveOpens++;
                }

                pumpWas = rig.Pump.Energised;
                valveWas = rig.Valves[0].Energised;
            }

            Assert.IsTrue(valveOpens > 0);
            Assert.AreEqual(valveOpens, pumpStarts);
        }

        [TestMethod]
        public void LatchedRequestLetsGoWhenHumidityReachesTheTarget()
        {
            ControlRig rig = new ControlRig();
            rig.Set("pump.prerun_s", "5");
            rig.Climate(1, 20, 86);
            rig.Step(1000);
            Assert.IsTrue(rig.Pump.Energised);
            rig.Climate(1, 20, 88); // over the lower edge, under the target: still latched
            rig.Step(1000);
            Assert.IsTrue(rig.Zone(1).Decision.WantsValve);
            Assert.IsTrue(rig.Pump.Energised);
            rig.Climate(1, 20, 90.5); // recovered: the request is dropped, no valve opens
            rig.Step(1000);
            Assert.IsFalse(rig.Zone(1).Decision.WantsValve);
            rig.Run(10, 1, 1);
            Assert.IsFalse(rig.Valves[0].Energised);
            Assert.IsFalse(rig.Pump.Energised);
        }

        [TestMethod]
        public void ValveSlotsAreSharedLongestWaitingFirst()
        {
            ControlRig rig = new ControlRig();
            rig.Set("zones", "3");
            rig.Set("max_open_valves", "1");
            rig.Set("pump.prerun_s", "0");
            rig.Climate(1, 20, 80);
            rig.Climate(2, 20, 80);
            rig.Climate(3, 20, 80);
            int[] firstOpen = new int[3];
            for (int t = 1; t <= 600; t++)
            {
                rig.Step(1000);
                int open = 0;
                for (int z = 0; z < 3; z++)
                {
                    if (rig.Valves[z].Energised)
                    {
                        open++;
                        if (firstOpen[z] == 0)
                        {
                            firstOpen[z] = t;
                        }
                    }
                }

                Assert.IsTrue(open <= 1);
            }

            // Each zone had its turn, one after the other (90 s pulses).
            Assert.IsTrue(firstOpen[0] > 0 && firstOpen[1] > firstOpen[0] && firstOpen[2] > firstOpen[1]);
            Assert.IsTrue(firstOpen[2] - firstOpen[0] >= 180);
        }

        [TestMethod]
        public void EmptyTankStopsPumpClosesValvesAndRefusesManual()
        {
            ControlRig rig = new ControlRig();
            rig.Climate(1, 20, 80);
            rig.Run(5, 1, 1);
            Assert.IsTrue(rig.Valves[0].Energised);
            rig.Tank = false;
            rig.Step(1000);
            Assert.IsFalse(rig.Pump.Energised);
            Assert.IsFalse(rig.Valves[0].Energised);
            Assert.IsTrue(rig.Alarm(AlarmCodes.TankEmpty, 0));
            Assert.AreEqual((int)ZoneActivity.Fault, (int)rig.Zone(1).Decision.Activity);
            string error;
            Assert.IsFalse(rig.RequestMist(1, 10, false, out error));
            Assert.AreEqual("blocked: tank empty", error);
            int open = rig.Run(600, 5, 1);
            Assert.AreEqual(0, open);
            Assert.IsFalse(rig.Pump.Energised);
            rig.Tank = true;
            rig.Run(400, 1, 1);
            Assert.IsFalse(rig.Alarm(AlarmCodes.TankEmpty, 0));
        }

        [TestMethod]
        public void HighLockoutBlocksWithHysteresis()
        {
            ControlRig rig = new ControlRig();
            rig.Set("season.summer", "off"); // otherwise 28 C also starts night-only mode
            rig.Climate(1, 28.0, 70);
            rig.Step(1000);
            Assert.IsFalse(rig.Pump.Energised);
            Assert.IsTrue(rig.Alarm(AlarmCodes.HighTemperatureLockout, 1));
            Assert.AreEqual("blocked: lockout 28.0 C >= 28", rig.Zone(1).Decision.Reason);
            rig.Climate(1, 27.5, 70); // inside the 1 C hysteresis: still locked
            Assert.AreEqual(0, rig.Run(60, 1, 1));
            rig.Climate(1, 26.9, 70);
            Assert.IsTrue(rig.Run(60, 1, 1) > 0);
            Assert.IsFalse(rig.Alarm(AlarmCodes.HighTemperatureLockout, 1));
            rig.Climate(1, 29, 70);
            rig.Step(1000);
            Assert.IsFalse(rig.Valves[0].Energised);
        }

        [TestMethod]
        public void FrostLockoutBlocks()
        {
            ControlRig rig = new ControlRig();
            rig.Climate(1, 3.5, 60);
            Assert.AreEqual(0, rig.Run(120, 1, 1));
            Assert.IsTrue(rig.Alarm(AlarmCodes.LowTemperatureLockout, 1));
            string error;
            Assert.IsFalse(rig.RequestMist(1, 10, true, out error));
        }

        [TestMethod]
        public void RecoveryStageGivesNoWater()
        {
            ControlRig rig = new ControlRig();
            rig.Set("zone1.stage", "recovery");
            rig.Climate(1, 20, 50);
            Assert.AreEqual(0, rig.Run(3600, 10, 1));
            Assert.AreEqual("blocked: stage recovery", rig.Zone(1).Decision.Reason);
            string error;
            Assert.IsFalse(rig.RequestMist(1, 10, true, out error));
        }

        [TestMethod]
        public void PinningTakesItsProfileAndWindowAndTemperatureLimit()
        {
            ControlRig rig = new ControlRig();
            rig.Set("lockout.high_c", "32");
            rig.Step(1000);
            rig.Set("zone1.stage", "pinning");
            rig.Climate(1, 22, 78);
            rig.Step(1000);
            Assert.AreEqual(83.0, rig.Zone(1).TargetRh);
            Assert.IsTrue(rig.Run(30, 1, 1) > 0); // 08:00 is inside 07-17
            // Pinning never mists at 28 C even with the general lockout raised to 32 C.
            rig.Climate(1, 28.2, 70);
            rig.Step(1000);
            Assert.IsFalse(rig.Valves[0].Energised);
            Assert.IsTrue(rig.Alarm(AlarmCodes.HighTemperatureLockout, 1));
            // Outside the pinning window (after 17:00) nothing happens.
            rig.Climate(1, 22, 70);
            rig.RunUntilLocal(17, 30, 60, 0);
            Assert.AreEqual(0, rig.Run(1800, 5, 1));
            Assert.AreEqual((int)ReasonCode.OutsideWindow, (int)rig.Zone(1).Decision.Code);
        }

        [TestMethod]
        public void EarlyGrowthAndGrowthSetTheirTargets()
        {
            ControlRig rig = new ControlRig();
            rig.Step(1000);
            rig.Set("zone1.stage", "early_growth");
            rig.Step(1000);
            Assert.AreEqual(85.0, rig.Zone(1).TargetRh);
            rig.Climate(1, 22, 83);
            Assert.AreEqual(0, rig.Run(30, 1, 1)); // 83 >= 85 - 3
            rig.Climate(1, 22, 81);
            Assert.IsTrue(rig.Run(30, 1, 1) > 0);
            rig.Set("zone1.stage", "growth");
            rig.Step(1000);
            Assert.AreEqual(92.0, rig.Zone(1).TargetRh);
            // A target set by hand afterwards is what the zone holds (Home Assistant target humidity).
            rig.Set("zone1.target_rh", "94");
            rig.Step(1000);
            Assert.AreEqual(94.0, rig.Zone(1).TargetRh);
        }

        [TestMethod]
        public void PreHarvestStopsWaterThenAutoAdvancesToRest()
        {
            ControlRig rig = new ControlRig();
            rig.Step(1000);
            rig.Set("zone1.stage_auto", "on");
            rig.Set("zone1.stage", "pre_harvest");
            rig.Climate(1, 22, 60);
            Assert.AreEqual(0, rig.Run(23 * 3600, 60, 1));
            Assert.AreEqual("pre_harvest", rig.Zone(1).Calendar.StageName);
            rig.Run(2 * 3600, 60, 1);
            Assert.AreEqual("rest", rig.Zone(1).Calendar.StageName);
        }

        [TestMethod]
        public void RestGivesOnlyTheProtectiveMinimum()
        {
            ControlRig rig = new ControlRig();
            rig.Step(1000);
            rig.Set("zone1.stage", "rest");
            // Cool and moist: nothing at all.
            rig.Climate(1, 20, 70);
            Assert.AreEqual(0, rig.Run(4 * 3600, 10, 1));
            // Hot and dry: one 10 s pulse per 120 min at most.
            rig.Climate(1, 26, 45);
            rig.SetLocal(2026, 5, 11, 22, 0); // 26 C starts summer mode: night window
            int open = rig.Run(4 * 3600, 1, 1);
            Assert.IsTrue(open >= 10 && open <= 20);
        }

        [TestMethod]
        public void StuckAtHundredRaisesCondensationRunsTheFanAndHoldsMisting()
        {
            ControlRig rig = new ControlRig();
            rig.Climate(1, 22, 100);
            Assert.AreEqual(0, rig.Run(31 * 60, 10, 1));
            Assert.IsTrue(rig.Alarm(AlarmCodes.Condensation, 1));
            Assert.IsTrue(rig.Fan.Energised);
            Assert.AreEqual((int)ReasonCode.Condensation, (int)rig.Zone(1).Decision.Code);
        }

        [TestMethod]
        public void SaturatedSensorFlaggedInvalidRunsTheDegradedProgram()
        {
            ControlRig rig = new ControlRig();
            rig.Climates[0].HumidityValid = false; // sensing flagged the 100 % reading as saturated
            rig.Climates[0].RelativeHumidityPercent = 100;
            int open = rig.Run(3600, 1, 1);
            // 5 s every 20 min: 2 or 3 pulses in an hour (the first after one interval).
            Assert.IsTrue(open >= 10 && open <= 15);
            Assert.IsTrue(rig.Alarm(AlarmCodes.DegradedMode, 1));
            Assert.IsTrue(rig.Zone(1).Degraded);
        }

        [TestMethod]
        public void DeadSensorRunsAHalvedProgramOnlyWithAClock()
        {
            ControlRig rig = new ControlRig();
            rig.Climates[0].HumidityValid = false;
            rig.Climates[0].TemperatureValid = false;
            int open = rig.Run(4 * 3600, 1, 1);
            // No temperature: 2.5 s pulses (the valve tick is 1 s, so 3 s) every 40 min, inside 05-19.
            Assert.IsTrue(open >= 9 && open <= 24);
            Assert.IsTrue(rig.Alarm(AlarmCodes.DegradedMode, 1));

            ControlRig blind = new ControlRig();
            blind.Clock.Synced = false;
            blind.Climates[0].HumidityValid = false;
            blind.Climates[0].TemperatureValid = false;
            Assert.AreEqual(0, blind.Run(4 * 3600, 5, 1));
            Assert.AreEqual((int)ReasonCode.DegradedUnsafe, (int)blind.Zone(1).Decision.Code);
            Assert.IsTrue(blind.Alarm(AlarmCodes.ClockNotSynced, 0));
        }

        [TestMethod]
        public void SummerModeMistsOnlyAtNight()
        {
            ControlRig rig = new ControlRig();
            rig.SetLocal(2026, 7, 10, 10, 0);
            rig.Climate(1, 26, 85); // 26 C >= 25: summer mode, and below the 28 C lockout
            rig.Step(1000);
            Assert.IsTrue(rig.Engine.Context.Summer);
            rig.Climate(1, 24, 80);
            int day = rig.RunUntilLocal(18, 55, 5, 1);
            Assert.AreEqual(0, day);
            Assert.AreEqual((int)ReasonCode.OutsideWindow, (int)rig.Zone(1).Decision.Code);
            rig.RunUntilLocal(19, 0, 5, 1);
            int night = rig.Run(1800, 1, 1);
            Assert.IsTrue(night > 0);
        }

        [TestMethod]
        public void BudgetsCapWaterPerHour()
        {
            ControlRig rig = new ControlRig();
            rig.Set("zone1.budget_hour_s", "100");
            rig.Set("zone1.settle_s", "30");
            rig.Set("no_effect.pulses", "20");
            rig.Climate(1, 20, 80);
            int open = rig.Run(3600, 1, 1);
            Assert.IsTrue(open <= 101);
            Assert.IsTrue(open >= 95);
            Assert.IsTrue(rig.Alarm(AlarmCodes.HourBudgetReached, 1));
            Assert.IsTrue(rig.Zone(1).Budget.Ledger.TodayMs / 1000 >= 95);
            Assert.AreEqual(rig.Zone(1).Budget.Ledger.TodayMs / 1000 / 60.0 * 10, rig.Zone(1).WaterTodayLitres);
        }

        [TestMethod]
        public void NoEffectRaisesAlarmAndBacksOff()
        {
            ControlRig rig = new ControlRig();
            rig.Set("zone1.settle_s", "60");
            rig.Climate(1, 20, 80); // misting never raises it
            rig.Run(3 * 160 + 30, 1, 1);
            Assert.IsTrue(rig.Alarm(AlarmCodes.NoEffect, 1));
            Assert.AreEqual(0, rig.Run(20 * 60, 5, 1));
            Assert.AreEqual((int)ReasonCode.NoEffectBackoff, (int)rig.Zone(1).Decision.Code);
        }

        [TestMethod]
        public void ManualPulseIsBoundedByMaxContinuous()
        {
            ControlRig rig = new ControlRig();
            rig.Set("zone1.max_mist_s", "30");
            rig.Set("zone1.pulse_max_s", "20");
            rig.Climate(1, 20, 95);
            rig.Step(1000);
            string error;
            Assert.IsTrue(rig.RequestMist(1, 120, true, out error));
            int open = rig.Run(200, 1, 1);
            Assert.AreEqual(30, open);
            Assert.IsTrue(rig.Alarm(AlarmCodes.MaxContinuousMist, 1));
        }

        [TestMethod]
        public void RelayWearWarnsAtTheConfiguredShare()
        {
            ControlRig rig = new ControlRig();
            rig.Set("relay.rated_ops", "1000");
            rig.Set("relay.wear_warn_pct", "50");
            rig.Relays.Valve(1).SwitchCount = 499;
            rig.Step(1000);
            Assert.IsFalse(rig.Alarm(AlarmCodes.RelayWear, 1));
            rig.Relays.Valve(1).SwitchCount = 500;
            rig.Step(1000);
            Assert.IsTrue(rig.Alarm(AlarmCodes.RelayWear, 1));
        }

        [TestMethod]
        public void ColdSeasonMistsOnlyAtMidday()
        {
            ControlRig rig = new ControlRig();
            rig.Set("season.memory_h", "2");
            rig.SetLocal(2026, 4, 10, 5, 0);
            rig.Climate(1, 10, 80); // below 15 C all the time
            rig.RunUntilLocal(7, 30, 60, 1);
            Assert.IsTrue(rig.Engine.Context.Cold);
            Assert.AreEqual(0, rig.RunUntilLocal(8, 55, 5, 1));
            Assert.AreEqual((int)ReasonCode.OutsideWindow, (int)rig.Zone(1).Decision.Code);
            Assert.AreEqual("blocked: outside window 9-15 h", rig.Zone(1).Decision.Reason);
            rig.RunUntilLocal(9, 0, 5, 1);
            Assert.IsTrue(rig.Run(600, 1, 1) > 0);
            // A warm reading ends cold mode.
            rig.Climate(1, 16, 80);
            rig.Step(1000);
            Assert.IsFalse(rig.Engine.Context.Cold);
        }

        [TestMethod]
        public void FanRunsInHeatWithMinimumOnTime()
        {
            ControlRig rig = new ControlRig();
            rig.Climate(1, 26.5, 90);
            rig.Step(1000);
            Assert.IsTrue(rig.Fan.Energised);
            Assert.AreEqual("fan on: 26.5 C >= 26", Reasons.Text(rig.Engine.Ventilation.Code, rig.Engine.Ventilation.A, rig.Engine.Ventilation.B));
            rig.Climate(1, 20, 90);
            rig.Run(60, 1, 0);
            Assert.IsTrue(rig.Fan.Energised); // 120 s minimum run
            rig.Run(70, 1, 0);
            Assert.IsFalse(rig.Fan.Energised);
            rig.Climate(1, 25, 90); // 25 is above on - hyst but below on: stays off
            rig.Run(300, 1, 0);
            Assert.IsFalse(rig.Fan.Energised);
        }

        [TestMethod]
        public void UnsyncedClockStillAvoidsSummerHeat()
        {
            ControlRig rig = new ControlRig();
            rig.Clock.Synced = false;
            rig.Climate(1, 26, 80);
            Assert.AreEqual(0, rig.Run(600, 1, 1));
            Assert.AreEqual((int)ReasonCode.SummerDayHeat, (int)rig.Zone(1).Decision.Code);
            rig.Climate(1, 22, 80);
            Assert.IsTrue(rig.Run(60, 1, 1) > 0);
        }

        [TestMethod]
        public void DisabledZoneKeepsItsValveClosed()
        {
            ControlRig rig = new ControlRig();
            rig.Climate(2, 20, 60);
            Assert.AreEqual(0, rig.Run(600, 5, 2));
            Assert.AreEqual((int)ZoneActivity.Off, (int)rig.Zone(2).Decision.Activity);
            Assert.AreEqual("off: zone not in use", rig.Zone(2).Decision.Reason);
        }
    }
}
