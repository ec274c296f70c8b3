// Behaviour model for host tests, not upstream code. Models: nanoFramework.Iot.Device.Bmxx80 1.2.1016 (Bme280) and
// the nanoFramework.UnitsNet structs it returns. Behaviour read from nanoframework/nanoFramework.IoT.Device
// devices/Bmxx80/Bmxx80Base.cs, Bmx280Base.cs and Bme280.cs (snapshot around 1.2.931; UNVERIFIED for 1.2.1016):
// - the constructor writes the chip-id register, reads it with ReadByte and throws IOException unless it is 0x60,
//   then reads the calibration and soft-resets with the default configuration (every channel x1, filter off);
// - every register access ignores the I2C transfer status: an 8-bit read returns the device's reused buffer (stale),
//   a 16/24-bit read returns zeros from its fresh buffer when the transfer failed;
// - the sampling properties are cached in the driver: TryRead/Read skip a channel only when the CACHED sampling is
//   Skipped, so a chip that lost power (every channel skipped in the chip) yields constant plausible values;
// - Read() sets forced mode unless the chip is in normal mode, waits the measurement time, reads T, P and H.
// The measurement wait is not modelled (the chip model measures at once).
using System;
using System.Device.I2c;
using System.IO;
using Iot.Device.Bmxx80.ReadResult;
using UnitsNet;

namespace UnitsNet
{
    public struct Temperature
    {
        private readonly double _celsius;

        private Temperature(double celsius)
        {
            _celsius = celsius;
        }

        public double DegreesCelsius
        {
            get { return _celsius; }
        }

        public static Temperature FromDegreesCelsius(double value)
        {
            return new Temperature(value);
        }
    }

    public struct RelativeHumidity
    {
        private readonly double _percent;

        private RelativeHumidity(double percent)
        {
            _percent = percent;
        }

        public double Percent
        {
            get { return _percent; }
        }

        public static RelativeHumidity FromPercent(double value)
        {
            return new RelativeHumidity(value);
        }
    }

    public struct Pressure
    {
        private readonly double _pascals;

        private Pressure(double pascals)
        {
            _pascals = pascals;
        }

        public double Pascals
        {
            get { return _pascals; }
        }

        public double Hectopascals
        {
            get { return _pascals / 100.0; }
        }

        public static Pressure FromPascals(double value)
        {
            return new Pressure(value);
        }
    }
}

namespace Iot.Device.Bmxx80
{
    public enum Sampling : byte
    {
        Skipped = 0,
        UltraLowPower = 1,
        LowPower = 2,
        Standard = 3,
        HighResolution = 4,
        UltraHighResolution = 5,
    }

    public class Bme280 : IDisposable
    {
        private const byte ChipIdRegister = 0xD0;
        private const byte ResetRegister = 0xE0;
        private const byte CtrlHum = 0xF2;
        private const byte CtrlMeas = 0xF4;
        private const byte Config = 0xF5;

        private I2cDevice _device;
        private Sampling _temperature;
        private Sampling _pressure;
        private Sampling _humidity;
        private double _tFine;
        private ushort _t1;
        private short _t2;
        private short _t3;
        private ushort _p1;
        private short _p2;
        private short _p3;
        private short _p4;
        private short _p5;
        private short _p6;
        private short _p7;
        private short _p8;
        private short _p9;
        private byte _h1;
        private short _h2;
        private byte _h3;
        private short _h4;
        private short _h5;
        private sbyte _h6;

        public Bme280(I2cDevice i2cDevice)
        {
            _device = i2cDevice ?? throw new ArgumentNullException();
            _device.WriteByte(ChipIdRegister);
            if (_device.ReadByte() != 0x60)
            {
                throw new IOException();
            }

            ReadCalibration();
            Reset();
        }

        public Sampling TemperatureSampling
        {
            get { return _temperature; }
            set
            {
                byte status = Read8(CtrlMeas);
                status = (byte)((status & 0b0001_1111) | ((byte)value << 5));
                _device.Write(new byte[] { CtrlMeas, status });
                _temperature = value;
            }
        }

        public Sampling PressureSampling
        {
            get { return _pressure; }
            set
            {
                byte status = Read8(CtrlMeas);
                status = (byte)((status & 0b1110_0011) | ((byte)value << 2));
                _device.Write(new byte[] { CtrlMeas, status });
                _pressure = value;
            }
        }

        public Sampling HumiditySampling
        {
            get { return _humidity; }
            set
            {
                if ((byte)value > 5)
                {
                    throw new ArgumentOutOfRangeException();
                }

                byte status = Read8(CtrlHum);
                status = (byte)((status & 0b1111_1000) | (byte)value);
                _device.Write(new byte[] { CtrlHum, status });
                // ctrl_hum takes effect with the next ctrl_meas write.
                byte measure = Read8(CtrlMeas);
                _device.Write(new byte[] { CtrlMeas, measure });
                _humidity = value;
            }
        }

        public void Reset()
        {
            _device.Write(new byte[] { ResetRegister, 0xB6 });
            PressureSampling = Sampling.UltraLowPower;
            TemperatureSampling = Sampling.UltraLowPower;
            byte config = Read8(Config);
            _device.Write(new byte[] { Config, (byte)(config & 0b1110_0011) });
            config = Read8(Config);
            _device.Write(new byte[] { Config, (byte)((config & 0b0001_1111) | (2 << 5)) });
            HumiditySampling = Sampling.UltraLowPower;
        }

