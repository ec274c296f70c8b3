using Greenhouse.TestSupport;
using Greenhouse.App;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Sensing;
using Greenhouse.Settings;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    /// <summary>Two sensors: disagreement, zone assignment and fallback, alarms, log lines, settings.</summary>
    [TestClass]
    public class SensorArrayTests
    {
        private static ControllerSettings NewSettings()
        {
            return new ControllerSettings(SettingsCatalog.All());
        }

        private static void Set(ControllerSettings settings, string key, string value)
        {
            string error;
            Assert.IsTrue(settings.TrySet(key, value, out error));
        }

        [TestMethod]
        public void ZonesUseTheirSensorOrTheAverage()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            FakeSensor s2 = new FakeSensor(22, 85);
            s1.Humidity = 86;
            s1.Temperature = 21;
            s2.Humidity = 90;
            s2.Temperature = 23;
            ControllerSettings settings = NewSettings();
            Set(settings, "zone1.sensor", "sensor1");
            Set(settings, "zone2.sensor", "sensor2");
            Set(settings, "zone3.sensor", "average");
            SensorArray array = new SensorArray(s1, s2, settings, null, null);
            array.Update(1000, false);

            ZoneClimate climate;
            array.GetZoneClimate(1, out climate);
            Assert.IsTrue(climate.HumidityValid);
            Assert.AreEqual(86.0, climate.RelativeHumidityPercent);
            Assert.AreEqual(21.0, climate.TemperatureCelsius);
            Assert.AreEqual(SensorArray.SourceSensor1, climate.Source);

            array.GetZoneClimate(2, out climate);
            Assert.AreEqual(90.0, climate.RelativeHumidityPercent);
            Assert.AreEqual(SensorArray.SourceSensor2, climate.Source);

            array.GetZoneClimate(3, out climate);
            Assert.AreEqual(88.0, climate.RelativeHumidityPercent);
            Assert.AreEqual(22.0, climate.TemperatureCelsius);
            Assert.AreEqual(SensorArray.SourceAverage, climate.Source);

            array.GetZoneClimate(5, out climate);
            Assert.IsFalse(climate.HumidityValid);
            Assert.IsFalse(climate.TemperatureValid);
            Assert.AreEqual(SensorArray.SourceNone, climate.Source);
        }

        [TestMethod]
        public void AZoneFallsBackToTheOtherSensorWhenItsOwnIsNotOk()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            FakeSensor s2 = new FakeSensor(22, 85);
            s1.Humidity = 86;
            s2.Humidity = 90;
            ControllerSettings settings = NewSettings();
            Set(settings, "zone1.sensor", "sensor1");
            Set(settings, "zone2.sensor", "sensor2");
            Set(settings, "zone3.sensor", "average");
            SensorArray array = new SensorArray(s1, s2, settings, null, null);
            array.Update(1000, false);
            s1.Status = SensorReadStatus.BusError;
            array.Update(2000, false);

            ZoneClimate climate;
            array.GetZoneClimate(1, out climate);
            Assert.IsTrue(climate.HumidityValid);
            Assert.AreEqual(90.0, climate.RelativeHumidityPercent);
            Assert.AreEqual(SensorArray.SourceSensor2, climate.Source);
            array.GetZoneClimate(3, out climate);
            Assert.AreEqual(90.0, climate.RelativeHumidityPercent);
            Assert.AreEqual(SensorArray.SourceSensor2, climate.Source);

            s2.Status = SensorReadStatus.InvalidData;
            array.Update(3000, false);
            array.GetZoneClimate(2, out climate);
            Assert.IsFalse(climate.HumidityValid);
            Assert.IsFalse(climate.TemperatureValid);
            Assert.AreEqual(SensorArray.SourceNone, climate.Source);
            Assert.IsTrue(double.IsNaN(climate.RelativeHumidityPercent));
        }

        [TestMethod]
        public void AverageUsesTheOneSensorFittedAndKeepsTemperatureWhenHumidityIsStuck()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            ControllerSettings settings = NewSettings();
            Set(settings, "sensor.stuck_min", "5");
            SensorArray array = new SensorArray(s1, null, settings, null, null);
            long now = 0;
            ZoneClimate climate;
            for (int minute = 0; minute <= 6; minute++)
            {
                array.Update(now, minute == 1);
                now += 60000;
            }

            array.GetZoneClimate(1, out climate); // default average, only sensor1 fitted, and it is stuck
            Assert.IsFalse(climate.HumidityValid);
            Assert.IsTrue(climate.TemperatureValid);
            Assert.AreEqual(22.0, climate.TemperatureCelsius);
            Assert.AreEqual(SensorArray.SourceSensor1, climate.Source);
        }

        [TestMethod]
        public void TheOtherSensorMovingShowsAStuckOne()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            FakeSensor s2 = new FakeSensor(22, 85);
            SensorArray array = new SensorArray(s1, s2, null, null, null); // defaults: 30 min, 2 % on the other
            long now = 0;
            for (int minute = 0; minute <= 30; minute++)
            {
                s2.Humidity = 85 + (minute % 3) * 1.5; // moves 3 %, sensor1 exactly constant
                array.Update(now, false);
                now += 60000;
            }

            Assert.IsTrue(array.Channels[0].Stuck);
            Assert.IsFalse(array.Channels[1].Stuck);
            ZoneClimate climate;
            array.GetZoneClimate(1, out climate);
            Assert.IsTrue(climate.HumidityValid);
            Assert.AreEqual(SensorArray.SourceSensor2, climate.Source);
        }

        [TestMethod]
        public void LastingDisagreementMakesBothSuspectAndRaisesTheAlarm()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            FakeSensor s2 = new FakeSensor(22, 85);
            AlarmSet alarms = new AlarmSet(null);
            SensorArray array = new SensorArray(s1, s2, NewSettings(), alarms, null); // 10 % for 10 min
            s1.Humidity = 88;
            s2.Humidity = 75.5;
            long now = 0;
            for (int minute = 0; minute < 10; minute++)
            {
                s1.Humidity = minute % 2 == 0 ? 88 : 88.01;
                array.Update(now, false);
                now += 60000;
                Assert.IsFalse(array.Disagree);
            }

            array.Update(now, false);
            Assert.IsTrue(array.Disagree);
            Assert.IsTrue(alarms.IsActive(AlarmCodes.SensorDisagree, 0));
            Assert.AreEqual("disagree", array.Channels[0].Reason);
            Assert.AreEqual((int)SensorHealth.Suspect, (int)array.Channels[1].Health);
            ZoneClimate climate;
            array.GetZoneClimate(1, out climate);
            Assert.IsFalse(climate.HumidityValid);
            Assert.IsTrue(climate.TemperatureValid);

            s2.Humidity = 80; // 8 %: inside the hysteresis, still disagreeing
            now += 60000;
            array.Update(now, false);
            Assert.IsTrue(array.Disagree);

            s2.Humidity = 86;
            for (int i = 0; i < 3; i++)
            {
                now += 60000;
                array.Update(now, false);
                Assert.IsFalse(array.Disagree);
            }

            Assert.IsFalse(alarms.IsActive(AlarmCodes.SensorDisagree, 0));
            Assert.AreEqual((int)SensorHealth.Ok, (int)array.Channels[0].Health);
            array.GetZoneClimate(1, out climate);
            Assert.IsTrue(climate.HumidityValid);
        }

        [TestMethod]
        public void DisagreementCheckCanBeTurnedOff()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            FakeSensor s2 = new FakeSensor(22, 85);
            ControllerSettings settings = NewSettings();
            Set(settings, "sensor.disagree_check", "off");
            SensorArray array = new SensorArray(s1, s2, settings, null, null);
            s2.Humidity = 60;
            long now = 0;
            for (int minute = 0; minute < 30; minute++)
            {
                s1.Humidity = minute % 2 == 0 ? 88 : 88.01;
                s2.Humidity = minute % 2 == 0 ? 60 : 60.01;
                array.Update(now, false);
                now += 60000;
            }

            Assert.IsFalse(array.Disagree);
            Assert.AreEqual((int)SensorHealth.Ok, (int)array.Channels[1].Health);
        }

        [TestMethod]
        public void FailureRaisesAlarmsAndLogsOneLinePerHealthChange()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            FakeClock clock = new FakeClock();
            FakeLog sink = new FakeLog();
            Logger log = new Logger(sink, clock);
            AlarmSet alarms = new AlarmSet(null);
            ControllerSettings settings = NewSettings();
            Set(settings, "sensor.recover_after_n", "2");
            SensorArray array = new SensorArray(s1, null, settings, alarms, log);
            array.Update(0, false);
            int lines = sink.Count;
            Assert.IsTrue(sink.Last.IndexOf("sensor=sensor1 health=ok reason=ok") > 0);

            s1.Status = SensorReadStatus.BusError;
            array.Update(1000, false);
            Assert.IsTrue(sink.Last.IndexOf("sensor=sensor1 health=suspect reason=bus_error") > 0);
            Assert.IsTrue(alarms.IsActive(AlarmCodes.SensorSuspect, 0));
            array.Update(2000, false);
            Assert.AreEqual(lines + 1, sink.Count); // no change, no line
            array.Update(3000, false);
            Assert.IsTrue(alarms.IsActive(AlarmCodes.SensorFailed, 0));
            Assert.IsTrue(alarms.IsActive(AlarmCodes.I2cError, 0));
            Assert.IsFalse(alarms.IsActive(AlarmCodes.SensorSuspect, 0));
            Assert.IsTrue(alarms.IsActive(AlarmCodes.SensorFailed, 0));
            bool sawFailed = false;
            bool sawRecovery = false;
            for (int i = lines; i < sink.Count; i++)
            {
                string line = sink.Lines[i % sink.Lines.Length];
                sawFailed |= line.IndexOf("ERROR sensor health sensor=sensor1 health=failed reason=bus_error") > 0;
                sawRecovery |= line.IndexOf("bus recovery sensor=sensor1") > 0;
            }

            Assert.IsTrue(sawFailed);
            Assert.IsTrue(sawRecovery);
            Assert.AreEqual(1, s1.RecoverRequests);

            string code;
            int zone;
            string detail;
            long since;
            bool found = false;
            for (int slot = 0; slot < alarms.SlotCount; slot++)
            {
                if (alarms.TryGet(slot, out code, out zone, out detail, out since) && code == AlarmCodes.SensorFailed)
                {
                    found = true;
                    Assert.AreEqual(0, zone);
                    Assert.AreEqual("sensor1", detail);
                }
            }

            Assert.IsTrue(found);

            s1.Status = SensorReadStatus.Ok;
            array.Update(4000, false);
            Assert.IsFalse(alarms.IsActive(AlarmCodes.I2cError, 0));
            Assert.IsTrue(alarms.IsActive(AlarmCodes.SensorFailed, 0));
            array.Update(5000, false);
            Assert.IsFalse(alarms.IsActive(AlarmCodes.SensorFailed, 0));
            Assert.IsTrue(sink.Last.IndexOf("INFO sensor health sensor=sensor1 health=ok reason=ok") > 0);
        }

        [TestMethod]
        public void SaturationRaisesItsOwnAlarm()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            AlarmSet alarms = new AlarmSet(null);
            ControllerSettings settings = NewSettings();
            Set(settings, "sensor.saturation_h", "1");
            SensorArray array = new SensorArray(s1, null, settings, alarms, null);
            s1.Humidity = 100;
            long now = 0;
            for (int minute = 0; minute <= 60; minute++)
            {
                array.Update(now, false);
                now += 60000;
            }

            Assert.IsTrue(alarms.IsActive(AlarmCodes.SensorSaturated, 0));
            Assert.IsFalse(alarms.IsActive(AlarmCodes.SensorFailed, 0));
            Assert.IsTrue(array.Channels[0].TemperatureUsable);
        }

        [TestMethod]
        public void MistingWithinTheQuietTimeHoldsOffSaturation()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            ControllerSettings settings = NewSettings();
            Set(settings, "sensor.saturation_h", "1");
            Set(settings, "sensor.mist_quiet_min", "30");
            SensorArray array = new SensorArray(s1, null, settings, null, null);
            s1.Humidity = 100;
            long now = 0;
            for (int minute = 0; minute <= 180; minute++)
            {
                array.Update(now, minute % 25 == 0); // a pulse every 25 minutes
                now += 60000;
            }

            Assert.IsTrue(array.MistingRecently);
            Assert.IsFalse(array.Channels[0].Saturated);
            for (int minute = 0; minute <= 90; minute++)
            {
                array.Update(now, false);
                now += 60000;
            }

            Assert.IsFalse(array.MistingRecently);
            Assert.IsTrue(array.Channels[0].Saturated);
        }

        [TestMethod]
        public void SettingsChangeTheThresholds()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            ControllerSettings settings = NewSettings();
            Set(settings, "sensor.fail_after_errors", "1");
            SensorArray array = new SensorArray(s1, null, settings, null, null);
            array.Update(0, false);
            s1.Status = SensorReadStatus.BusError;
            array.Update(1000, false);
            Assert.AreEqual((int)SensorHealth.Failed, (int)array.Channels[0].Health);
            Assert.AreEqual(1, s1.RecoverRequests);

            string error;
            Assert.IsFalse(settings.TrySet("sensor.max_rh_step", "0", out error));
            Assert.IsTrue(error.IndexOf("%/s") > 0);
            Assert.IsFalse(settings.TrySet("zone1.sensor", "sensor3", out error));
        }

        [TestMethod]
        public void ControllerReadsThroughTheArray()
        {
            ControllerPorts ports = new ControllerPorts();
            FakeSensor s1 = new FakeSensor(22, 85);
            FakeSensor s2 = new FakeSensor(22, 85);
            FakeRelay valve = new FakeRelay();
            FakeClock clock = new FakeClock();
            ports.Sensors[0] = s1;
            ports.Sensors[1] = s2;
            ports.Valves[0] = valve;
            ports.Clock = clock;
            Controller controller = new Controller(ports, "test");
            Assert.IsTrue(controller.Commands.ApplySetting("zone1.sensor", "sensor1", "test").Ok);
            Assert.IsTrue(controller.Commands.ApplySetting("pump.prerun_s", "0", "test").Ok); // valve opens in the same tick
            controller.Start();
            s1.Humidity = 70; // below 90 - 3: mist
            s2.Humidity = 70;
            clock.Advance(1000);
            controller.Tick();
            Assert.IsTrue(valve.Energised);
            Assert.AreEqual(SensorArray.SourceSensor1, controller.Status.Zone(1).Climate.Source);

            s1.Status = SensorReadStatus.BusError; // zone 1 falls back to sensor2 and keeps control
            clock.Advance(1000);
            controller.Tick();
            Assert.IsTrue(valve.Energised);
            Assert.AreEqual(SensorArray.SourceSensor2, controller.Status.Zone(1).Climate.Source);

            s2.Status = SensorReadStatus.BusError; // nothing left: valve closes
            clock.Advance(1000);
            controller.Tick();
            Assert.IsFalse(valve.Energised);
        }

        [TestMethod]
        public void AWetSensorIsFoundThroughDisagreementEvenWhileMistingAndTheOtherIsUsedAgain()
        {
            FakeSensor s1 = new FakeSensor(22, 85);
            FakeSensor s2 = new FakeSensor(22, 85);
            AlarmSet alarms = new AlarmSet(null);
            ControllerSettings settings = NewSettings();
            Set(settings, "sensor.saturation_h", "1");
            Set(settings, "sensor.recover_after_n", "2");
            SensorArray array = new SensorArray(s1, s2, settings, alarms, null);
            s1.Humidity = 100; // wet
            long now = 0;
            bool sawDisagree = false;
            for (int minute = 0; minute <= 90; minute++)
            {
                s2.Humidity = minute % 2 == 0 ? 86 : 86.02;
                array.Update(now, minute % 5 == 0); // degraded program: a pulse every 5 minutes
                sawDisagree |= array.Disagree;
                now += 60000;
            }

            Assert.IsTrue(sawDisagree);
            Assert.IsTrue(array.Channels[0].Saturated);
            Assert.IsFalse(array.Disagree);
            Assert.IsTrue(alarms.IsActive(AlarmCodes.SensorSaturated, 0));
            Assert.AreEqual((int)SensorHealth.Ok, (int)array.Channels[1].Health);
            ZoneClimate climate;
            array.GetZoneClimate(1, out climate);
            Assert.IsTrue(climate.HumidityValid);
            Assert.AreEqual(SensorArray.SourceSensor2, climate.Source);
        }
    }
}
