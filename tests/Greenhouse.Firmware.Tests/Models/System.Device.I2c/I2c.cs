// Behaviour model for host tests, not upstream code. Models: nanoFramework.System.Device.I2c 1.1.29 on ESP32.
// Behaviour read from: nanoframework/System.Device.I2c@v1.1.29 System.Device.I2c/I2cDevice.cs and
// nanoframework/nf-interpreter@a3e8139a1 targets/ESP32/_nanoCLR/System.Device.I2c/sys_dev_i2c_native_System_Device_I2c_I2cDevice.cpp:
// - a transfer never throws for a bus problem: a NACK gives SlaveAddressNotAcknowledged, a bus held low or a clock
//   stretched too long gives ClockStretchTimeout; BytesTransferred is 0 and the read buffer is NOT written (whatever it
//   held stays: a reused buffer returns stale bytes, a new one returns zeros);
// - ReadByte reads into one buffer the device keeps for its lifetime and returns it without looking at the status;
// - creating a device routes the bus to its mapped pins (Configuration.SetPinFunction, else the target defaults) and
//   fails when either pin is open as a GPIO.
using System.Collections.Generic;
using Greenhouse.Firmware.Tests.Models;
using nanoFramework.Hardware.Esp32;

namespace System
{
    /// <summary>Model of mscorlib 1.17.11's SpanByte: a window on a byte array.</summary>
    public readonly struct SpanByte
    {
        private readonly byte[] _array;
        private readonly int _start;
        private readonly int _length;

        public SpanByte(byte[] array)
        {
            _array = array;
            _start = 0;
            _length = array == null ? 0 : array.Length;
        }

        public SpanByte(byte[] array, int start, int length)
        {
            _array = array;
            _start = start;
            _length = length;
        }

        public int Length
        {
            get { return _length; }
        }

        public byte this[int index]
        {
            get { return _array[_start + index]; }
            set { _array[_start + index] = value; }
        }

        public SpanByte Slice(int start)
        {
            return new SpanByte(_array, _start + start, _length - start);
        }

        public SpanByte Slice(int start, int length)
        {
            return new SpanByte(_array, _start + start, length);
        }

        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            if (_length > 0)
            {
                Array.Copy(_array, _start, copy, 0, _length);
            }

            return copy;
        }

        public static implicit operator SpanByte(byte[] array)
        {
            return new SpanByte(array);
        }
    }
}

namespace System.Device.I2c
{
    public enum I2cBusSpeed
    {
        StandardMode,
        FastMode,
        FastModePlus,
    }

    public enum I2cTransferStatus
    {
        UnknownError,
        FullTransfer,
        ClockStretchTimeout,
        PartialTransfer,
        SlaveAddressNotAcknowledged,
    }

    public struct I2cTransferResult
    {
        private readonly uint _bytes;
        private readonly I2cTransferStatus _status;

        internal I2cTransferResult(I2cTransferStatus status, uint bytes)
        {
            _status = status;
            _bytes = bytes;
        }

        public uint BytesTransferred
        {
            get { return _bytes; }
        }

        public I2cTransferStatus Status
        {
            get { return _status; }
        }
    }

    public sealed class I2cConnectionSettings
    {
        public I2cConnectionSettings(int busId, int deviceAddress)
            : this(busId, deviceAddress, I2cBusSpeed.FastMode)
        {
        }

        public I2cConnectionSettings(int busId, int deviceAddress, I2cBusSpeed busSpeed)
        {
            BusId = busId;
            DeviceAddress = deviceAddress;
            BusSpeed = busSpeed;
        }

        public int BusId { get; }
        public int DeviceAddress { get; }
        public I2cBusSpeed BusSpeed { get; }
    }

    public class I2cDevice : IDisposable
    {
        /// <summary>Model only: every device created, for the tests.</summary>
        public static readonly List<I2cDevice> Created = new List<I2cDevice>();

        private readonly I2cConnectionSettings _settings;
        private readonly byte[] _buffer = new byte[1];
        private bool _disposed;

        public I2cDevice(I2cConnectionSettings settings)
        {
            _settings = settings;
            if (settings.BusId < 1 || settings.BusId > 2)
            {
                throw new ArgumentException();
            }

            int data = nanoFramework.Hardware.Esp32.Configuration.GetFunctionPin(settings.BusId == 1 ? DeviceFunction.I2C1_DATA : DeviceFunction.I2C2_DATA);
            int clock = nanoFramework.Hardware.Esp32.Configuration.GetFunctionPin(settings.BusId == 1 ? DeviceFunction.I2C1_CLOCK : DeviceFunction.I2C2_CLOCK);
            if (Esp32Board.Pads[data].Reserved || Esp32Board.Pads[clock].Reserved)
            {
                // SetConfig returns false: CLR_E_FAIL.
                throw new Exception("I2C pins in use");
            }

            Route(data, settings.BusId, true);
            Route(clock, settings.BusId, false);
            Created.Add(this);
        }

