using System;
using CsCheck;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Greenhouse.TestSupport;

namespace Greenhouse.Tests.Sensing
{
    /// <summary>
    /// Host-only properties of the sensor array over random sequences of readings, bus faults, bad data, spikes,
    /// frozen and saturated values, long gaps and misting, with random zone assignments and thresholds.
    /// </summary>
    [TestClass]
    public class SensingPropertyTests
    {
        // Fault kinds per sensor and tick. Kinds below FirstFault are good readings with a drift.
        private const int FirstFault = 4;
        private const int Bus = 4, NotPresent = 5, Invalid = 6, NaN = 7, RhRange = 8, Spike = 9, Hold = 10, Saturate = 11, TRange = 12;

        public sealed record Step(int Fault1, int Fault2, double Drift1, double Drift2, int Gap, bool Valve, bool FailFirst1, bool FailFirst2);

        public sealed record Scenario(Step[] Steps, int[] ZoneChoices, int FailAfter, int RecoverAfter, int StuckMinutes);

        private static readonly long[] Gaps = { 1000, 1000, 60000, 600000, 3600000 };

        private static readonly Gen<Step> StepGen = Gen.Select(
            Gen.Int[0, 12], Gen.Int[0, 12], Gen.Double[-2, 2], Gen.Double[-2, 2], Gen.Int[0, Gaps.Length - 1],
            Gen.Int[0, 5], Gen.Int[0, 7], Gen.Int[0, 7],
            (f1, f2, d1, d2, gap, valve, ff1, ff2) => new Step(f1, f2, d1, d2, gap, valve == 0, ff1 == 0, ff2 == 0));

        private static readonly Gen<Scenario> ScenarioGen = Gen.Select(
            StepGen.Array[1, 400], Gen.Int[0, 2].Array[4], Gen.Int[1, 5], Gen.Int[1, 40], Gen.Int[2, 60],
            (steps, zones, failAfter, recoverAfter, stuck) => new Scenario(steps, zones, failAfter, recoverAfter, stuck));

        private static bool DefinitelyInvalid(int fault, bool sensorFitted)
        {
            return sensorFitted && (fault == Bus || fault == NotPresent || fault == Invalid || fault == NaN || fault == RhRange || fault == TRange);
        }

        private static void Apply(FakeSensor sensor, ref double rh, ref double t, int fault, double drift, bool failFirst)
        {
            sensor.Status = SensorReadStatus.Ok;
            sensor.FailNext = failFirst ? 1 : 0;
            sensor.FailStatus = SensorReadStatus.BusError;
            if (fault < FirstFault)
            {
                rh = Math.Clamp(rh + drift, 0, 100);
                t = Math.Clamp(t + drift / 4, 5, 40);
            }
            else if (fault == Saturate)
            {
                rh = 100;
            }

            sensor.Humidity = rh;
            sensor.Temperature = t;
            switch (fault)
            {
                case Bus:
                    sensor.Status = SensorReadStatus.BusError;
                    break;
                case NotPresent:
                    sensor.Status = SensorReadStatus.NotPresent;
                    break;
                case Invalid:
                    sensor.Status = SensorReadStatus.InvalidData;
                    break;
                case NaN:
                    sensor.Humidity = double.NaN;
                    break;
                case RhRange:
                    sensor.Humidity = drift > 0 ? 130 : -5;
                    break;
                case Spike:
                    sensor.Humidity = rh > 50 ? rh - 45 : rh + 45;
                    break;
                case TRange:
                    sensor.Temperature = 99;
                    break;
            }
        }

        private static void Note(int[] seen, int index, bool condition)
        {
            if (condition)
            {
                System.Threading.Interlocked.Increment(ref seen[index]);
            }
        }

