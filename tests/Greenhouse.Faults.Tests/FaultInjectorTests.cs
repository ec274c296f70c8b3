using System;
using System.Collections.Generic;
using System.Linq;
using Greenhouse.Ports;
using Greenhouse.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Faults.Tests
{
    [TestClass]
    public sealed class FaultInjectorTests
    {
        private static readonly DateTime Start = new DateTime(2026, 4, 1, 6, 0, 0);

        /// <summary>Steps the injector minute by minute (plus a second inside each minute) and returns the local times at
        /// which the sensor decorator answered NotPresent.</summary>
        private static List<DateTime> DeadTimes(string spec, DateTime start, TimeSpan span, TimeSpan step)
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Parse(spec));
            FaultySensor sensor = new FaultySensor(new FakeSensor(), 1, injector);
            List<DateTime> dead = new List<DateTime>();
            for (TimeSpan t = TimeSpan.Zero; t <= span; t += step)
            {
                injector.Update(t, start + t);
                if (sensor.TryRead(out _) == SensorReadStatus.NotPresent)
                {
                    dead.Add(start + t);
                }
            }

            return dead;
        }

        [TestMethod]
        public void DailyWindowIsActiveExactlyInsideEveryDay()
        {
            List<DateTime> dead = DeadTimes("sensor-dead@06:00-10:00", Start.AddHours(-6), TimeSpan.FromDays(3), TimeSpan.FromSeconds(30));
            Assert.IsTrue(dead.All(t => t.TimeOfDay >= TimeSpan.FromHours(6) && t.TimeOfDay < TimeSpan.FromHours(10)));
            Assert.AreEqual(3 * 4 * 120, dead.Count);
            Assert.AreEqual(Start, dead[0]);
            Assert.AreEqual(Start.AddHours(4).AddSeconds(-30), dead[4 * 120 - 1]);
        }

        [TestMethod]
        public void DailyWindowWrapsMidnight()
        {
            List<DateTime> dead = DeadTimes("sensor-dead@22:00-02:00", Start, TimeSpan.FromDays(2), TimeSpan.FromMinutes(1));
            Assert.IsTrue(dead.All(t => t.Hour >= 22 || t.Hour < 2));
            Assert.AreEqual(2 * 4 * 60, dead.Count);
            Assert.IsTrue(dead.Contains(new DateTime(2026, 4, 1, 23, 59, 0)));
            Assert.IsTrue(dead.Contains(new DateTime(2026, 4, 2, 0, 0, 0)));
            Assert.IsTrue(dead.Contains(new DateTime(2026, 4, 2, 1, 59, 0)));
            Assert.IsFalse(dead.Contains(new DateTime(2026, 4, 2, 2, 0, 0)));
            Assert.IsFalse(dead.Contains(new DateTime(2026, 4, 1, 21, 59, 0)));
        }

        [TestMethod]
        public void DayWindowAppliesOnThatDayOnly()
        {
            // The run starts at 06:00 on 1 April, so day 2 is 2 April.
            List<DateTime> dead = DeadTimes("sensor-dead@d2 06:00-07:00", Start, TimeSpan.FromDays(4), TimeSpan.FromMinutes(1));
            Assert.AreEqual(60, dead.Count);
            Assert.AreEqual(new DateTime(2026, 4, 2, 6, 0, 0), dead.First());
            Assert.AreEqual(new DateTime(2026, 4, 2, 6, 59, 0), dead.Last());
        }

        [TestMethod]
        public void DayWindowMayRunPastMidnightIntoTheNextDay()
        {
            List<DateTime> dead = DeadTimes("sensor-dead@d1 23:00-01:00", Start, TimeSpan.FromDays(3), TimeSpan.FromMinutes(1));
            Assert.AreEqual(120, dead.Count);
            Assert.AreEqual(new DateTime(2026, 4, 1, 23, 0, 0), dead.First());
            Assert.AreEqual(new DateTime(2026, 4, 2, 0, 59, 0), dead.Last());
        }

        [TestMethod]
        public void RelativeWindowCountsFromTheRunStartNotTheClock()
        {
            DateTime oddStart = new DateTime(2026, 4, 1, 8, 17, 23);
            List<DateTime> dead = DeadTimes("sensor-dead@+30-+90", oddStart, TimeSpan.FromHours(3), TimeSpan.FromSeconds(1));
            Assert.AreEqual(60 * 60, dead.Count);
            Assert.AreEqual(oddStart.AddMinutes(30), dead.First());
            Assert.AreEqual(oddStart.AddMinutes(90).AddSeconds(-1), dead.Last());
        }

        [TestMethod]
        public void StartAndEndEventsAreReported()
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Parse("tank-empty@+2-+3"));
            List<FaultEvent> events = new List<FaultEvent>();
            for (int s = 0; s <= 300; s++)
            {
                events.AddRange(injector.Update(TimeSpan.FromSeconds(s), Start.AddSeconds(s)));
            }

            Assert.AreEqual(2, events.Count);
            Assert.AreEqual(FaultEventKind.Started, events[0].Kind);
            Assert.AreEqual(TimeSpan.FromMinutes(2), events[0].Elapsed);
            Assert.AreEqual(FaultEventKind.Ended, events[1].Kind);
            Assert.AreEqual(TimeSpan.FromMinutes(3), events[1].Elapsed);
            Assert.AreEqual(2, injector.History.Count);
            StringAssert.Contains(events[0].ToString(), "started tank-empty@+2-+3");
        }

        [TestMethod]
        public void PowerCutFiresOnceAtItsMomentAndIsDueForOneUpdate()
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Parse("power-cut@d2 03:15"));
            List<TimeSpan> due = new List<TimeSpan>();
            for (TimeSpan t = TimeSpan.Zero; t < TimeSpan.FromDays(3); t += TimeSpan.FromSeconds(7))
            {
                injector.Update(t, Start + t);
                if (injector.PowerCutDue)
                {
                    due.Add(t);
                }
            }

            Assert.AreEqual(1, due.Count);
            Assert.AreEqual(1, injector.PowerCutCount);
            DateTime at = Start + due[0];
            Assert.IsTrue(at >= new DateTime(2026, 4, 2, 3, 15, 0) && at < new DateTime(2026, 4, 2, 3, 15, 7), at.ToString("O"));
        }

        [TestMethod]
        public void DailyInstantFiresEveryDayEvenAcrossALongStep()
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Parse("clock-jump:-5@04:00"));
            injector.Update(TimeSpan.Zero, Start);
            injector.Update(TimeSpan.FromHours(1), Start.AddHours(1));
            Assert.AreEqual(0, injector.ClockJumpCount);
            IReadOnlyList<FaultEvent> fired = injector.Update(TimeSpan.FromDays(3), Start.AddDays(3));
            Assert.AreEqual(3, fired.Count);
            Assert.AreEqual(3, injector.ClockJumpCount);
            Assert.AreEqual(TimeSpan.FromMinutes(-15), injector.ClockOffset);
        }

        [TestMethod]
        public void RelativeInstantAtZeroFiresOnTheFirstUpdate()
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Parse("power-cut@+0,power-cut@+10"));
            injector.Update(TimeSpan.Zero, Start);
            Assert.IsTrue(injector.PowerCutDue);
            injector.Update(TimeSpan.FromMinutes(9), Start.AddMinutes(9));
            Assert.IsFalse(injector.PowerCutDue);
            injector.Update(TimeSpan.FromMinutes(10), Start.AddMinutes(10));
            Assert.IsTrue(injector.PowerCutDue);
            injector.Update(TimeSpan.FromMinutes(10).Add(TimeSpan.FromSeconds(1)), Start.AddMinutes(10).AddSeconds(1));
            Assert.IsFalse(injector.PowerCutDue);
            Assert.AreEqual(2, injector.PowerCutCount);
        }

        [TestMethod]
        public void TimeGoingBackwardsIsRefused()
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Empty);
            injector.Update(TimeSpan.FromMinutes(5), Start.AddMinutes(5));
            Assert.ThrowsExactly<ArgumentException>(() => injector.Update(TimeSpan.FromMinutes(4), Start.AddMinutes(4)));
        }

        [TestMethod]
        public void ClockJumpShiftsWallTimeButNotUptime()
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Parse("clock-jump@+1,clock-jump:-30@+2,clock-unsynced@+5-+6"));
            FakeClock inner = new FakeClock(new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
            FaultyClock clock = new FaultyClock(inner, injector);
            DateTime utc0 = inner.Utc;
            for (int s = 0; s <= 7 * 60; s++)
            {
                injector.Update(TimeSpan.FromSeconds(s), Start.AddSeconds(s));
                DateTime utc;
                bool synced = clock.TryGetUtcNow(out utc);
                Assert.AreEqual(inner.Uptime, clock.UptimeMilliseconds);
                TimeSpan expectedOffset = s < 60 ? TimeSpan.Zero : s < 120 ? TimeSpan.FromMinutes(60) : TimeSpan.FromMinutes(30);
                if (s >= 300 && s < 360)
                {
                    Assert.IsFalse(synced, "unsynced at " + s);
                }
                else
                {
                    Assert.IsTrue(synced);
                    Assert.AreEqual(utc0.AddSeconds(s) + expectedOffset, utc, "at " + s);
                }

                inner.Advance(1000);
            }

            Assert.AreEqual(2, injector.ClockJumpCount);
        }

        [TestMethod]
        public void StuckSensorRepeatsTheLastReadingBitForBit()
        {
            FakeFaultState state = new FakeFaultState();
            FakeSensor inner = new FakeSensor { Humidity = 81.25, Temperature = 22.5 };
            FaultySensor sensor = new FaultySensor(inner, 1, state);
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out ClimateReading first));
            state.Active.Add((FaultKind.SensorStuck, 1));
            inner.Humidity = 60;
            inner.Temperature = 30;
            for (int i = 0; i < 5; i++)
            {
                Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out ClimateReading frozen));
                Assert.AreEqual(first, frozen);
            }

            state.Active.Clear();
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out ClimateReading live));
            Assert.AreEqual(60, live.RelativeHumidityPercent);
            Assert.AreEqual(5, sensor.InjectedFailures);
        }

        [TestMethod]
        public void SensorSelectorPicksOneSensorAndDefaultIsBoth()
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Parse("sensor-dead#2@+0-+1,sensor-saturated@+1-+2"));
            FaultySensor one = new FaultySensor(new FakeSensor(), 1, injector);
            FaultySensor two = new FaultySensor(new FakeSensor(), 2, injector);
            injector.Update(TimeSpan.FromSeconds(30), Start);
            Assert.AreEqual(SensorReadStatus.Ok, one.TryRead(out ClimateReading r1));
            Assert.AreEqual(80, r1.RelativeHumidityPercent);
            Assert.AreEqual(SensorReadStatus.NotPresent, two.TryRead(out _));
            Assert.IsTrue(injector.IsActive(FaultKind.SensorDead));
            Assert.IsFalse(injector.IsActive(FaultKind.SensorDead, 1));

            injector.Update(TimeSpan.FromSeconds(90), Start.AddMinutes(1));
            Assert.AreEqual(SensorReadStatus.Ok, one.TryRead(out r1));
            Assert.AreEqual(SensorReadStatus.Ok, two.TryRead(out ClimateReading r2));
            Assert.AreEqual(100, r1.RelativeHumidityPercent);
            Assert.AreEqual(100, r2.RelativeHumidityPercent);
            Assert.AreEqual(20, r2.TemperatureCelsius);
        }

        [TestMethod]
        public void DeadBeatsBusErrorsBeatsStuck()
        {
            FakeFaultState state = new FakeFaultState { FailNextReads = true };
            FaultySensor sensor = new FaultySensor(new FakeSensor(), 1, state);
            state.Active.Add((FaultKind.SensorDead, 0));
            state.Active.Add((FaultKind.SensorStuck, 0));
            Assert.AreEqual(SensorReadStatus.NotPresent, sensor.TryRead(out _));
            state.Active.Remove((FaultKind.SensorDead, 0));
            Assert.AreEqual(SensorReadStatus.BusError, sensor.TryRead(out _));
            state.FailNextReads = false;
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out _));
            sensor.RecoverBus();
            Assert.AreEqual(1, sensor.RecoverRequests);
        }

        private static string BusErrorPattern(int seed, int reads)
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Parse("i2c-errors:30@+0-+10"), seed);
            FaultySensor sensor = new FaultySensor(new FakeSensor(), 1, injector);
            injector.Update(TimeSpan.Zero, Start);
            char[] pattern = new char[reads];
            for (int i = 0; i < reads; i++)
            {
                pattern[i] = sensor.TryRead(out _) == SensorReadStatus.BusError ? 'x' : '.';
            }

            return new string(pattern);
        }

        [TestMethod]
        public void BusErrorsHitTheGivenShareReproduciblyBySeed()
        {
            string a = BusErrorPattern(5, 10000);
            int errors = a.Count(c => c == 'x');
            Assert.IsTrue(errors > 2700 && errors < 3300, errors.ToString());
            Assert.AreEqual(a, BusErrorPattern(5, 10000));
            Assert.AreNotEqual(a, BusErrorPattern(6, 10000));

            FaultInjector injector = new FaultInjector(FaultSchedule.Parse("i2c-errors#1@+0-+10"));
            FaultySensor other = new FaultySensor(new FakeSensor(), 2, injector);
            injector.Update(TimeSpan.Zero, Start);
            for (int i = 0; i < 200; i++)
            {
                Assert.AreEqual(SensorReadStatus.Ok, other.TryRead(out _));
            }

            injector.Update(TimeSpan.FromMinutes(10), Start.AddMinutes(10));
            FaultySensor one = new FaultySensor(new FakeSensor(), 1, injector);
            for (int i = 0; i < 200; i++)
            {
                Assert.AreEqual(SensorReadStatus.Ok, one.TryRead(out _));
            }
        }

        private static string Replay(int scheduleSeed, int injectorSeed)
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Random(scheduleSeed, 10, 4), injectorSeed);
            FaultySensor one = new FaultySensor(new FakeSensor(), 1, injector);
            FaultySensor two = new FaultySensor(new FakeSensor(), 2, injector);
            System.Text.StringBuilder trace = new System.Text.StringBuilder();
            for (TimeSpan t = TimeSpan.Zero; t < TimeSpan.FromDays(10); t += TimeSpan.FromSeconds(20))
            {
                foreach (FaultEvent e in injector.Update(t, Start + t))
                {
                    trace.Append(e).Append('\n');
                }

                trace.Append((int)one.TryRead(out _)).Append((int)two.TryRead(out _));
            }

            return trace.ToString();
        }

        [TestMethod]
        public void ARandomScheduleReplaysIdenticallyWithTheSameSeeds()
        {
            string a = Replay(11, 3);
            Assert.AreEqual(a, Replay(11, 3));
            Assert.AreNotEqual(a, Replay(12, 3));
            Assert.IsTrue(a.Contains("fired power-cut") || a.Contains("fired clock-jump"), "ten busy days include an instantaneous fault");
            Assert.IsTrue(a.Contains('1') && a.Contains('2'), "bus errors and dead sensors occurred");
        }

        [TestMethod]
        public void TankEmptyMakesTheFloatSwitchReadLow()
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Parse("tank-empty@06:30-07:00"));
            FaultyInput input = new FaultyInput(new FakeInput { High = true }, injector);
            injector.Update(TimeSpan.Zero, Start);
            Assert.IsTrue(input.TryRead(out bool high) && high);
            injector.Update(TimeSpan.FromMinutes(30), Start.AddMinutes(30));
            Assert.IsTrue(input.TryRead(out high));
            Assert.IsFalse(high);
            injector.Update(TimeSpan.FromMinutes(60), Start.AddMinutes(60));
            Assert.IsTrue(input.TryRead(out high) && high);
        }

        [TestMethod]
        public void BrokerDownDisconnectsRefusesPublishesAndLetsTheControllerReconnectAfterwards()
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Parse("broker-down@+1-+2"));
            FakeMqttLink inner = new FakeMqttLink();
            List<bool> changes = new List<bool>();
            FaultyMqttLink link = new FaultyMqttLink(inner, injector, changes.Add);
            injector.Update(TimeSpan.Zero, Start);
            Assert.IsTrue(link.BeginConnect(new MqttConnectOptions()));
            Assert.IsTrue(link.IsConnected);
            Assert.IsTrue(link.Publish("t", new byte[1], false));

            injector.Update(TimeSpan.FromMinutes(1), Start.AddMinutes(1));
            Assert.IsFalse(link.IsConnected);
            Assert.IsFalse(inner.Connected);
            Assert.AreEqual(1, inner.Disconnects);
            CollectionAssert.AreEqual(new[] { false }, changes);
            Assert.IsFalse(link.Publish("t", new byte[1], false));
            Assert.IsFalse(link.Subscribe(new[] { "x/#" }));
            Assert.IsTrue(link.BeginConnect(new MqttConnectOptions()), "an attempt starts but never succeeds");
            Assert.IsFalse(link.IsConnected);
            Assert.AreEqual(1, inner.ConnectAttempts);
            Assert.AreEqual(1, link.DroppedPublishes);
            Assert.AreEqual(1, inner.Count);

            injector.Update(TimeSpan.FromMinutes(2), Start.AddMinutes(2));
            Assert.IsFalse(link.IsConnected, "the session stays down until the controller reconnects");
            Assert.IsTrue(link.BeginConnect(new MqttConnectOptions()));
            Assert.IsTrue(link.IsConnected);
            Assert.IsTrue(link.Publish("t", new byte[1], false));
            Assert.AreEqual(1, link.Outages);
        }

        [TestMethod]
        public void WifiDownRefusesEvenToStartAConnection()
        {
            FaultInjector injector = new FaultInjector(FaultSchedule.Parse("wifi-down@d1 06:10-06:20"));
            FakeMqttLink inner = new FakeMqttLink();
            FaultyMqttLink link = new FaultyMqttLink(inner, injector);
            injector.Update(TimeSpan.FromMinutes(15), Start.AddMinutes(15));
            Assert.IsFalse(link.BeginConnect(new MqttConnectOptions()));
            Assert.IsFalse(link.IsConnected);
            Assert.AreEqual(0, inner.ConnectAttempts);
            Assert.AreEqual(1, link.FailedConnects);
        }

        [TestMethod]
        public void WrapLeavesRelaysStoreAndLogAloneAndWrapsTheRest()
        {
            Rig rig = new Rig(secondSensor: false);
            rig.Ports.Mqtt = new FakeMqttLink();
            FaultInjector injector = new FaultInjector(FaultSchedule.Empty);
            Greenhouse.App.ControllerPorts wrapped = FaultPorts.Wrap(rig.Ports, injector);
            Assert.IsInstanceOfType<FaultySensor>(wrapped.Sensors[0]);
            Assert.IsNull(wrapped.Sensors[1]);
            Assert.AreSame(rig.Ports.Pump, wrapped.Pump);
            Assert.AreSame(rig.Ports.Valves, wrapped.Valves);
            Assert.AreSame(rig.Ports.Store, wrapped.Store);
            Assert.AreSame(rig.Ports.Log, wrapped.Log);
            Assert.IsInstanceOfType<FaultyInput>(wrapped.TankSwitch);
            Assert.IsInstanceOfType<FaultyClock>(wrapped.Clock);
            Assert.IsInstanceOfType<FaultyMqttLink>(wrapped.Mqtt);
        }

        [TestMethod]
        public void WrapCarriesEveryPortFieldItDoesNotDecorate()
        {
            Rig rig = new Rig(secondSensor: true);
            rig.Ports.Mqtt = new FakeMqttLink();
            rig.Ports.MacAddress = "02:00:00:51:AC:01";
            rig.Ports.ControlState = new Greenhouse.Persistence.ControlStateFile(rig.Store);
            rig.Ports.Wifi = new SimulatedWifi(new FakeFaultState());
            Greenhouse.TestSupport.FakeDeadMan deadMan = new Greenhouse.TestSupport.FakeDeadMan(new Greenhouse.TestSupport.FakeClock());
            rig.Ports.Heartbeat = deadMan.Heartbeat;
            rig.Ports.RelaySupply = deadMan.Supply;
            Greenhouse.App.ControllerPorts wrapped = FaultPorts.Wrap(rig.Ports, new FaultInjector(FaultSchedule.Empty));
            Assert.AreEqual("02:00:00:51:AC:01", wrapped.MacAddress);
            Assert.AreSame(rig.Ports.ControlState, wrapped.ControlState);

            // Every field of ControllerPorts, today's and any added later, is either the same object or its fault decorator.
            foreach (System.Reflection.FieldInfo field in typeof(Greenhouse.App.ControllerPorts).GetFields())
            {
                object inner = field.GetValue(rig.Ports);
                object outer = field.GetValue(wrapped);
                Assert.IsNotNull(inner, "test setup: fill " + field.Name);
                Assert.IsNotNull(outer, field.Name + " was dropped by Wrap");
                bool decorated = outer.GetType().Namespace == typeof(FaultPorts).Namespace || field.Name == nameof(Greenhouse.App.ControllerPorts.Sensors);
                Assert.IsTrue(ReferenceEquals(inner, outer) || decorated, field.Name + " is neither carried over nor decorated");
            }
        }
    }
}
