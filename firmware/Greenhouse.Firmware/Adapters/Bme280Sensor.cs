using System;
using System.Device.Gpio;
using System.Device.I2c;
using System.Threading;
using Greenhouse.Ports;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.ReadResult;
using nanoFramework.Hardware.Esp32;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// A BME280 through nanoFramework.Iot.Device.Bmxx80, on I2C1 or I2C2. Translates only: a fresh reading or a failure
    /// status, never the previous value. What the driver does not do, this adapter does around it:
    /// <list type="bullet">
    /// <item>ESP32 I2C never throws on a NACK or a stuck bus: the result is in the transfer status, which the driver
    /// ignores, and a failed read leaves zeros or stale bytes (an unplugged sensor reads about -140 °C). So the chip
    /// id is read with its status before and after every measurement; a failure is <see cref="SensorReadStatus.BusError"/>
    /// (bus stuck or timing out) or <see cref="SensorReadStatus.NotPresent"/> (no answer, wrong chip).</item>
    /// <item>A sensor that lost power while the board ran is back in its reset state (every channel skipped, sleep)
    /// while the driver still believes its own settings, and returns constant plausible values. The oversampling
    /// registers are compared with what was configured before each read, and configured again when they differ.</item>
    /// <item>Bus recovery (nine SCL pulses then STOP, I2C spec 3.1.16) opens and closes only its own two pins on the
    /// firmware's one <see cref="GpioController"/>: disposing a controller would close every pin of the board.</item>
    /// </list>
    /// </summary>
    public sealed class Bme280Sensor : IClimateSensor
    {
        private const byte ChipIdRegister = 0xD0;
        private const byte ChipId = 0x60;
        private const byte CtrlHumRegister = 0xF2;
        private const byte CtrlMeasRegister = 0xF4;
        private const Sampling TemperatureOversampling = Sampling.LowPower;
        private const Sampling PressureOversampling = Sampling.UltraLowPower;
        private const Sampling HumidityOversampling = Sampling.Standard;

        private readonly GpioController _gpio;
        private readonly int _busId;
        private readonly int _address;
        private readonly int _dataPin;
        private readonly int _clockPin;
        private readonly byte[] _register = new byte[1];
        private readonly byte[] _value = new byte[1];
        private I2cDevice _device;
        private Bme280 _bme;

        /// <param name="gpio">The firmware's one controller (used only for bus recovery).</param>
        /// <param name="busId">1 or 2 (I2C1, I2C2).</param>
        public Bme280Sensor(GpioController gpio, int busId, int address, int dataPin, int clockPin)
        {
            _gpio = gpio;
            _busId = busId;
            _address = address;
            _dataPin = dataPin;
            _clockPin = clockPin;
        }

        /// <summary>Times the sensor was found reset (power loss) and configured again.</summary>
        public int Reconfigurations { get; private set; }

        /// <summary>Times the bus was clocked free.</summary>
        public int Recoveries { get; private set; }

        public SensorReadStatus TryRead(out ClimateReading reading)
        {
            reading = new ClimateReading();
            try
            {
                SensorReadStatus status;
                if (_bme == null)
                {
                    status = Open();
                    if (status != SensorReadStatus.Ok)
                    {
                        return status;
                    }
                }

                status = CheckChip();
                if (status == SensorReadStatus.Ok && !ConfigurationIntact())
                {
                    Reconfigurations++;
                    ApplySampling();
                    status = ConfigurationIntact() ? CheckChip() : SensorReadStatus.InvalidData;
                }

                if (status != SensorReadStatus.Ok)
                {
                    Close();
                    return status;
                }

                Bme280ReadResult result = _bme.Read();

                // The driver ignores transfer results: a read that failed half-way returns zeros or stale bytes.
                status = CheckChip();
                if (status != SensorReadStatus.Ok)
                {
                    Close();
                    return status;
                }

                if (!result.TemperatureIsValid || !result.HumidityIsValid)
                {
                    return SensorReadStatus.InvalidData;
                }

                reading.TemperatureCelsius = result.Temperature.DegreesCelsius;
                reading.RelativeHumidityPercent = result.Humidity.Percent;
                reading.PressureHectopascals = result.PressureIsValid ? result.Pressure.Hectopascals : double.NaN;
                return SensorReadStatus.Ok;
            }
            catch (Exception)
            {
                Close();
                return SensorReadStatus.BusError;
            }
        }

        public void RecoverBus()
        {
            Close();
            Recoveries++;
            GpioPin clock = null;
            GpioPin data = null;
            try
            {
                // Clock the bus free with plain GPIO. Opening an output drives it low at once, so open the clock first:
                // SDA falling while SCL is low is no START condition.
                clock = _gpio.OpenPin(_clockPin, PinMode.OutputOpenDrain);
                data = _gpio.OpenPin(_dataPin, PinMode.OutputOpenDrain);
                data.Write(PinValue.High);
                for (int i = 0; i < 9; i++)
                {
                    clock.Write(PinValue.High);
                    Thread.Sleep(1);
                    clock.Write(PinValue.Low);
                    Thread.Sleep(1);
                }

                // STOP: SDA rises while SCL is high.
                data.Write(PinValue.Low);
                clock.Write(PinValue.High);
                Thread.Sleep(1);
                data.Write(PinValue.High);
            }
            catch (Exception)
            {
                // The next read reports the bus state; nothing to decide here.
            }
            finally
            {
                // Only these two pins: the I2C driver refuses pins that are still open as GPIO.
                ClosePin(clock);
                ClosePin(data);
            }
        }

        private void ClosePin(GpioPin pin)
        {
            if (pin == null)
            {
                return;
            }

            try
            {
                _gpio.ClosePin(pin.PinNumber);
            }
            catch (Exception)
            {
                pin.Dispose();
            }
        }

        private SensorReadStatus Open()
        {
            try
            {
                // Route the bus to its pins before the driver initialises it; without a mapping the ESP32 target would
                // use its default I2C pins (GPIO 18/19 or 25/26), which are the heartbeat and two valve relays here.
                Configuration.SetPinFunction(_dataPin, _busId == 2 ? DeviceFunction.I2C2_DATA : DeviceFunction.I2C1_DATA);
                Configuration.SetPinFunction(_clockPin, _busId == 2 ? DeviceFunction.I2C2_CLOCK : DeviceFunction.I2C1_CLOCK);
                // Standard mode (100 kHz): the longest cables and PCA9615 links stay within timing.
                _device = I2cDevice.Create(new I2cConnectionSettings(_busId, _address, I2cBusSpeed.StandardMode));
                SensorReadStatus status = CheckChip();
                if (status != SensorReadStatus.Ok)
                {
                    Close();
                    return status;
                }

                _bme = new Bme280(_device);
                ApplySampling();
                return SensorReadStatus.Ok;
            }
            catch (Exception)
            {
                Close();
                return SensorReadStatus.BusError;
            }
        }

        private void ApplySampling()
        {
            _bme.TemperatureSampling = TemperatureOversampling;
            _bme.PressureSampling = PressureOversampling;
            _bme.HumiditySampling = HumidityOversampling;
        }

        /// <summary>Reads the chip id with its transfer status: a NACK is NotPresent, any other failure a BusError.</summary>
        private SensorReadStatus CheckChip()
        {
            byte id;
            I2cTransferStatus status = ReadRegister(ChipIdRegister, out id);
            if (status == I2cTransferStatus.SlaveAddressNotAcknowledged)
            {
                return SensorReadStatus.NotPresent;
            }

            if (status != I2cTransferStatus.FullTransfer)
            {
                return SensorReadStatus.BusError;
            }

            // 0x58 is a BMP280 (no humidity) sold as a BME280.
            return id == ChipId ? SensorReadStatus.Ok : SensorReadStatus.NotPresent;
        }

        /// <summary>True when the chip still holds the oversampling this adapter configured (a power loss clears it).</summary>
        private bool ConfigurationIntact()
        {
            byte hum;
            byte meas;
            if (ReadRegister(CtrlHumRegister, out hum) != I2cTransferStatus.FullTransfer
                || ReadRegister(CtrlMeasRegister, out meas) != I2cTransferStatus.FullTransfer)
            {
                return false;
            }

            return (hum & 0x07) == (int)HumidityOversampling
                && ((meas >> 5) & 0x07) == (int)TemperatureOversampling
                && ((meas >> 2) & 0x07) == (int)PressureOversampling;
        }

        private I2cTransferStatus ReadRegister(byte register, out byte value)
        {
            _register[0] = register;
            _value[0] = 0;
            I2cTransferResult result = _device.WriteRead(_register, _value);
            value = _value[0];
            return result.Status;
        }

        private void Close()
        {
            try
            {
                if (_bme != null)
                {
                    _bme.Dispose();
                }
                else if (_device != null)
                {
                    _device.Dispose();
                }
            }
            catch (Exception)
            {
                // Already gone.
            }

            _bme = null;
            _device = null;
        }
    }
}