        private static void Route(int pin, int bus, bool data)
        {
            PadState pad = Esp32Board.Pads[pin];
            pad.I2cBus = bus;
            pad.I2cData = data;
            Esp32Board.Changed(pin, "routed to I2C" + bus.ToString() + (data ? " data" : " clock"));
        }

        public static I2cDevice Create(I2cConnectionSettings settings)
        {
            return new I2cDevice(settings);
        }

        public I2cConnectionSettings ConnectionSettings
        {
            get { return _settings; }
        }

        public bool IsDisposed
        {
            get { return _disposed; }
        }

        public byte ReadByte()
        {
            // Upstream ignores the status here: a failed read returns whatever the buffer held.
            Transmit(null, new SpanByte(_buffer));
            return _buffer[0];
        }

        public I2cTransferResult Read(SpanByte buffer)
        {
            return Transmit(null, buffer);
        }

        public I2cTransferResult WriteByte(byte value)
        {
            _buffer[0] = value;
            return Transmit(new SpanByte(_buffer), default(SpanByte));
        }

        public I2cTransferResult Write(SpanByte buffer)
        {
            return Transmit(buffer, default(SpanByte));
        }

        public I2cTransferResult WriteRead(SpanByte writeBuffer, SpanByte readBuffer)
        {
            return Transmit(writeBuffer, readBuffer);
        }

        private I2cTransferResult Transmit(SpanByte? write, SpanByte? read)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("I2cDevice");
            }

            byte[] writeBytes = write.HasValue ? write.Value.ToArray() : new byte[0];
            int readLength = read.HasValue ? read.Value.Length : 0;
            byte[] readBytes = new byte[readLength];
            I2cTransferStatus status = I2cWiring.Transfer(_settings.BusId, _settings.DeviceAddress, writeBytes, readBytes);
            if (status != I2cTransferStatus.FullTransfer)
            {
                return new I2cTransferResult(status, 0);
            }

            for (int i = 0; i < readLength; i++)
            {
                SpanByte target = read.Value;
                target[i] = readBytes[i];
            }

            return new I2cTransferResult(I2cTransferStatus.FullTransfer, (uint)(writeBytes.Length + readLength));
        }

        public void Dispose()
        {
            _disposed = true;
        }
    }
}

namespace Greenhouse.Firmware.Tests.Models
{
    using System.Device.I2c;

    /// <summary>A chip on an I2C pair of wires.</summary>
    public interface II2cTarget
    {
        int DataPin { get; }
        int ClockPin { get; }
        int Address { get; }

        /// <summary>True while the chip holds SDA low (an interrupted transfer): the whole bus is stuck.</summary>
        bool HoldsDataLow { get; }

        /// <summary>True when the chip answers its address (powered, connected).</summary>
        bool Answers { get; }

        void Receive(byte[] data);

        void Send(byte[] buffer);
    }

    /// <summary>What happens on the wires when the firmware transfers on a bus.</summary>
    public static class I2cWiring
    {
        public static I2cTransferStatus Transfer(int bus, int address, byte[] write, byte[] read)
        {
            int data = -1;
            int clock = -1;
            foreach (PadState pad in Esp32Board.Pads)
            {
                if (pad.I2cBus == bus)
                {
                    if (pad.I2cData)
                    {
                        data = pad.Number;
                    }
                    else
                    {
                        clock = pad.Number;
                    }
                }
            }

            if (data < 0 || clock < 0)
            {
                // The peripheral is not connected to any pad: nothing answers.
                return I2cTransferStatus.SlaveAddressNotAcknowledged;
            }

            II2cTarget target = null;
            foreach (IBoardCircuit circuit in Esp32Board.Circuits)
            {
                II2cTarget chip = circuit as II2cTarget;
                if (chip == null || chip.DataPin != data || chip.ClockPin != clock)
                {
                    continue;
                }

                if (chip.HoldsDataLow)
                {
                    return I2cTransferStatus.ClockStretchTimeout;
                }

                if (chip.Address == address && chip.Answers)
                {
                    target = chip;
                }
            }

            if (target == null)
            {
                return I2cTransferStatus.SlaveAddressNotAcknowledged;
            }

            if (write.Length > 0)
            {
                target.Receive(write);
            }

            if (read.Length > 0)
            {
                target.Send(read);
            }

            return I2cTransferStatus.FullTransfer;
        }
    }
}