        [TestMethod]
        public void HealthAndZoneClimateNeverTrustAnInvalidReading()
        {
            int[] seen = new int[5]; // failed, stuck, saturated, disagree, recovered from failed
            ScenarioGen.Sample(scenario =>
            {
                bool secondFitted = scenario.ZoneChoices[0] != 2 || scenario.FailAfter != 5; // most runs have both sensors
                FakeSensor s1 = new FakeSensor(22, 85);
                FakeSensor s2 = secondFitted ? new FakeSensor(22, 85) : null;
                ControllerSettings settings = new ControllerSettings(SettingsCatalog.All());
                string error;
                for (int zone = 1; zone <= 4; zone++)
                {
                    Assert.IsTrue(settings.TrySet("zone" + zone + ".sensor", SensingSettings.ZoneSensorChoices[scenario.ZoneChoices[zone - 1]], out error));
                }

                Assert.IsTrue(settings.TrySet(SensingSettings.FailAfterErrors, scenario.FailAfter.ToString(), out error));
                Assert.IsTrue(settings.TrySet(SensingSettings.RecoverAfterReadings, scenario.RecoverAfter.ToString(), out error));
                Assert.IsTrue(settings.TrySet(SensingSettings.StuckMinutes, scenario.StuckMinutes.ToString(), out error));
                Assert.IsTrue(settings.TrySet(SensingSettings.SaturationHours, "1", out error));
                AlarmSet alarms = new AlarmSet(null);
                FakeClock clock = new FakeClock();
                Logger log = new Logger(new FakeLog(), clock);
                SensorArray array = new SensorArray(s1, s2, settings, alarms, log);

                long now = 0;
                double rh1 = 85, rh2 = 83, t1 = 22, t2 = 22.5;
                long spikeAtMs = -1;
                bool wasFailed = false;
                foreach (Step step in scenario.Steps)
                {
                    now += Gaps[step.Gap];
                    clock.Uptime = now;
                    Apply(s1, ref rh1, ref t1, step.Fault1, step.Drift1, step.FailFirst1);
                    if (s2 != null)
                    {
                        Apply(s2, ref rh2, ref t2, step.Fault2, step.Drift2, step.FailFirst2);
                    }

                    array.Update(now, step.Valve);

                    SensorChannel a = array.Channels[0];
                    SensorChannel b = array.Channels[1];
                    if (DefinitelyInvalid(step.Fault1, true))
                    {
                        Assert.IsFalse(a.Fresh, "sensor1 fresh on an invalid reading");
                    }

                    if (DefinitelyInvalid(step.Fault2, s2 != null))
                    {
                        Assert.IsFalse(b.Fresh, "sensor2 fresh on an invalid reading");
                    }

                    // A good reading (retried once if needed) is taken, unless it is the way back from a spike.
                    bool afterSpike = spikeAtMs >= 0 && now - spikeAtMs <= 60000;
                    if (step.Fault1 < FirstFault && !afterSpike)
                    {
                        Assert.IsTrue(a.Fresh, "a good reading must be taken");
                    }

                    if (step.Fault1 == Spike)
                    {
                        spikeAtMs = now;
                    }
                    else if (step.Fault1 < FirstFault || step.Fault1 == Hold || step.Fault1 == Saturate)
                    {
                        spikeAtMs = -1;
                    }

                    foreach (SensorChannel channel in array.Channels)
                    {
                        if (!channel.Fresh)
                        {
                            Assert.AreNotEqual(SensorHealth.Ok, channel.Health, channel.Name + " ok on an invalid tick");
                            Assert.IsFalse(channel.HumidityUsable);
                            Assert.IsFalse(channel.TemperatureUsable);
                        }

                        if (channel.HumidityUsable)
                        {
                            Assert.IsTrue(channel.RelativeHumidityPercent >= 0 && channel.RelativeHumidityPercent <= 100);
                        }
                    }

                    Assert.AreEqual(s2 == null, b.Health == SensorHealth.Absent);

                    for (int zone = 1; zone <= 4; zone++)
                    {
                        ZoneClimate climate;
                        array.GetZoneClimate(zone, out climate);
                        bool anyHumidityOk = a.HumidityUsable || b.HumidityUsable;
                        if (!anyHumidityOk)
                        {
                            Assert.IsFalse(climate.HumidityValid, "zone humidity valid with no ok source");
                        }
                        else
                        {
                            Assert.IsTrue(climate.HumidityValid, "a usable sensor must serve the zone");
                        }

                        if (climate.HumidityValid)
                        {
                            double expected = climate.Source == 1 ? a.RelativeHumidityPercent
                                : climate.Source == 2 ? b.RelativeHumidityPercent
                                : (a.RelativeHumidityPercent + b.RelativeHumidityPercent) / 2;
                            Assert.AreEqual(expected, climate.RelativeHumidityPercent, 1e-9);
                            Assert.IsTrue(climate.Source == 3 ? a.HumidityUsable && b.HumidityUsable
                                : climate.Source == 1 ? a.HumidityUsable : b.HumidityUsable);
                        }

                        if (climate.TemperatureValid)
                        {
                            Assert.IsTrue(a.TemperatureUsable || b.TemperatureUsable);
                            Assert.IsTrue(climate.TemperatureCelsius >= -20 && climate.TemperatureCelsius <= 60);
                        }
                        else
                        {
                            Assert.IsFalse(a.TemperatureUsable || b.TemperatureUsable, "a usable temperature must serve the zone");
                        }
                    }

                    bool anyFailed = (a.Health == SensorHealth.Failed && a.ReasonCode != SensorReason.Saturated)
                        || (b.Health == SensorHealth.Failed && b.ReasonCode != SensorReason.Saturated);
                    Assert.AreEqual(anyFailed, alarms.IsActive(AlarmCodes.SensorFailed, 0));
                    Assert.AreEqual(array.Disagree, alarms.IsActive(AlarmCodes.SensorDisagree, 0));
                    Assert.AreEqual(a.Saturated || b.Saturated, alarms.IsActive(AlarmCodes.SensorSaturated, 0));
                    Note(seen, 0, anyFailed);
                    Note(seen, 1, a.Stuck || b.Stuck);
                    Note(seen, 2, a.Saturated || b.Saturated);
                    Note(seen, 3, array.Disagree);
                    Note(seen, 4, a.HealthChanged && a.Health == SensorHealth.Ok && wasFailed);
                    wasFailed = a.Health == SensorHealth.Failed;
                }
            }, iter: 300);

            // The sequences must reach the states the properties are about, or the test proves little.
            for (int i = 0; i < seen.Length; i++)
            {
                Assert.IsTrue(seen[i] > 0, "state " + i + " never reached");
            }
        }

        [TestMethod]
        public void SteadyStateTicksAllocateNothing()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            FakeSensor s2 = new FakeSensor(22, 85);
            ControllerSettings settings = new ControllerSettings(SettingsCatalog.All());
            FakeClock clock = new FakeClock();
            SensorArray array = new SensorArray(s1, s2, settings, new AlarmSet(null), new Logger(new FakeLog(), clock));
            long now = 0;
            double sum = 0;
            for (int i = 0; i < 50; i++)
            {
                now += 1000;
                s1.Humidity = i % 2 == 0 ? 85 : 85.01;
                array.Update(now, i % 10 == 0);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 5000; i++)
            {
                now += 1000;
                s1.Humidity = i % 2 == 0 ? 85 : 85.01;
                s2.Humidity = i % 3 == 0 ? 86 : 86.02;
                array.Update(now, i % 10 == 0);
                for (int zone = 1; zone <= 4; zone++)
                {
                    ZoneClimate climate;
                    array.GetZoneClimate(zone, out climate);
                    sum += climate.RelativeHumidityPercent;
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
            Assert.IsTrue(sum > 0);
        }
    }
}
