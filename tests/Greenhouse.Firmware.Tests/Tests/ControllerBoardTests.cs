using Greenhouse.Diagnostics;
using Greenhouse.Firmware.Tests.Models;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Firmware.Tests
{
    /// <summary>The firmware's composition and loop (ControllerBoard) on the model board with the standard wiring.</summary>
    [TestClass]
    public sealed class ControllerBoardTests
    {
        [TestMethod]
        public void AColdBootProvesTheDeadManBeforeAnyRelayPullsIn()
        {
            var rig = new BoardRig();
            rig.Boot();
            var mist = rig.Controller.Commands.RequestMist(1, 20, "test");
            Assert.IsTrue(mist.Ok, mist.Error);
            int proofTicks = 0;
            for (int i = 0; i < 60; i++)
            {
                bool allowed = rig.Controller.DeadMan.RelaysAllowed;
                rig.Run(1);
                if (!allowed)
                {
                    proofTicks++;
                    Assert.AreEqual(0, rig.Relays.TotalPullIns, "a relay pulled in before the dead-man proof: " + string.Join("; ", rig.Relays.Events));
                }
            }

            Assert.IsTrue(rig.Controller.DeadMan.Proven, rig.Controller.DeadMan.FailureReason);
            Assert.IsTrue(proofTicks >= 5 && proofTicks <= 12, "proof took " + proofTicks + " ticks");
            Assert.IsTrue(rig.Relays.PullIns[0] > 0, "after the proof the requested mist runs the pump");
            Assert.IsTrue(Esp32Board.Pads[Greenhouse.Board.DefaultPins.StatusLed].OutputTransitions > 40, "the status LED blinks");
            Assert.AreEqual(0, rig.Board.FailedTicks);
            Assert.IsFalse(rig.Controller.Status.Alarms.IsActive(AlarmCodes.DeadManFault, 0));
        }

        [TestMethod]
        public void AWarmRebootWithTheRelaySupplyStillOnPulsesNoRelay()
        {
            var rig = new BoardRig();
            rig.Boot();
            rig.Run(15);
            var mist = rig.Controller.Commands.RequestMist(1, 60, "test");
            Assert.IsTrue(mist.Ok, mist.Error);
            rig.Run(5);
            Assert.IsTrue(rig.Relays.Energised(Greenhouse.Board.DefaultPins.Valve1Relay), "misting when the board resets");

            // The CPU resets mid-mist: its pins float (relays drop) but the dead-man keeps the relay supply on for seconds.
            Esp32Board.WarmReboot();
            Assert.IsTrue(rig.DeadMan.SupplyOn);
            int pullIns = rig.Relays.TotalPullIns;
            rig.Boot();
            for (int i = 0; i < 30 && !rig.Controller.DeadMan.RelaysAllowed; i++)
            {
                rig.Run(1);
                Assert.AreEqual(pullIns, rig.Relays.TotalPullIns, "relay pulsed while the new boot opened its outputs: " + string.Join("; ", rig.Relays.Events));
            }

            Assert.IsTrue(rig.Controller.DeadMan.Proven, rig.Controller.DeadMan.FailureReason);
        }

        [TestMethod]
        public void APersistentBusFaultEndsInASensorAlarmNotARebootLoop()
        {
            var rig = new BoardRig();
            rig.Sensor1.Stuck = true;
            rig.Sensor1.NeedsPowerCycle = true;
            rig.Boot();
            int risesAfterProof = 0;
            rig.Run(20);
            Assert.IsTrue(rig.Controller.DeadMan.Proven, rig.Controller.DeadMan.FailureReason);
            risesAfterProof = rig.DeadMan.Rises;
            rig.Run(900);

            Assert.IsTrue(rig.Controller.Status.Alarms.IsActive(AlarmCodes.SensorFailed, 0) || rig.Controller.Status.Alarms.IsActive(AlarmCodes.I2cError, 0),
                "a sensor alarm is raised");
            Assert.AreEqual(0, rig.Board.FailedTicks, "every tick completed");
            Assert.AreEqual(0, Esp32Board.RebootRequests, "no reboot");
            Assert.IsFalse(rig.Board.Watchdog.Expired);
            Assert.IsTrue(rig.DeadMan.Rises - risesAfterProof >= 440, "the heartbeat kept beating: " + (rig.DeadMan.Rises - risesAfterProof));
            Assert.IsTrue(rig.DeadMan.SupplyOn);

            // Relays safe: each relay output is open and drives exactly what the core commands.
            var controller = rig.Controller;
            AssertDriven(Greenhouse.Board.DefaultPins.PumpRelay, controller.Status.Pump.IsOn);
            AssertDriven(Greenhouse.Board.DefaultPins.FanRelay, controller.Status.Fan.IsOn);
            AssertDriven(Greenhouse.Board.DefaultPins.Valve1Relay, controller.Status.Valve(1).IsOn);
        }

        private static void AssertDriven(int pin, bool energised)
        {
            Assert.IsTrue(Esp32Board.Pads[pin].Reserved, "GPIO " + pin + " closed");
            Assert.IsTrue(Esp32Board.Drives(pin, !energised), "GPIO " + pin + " does not drive what the core commands");
        }

        [TestMethod]
        public void AFlippedRelayPolarityWaitingForTheConsoleEnergisesNoRelayAtAnyBoot()
        {
            // Issue 13's measured case: relays.active_low flipped remotely, then a reboot, energised every relay the
            // software believed off. Over MQTT it is refused; from the console it waits for a restart and
            // "hardware confirm": until then every boot builds the relays with the stored (wired) polarity.
            var rig = new BoardRig();
            rig.Boot();
            rig.Run(20);
            string flipped = Greenhouse.Board.DefaultPins.RelaysActiveLow ? "off" : "on";
            var remote = rig.Controller.Commands.ApplySetting("relays.active_low", flipped, "mqtt");
            Assert.IsFalse(remote.Ok, "accepted over MQTT");
            Assert.IsTrue(remote.Error.IndexOf("console") >= 0, remote.Error);
            var local = rig.Controller.Commands.ApplySetting("relays.active_low", flipped, "console");
            Assert.IsTrue(local.Ok, local.Error);
            rig.Run(5);

            for (int boot = 0; boot < 3; boot++)
            {
                if (boot == 1)
                {
                    rig = new BoardRig(store: rig.Store); // a power cut: the board from cold, the same flash
                }
                else
                {
                    Esp32Board.WarmReboot();
                }

                rig.Boot();
                Assert.IsTrue(rig.Controller.Status.Alarms.IsActive(AlarmCodes.HardwarePending, 0), "the waiting change is shown");
                for (int second = 0; second < 60; second++)
                {
                    rig.Run(1);
                    var status = rig.Controller.Status;
                    Assert.AreEqual(status.Pump.IsOn, rig.Relays.Energised(Greenhouse.Board.DefaultPins.PumpRelay), "pump, boot " + boot + ", second " + second);
                    Assert.AreEqual(status.Fan.IsOn, rig.Relays.Energised(Greenhouse.Board.DefaultPins.FanRelay), "fan, boot " + boot + ", second " + second);
                    Assert.AreEqual(status.Valve(1).IsOn, rig.Relays.Energised(Greenhouse.Board.DefaultPins.Valve1Relay), "valve 1, boot " + boot);
                    Assert.IsFalse(rig.Relays.Energised(Greenhouse.Board.DefaultPins.Valve4Relay), "valve 4 (not wired to a zone), boot " + boot);
                }

                Assert.IsTrue(rig.Controller.DeadMan.Proven, rig.Controller.DeadMan.FailureReason);
            }

            // The wired polarity still works: a mist pulls in the pump and the valve, and only they.
            var mist = rig.Controller.Commands.RequestMist(1, 20, "test");
            Assert.IsTrue(mist.Ok, mist.Error);
            rig.Run(5);
            Assert.IsTrue(rig.Relays.Energised(Greenhouse.Board.DefaultPins.PumpRelay));
            Assert.IsTrue(rig.Relays.Energised(Greenhouse.Board.DefaultPins.Valve1Relay));
            Assert.IsFalse(rig.Relays.Energised(Greenhouse.Board.DefaultPins.Valve2Relay));
        }

        [TestMethod]
        public void AFailingTickNeitherBeatsNorFeedsTheWatchdogAndTheLoopGoesOn()
        {
            var rig = new BoardRig();
            rig.Boot();
            rig.Run(20);
            Assert.IsTrue(rig.Controller.DeadMan.Proven, rig.Controller.DeadMan.FailureReason);

            // A flash write that throws under the settings save makes one tick fail half-way.
            rig.Store.ThrowOnWrite = true;
            var applied = rig.Controller.Commands.ApplySetting("zone1.target_rh", "85", "test");
            Assert.IsTrue(applied.Ok, applied.Error);
            bool sawFailure = false;
            for (int i = 0; i < 10; i++)
            {
                int failed = rig.Board.FailedTicks;
                int writes = Esp32Board.Pads[Greenhouse.Board.DefaultPins.Heartbeat].OutputTransitions;
                long fed = rig.Board.Watchdog.LastFeedMs;
                Esp32Board.Advance(1000);
                Assert.IsTrue(rig.Board.RunTick(), "the loop goes on");
                if (rig.Board.FailedTicks > failed)
                {
                    sawFailure = true;
                    Assert.AreEqual(writes, Esp32Board.Pads[Greenhouse.Board.DefaultPins.Heartbeat].OutputTransitions, "a failed tick beat");
                    Assert.AreEqual(fed, rig.Board.Watchdog.LastFeedMs, "a failed tick fed the watchdog");
                }
                else
                {
                    Assert.AreEqual(Esp32Board.UptimeMs, rig.Board.Watchdog.LastFeedMs, "a completed tick feeds");
                }
            }

            Assert.IsTrue(sawFailure, "the save never failed");
            Assert.IsFalse(rig.Board.Watchdog.Expired, "one failed tick is no reason to reboot");
        }

        [TestMethod]
        public void TheWatchdogRebootsALoopThatStopsCompletingTicksWithRelaysReleased()
        {
            var rig = new BoardRig();
            rig.Boot();
            rig.Run(20);
            var mist = rig.Controller.Commands.RequestMist(1, 60, "test");
            Assert.IsTrue(mist.Ok, mist.Error);
            rig.Run(5);
            Assert.IsTrue(rig.Relays.Energised(Greenhouse.Board.DefaultPins.PumpRelay));

            // The loop hangs: no tick completes any more; only the watchdog's timer runs.
            for (int i = 0; i < 16; i++)
            {
                Esp32Board.Advance(1000);
                rig.Board.Watchdog.Check();
            }

            Assert.IsFalse(rig.DeadMan.SupplyOn, "no heartbeat: the dead-man dropped the relay supply");
            Assert.IsTrue(rig.Board.Watchdog.Expired);
            Assert.AreEqual(1, Esp32Board.RebootRequests);
            Assert.IsTrue(Esp32Board.Drives(Greenhouse.Board.DefaultPins.PumpRelay, true), "the pump output released before the reboot");
            Assert.IsTrue(rig.Store.Blobs.ContainsKey(ControllerBoard.WatchdogFlag), "the next boot learns why");
        }

        [TestMethod]
        public void WhateverClosesEveryPinTheRelaysEndUnpoweredWithAnAlarm()
        {
            // The old bus recovery disposed a GpioController, which closes every pin. Whatever does that again, the
            // heartbeat stops, the dead-man drops the relay supply, the read-back shows it and the loop survives.
            var rig = new BoardRig();
            rig.Boot();
            rig.Run(20);
            var mist = rig.Controller.Commands.RequestMist(1, 60, "test");
            Assert.IsTrue(mist.Ok, mist.Error);
            rig.Run(5);
            Assert.IsTrue(rig.Relays.Energised(Greenhouse.Board.DefaultPins.PumpRelay));

            new System.Device.Gpio.GpioController().Dispose();
            rig.Run(10);

            Assert.IsFalse(rig.DeadMan.SupplyOn);
            foreach (int pin in rig.Relays.Pins)
            {
                Assert.IsFalse(rig.Relays.Energised(pin), "coil on GPIO " + pin + " still pulled in");
            }

            Assert.IsTrue(rig.Controller.Status.Alarms.IsActive(AlarmCodes.DeadManFault, 0), "deadman_fault raised");
        }
    }
}
