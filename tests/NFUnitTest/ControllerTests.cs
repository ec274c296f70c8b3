using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Ports;
using Greenhouse.Sensing;
using Greenhouse.TestSupport;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    [TestClass]
    public class ControllerTests
    {
        // nanoFramework runs test methods without an instance: everything a test needs is built inside it.
        private sealed class Rig : FakeBoard
        {
            public Rig() : base(1)
            {
                Build("test");
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
        public void StartDrivesEveryRelayOff()
        {
            Rig rig = new Rig();
            rig.Pump.Energised = true;
            rig.Valve1.Energised = true;
            rig.Fan.Energised = true;
            rig.Controller.Start();
            Assert.IsFalse(rig.Pump.Energised);
            Assert.IsFalse(rig.Valve1.Energised);
            Assert.IsFalse(rig.Fan.Energised);
            Assert.IsTrue(rig.Pump.Writes > 0);
            Assert.IsTrue(rig.Valve1.Writes > 0);
        }

        [TestMethod]
        public void MistsBelowTargetMinusBandAndStopsAtTheUpperBand()
        {
            Rig rig = new Rig();
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("zone1.film", "off", "test").Ok, "the humidity program is asserted");
            rig.Controller.Start();
            rig.Sensor.Humidity = 86.9; // default target 90, band 3
            rig.Ticks(1);
            Assert.IsTrue(rig.Pump.Energised); // pump pre-run (default 2 s) before the valve opens
            Assert.IsFalse(rig.Valve1.Energised);
            rig.Ticks(2);
            Assert.IsTrue(rig.Valve1.Energised);
            Assert.AreEqual((int)ZoneActivity.Misting, (int)rig.Controller.Status.Zone(1).Activity);

            rig.Sensor.Humidity = 92.0;
            rig.Ticks(1);
            Assert.IsTrue(rig.Valve1.Energised);

            rig.Sensor.Humidity = 93.0;
            rig.Ticks(1);
            Assert.IsFalse(rig.Valve1.Energised);
            Assert.IsFalse(rig.Pump.Energised);

            // Settle window: no new pulse although the reading drops below the band at once.
            rig.Sensor.Humidity = 85;
            rig.Ticks(200);
            Assert.IsFalse(rig.Valve1.Energised);
            rig.Ticks(45);
            Assert.IsTrue(rig.Valve1.Energised);
        }

        [TestMethod]
        public void FailedSensorClosesTheValve()
        {
            Rig rig = new Rig();
            rig.Controller.Start();
            rig.Sensor.Humidity = 70;
            rig.Ticks(3);
            Assert.IsTrue(rig.Valve1.Energised);

            rig.Sensor.Status = SensorReadStatus.BusError;
            rig.Ticks(1);
            Assert.IsFalse(rig.Valve1.Energised);
            Assert.IsFalse(rig.Pump.Energised);
            rig.Ticks(2);
            Assert.AreEqual((int)SensorHealth.Failed, (int)rig.Controller.Status.Sensor(0).Health);
            Assert.IsTrue(rig.Sensor.RecoverRequests > 0);
            Assert.AreEqual((int)ZoneActivity.Fault, (int)rig.Controller.Status.Zone(1).Activity);
        }

        [TestMethod]
        public void ImplausibleHumidityIsNotActedOn()
        {
            Rig rig = new Rig();
            rig.Controller.Start();
            rig.Sensor.Humidity = 130;
            rig.Ticks(1);
            Assert.IsFalse(rig.Valve1.Energised);
            Assert.IsFalse(rig.Controller.Status.Sensor(0).Fresh);
        }

        [TestMethod]
        public void EmptyTankStopsPumpAndValves()
        {
            Rig rig = new Rig();
            rig.Controller.Start();
            rig.Sensor.Humidity = 70;
            rig.Ticks(3);
            Assert.IsTrue(rig.Pump.Energised);
            Assert.IsTrue(rig.Valve1.Energised);
            rig.Tank.High = false;
            rig.Ticks(1);
            Assert.IsFalse(rig.Pump.Energised);
            Assert.IsFalse(rig.Valve1.Energised);
        }

        [TestMethod]
        public void ValveNeverStaysOpenBeyondTheContinuousLimit()
        {
            Rig rig = new Rig();
            rig.Controller.Start();
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("zone1.max_mist_s", "30", "test").Ok);
            rig.Sensor.Humidity = 50;
            int longestOnSeconds = 0;
            int onSeconds = 0;
            for (int i = 0; i < 300; i++)
            {
                rig.Ticks(1);
                onSeconds = rig.Valve1.Energised ? onSeconds + 1 : 0;
                if (onSeconds > longestOnSeconds)
                {
                    longestOnSeconds = onSeconds;
                }
            }

            Assert.IsTrue(longestOnSeconds <= 30);
            Assert.IsTrue(longestOnSeconds >= 29);
        }

        [TestMethod]
        public void ZoneModeOffKeepsTheValveClosed()
        {
            Rig rig = new Rig();
            rig.Controller.Start();
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("zone1.mode", "off", "test").Ok);
            rig.Sensor.Humidity = 50;
            rig.Ticks(3);
            Assert.IsFalse(rig.Valve1.Energised);
            Assert.AreEqual((int)ZoneActivity.Off, (int)rig.Controller.Status.Zone(1).Activity);
        }
    
        [TestMethod]
        public void ManualPulseIsBoundedAndEnds()
        {
            Rig rig = new Rig();
            rig.Controller.Start();
            rig.Sensor.Humidity = 95;
            rig.Ticks(1);
            Assert.IsFalse(rig.Controller.Commands.RequestMist(1, 0, "test").Ok);
            Assert.IsFalse(rig.Controller.Commands.RequestMist(1, 301, "test").Ok);
            Assert.IsFalse(rig.Controller.Commands.RequestMist(2, 5, "test").Ok);
            Assert.IsTrue(rig.Controller.Commands.RequestMist(1, 5, "test").Ok);
            rig.Ticks(3);
            Assert.IsTrue(rig.Valve1.Energised);
            Assert.IsTrue(rig.Pump.Energised);
            rig.Ticks(5);
            Assert.IsFalse(rig.Valve1.Energised);
        }

        [TestMethod]
        public void ApplySettingLogsTheSourceAndRefusesBadValues()
        {
            Rig rig = new Rig();
            rig.Controller.Start();
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("zone1.target_rh", "92", "console").Ok);
            Assert.IsTrue(rig.Log.Last.IndexOf("source=console") > 0);
            Assert.IsFalse(rig.Controller.Commands.ApplySetting("zone1.target_rh", "abc", "mqtt").Ok);
            Assert.IsTrue(rig.Log.Last.IndexOf("refused") > 0);
        }
}
}
