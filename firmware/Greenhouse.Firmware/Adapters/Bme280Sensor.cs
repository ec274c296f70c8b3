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
    /// A BME280 on I2C1 through nanoFramework.Iot.Device.Bmxx80. Translates only: a fresh reading or a failure
    /// status, never the previous value. Bus recovery (nine SCL pulses then STOP, I2C spec 3.1.16) is done on request.
    /// </summary>
    public sealed class Bme280Sensor : IClimateSensor
    {
        private readonly int _address;
        private readonly int _dataPin;
        private readonly int _clockPin;
        private I2cDevice _device;
        private Bme280 _bme;

        public Bme280Sensor(int address, int dataPin, int clockPin)
        {
            _address = address;
            _dataPin = dataPin;
            _clockPin = clockPin;
        }

        public SensorReadStatus TryRead(out ClimateReading reading)
        {
            reading = new ClimateReading();
            try
            {
                if (_bme == null && !Open())
                {
                    return SensorReadStatus.NotPresent;
                }

                Bme280ReadResult result = _bme.Read();
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
            try
            {
                // Clock the bus free with plain GPIO, then hand the pins back to the I2C peripheral.
                using (GpioController gpio = new GpioController())
                {
                    GpioPin clock = gpio.OpenPin(_clockPin, PinMode.OutputOpenDrain);
                    GpioPin data = gpio.OpenPin(_dataPin, PinMode.OutputOpenDrain);
                    data.Write(PinValue.High);
                    for (int i = 0; i < 9; i++)
                    {
                        clock.Write(PinValue.Low);
                        Thread.Sleep(1);
                        clock.Write(PinValue.High);
                        Thread.Sleep(1);
                    }

                    data.Write(PinValue.Low);
                    Thread.Sleep(1);
                    data.Write(PinValue.High);
                    clock.Dispose();
                    data.Dispose();
                }
            }
            catch (Exception)
            {
                // The next read reports the bus state; nothing to decide here.
            }

            Configuration.SetPinFunction(_dataPin, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(_clockPin, DeviceFunction.I2C1_CLOCK);
        }

        private bool Open()
        {
            try
            {
                _device = I2cDevice.Create(new I2cConnectionSettings(1, _address));
                _bme = new Bme280(_device);
                _bme.TemperatureSampling = Sampling.LowPower;
                _bme.PressureSampling = Sampling.UltraLowPower;
                _bme.HumiditySampling = Sampling.Standard;
                return true;
            }
            catch (Exception)
            {
                Close();
                return false;
            }
        }

        private void Close()
        {
            if (_bme != null)
            {
                _bme.Dispose();
            }
            else if (_device != null)
            {
                _device.Dispose();
            }

            _bme = null;
            _device = null;
        }
    }
}
