using System;
using Greenhouse.Ports;
using Greenhouse.TestSupport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    /// <summary>The shared port fakes (tests/Greenhouse.TestSupport) do what the tests and tools rely on.</summary>
    [TestClass]
    public class TestSupportTests
    {
        private sealed class Collector
        {
            public string Text = "";

            public void Add(string line)
            {
                Text = Text + line + "|";
            }
        }

        [TestMethod]
        public void ClockAdvancesBothTimesAndARebootRestartsOnlyUptime()
        {
            FakeClock clock = new FakeClock();
            DateTime utc;
            Assert.IsFalse(clock.TryGetUtcNow(out utc));
            clock = new FakeClock(new DateTime(2026, 5, 1, 0, 0, 0));
            clock.Advance(90500);
            Assert.AreEqual(90500L, clock.UptimeMilliseconds);
            Assert.IsTrue(clock.TryGetUtcNow(out utc));
            Assert.AreEqual(new DateTime(2026, 5, 1, 0, 1, 30).Ticks + 500 * TimeSpan.TicksPerMillisecond, utc.Ticks);
            clock.Reboot(5000);
            Assert.AreEqual(5000L, clock.UptimeMilliseconds);
            Assert.IsTrue(clock.TryGetUtcNow(out utc));
            Assert.AreEqual(1, utc.Minute);
            clock.SetLocal(new DateTime(2026, 5, 10, 8, 0, 0), 480);
            Assert.AreEqual(0, clock.Utc.Hour);
        }

        [TestMethod]
        public void SensorPlaysItsScriptThenFailuresThenSteadyValues()
        {
            FakeSensor sensor = new FakeSensor(22, 85);
            sensor.Then(SensorReadStatus.Ok, 30, 60).Then(SensorReadStatus.NotPresent, 31, 61);
            sensor.FailNext = 1;
            ClimateReading reading;
            Assert.AreEqual(2, sensor.Pending);
            Assert.IsTrue(sensor.TryRead(out reading) == SensorReadStatus.Ok);
            Assert.AreEqual(30.0, reading.TemperatureCelsius);
            Assert.AreEqual(60.0, reading.RelativeHumidityPercent);
            Assert.IsTrue(sensor.TryRead(out reading) == SensorReadStatus.NotPresent);
            Assert.AreEqual(61.0, reading.RelativeHumidityPercent);
            Assert.IsTrue(sensor.TryRead(out reading) == SensorReadStatus.BusError);
            Assert.IsTrue(sensor.TryRead(out reading) == SensorReadStatus.Ok);
            Assert.AreEqual(85.0, reading.RelativeHumidityPercent);
            Assert.AreEqual(22.0, reading.TemperatureCelsius);
            Assert.AreEqual(4, sensor.Reads);
            Assert.AreEqual(0, sensor.Pending);
        }

        [TestMethod]
        public void ThrowingSensorThrowsOnReadAndRecovery()
        {
            FakeSensor sensor = new FakeSensor();
            sensor.Throws = true;
            bool readThrew = false;
            bool recoverThrew = false;
            try
            {
                ClimateReading reading;
                sensor.TryRead(out reading);
            }
            catch (InvalidOperationException)
            {
                readThrew = true;
            }

            try
            {
                sensor.RecoverBus();
            }
            catch (InvalidOperationException)
            {
                recoverThrew = true;
            }

            Assert.IsTrue(readThrew);
            Assert.IsTrue(recoverThrew);
            Assert.AreEqual(1, sensor.Reads);
            Assert.AreEqual(1, sensor.RecoverRequests);
        }

        [TestMethod]
        public void RelayCountsWritesChangesAndTimeOn()
        {
            FakeClock clock = new FakeClock();
            FakeRelay relay = new FakeRelay(clock);
            relay.Set(false);
            clock.Advance(1000);
            relay.Set(true);
            clock.Advance(4000);
            relay.Set(true);
            Assert.AreEqual(3, relay.Writes);
            Assert.AreEqual(1, relay.Operations);
            Assert.AreEqual(4000L, relay.OnForMs);
            relay.Drop();
            Assert.IsFalse(relay.Energised);
            Assert.AreEqual(0L, relay.OnForMs);
            Assert.AreEqual(1, relay.Operations);
        }

        [TestMethod]
        public void StoreCopiesFailsAndTearsWrites()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            byte[] data = new byte[] { 1, 2, 3, 4, 5 };
            Assert.IsTrue(store.Write("settings-a.txt", data));
            data[0] = 9;
            byte[] back;
            Assert.IsTrue(store.TryRead("settings-a.txt", out back));
            Assert.AreEqual(1, (int)back[0]);
            back[1] = 9;
            Assert.AreEqual(2, (int)store.Get("settings-a.txt")[1]);
            Assert.AreEqual(1, store.Writes);
            Assert.AreEqual(1, store.SettingsWrites);

            store.FailWrites = true;
            Assert.IsFalse(store.Write("settings-a.txt", new byte[] { 7 }));
            Assert.AreEqual(5, store.Get("settings-a.txt").Length);
            store.FailWrites = false;

            store.TearNextWrite(2);
            Assert.IsTrue(store.TearPending);
            Assert.IsFalse(store.Write("settings-a.txt", new byte[] { 6, 7, 8, 9 }));
            Assert.IsFalse(store.TearPending);
            Assert.AreEqual(2, store.Get("settings-a.txt").Length);
            Assert.AreEqual(6, (int)store.Get("settings-a.txt")[0]);
            Assert.AreEqual(1, store.Writes);
            Assert.IsTrue(store.Write("settings-a.txt", new byte[] { 6, 7, 8, 9 }));
            Assert.AreEqual(4, store.Get("settings-a.txt").Length);

            Assert.IsTrue(store.Delete("settings-a.txt"));
            Assert.IsFalse(store.Has("settings-a.txt"));
            Assert.IsFalse(store.TryRead("settings-a.txt", out back));
            Assert.AreEqual("settings-a.txt", store.LastDeleted);
        }

        [TestMethod]
        public void StoreWithoutCopiesKeepsTheCallersArrays()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            store.CopyOnAccess = false;
            byte[] data = new byte[] { 1, 2 };
            Assert.IsTrue(store.Write("state-a.txt", data));
            byte[] back;
            Assert.IsTrue(store.TryRead("state-a.txt", out back));
            Assert.IsTrue(object.ReferenceEquals(data, back));
            Assert.AreEqual("state-a.txt", store.LastWriteName);
            Assert.AreEqual(2, store.LastWriteBytes);
            Assert.AreEqual(0, store.SettingsWrites);
        }

        [TestMethod]
        public void StoreRefusesANewNameWhenFull()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            for (int i = 0; i < FakeSettingsStore.Capacity; i++)
            {
                Assert.IsTrue(store.Write("blob" + i.ToString(), new byte[] { 1 }));
            }

            Assert.IsFalse(store.Write("one-more", new byte[] { 1 }));
            Assert.IsTrue(store.Write("blob3", new byte[] { 2 }));
            Assert.IsTrue(store.Delete("blob3"));
            Assert.IsTrue(store.Write("one-more", new byte[] { 1 }));
        }

        [TestMethod]
        public void LogKeepsTheLastLinesAndCountsAll()
        {
            FakeLog log = new FakeLog(3);
            Collector echo = new Collector();
            log.Echo = echo.Add;
            for (int i = 0; i < 5; i++)
            {
                log.WriteLine("line " + i.ToString());
            }

            Assert.AreEqual(5, log.Count);
            Assert.AreEqual(2, log.Oldest);
            Assert.AreEqual("line 4", log.Last);
            Assert.IsNull(log.Line(1));
            Assert.AreEqual("line 2", log.Line(2));
            Assert.AreEqual("line 3\nline 4\n", log.Since(3));
            Assert.AreEqual("line 2\nline 3\nline 4\n", log.All());
            Assert.IsTrue(log.Contains("ne 3"));
            Assert.IsFalse(log.Contains("line 1"));
            Assert.AreEqual("line 0|line 1|line 2|line 3|line 4|", echo.Text);
            log.Clear();
            Assert.AreEqual(0, log.Count);
            Assert.IsNull(log.Last);
        }

        [TestMethod]
        public void MqttLinkRecordsWhatWasAcceptedAndOnRequestWhatWasRefused()
        {
            FakeMqttLink link = new FakeMqttLink(4);
            Assert.IsFalse(link.Publish("a", new byte[] { 65 }, false));
            Assert.AreEqual(0, link.Count);
            link.AutoConnect = false;
            Assert.IsTrue(link.BeginConnect(new MqttConnectOptions()));
            Assert.IsFalse(link.IsConnected);
            link.AutoConnect = true;
            Assert.IsTrue(link.BeginConnect(new MqttConnectOptions()));
            Assert.AreEqual(2, link.ConnectAttempts);
            Assert.IsTrue(link.Subscribe(new string[] { "x/#" }));
            for (int i = 0; i < 5; i++)
            {
                Assert.IsTrue(link.Publish(i % 2 == 0 ? "even" : "odd", new byte[] { (byte)(48 + i) }, i == 4));
            }

            Assert.AreEqual(5, link.Count);
            Assert.AreEqual(1, link.Oldest);
            Assert.AreEqual("4", link.LastPayload("even", 0));
            Assert.AreEqual(4, link.LastIndexOf("even", 0));
            Assert.IsTrue(link.RetainAt(4));
            Assert.AreEqual(2, link.CountOn("even", 0));
            Assert.AreEqual(-1, link.LastIndexOf("odd", 4));
            Assert.AreEqual(5L, link.PublishedBytes);

            link.Disconnect();
            Assert.IsFalse(link.Subscribe(new string[] { "y/#" }));
            Assert.AreEqual("x/#", link.Subscribed[0]);
            link.RecordRefused = true;
            Assert.IsFalse(link.Publish("even", new byte[] { 57 }, false));
            Assert.AreEqual(6, link.Count);
            Assert.IsFalse(link.AcceptedAt(5));
            Assert.AreEqual("9", link.PayloadText(5));
            Assert.AreEqual(5L, link.PublishedBytes);
            Assert.IsFalse(link.Subscribe(new string[] { "z/#" }));
            Assert.AreEqual("z/#", link.Subscribed[0]);
            link.Clear();
            Assert.AreEqual(0, link.Count);
            Assert.AreEqual(1, link.Disconnects);
        }

        [TestMethod]
        public void ControlStateAndEchoKeepWhatTheyWereGiven()
        {
            FakeControlState state = new FakeControlState();
            string[] keys;
            string[] values;
            Assert.IsFalse(state.TryLoad(out keys, out values));
            Assert.IsTrue(state.Save(new string[] { "zone1.day" }, new string[] { "4" }));
            Assert.AreEqual("4", state.Get("zone1.day"));
            Assert.IsNull(state.Get("zone2.day"));
            Assert.IsTrue(state.TryLoad(out keys, out values));
            Assert.AreEqual(1, state.Saves);

            FakeEcho echo = new FakeEcho();
            echo.Echo(new byte[] { 0, 104, 105, 0 }, 1, 2);
            Assert.AreEqual("hi", echo.Text);
            echo.Clear();
            Assert.AreEqual("", echo.Text);
        }
            [TestMethod]
        public void BoardFitsWhatTheRigAsksForAndDropsItsRelays()
        {
            FakeBoard board = new FakeBoard(2);
            Greenhouse.App.ControllerPorts ports = board.CreatePorts();
            Assert.IsTrue(ports.Sensors[0] == board.Sensor);
            Assert.IsNull(ports.Sensors[1]);
            Assert.IsTrue(ports.Valves[1] == board.Valve2);
            Assert.IsNull(ports.Valves[2]);
            Assert.IsNull(ports.Store);
            Assert.IsNull(ports.Mqtt);
            Assert.IsNull(ports.MacAddress);

            board.Sensor2 = new FakeSensor();
            board.Store = new FakeSettingsStore();
            board.Link = new FakeMqttLink(8);
            board.MacAddress = FakeBoard.DefaultMac;
            ports = board.CreatePorts();
            Assert.IsTrue(ports.Sensors[1] == board.Sensor2);
            Assert.IsTrue(ports.Store == board.Store);
            Assert.IsTrue(ports.Mqtt == board.Link);
            Assert.AreEqual(FakeBoard.DefaultMac, ports.MacAddress);

            board.Clock.Advance(1000);
            board.Pump.Set(true);
            board.Valve1.Set(true);
            board.Clock.Advance(3000);
            Assert.AreEqual(3000L, board.Valve1.OnForMs);
            board.DropRelays();
            Assert.IsFalse(board.Pump.Energised);
            Assert.IsFalse(board.Valve1.Energised);
            Assert.IsTrue(board.Build("test") == board.Controller);
        }
    }
}
