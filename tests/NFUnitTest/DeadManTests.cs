using Greenhouse.App;
using Greenhouse.Commands;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Safety;
using Greenhouse.TestSupport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    /// <summary>The dead-man proof: relay supply off without heartbeat, on with it, dropping in time; relays only after it.</summary>
    [TestClass]
    public class DeadManTests
    {
        private sealed class CheckRig
        {
            public readonly FakeClock Clock = new FakeClock();
            public readonly FakeLog Log = new FakeLog();
            public readonly AlarmSet Alarms;
            public readonly FakeDeadMan Circuit;
            public readonly DeadManCheck Check;

            public CheckRig(bool supplyFitted)
            {
                Circuit = new FakeDeadMan(Clock);
                Logger logger = new Logger(Log, Clock);
                Alarms = new AlarmSet(logger);
                Check = new DeadManCheck(Circuit.Heartbeat, supplyFitted ? Circuit.Supply : null, Alarms, logger);
            }

            /// <summary>Ticks once a second until the proof passed or failed, at most the given number; returns the ticks used.</summary>
            public int TickUntilSettled(int max)
            {
                for (int i = 1; i <= max; i++)
                {
                    Clock.Advance(1000);
                    Check.Tick(Clock.Uptime, false);
                    if (Check.RelaysAllowed || Check.Failed)
                    {
                        return i;
                    }
                }

                return max;
            }

            public bool Faulted
            {
                get { return Alarms.IsActive(AlarmCodes.DeadManFault, 0); }
            }
        }

        private sealed class ControllerRig
        {
            public readonly FakeClock Clock = new FakeClock();
            public readonly FakeLog Log = new FakeLog();
            public readonly FakeSensor Sensor = new FakeSensor();
            public readonly FakeInput Tank = new FakeInput();
            public readonly FakeDeadMan Circuit;
            public readonly FakeDeadMan.WatchedRelay Pump;
            public readonly FakeDeadMan.WatchedRelay Valve1;
            public readonly FakeDeadMan.WatchedRelay Fan;
            public readonly Controller Controller;

            public ControllerRig()
            {
                Circuit = new FakeDeadMan(Clock);
                Pump = Circuit.CreateRelay();
                Valve1 = Circuit.CreateRelay();
                Fan = Circuit.CreateRelay();
                ControllerPorts ports = new ControllerPorts();
                ports.Sensors[0] = Sensor;
                ports.Pump = Pump;
                ports.Valves[0] = Valve1;
                ports.Fan = Fan;
                ports.TankSwitch = Tank;
                ports.Clock = Clock;
                ports.Log = Log;
                ports.Heartbeat = Circuit.Heartbeat;
                ports.RelaySupply = Circuit.Supply;
                Controller = new Controller(ports, "test");
            }

            public void Ticks(int count)
            {
                for (int i = 0; i < count; i++)
                {
                    Clock.Advance(1000);
                    Controller.Tick();
                }
            }
        }

        [TestMethod]
        public void AHealthyCircuitIsProvenWithinTwelveSeconds()
        {
            CheckRig rig = new CheckRig(true);
            int ticks = rig.TickUntilSettled(30);
            Assert.IsTrue(rig.Check.RelaysAllowed, "proof did not pass: " + rig.Check.FailureReason);
            Assert.IsTrue(ticks <= 12, "proof took " + ticks.ToString() + " ticks");
            Assert.IsTrue(rig.Check.LastDropMs >= DeadManCheck.MinDropMs && rig.Check.LastDropMs <= DeadManCheck.MaxDropMs);
            Assert.AreEqual(5000L, rig.Check.LastDropMs, "a 4.1 s time-out is first seen off 5 ticks after the last rising edge");
            Assert.IsFalse(rig.Faulted);
        }

        [TestMethod]
        public void TheHeartbeatIsHeldHighDuringTheDropTest()
        {
            CheckRig rig = new CheckRig(true);
            bool sawHeldHigh = false;
            for (int i = 0; i < 15 && !rig.Check.RelaysAllowed; i++)
            {
                int writes = rig.Circuit.Writes;
                rig.Clock.Advance(1000);
                rig.Check.Tick(rig.Clock.Uptime, false);
                if (writes == rig.Circuit.Writes && rig.Circuit.Level)
                {
                    sawHeldHigh = true;
                }
            }

            Assert.IsTrue(sawHeldHigh, "a shorted coupling capacitor is only caught with the output held high");
        }

        [TestMethod]
        public void AShortedSwitchFailsTheProofAndRaisesTheAlarm()
        {
            CheckRig rig = new CheckRig(true);
            rig.Circuit.ShortedSwitch = true;
            rig.TickUntilSettled(30);
            Assert.IsFalse(rig.Check.RelaysAllowed);
            Assert.IsFalse(rig.Check.RelaysMayOpen, "relay outputs must never open while the supply stays on");
            Assert.IsTrue(rig.Faulted);
            Assert.AreEqual(0, rig.Circuit.Rises, "no heartbeat while the supply cannot be proven off");
        }

        [TestMethod]
        public void LeakageThatStretchesTheTimeOutFailsTheProof()
        {
            CheckRig rig = new CheckRig(true);
            rig.Circuit.TimeoutMs = 8500;
            rig.TickUntilSettled(30);
            Assert.IsFalse(rig.Check.RelaysAllowed);
            Assert.IsTrue(rig.Faulted);
            Assert.IsTrue(rig.Check.FailureReason.IndexOf("still on") >= 0, rig.Check.FailureReason);
        }

        [TestMethod]
        public void ATimeOutShorterThanTheHeartbeatPeriodFailsTheProof()
        {
            CheckRig rig = new CheckRig(true);
            rig.Circuit.TimeoutMs = 1500;
            rig.TickUntilSettled(30);
            Assert.IsFalse(rig.Check.RelaysAllowed);
            Assert.IsTrue(rig.Check.FailureReason.IndexOf("too short") >= 0, rig.Check.FailureReason);
        }

        [TestMethod]
        public void ASupplyThatNeverComesOnFailsTheProof()
        {
            CheckRig rig = new CheckRig(true);
            rig.Circuit.OpenSwitch = true;
            rig.TickUntilSettled(30);
            Assert.IsFalse(rig.Check.RelaysAllowed);
            Assert.IsTrue(rig.Check.RelaysMayOpen, "the supply was off, so outputs could open (released)");
            Assert.IsTrue(rig.Check.FailureReason.IndexOf("does not come on") >= 0, rig.Check.FailureReason);
        }

        [TestMethod]
        public void AnUnreadableReadBackNeverPasses()
        {
            CheckRig rig = new CheckRig(true);
            rig.Circuit.Readable = false;
            rig.TickUntilSettled(30);
            Assert.IsFalse(rig.Check.RelaysAllowed);
            Assert.IsFalse(rig.Check.RelaysMayOpen);
            Assert.IsTrue(rig.Faulted);
        }

        [TestMethod]
        public void AFailedProofIsRetriedAndClearsTheAlarmWhenItPasses()
        {
            CheckRig rig = new CheckRig(true);
            rig.Circuit.OpenSwitch = true;
            rig.TickUntilSettled(30);
            Assert.IsTrue(rig.Faulted);
            rig.Circuit.OpenSwitch = false;
            rig.Clock.Advance(DeadManCheck.RetryMs);
            rig.TickUntilSettled(30);
            Assert.IsTrue(rig.Check.RelaysAllowed, "retry did not pass: " + rig.Check.FailureReason);
            Assert.IsFalse(rig.Faulted);
        }

        [TestMethod]
        public void AfterAWarmRebootTheOutputsOpenOnlyOnceTheSupplyIsOff()
        {
            CheckRig rig = new CheckRig(true);
            rig.Circuit.EdgeBeforeBoot(500);
            rig.Clock.Advance(1000);
            rig.Check.Tick(rig.Clock.Uptime, false);
            Assert.IsFalse(rig.Check.RelaysMayOpen, "supply still on from before the reboot");
            rig.TickUntilSettled(30);
            Assert.IsTrue(rig.Check.RelaysAllowed, rig.Check.FailureReason);
        }

        [TestMethod]
        public void WithoutReadBackTheRelaysWaitOutTheTimeOutButNothingIsProven()
        {
            CheckRig rig = new CheckRig(false);
            rig.Clock.Advance(1000);
            rig.Check.Tick(rig.Clock.Uptime, false);
            Assert.IsFalse(rig.Check.RelaysMayOpen);
            int ticks = rig.TickUntilSettled(30);
            Assert.IsTrue(rig.Check.RelaysAllowed);
            Assert.IsTrue(ticks >= 6, "must wait the longest time-out first");
            Assert.IsFalse(rig.Check.Fitted);
            Assert.IsTrue(rig.Log.Last.IndexOf("deadman not checked") >= 0, rig.Log.Last);
        }

        [TestMethod]
        public void ASupplyLostWhileRunningRaisesTheAlarmAndClearsWhenBack()
        {
            CheckRig rig = new CheckRig(true);
            rig.TickUntilSettled(30);
            Assert.IsTrue(rig.Check.RelaysAllowed);
            rig.Circuit.OpenSwitch = true;
            for (int i = 0; i < DeadManCheck.LostTicks; i++)
            {
                rig.Clock.Advance(1000);
                rig.Check.Tick(rig.Clock.Uptime, false);
            }

            Assert.IsTrue(rig.Faulted);
            Assert.IsTrue(rig.Check.RelaysAllowed, "a lost supply is reported, not a reason to stop deciding");
            rig.Circuit.OpenSwitch = false;
            for (int i = 0; i < 3; i++)
            {
                rig.Clock.Advance(1000);
                rig.Check.Tick(rig.Clock.Uptime, false);
            }

            Assert.IsFalse(rig.Faulted);
        }

        [TestMethod]
        public void TheDailyProofWaitsWhileMistingAndHoldsDecisionsWhileItRuns()
        {
            CheckRig rig = new CheckRig(true);
            rig.TickUntilSettled(30);
            long provenAt = rig.Clock.Uptime;
            // Run up to the moment the daily proof is due in minute steps (a very long time-out keeps the supply on
            // between them; ticking every second for a day is too slow on the device), misting all the while.
            rig.Circuit.TimeoutMs = 3600000;
            while (rig.Clock.Uptime - provenAt < DeadManCheck.RecheckMs - 10000)
            {
                rig.Clock.Advance(60000);
                rig.Check.Tick(rig.Clock.Uptime, true);
            }

            rig.Circuit.TimeoutMs = 4100;
            for (int i = 0; i < 20; i++)
            {
                rig.Clock.Advance(1000);
                rig.Check.Tick(rig.Clock.Uptime, true);
                Assert.IsTrue(rig.Check.RelaysAllowed, "no proof may start while misting");
            }

            Assert.IsTrue(rig.Clock.Uptime - provenAt >= DeadManCheck.RecheckMs, "the proof is due");
            Assert.IsFalse(rig.Faulted);

            bool held = false;
            for (int i = 0; i < 20; i++)
            {
                rig.Clock.Advance(1000);
                rig.Check.Tick(rig.Clock.Uptime, false);
                held = held || !rig.Check.RelaysAllowed;
            }

            Assert.IsTrue(held, "the daily proof holds the decisions while it runs");
            Assert.IsTrue(rig.Check.RelaysAllowed, "and passes again: " + rig.Check.FailureReason);
        }

        [TestMethod]
        public void TheControllerDrivesNoRelayBeforeTheProofAndOpensOutputsWithTheSupplyOff()
        {
            ControllerRig rig = new ControllerRig();
            rig.Circuit.EdgeBeforeBoot(300);
            rig.Controller.Start();
            Assert.AreEqual(0, rig.Pump.Writes, "Start must not open relay outputs while the supply may be on");
            CommandResult mist = rig.Controller.Commands.RequestMist(1, 30, "test");
            Assert.IsTrue(mist.Ok, mist.Error);
            for (int i = 0; i < 40; i++)
            {
                bool allowedBefore = rig.Controller.DeadMan.RelaysAllowed;
                rig.Ticks(1);
                if (!allowedBefore)
                {
                    Assert.IsFalse(rig.Valve1.Energised, "valve energised before the dead-man proof");
                    Assert.IsFalse(rig.Pump.Energised, "pump energised before the dead-man proof");
                }
            }

            Assert.IsTrue(rig.Controller.DeadMan.RelaysAllowed, rig.Controller.DeadMan.FailureReason);
            Assert.AreEqual(0, rig.Pump.FirstWriteSupplyOn, "the first write (opening the output) came with the supply on");
            Assert.IsTrue(rig.Pump.EverEnergised, "after the proof the requested mist runs");
        }

        [TestMethod]
        public void AFailedProofKeepsEveryRelayReleased()
        {
            ControllerRig rig = new ControllerRig();
            rig.Circuit.TimeoutMs = 9000;
            rig.Controller.Start();
            rig.Controller.Commands.RequestMist(1, 30, "test");
            rig.Ticks(60);
            Assert.IsFalse(rig.Controller.DeadMan.RelaysAllowed);
            Assert.IsTrue(rig.Controller.Status.Alarms.IsActive(AlarmCodes.DeadManFault, 0));
            Assert.IsFalse(rig.Pump.EverEnergised);
            Assert.IsFalse(rig.Valve1.EverEnergised);
            Assert.IsFalse(rig.Fan.EverEnergised);
        }

        [TestMethod]
        public void ATickThatThrowsDoesNotBeat()
        {
            ControllerRig rig = new ControllerRig();
            rig.Controller.Start();
            rig.Ticks(15);
            Assert.IsTrue(rig.Controller.DeadMan.RelaysAllowed, rig.Controller.DeadMan.FailureReason);
            int writes = rig.Circuit.Writes;
            rig.Ticks(1);
            Assert.AreEqual(writes + 1, rig.Circuit.Writes, "a completed tick beats once");

            // The console answer goes to the log sink; a sink that throws makes the tick throw half-way.
            rig.Log.ThrowOnWrite = true;
            rig.Controller.Inbox.PostConsoleLine("help");
            bool threw = false;
            try
            {
                rig.Ticks(1);
            }
            catch (System.Exception)
            {
                threw = true;
            }

            rig.Log.ThrowOnWrite = false;
            Assert.IsTrue(threw, "the armed sink should have made the tick throw");
            Assert.AreEqual(writes + 1, rig.Circuit.Writes, "a tick that threw must not beat");
        }
    }
}
