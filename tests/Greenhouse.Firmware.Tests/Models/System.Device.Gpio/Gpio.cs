// Behaviour model for host tests, not upstream code. Models: nanoFramework.System.Device.Gpio 1.1.62.
// Behaviour read from: nanoframework/System.Device.Gpio@cd99158280e0f5c24102981c26baf69facda4d17
//   System.Device.Gpio/GpioController.cs, System.Device.Gpio/GpioPin.cs
// and nanoframework/nf-interpreter@a3e8139a1 src/System.Device.Gpio/sys_dev_gpio_native_System_Device_Gpio_GpioPin.cpp.
// What matters to the firmware and is reproduced here:
// - the list of open pins is STATIC: every GpioController shares it;
// - GpioController.Dispose disposes every pin in that list (relays, heartbeat, inputs), not only its own, and leaves
//   the disposed entries in the list;
// - OpenPin(n, Output) drives the pin LOW before the first Write (CPU_GPIO_EnableOutputPin(pin, Low, mode));
// - Write/Read/SetPinMode on a disposed pin throw ObjectDisposedException; Write to an input throws
//   ArgumentException (native CLR_E_INVALID_PARAMETER); OpenPin of a reserved pin throws InvalidOperationException;
// - ClosePin disposes and removes the first entry with that number, or throws InvalidOperationException;
// - a disposed pin becomes a floating input and is released (CPU_GPIO_DisablePin).
using System.Collections;
using Greenhouse.Firmware.Tests.Models;

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    public enum PinNumberingScheme
    {
        Logical,
        Board,
    }

    public readonly struct PinValue
    {
        private readonly byte _value;

        private PinValue(byte value)
        {
            _value = value;
        }

        public static PinValue High
        {
            get { return new PinValue(1); }
        }

        public static PinValue Low
        {
            get { return new PinValue(0); }
        }

        public static implicit operator PinValue(int value)
        {
            return value == 0 ? Low : High;
        }

        public static implicit operator PinValue(bool value)
        {
            return value ? High : Low;
        }

        public static explicit operator int(PinValue value)
        {
            return value._value;
        }

        public static explicit operator bool(PinValue value)
        {
            return value._value != 0;
        }

        public static bool operator ==(PinValue a, PinValue b)
        {
            return a._value == b._value;
        }

        public static bool operator !=(PinValue a, PinValue b)
        {
            return a._value != b._value;
        }

        public bool Equals(PinValue other)
        {
            return _value == other._value;
        }

        public override bool Equals(object obj)
        {
            return obj is PinValue other && other._value == _value;
        }

        public override int GetHashCode()
        {
            return _value;
        }

        public override string ToString()
        {
            return _value == 0 ? "Low" : "High";
        }
    }

    public sealed class GpioController : IDisposable
    {
        // Upstream keeps this list static: every controller sees and disposes every pin.
        private static readonly ArrayList SharedPins = new ArrayList();
        private bool _disposed;

        public GpioController()
        {
        }

        /// <summary>Model only: the CPU reset clears the managed list.</summary>
        internal static void ResetSharedPins()
        {
            SharedPins.Clear();
        }

        /// <summary>Model only: how many entries the shared list holds (disposed ones included).</summary>
        public static int SharedEntries
        {
            get { return SharedPins.Count; }
        }

        public GpioPin OpenPin(int pinNumber)
        {
            GpioPin pin = Reserve(pinNumber);
            SharedPins.Add(pin);
            return pin;
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            GpioPin pin = Reserve(pinNumber);
            pin.SetPinMode(mode);
            SharedPins.Add(pin);
            return pin;
        }

        private static GpioPin Reserve(int pinNumber)
        {
            if (pinNumber < 0 || pinNumber >= Esp32Board.Pads.Length || Esp32Board.Pads[pinNumber].Reserved)
            {
                throw new InvalidOperationException();
            }

            PadState pad = Esp32Board.Pads[pinNumber];
            pad.Reserved = true;
            // The GPIO matrix takes the pad: a peripheral routed here loses it.
            pad.I2cBus = 0;
            Esp32Board.Changed(pinNumber, "opened");
            return new GpioPin(pinNumber);
        }

        public void ClosePin(int pinNumber)
        {
            for (int i = 0; i < SharedPins.Count; i++)
            {
                GpioPin pin = (GpioPin)SharedPins[i];
                if (pin.PinNumber == pinNumber)
                {
                    pin.Dispose();
                    SharedPins.RemoveAt(i);
                    return;
                }
            }

            throw new InvalidOperationException();
        }

        public bool IsPinOpen(int pinNumber)
        {
            return Esp32Board.Pads[pinNumber].Reserved;
        }

        public PinValue Read(int pinNumber)
        {
            return Esp32Board.Level(pinNumber) ? PinValue.High : PinValue.Low;
        }

        public void Write(int pinNumber, PinValue value)
        {
            for (int i = 0; i < SharedPins.Count; i++)
            {
                GpioPin pin = (GpioPin)SharedPins[i];
                if (pin.PinNumber == pinNumber)
                {
                    pin.Write(value);
                    return;
                }
            }

            throw new InvalidOperationException();
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            // As upstream: every pin in the shared list, whoever opened it; the entries stay in the list.
            for (int i = 0; i < SharedPins.Count; i++)
            {
                ((GpioPin)SharedPins[i]).Dispose();
            }

            _disposed = true;
        }
    }

    public sealed class GpioPin : IDisposable
    {
        private readonly int _pinNumber;
        private PinMode _mode = PinMode.Input;
        private bool _disposed;

        internal GpioPin(int pinNumber)
        {
            _pinNumber = pinNumber;
        }

        public int PinNumber
        {
            get { return _pinNumber; }
        }

        public bool IsDisposed
        {
            get { return _disposed; }
        }

        public PinMode GetPinMode()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("GpioPin");
            }

            return _mode;
        }

        public bool IsPinModeSupported(PinMode pinMode)
        {
            return Supported(_pinNumber, pinMode);
        }

        internal static bool Supported(int pin, PinMode mode)
        {
            if (Esp32Board.IsInputOnly(pin))
            {
                return mode == PinMode.Input;
            }

            return mode != PinMode.OutputOpenSource && mode != PinMode.OutputOpenSourcePullDown;
        }

        public void SetPinMode(PinMode value)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("GpioPin");
            }

            if (!Supported(_pinNumber, value))
            {
                throw new ArgumentException("pin mode not supported on GPIO " + _pinNumber.ToString());
            }

            PadState pad = Esp32Board.Pads[_pinNumber];
            _mode = value;
            pad.Mode = value;
            pad.OpenedAs.Add(value);
            bool output = value >= PinMode.Output;
            pad.IsOutput = output;
            if (output)
            {
                // CPU_GPIO_EnableOutputPin(pin, GpioPinValue_Low, mode): low at once.
                pad.OutputLevel = false;
                pad.OutputTransitions++;
                Esp32Board.Changed(_pinNumber, "output low (mode " + value.ToString() + ")");
            }
            else
            {
                Esp32Board.Changed(_pinNumber, "input " + value.ToString());
            }
        }

        public PinValue Read()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("GpioPin");
            }

            return Esp32Board.Level(_pinNumber) ? PinValue.High : PinValue.Low;
        }

        public void Write(PinValue value)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException("GpioPin");
            }

            if (_mode < PinMode.Output)
            {
                throw new ArgumentException("GPIO " + _pinNumber.ToString() + " is not an output");
            }

            PadState pad = Esp32Board.Pads[_pinNumber];
            bool level = (bool)value;
            if (pad.OutputLevel != level)
            {
                pad.OutputLevel = level;
                pad.OutputTransitions++;
                Esp32Board.Changed(_pinNumber, level ? "high" : "low");
            }
        }

        public void Toggle()
        {
            Write(!(bool)Read());
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            // CPU_GPIO_DisablePin(pin, Input, 0): floating input, released, routing lost.
            PadState pad = Esp32Board.Pads[_pinNumber];
            pad.Reserved = false;
            pad.IsOutput = false;
            pad.Mode = PinMode.Input;
            pad.I2cBus = 0;
            Esp32Board.Changed(_pinNumber, "disposed");
        }
    }
}