        public Bme280ReadResult Read()
        {
            int mode = Read8(CtrlMeas) & 0b11;
            if (mode == 1)
            {
                throw new IOException();
            }

            if (mode != 3)
            {
                byte read = Read8(CtrlMeas);
                _device.Write(new byte[] { CtrlMeas, (byte)((read & 0b1111_1100) | 2) });
                Greenhouse.Firmware.Tests.Models.Esp32Board.Bme280Sleeps++;
            }

            bool tValid = _temperature != Sampling.Skipped;
            Temperature temperature = default;
            if (tValid)
            {
                int adcT = (int)(Read24BigEndian(0xFA) >> 4);
                _tFine = Compensate(adcT);
                temperature = Temperature.FromDegreesCelsius(_tFine / 5120.0);
            }

            bool pValid = _pressure != Sampling.Skipped;
            Pressure pressure = default;
            if (pValid)
            {
                int adcP = (int)(Read24BigEndian(0xF7) >> 4);
                pressure = Pressure.FromPascals(CompensatePressure(adcP));
            }

            bool hValid = _humidity != Sampling.Skipped;
            RelativeHumidity humidity = default;
            if (hValid)
            {
                int adcH = Read16BigEndian(0xFD);
                humidity = RelativeHumidity.FromPercent(CompensateHumidity(adcH));
            }

            return new Bme280ReadResult(temperature, tValid, pressure, pValid, humidity, hValid);
        }

        public void Dispose()
        {
            if (_device != null)
            {
                _device.Dispose();
            }

            _device = null;
        }

        private byte Read8(byte register)
        {
            _device.WriteByte(register);
            return _device.ReadByte();
        }

        private ushort Read16LittleEndian(byte register)
        {
            byte[] bytes = new byte[2];
            _device.WriteByte(register);
            _device.Read(bytes);
            return (ushort)(bytes[0] | (bytes[1] << 8));
        }

        private ushort Read16BigEndian(byte register)
        {
            byte[] bytes = new byte[2];
            _device.WriteByte(register);
            _device.Read(bytes);
            return (ushort)((bytes[0] << 8) | bytes[1]);
        }

        private uint Read24BigEndian(byte register)
        {
            byte[] bytes = new byte[4];
            _device.WriteByte(register);
            _device.Read(new SpanByte(bytes).Slice(1));
            return (uint)((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]);
        }

        private void ReadCalibration()
        {
            _t1 = Read16LittleEndian(0x88);
            _t2 = (short)Read16LittleEndian(0x8A);
            _t3 = (short)Read16LittleEndian(0x8C);
            _p1 = Read16LittleEndian(0x8E);
            _p2 = (short)Read16LittleEndian(0x90);
            _p3 = (short)Read16LittleEndian(0x92);
            _p4 = (short)Read16LittleEndian(0x94);
            _p5 = (short)Read16LittleEndian(0x96);
            _p6 = (short)Read16LittleEndian(0x98);
            _p7 = (short)Read16LittleEndian(0x9A);
            _p8 = (short)Read16LittleEndian(0x9C);
            _p9 = (short)Read16LittleEndian(0x9E);
            _h1 = Read8(0xA1);
            _h2 = (short)Read16LittleEndian(0xE1);
            _h3 = Read8(0xE3);
            _h4 = (short)((Read8(0xE4) << 4) | (Read8(0xE5) & 0x0F));
            _h5 = (short)((Read8(0xE6) << 4) | (Read8(0xE5) >> 4));
            _h6 = (sbyte)Read8(0xE7);
        }

        private double Compensate(int adcT)
        {
            double var1 = (adcT / 16384.0 - _t1 / 1024.0) * _t2;
            double var2 = adcT / 131072.0 - _t1 / 8192.0;
            var2 = var2 * var2 * _t3;
            return var1 + var2;
        }

        private double CompensatePressure(int adcP)
        {
            double var1 = _tFine / 2.0 - 64000.0;
            double var2 = var1 * var1 * _p6 / 32768.0;
            var2 += var1 * _p5 * 2.0;
            var2 = var2 / 4.0 + _p4 * 65536.0;
            var1 = (_p3 * var1 * var1 / 524288.0 + _p2 * var1) / 524288.0;
            var1 = (1.0 + var1 / 32768.0) * _p1;
            if (var1 == 0)
            {
                return 0;
            }

            double p = 1048576.0 - adcP;
            p = (p - var2 / 4096.0) * 6250.0 / var1;
            var1 = _p9 * p * p / 2147483648.0;
            var2 = p * _p8 / 32768.0;
            return p + (var1 + var2 + _p7) / 16.0;
        }

        private double CompensateHumidity(int adcH)
        {
            double h = _tFine - 76800.0;
            h = (adcH - (_h4 * 64.0 + _h5 / 16384.0 * h)) * (_h2 / 65536.0 * (1.0 + _h6 / 67108864.0 * h * (1.0 + _h3 / 67108864.0 * h)));
            h *= 1.0 - _h1 * h / 524288.0;
            return h > 100 ? 100 : (h < 0 ? 0 : h);
        }
    }
}

namespace Iot.Device.Bmxx80.ReadResult
{
    public class Bme280ReadResult
    {
        public Bme280ReadResult(Temperature temperature, bool temperatureIsValid, Pressure pressure, bool pressureIsValid, RelativeHumidity humidity, bool humidityIsValid)
        {
            Temperature = temperature;
            TemperatureIsValid = temperatureIsValid;
            Pressure = pressure;
            PressureIsValid = pressureIsValid;
            Humidity = humidity;
            HumidityIsValid = humidityIsValid;
        }

        public Temperature Temperature { get; }
        public bool TemperatureIsValid { get; }
        public Pressure Pressure { get; }
        public bool PressureIsValid { get; }
        public RelativeHumidity Humidity { get; }
        public bool HumidityIsValid { get; }
    }
}
