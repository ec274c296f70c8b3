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
    /// <summary>Per-sensor validation: one channel with the default limits, ticks driven by hand.</summary>
    [TestClass]
    public class SensorChannelTests
    {
        private static void Tick(SensorChannel channel, SensorLimits limits, long nowMs)
        {
            channel.Update(nowMs, limits, false, false);
        }

        [TestMethod]
        public void FirstGoodReadingIsOkAndDerivesValues()
        {
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            Assert.AreEqual("no_reading", channel.Reason);
            Tick(channel, new SensorLimits(), 1000);
            Assert.AreEqual((int)SensorHealth.Ok, (int)channel.Health);
            Assert.AreEqual("ok", channel.Reason);
            Assert.IsTrue(channel.Fresh);
            Assert.IsTrue(channel.HumidityUsable);
            Assert.IsTrue(channel.TemperatureUsable);
            Assert.AreEqual(85.0, channel.RelativeHumidityPercent);
            Assert.IsTrue(channel.DewPointCelsius > 19 && channel.DewPointCelsius < 20);
            Assert.AreEqual(1, port.Reads);
        }

        [TestMethod]
        public void AbsentSensorIsAbsentAndNeverUsable()
        {
            SensorChannel channel = new SensorChannel("sensor2", null);
            Tick(channel, new SensorLimits(), 1000);
            Assert.AreEqual((int)SensorHealth.Absent, (int)channel.Health);
            Assert.AreEqual("not_fitted", channel.Reason);
            Assert.IsFalse(channel.HumidityUsable);
            Assert.IsFalse(channel.TemperatureUsable);
        }

        [TestMethod]
        public void OutOfRangeAndNaNReadingsAreRejected()
        {
            SensorLimits limits = new SensorLimits();
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            Tick(channel, limits, 1000);
            Assert.AreEqual((int)SensorHealth.Ok, (int)channel.Health);

            port.Humidity = 130;
            Tick(channel, limits, 2000);
            Assert.IsFalse(channel.Fresh);
            Assert.AreEqual((int)SensorHealth.Suspect, (int)channel.Health);
            Assert.AreEqual("rh_range", channel.Reason);
            Assert.AreEqual(85.0, channel.RelativeHumidityPercent); // the last good value is kept, not fresh
            Assert.AreEqual(3, port.Reads); // the bad read was retried once

            port.Humidity = double.NaN;
            Tick(channel, limits, 3000);
            Assert.IsFalse(channel.Fresh);
            Assert.AreEqual("nan", channel.Reason);

            port.Humidity = 85;
            port.Temperature = 90;
            Tick(channel, limits, 4000);
            Assert.IsFalse(channel.Fresh);
            Assert.AreEqual((int)SensorHealth.Failed, (int)channel.Health); // three invalid readings in a row
            Assert.AreEqual(3, (int)channel.ErrorCount);
        }

        [TestMethod]
        public void AFailedReadIsRetriedInTheSameTickBeforeItCounts()
        {
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            SensorLimits limits = new SensorLimits();
            Tick(channel, limits, 1000);
            port.FailNext = 1;
            Tick(channel, limits, 2000);
            Assert.IsTrue(channel.Fresh);
            Assert.AreEqual((int)SensorHealth.Ok, (int)channel.Health);
            Assert.AreEqual(3, port.Reads);
            Assert.AreEqual(1, (int)channel.RetryCount);
            Assert.AreEqual(0, (int)channel.ErrorCount);

            port.FailNext = 2;
            Tick(channel, limits, 3000);
            Assert.IsFalse(channel.Fresh);
            Assert.AreEqual((int)SensorHealth.Suspect, (int)channel.Health);
            Assert.AreEqual("bus_error", channel.Reason);
            Assert.AreEqual(1, (int)channel.ErrorCount);
        }

        [TestMethod]
        public void RepeatedBusErrorsFailTheSensorAndRequestRecoveryWithBackoff()
        {
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            SensorLimits limits = new SensorLimits(); // 3 errors, backoff 10 s doubling to 600 s
            Tick(channel, limits, 0);
            port.Status = SensorReadStatus.BusError;
            Tick(channel, limits, 1000);
            Tick(channel, limits, 2000);
            Assert.AreEqual((int)SensorHealth.Suspect, (int)channel.Health);
            Assert.AreEqual(0, port.RecoverRequests);
            Tick(channel, limits, 3000);
            Assert.AreEqual((int)SensorHealth.Failed, (int)channel.Health);
            Assert.AreEqual("bus_error", channel.Reason);
            Assert.AreEqual(1, port.RecoverRequests);
            Assert.IsTrue(channel.RecoveryRequestedThisTick);

            long now = 3000;
            while (now < 12000)
            {
                now += 1000;
                Tick(channel, limits, now);
            }

            Assert.AreEqual(1, port.RecoverRequests); // waiting 10 s
            now += 1000;
            Tick(channel, limits, now); // 13 s
            Assert.AreEqual(2, port.RecoverRequests);
            while (now < 32000)
            {
                now += 1000;
                Tick(channel, limits, now);
            }

            Assert.AreEqual(2, port.RecoverRequests); // now waiting 20 s
            now += 1000;
            Tick(channel, limits, now); // 33 s
            Assert.AreEqual(3, port.RecoverRequests);
            Assert.AreEqual(40000L, channel.RecoveryBackoffMs);

            port.Status = SensorReadStatus.NotPresent;
            now += 1000;
            Tick(channel, limits, now);
            Assert.AreEqual((int)SensorHealth.Failed, (int)channel.Health);
            Assert.AreEqual("bus_error", channel.Reason); // the reason of entry is kept while failed: no log churn
        }

        [TestMethod]
        public void FailedRecoversOnlyAfterARunOfCleanReadings()
        {
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            SensorLimits limits = new SensorLimits();
            limits.RecoverAfterReadings = 10;
            long now = 0;
            port.Status = SensorReadStatus.BusError;
            for (int i = 0; i < 5; i++)
            {
                now += 1000;
                Tick(channel, limits, now);
            }

            Assert.AreEqual((int)SensorHealth.Failed, (int)channel.Health);
            port.Status = SensorReadStatus.Ok;
            for (int i = 0; i < 9; i++)
            {
                now += 1000;
                Tick(channel, limits, now);
                Assert.IsTrue(channel.Fresh);
                Assert.AreEqual((int)SensorHealth.Failed, (int)channel.Health);
                Assert.IsFalse(channel.HumidityUsable);
                Assert.IsFalse(channel.TemperatureUsable);
            }

            now += 1000;
            Tick(channel, limits, now);
            Assert.AreEqual((int)SensorHealth.Ok, (int)channel.Health);
            Assert.IsTrue(channel.HumidityUsable);
        }

        [TestMethod]
        public void AFlappingSensorFailsAndStaysOutOfUse()
        {
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            SensorLimits limits = new SensorLimits();
            long now = 0;
            Tick(channel, limits, now);
            int usableTicks = 0;
            for (int i = 0; i < 200; i++)
            {
                now += 1000;
                port.Status = i % 2 == 0 ? SensorReadStatus.BusError : SensorReadStatus.Ok;
                Tick(channel, limits, now);
                if (channel.HumidityUsable)
                {
                    usableTicks++;
                }
            }

            Assert.AreEqual(0, usableTicks);
            Assert.AreEqual((int)SensorHealth.Failed, (int)channel.Health);
        }

        [TestMethod]
        public void ALoneSpikeIsRejectedAndARealStepAcceptedAfterTheClearRun()
        {
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            SensorLimits limits = new SensorLimits(); // 10 %/s, 2 C/s, 3 clean readings clear
            long now = 1000;
            Tick(channel, limits, now);
            port.Humidity = 99; // +14 % in one second
            now += 1000;
            Tick(channel, limits, now);
            Assert.IsFalse(channel.Fresh);
            Assert.AreEqual("rh_step", channel.Reason);
            port.Humidity = 85; // back: also a step from the spike
            now += 1000;
            Tick(channel, limits, now);
            Assert.IsFalse(channel.Fresh);
            for (int i = 0; i < 2; i++)
            {
                now += 1000;
                Tick(channel, limits, now);
                Assert.IsTrue(channel.Fresh);
                Assert.AreEqual((int)SensorHealth.Suspect, (int)channel.Health);
            }

            now += 1000;
            Tick(channel, limits, now);
            Assert.AreEqual((int)SensorHealth.Ok, (int)channel.Health);

            // A slower change over a longer gap is plausible: 30 % in 5 s at 10 %/s.
            port.Humidity = 55;
            now += 5000;
            Tick(channel, limits, now);
            Assert.IsTrue(channel.HumidityUsable);

            port.Temperature = 26; // +4 C in one second
            now += 1000;
            Tick(channel, limits, now);
            Assert.AreEqual("temperature_step", channel.Reason);
            Assert.IsFalse(channel.TemperatureUsable);
        }

        [TestMethod]
        public void ConstantHumidityIsStuckOnlyWhenConditionsChanged()
        {
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            SensorLimits limits = new SensorLimits(); // 30 min, own temperature moving 1 C is evidence
            long now = 0;
            for (int minute = 0; minute <= 60; minute++)
            {
                Tick(channel, limits, now);
                now += 60000;
            }

            Assert.AreEqual((int)SensorHealth.Ok, (int)channel.Health); // nothing showed a change: not judged

            for (int minute = 0; minute <= 31; minute++)
            {
                port.Temperature = 22 + minute * 0.05; // 1.5 C over half an hour, humidity frozen
                Tick(channel, limits, now);
                now += 60000;
            }

            Assert.IsTrue(channel.Stuck);
            Assert.AreEqual((int)SensorHealth.Suspect, (int)channel.Health);
            Assert.AreEqual("stuck", channel.Reason);
            Assert.IsFalse(channel.HumidityUsable);
            Assert.IsTrue(channel.TemperatureUsable); // degraded mode may still use the temperature

            port.Humidity = 84.992;
            Tick(channel, limits, now);
            Assert.IsFalse(channel.Stuck);
            now += 1000;
            Tick(channel, limits, now);
            now += 1000;
            Tick(channel, limits, now);
            Assert.AreEqual((int)SensorHealth.Ok, (int)channel.Health);
        }

        [TestMethod]
        public void MistingIsEvidenceForStuck()
        {
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            SensorLimits limits = new SensorLimits();
            limits.StuckMs = 10 * 60000L;
            long now = 0;
            for (int minute = 0; minute <= 9; minute++)
            {
                channel.Update(now, limits, minute == 3, true);
                now += 60000;
                Assert.IsFalse(channel.Stuck);
            }

            channel.Update(now, limits, false, true);
            Assert.IsTrue(channel.Stuck);
        }

        [TestMethod]
        public void SaturationForHoursWithoutMistingFailsHumidityOnly()
        {
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            SensorLimits limits = new SensorLimits(); // 99.5 % for 4 h, clear below 97 %, 30 clean readings
            limits.RecoverAfterReadings = 5;
            port.Humidity = 100;
            long now = 0;
            for (int minute = 0; minute < 240; minute++)
            {
                channel.Update(now, limits, false, false);
                now += 60000;
                Assert.AreEqual((int)SensorHealth.Ok, (int)channel.Health);
            }

            channel.Update(now, limits, false, false);
            Assert.IsTrue(channel.Saturated);
            Assert.AreEqual((int)SensorHealth.Failed, (int)channel.Health);
            Assert.AreEqual("saturated", channel.Reason);
            Assert.IsFalse(channel.HumidityUsable);
            Assert.IsTrue(channel.TemperatureUsable);
            Assert.IsFalse(channel.Stuck); // a constant 100 % is saturation's business

            port.Humidity = 98; // above the clear level: still saturated
            now += 60000;
            channel.Update(now, limits, false, false);
            Assert.IsTrue(channel.Saturated);

            port.Humidity = 95;
            for (int i = 0; i < 4; i++)
            {
                now += 60000;
                channel.Update(now, limits, false, false);
                Assert.IsFalse(channel.Saturated);
                Assert.AreEqual((int)SensorHealth.Failed, (int)channel.Health);
            }

            now += 60000;
            channel.Update(now, limits, false, false);
            Assert.AreEqual((int)SensorHealth.Ok, (int)channel.Health);
        }

        [TestMethod]
        public void SaturationWhileMistingIsExpected()
        {
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            SensorLimits limits = new SensorLimits();
            port.Humidity = 100;
            long now = 0;
            for (int minute = 0; minute < 600; minute++)
            {
                channel.Update(now, limits, minute % 20 == 0, true);
                now += 60000;
            }

            Assert.IsFalse(channel.Saturated);
            Assert.AreEqual((int)SensorHealth.Ok, (int)channel.Health);
        }

        [TestMethod]
        public void AThrowingAdapterCountsAsABusErrorAndDoesNotStopTheTick()
        {
            FakeSensor port = new FakeSensor { Throws = true };
            SensorChannel channel = new SensorChannel("sensor1", port);
            SensorLimits limits = new SensorLimits();
            for (int i = 1; i <= 3; i++)
            {
                Tick(channel, limits, i * 1000);
            }

            Assert.AreEqual(6, port.Reads);
            Assert.AreEqual(1, port.RecoverRequests);
            Assert.AreEqual((int)SensorHealth.Failed, (int)channel.Health);
            Assert.AreEqual("bus_error", channel.Reason);
        }

        [TestMethod]
        public void NotAnsweringAlsoAsksForBusRecoveryAndBadPressureIsDropped()
        {
            FakeSensor port = new FakeSensor(22, 85);
            SensorChannel channel = new SensorChannel("sensor1", port);
            SensorLimits limits = new SensorLimits();
            port.Pressure = 5000;
            Tick(channel, limits, 0);
            Assert.IsTrue(channel.HumidityUsable);
            Assert.IsTrue(double.IsNaN(channel.PressureHectopascals)); // health untouched
            port.Status = SensorReadStatus.NotPresent;
            for (int i = 1; i <= 3; i++)
            {
                Tick(channel, limits, i * 1000);
            }

            Assert.AreEqual("not_answering", channel.Reason);
            Assert.AreEqual(1, port.RecoverRequests);
            Assert.AreEqual(3, channel.ConsecutiveBusErrors);
        }
    }
}
