// Behaviour model for host tests: a BME280 on two wires, from the Bosch BME280 datasheet (register map 0x88-0xFE,
// chip id 0x60 at 0xD0, soft reset 0xB6 at 0xE0, ctrl_hum 0xF2 effective after a ctrl_meas write, forced mode runs one
// measurement and returns to sleep, a skipped channel reads 0x80000 / 0x8000, compensation formulas in double
// precision). Calibration words are the datasheet's example values; humidity words are typical of real parts.
// Faults a greenhouse produces: unplugged or wet connector (no answer), SDA held low after an interrupted transfer
// (released by 9 clocks on SCL, I2C spec 3.1.16, or only by a power cycle), and a power loss of the sensor alone
// (registers back to their reset values: every channel skipped, sleep mode) while the controller keeps running.
using System;
using System.Device.Gpio;

namespace Greenhouse.Firmware.Tests.Models
{
    /// <summary>Bosch's double-precision compensation and the calibration the chip model carries.</summary>
    public static class Bme280Math
    {
        public const ushort T1 = 27504;
        public const short T2 = 26435;
        public const short T3 = -1000;
        public const ushort P1 = 36477;
        public const short P2 = -10685;
        public const short P3 = 3024;
        public const short P4 = 2855;
        public const short P5 = 140;
        public const short P6 = -7;
        public const short P7 = 15500;
        public const short P8 = -14600;
        public const short P9 = 6000;
        public const byte H1 = 75;
        public const short H2 = 362;
        public const byte H3 = 0;
        public const short H4 = 313;
        public const short H5 = 50;
        public const sbyte H6 = 30;

        public static double TFine(int adcT)
        {
            double var1 = (adcT / 16384.0 - T1 / 1024.0) * T2;
            double var2 = adcT / 131072.0 - T1 / 8192.0;
            var2 = var2 * var2 * T3;
            return var1 + var2;
        }

        public static double Celsius(int adcT)
        {
            return TFine(adcT) / 5120.0;
        }

        public static double Pascals(int adcP, double tFine)
        {
            double var1 = tFine / 2.0 - 64000.0;
            double var2 = var1 * var1 * P6 / 32768.0;
            var2 += var1 * P5 * 2.0;
            var2 = var2 / 4.0 + P4 * 65536.0;
            var1 = (P3 * var1 * var1 / 524288.0 + P2 * var1) / 524288.0;
            var1 = (1.0 + var1 / 32768.0) * P1;
            if (var1 == 0)
            {
                return 0;
            }

            double p = 1048576.0 - adcP;
            p = (p - var2 / 4096.0) * 6250.0 / var1;
            var1 = P9 * p * p / 2147483648.0;
            var2 = p * P8 / 32768.0;
            return p + (var1 + var2 + P7) / 16.0;
        }

        public static double Percent(int adcH, double tFine)
        {
            double h = tFine - 76800.0;
            h = (adcH - (H4 * 64.0 + H5 / 16384.0 * h)) * (H2 / 65536.0 * (1.0 + H6 / 67108864.0 * h * (1.0 + H3 / 67108864.0 * h)));
            h *= 1.0 - H1 * h / 524288.0;
            return h > 100 ? 100 : (h < 0 ? 0 : h);
        }

