using System;
using System.Device.Gpio;
using System.Device.I2c;
using Greenhouse.Board;
using Greenhouse.Firmware.Adapters;
using Greenhouse.Firmware.Tests.Models;
using Greenhouse.Ports;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Firmware.Tests
{
    /// <summary>The BME280 adapter against the ESP32 I2C and BME280 behaviour models.</summary>
    [TestClass]
    public sealed class Bme280SensorTests
    {
        private static Bme280Chip Chip(int address = 0x76)
        {
            Esp32Board.Reset();
            var chip = new Bme280Chip(address, DefaultPins.I2cData, DefaultPins.I2cClock);
            Esp32Board.Wire(chip);
            return chip;
        }

        private static Bme280Sensor Sensor(GpioController gpio, int address = 0x76)
        {
            return new Bme280Sensor(gpio, 1, address, DefaultPins.I2cData, DefaultPins.I2cClock);
        }

        [TestMethod]
        public void ReadsTheAirThroughTheDriver()
        {
            Bme280Chip chip = Chip();
            var sensor = Sensor(new GpioController());
            ClimateReading reading;
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out reading));
            Assert.AreEqual(chip.Celsius, reading.TemperatureCelsius, 0.05);
            Assert.AreEqual(chip.Humidity, reading.RelativeHumidityPercent, 0.1);
            Assert.AreEqual(chip.Hectopascals, reading.PressureHectopascals, 0.1);
            chip.Celsius = 17.2;
            chip.Humidity = 96.5;
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out reading));
            Assert.AreEqual(17.2, reading.TemperatureCelsius, 0.05, "a fresh measurement each read");
            Assert.AreEqual(96.5, reading.RelativeHumidityPercent, 0.1);
        }

        [TestMethod]
        public void AnUnpluggedSensorIsNotAReading()
        {
            // Before the fix: status Ok with -140.9 °C and 0 % (the driver ignores the NACK and compensates zeros).
            Bme280Chip chip = Chip();
            var sensor = Sensor(new GpioController());
            ClimateReading reading;
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out reading));
            chip.Connected = false;
            Assert.AreEqual(SensorReadStatus.NotPresent, sensor.TryRead(out reading));
            Assert.AreEqual(SensorReadStatus.NotPresent, sensor.TryRead(out reading), "stays absent");
            chip.Connected = true;
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out reading), "plugged in again: reads without a reboot");
        }

        [TestMethod]
        public void ABmp280SoldAsBme280IsNotPresent()
        {
            Bme280Chip chip = Chip();
            chip.ChipId = 0x58;
            ClimateReading reading;
            Assert.AreEqual(SensorReadStatus.NotPresent, Sensor(new GpioController()).TryRead(out reading));
        }

        [TestMethod]
        public void ASensorThatLostPowerIsConfiguredAgainInsteadOfReturningConstantValues()
        {
            // Before the fix: status Ok, 26.46 °C and 70.5 % for ever while the air was 30 °C / 60 %.
            Bme280Chip chip = Chip();
            var sensor = Sensor(new GpioController());
            ClimateReading reading;
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out reading));
            chip.PowerLoss();
            chip.Celsius = 30;
            chip.Humidity = 60;
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out reading));
            Assert.AreEqual(30, reading.TemperatureCelsius, 0.05);
            Assert.AreEqual(60, reading.RelativeHumidityPercent, 0.1);
            Assert.AreEqual(1, sensor.Reconfigurations);
            Assert.AreEqual(2, (chip.CtrlMeas >> 5) & 7, "temperature oversampling restored in the chip");
        }

        [TestMethod]
        public void AStuckBusIsABusErrorAndRecoveryFreesIt()
        {
            Bme280Chip chip = Chip();
            var sensor = Sensor(new GpioController());
            ClimateReading reading;
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out reading));
            chip.Stuck = true;
            Assert.AreEqual(SensorReadStatus.BusError, sensor.TryRead(out reading));
            sensor.RecoverBus();
            Assert.IsFalse(chip.Stuck, "nine clocks on SCL release SDA");
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out reading));
            Assert.AreEqual(chip.Celsius, reading.TemperatureCelsius, 0.05);
        }

        [TestMethod]
        public void BusRecoveryClosesOnlyItsOwnPins()
        {
            // Before the fix: RecoverBus disposed a new GpioController, which closes every pin of the board (relays,
            // heartbeat, float switch): the next heartbeat write threw outside the loop's try and the loop died.
            Bme280Chip chip = Chip();
            var gpio = new GpioController();
            var heartbeat = new HeartbeatOutput(gpio, DefaultPins.Heartbeat, DefaultPins.StatusLed);
            var relay = new GpioRelay(gpio, DefaultPins.PumpRelay, true);
            relay.Set(false);
            var tank = new GpioInput(gpio, DefaultPins.TankFloatSwitch, PinMode.InputPullUp, true);
            var sensor = Sensor(gpio);
            chip.Stuck = true;
            ClimateReading reading;
            Assert.AreEqual(SensorReadStatus.BusError, sensor.TryRead(out reading));
            sensor.RecoverBus();
            Assert.IsTrue(heartbeat.TryWrite(true), "heartbeat pin still open");
            relay.Set(true);
            Assert.IsTrue(Esp32Board.Drives(DefaultPins.PumpRelay, false), "relay pin still driven");
            bool water;
            Assert.IsTrue(tank.TryRead(out water));
            Assert.IsFalse(Esp32Board.Pads[DefaultPins.I2cData].Reserved, "the I2C pins are handed back");
            Assert.IsFalse(Esp32Board.Pads[DefaultPins.I2cClock].Reserved);
            Assert.AreEqual(SensorReadStatus.Ok, sensor.TryRead(out reading));
        }

        [TestMethod]
        public void TheBusIsRoutedToItsDocumentedPinsOnly()
        {
            Esp32Board.Reset();
            var chip1 = new Bme280Chip(0x76, DefaultPins.I2cData, DefaultPins.I2cClock);
            var chip2 = new Bme280Chip(0x77, DefaultPins.I2c2Data, DefaultPins.I2c2Clock);
            Esp32Board.Wire(chip1);
            Esp32Board.Wire(chip2);
            var gpio = new GpioController();
            ClimateReading reading;
            Assert.AreEqual(SensorReadStatus.Ok, new Bme280Sensor(gpio, 1, 0x76, DefaultPins.I2cData, DefaultPins.I2cClock).TryRead(out reading));
            Assert.AreEqual(SensorReadStatus.Ok, new Bme280Sensor(gpio, 2, 0x77, DefaultPins.I2c2Data, DefaultPins.I2c2Clock).TryRead(out reading));
            // Without a mapping the ESP32 target would use its default I2C pins (18/19, 25/26): the heartbeat and two
            // valve relays on this board. Only the documented pins may carry I2C.
            foreach (PadState pad in Esp32Board.Pads)
            {
                if (pad.I2cBus == 0)
                {
                    continue;
                }

                int expected = pad.I2cBus == 1
                    ? (pad.I2cData ? DefaultPins.I2cData : DefaultPins.I2cClock)
                    : (pad.I2cData ? DefaultPins.I2c2Data : DefaultPins.I2c2Clock);
                Assert.AreEqual(expected, pad.Number, "I2C" + pad.I2cBus + " routed to GPIO " + pad.Number);
            }
        }

        [TestMethod]
        public void OnItsOwnBusAWetSensorDoesNotTakeTheOtherOneDown()
        {
            foreach (bool ownBus in new[] { false, true })
            {
                Esp32Board.Reset();
                var chip1 = new Bme280Chip(0x76, DefaultPins.I2cData, DefaultPins.I2cClock);
                var chip2 = ownBus
                    ? new Bme280Chip(0x77, DefaultPins.I2c2Data, DefaultPins.I2c2Clock)
                    : new Bme280Chip(0x77, DefaultPins.I2cData, DefaultPins.I2cClock);
                Esp32Board.Wire(chip1);
                Esp32Board.Wire(chip2);
                var gpio = new GpioController();
                var sensor1 = new Bme280Sensor(gpio, 1, 0x76, DefaultPins.I2cData, DefaultPins.I2cClock);
                chip2.Stuck = true;
                chip2.NeedsPowerCycle = true;
                ClimateReading reading;
                SensorReadStatus status = sensor1.TryRead(out reading);
                if (ownBus)
                {
                    Assert.AreEqual(SensorReadStatus.Ok, status, "sensor 1 on I2C1 unaffected by sensor 2 on I2C2");
                }
                else
                {
                    Assert.AreEqual(SensorReadStatus.BusError, status, "one stuck sensor holds the shared bus");
                }
            }
        }
    }
}