        /// <summary>The raw value whose compensated result is closest to the wanted one (the functions are monotonic).</summary>
        public static int Invert(Func<int, double> compensate, double wanted, int max, bool increasing)
        {
            int lo = 0;
            int hi = max;
            while (lo < hi)
            {
                int mid = lo + (hi - lo) / 2;
                double value = compensate(mid);
                if (increasing ? value < wanted : value > wanted)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }

    public sealed class Bme280Chip : IBoardCircuit, II2cTarget
    {
        private readonly byte[] _regs = new byte[256];
        private byte _register;
        private int _latchedHumidityOversampling;
        private int _clocksWhileStuck;
        private bool _lastClock = true;

        public Bme280Chip(int address, int dataPin, int clockPin)
        {
            Address = address;
            DataPin = dataPin;
            ClockPin = clockPin;
            WriteCalibration();
            PowerOnReset();
        }

        public int Address { get; }
        public int DataPin { get; }
        public int ClockPin { get; }

        public double Celsius = 21.5;
        public double Humidity = 88.0;
        public double Hectopascals = 985.0;

        /// <summary>Unplugged or a wet connector: the chip does not answer.</summary>
        public bool Connected = true;

        /// <summary>SDA held low; released after 9 clocks unless <see cref="NeedsPowerCycle"/>.</summary>
        public bool Stuck;
        public bool NeedsPowerCycle;
        public int Measurements;
        public int SoftResets;

        /// <summary>0x60 for a BME280; 0x58 for a BMP280 (no humidity) sold as one.</summary>
        public byte ChipId
        {
            get { return _regs[0xD0]; }
            set { _regs[0xD0] = value; }
        }

        public bool HoldsDataLow
        {
            get { return Stuck && Connected; }
        }

        public bool Answers
        {
            get { return Connected && !Stuck; }
        }

        /// <summary>The sensor alone lost power and came back: registers at their reset values.</summary>
        public void PowerLoss()
        {
            PowerOnReset();
            Stuck = false;
        }

        public int CtrlHum
        {
            get { return _regs[0xF2]; }
        }

        public int CtrlMeas
        {
            get { return _regs[0xF4]; }
        }

        private void PowerOnReset()
        {
            if (_regs[0xD0] == 0)
            {
                _regs[0xD0] = 0x60;
            }

            _regs[0xF2] = 0;
            _regs[0xF3] = 0;
            _regs[0xF4] = 0;
            _regs[0xF5] = 0;
            _latchedHumidityOversampling = 0;
            SetRaw(0xF7, 0x80000);
            SetRaw(0xFA, 0x80000);
            _regs[0xFD] = 0x80;
            _regs[0xFE] = 0x00;
        }

        private void WriteCalibration()
        {
            Word(0x88, Bme280Math.T1);
            Word(0x8A, unchecked((ushort)Bme280Math.T2));
            Word(0x8C, unchecked((ushort)Bme280Math.T3));
            Word(0x8E, Bme280Math.P1);
            Word(0x90, unchecked((ushort)Bme280Math.P2));
            Word(0x92, unchecked((ushort)Bme280Math.P3));
            Word(0x94, unchecked((ushort)Bme280Math.P4));
            Word(0x96, unchecked((ushort)Bme280Math.P5));
            Word(0x98, unchecked((ushort)Bme280Math.P6));
            Word(0x9A, unchecked((ushort)Bme280Math.P7));
            Word(0x9C, unchecked((ushort)Bme280Math.P8));
            Word(0x9E, unchecked((ushort)Bme280Math.P9));
            _regs[0xA1] = Bme280Math.H1;
            Word(0xE1, unchecked((ushort)Bme280Math.H2));
            _regs[0xE3] = Bme280Math.H3;
            _regs[0xE4] = (byte)(Bme280Math.H4 >> 4);
            _regs[0xE5] = (byte)((Bme280Math.H4 & 0x0F) | ((Bme280Math.H5 & 0x0F) << 4));
            _regs[0xE6] = (byte)(Bme280Math.H5 >> 4);
            _regs[0xE7] = (byte)Bme280Math.H6;
        }

        private void Word(int register, ushort value)
        {
            _regs[register] = (byte)(value & 0xFF);
            _regs[register + 1] = (byte)(value >> 8);
        }

        private void SetRaw(int register, int raw20)
        {
            _regs[register] = (byte)(raw20 >> 12);
            _regs[register + 1] = (byte)(raw20 >> 4);
            _regs[register + 2] = (byte)((raw20 & 0x0F) << 4);
        }

        public void Receive(byte[] data)
        {
            // BME280 I2C writes: register address, then (register, value) pairs; a lone byte sets the read pointer.
            _register = data[0];
            if (data.Length == 1)
            {
                return;
            }

            for (int i = 1; i < data.Length; i++)
            {
                WriteRegister(_register, data[i]);
                if (i + 1 < data.Length)
                {
                    _register = data[++i];
                }
            }
        }

        public void Send(byte[] buffer)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = _regs[(_register + i) & 0xFF];
            }
        }

        private void WriteRegister(int register, byte value)
        {
            switch (register)
            {
                case 0xE0:
                    if (value == 0xB6)
                    {
                        SoftResets++;
                        PowerOnReset();
                    }

                    break;
                case 0xF2:
                    _regs[0xF2] = (byte)(value & 0x07);
                    break;
                case 0xF4:
                    _regs[0xF4] = value;
                    _latchedHumidityOversampling = _regs[0xF2] & 0x07;
                    int mode = value & 0x03;
                    if (mode == 1 || mode == 2)
                    {
                        Measure();
                        _regs[0xF4] = (byte)(value & 0xFC);
                    }

                    break;
                case 0xF5:
                    _regs[0xF5] = value;
                    break;
            }
        }

        private void Measure()
        {
            Measurements++;
            int osrsT = (_regs[0xF4] >> 5) & 0x07;
            int osrsP = (_regs[0xF4] >> 2) & 0x07;
            int adcT = Bme280Math.Invert(Bme280Math.Celsius, Celsius, (1 << 20) - 1, true);
            double tFine = Bme280Math.TFine(adcT);
            SetRaw(0xFA, osrsT == 0 ? 0x80000 : adcT);
            if (osrsP == 0)
            {
                SetRaw(0xF7, 0x80000);
            }
            else
            {
                SetRaw(0xF7, Bme280Math.Invert(a => Bme280Math.Pascals(a, tFine), Hectopascals * 100, (1 << 20) - 1, false));
            }

            int adcH = _latchedHumidityOversampling == 0
                ? 0x8000
                : Bme280Math.Invert(a => Bme280Math.Percent(a, tFine), Humidity, 65535, true);
            _regs[0xFD] = (byte)(adcH >> 8);
            _regs[0xFE] = (byte)(adcH & 0xFF);
        }

        public bool? Drive(int pin)
        {
            if (pin == DataPin && HoldsDataLow)
            {
                return false;
            }

            return null;
        }

        public void PinChanged(int pin)
        {
            if (pin != ClockPin || !Stuck)
            {
                return;
            }

            // Bus recovery: clock pulses on SCL (driven as GPIO) while SDA is released.
            bool clockHigh = !Esp32Board.Drives(ClockPin, false);
            if (clockHigh && !_lastClock && !NeedsPowerCycle)
            {
                _clocksWhileStuck++;
                if (_clocksWhileStuck >= 9)
                {
                    Stuck = false;
                    _clocksWhileStuck = 0;
                }
            }

            _lastClock = clockHigh;
        }

        public void TimePassed()
        {
        }
    }
}
