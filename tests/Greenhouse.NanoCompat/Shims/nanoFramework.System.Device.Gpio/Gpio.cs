// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.Device.Gpio 1.1.62
// Upstream: nanoframework/System.Device.Gpio@cd99158280e0f5c24102981c26baf69facda4d17 System.Device.Gpio/GpioController.cs
// Upstream: nanoframework/System.Device.Gpio@cd99158280e0f5c24102981c26baf69facda4d17 System.Device.Gpio/GpioPin.cs
// Upstream: nanoframework/System.Device.Gpio@cd99158280e0f5c24102981c26baf69facda4d17 System.Device.Gpio/PinChangeEventHandler.cs
// Upstream: nanoframework/System.Device.Gpio@cd99158280e0f5c24102981c26baf69facda4d17 System.Device.Gpio/PinEventTypes.cs
// Upstream: nanoframework/System.Device.Gpio@cd99158280e0f5c24102981c26baf69facda4d17 System.Device.Gpio/PinMode.cs
// Upstream: nanoframework/System.Device.Gpio@cd99158280e0f5c24102981c26baf69facda4d17 System.Device.Gpio/PinNumberingScheme.cs
// Upstream: nanoframework/System.Device.Gpio@cd99158280e0f5c24102981c26baf69facda4d17 System.Device.Gpio/PinValue.cs
// Upstream: nanoframework/System.Device.Gpio@cd99158280e0f5c24102981c26baf69facda4d17 System.Device.Gpio/PinValueChangedEventArgs.cs
// Upstream: nanoframework/System.Device.Gpio@cd99158280e0f5c24102981c26baf69facda4d17 System.Device.Gpio/PinValuePair.cs
// Upstream: nanoframework/System.Device.Gpio@cd99158280e0f5c24102981c26baf69facda4d17 System.Device.Gpio/WaitForEventResult.cs
// PinValueChangedEventArgs derives from nanoFramework.Runtime.Events.BaseEvent, NOT EventArgs.
// GpioPin has no public constructor (obtain it from GpioController.OpenPin). No WaitForEvent, no Read/Write
// of PinValuePair spans, no OpenPin(int, PinMode, PinValue).
// Device behaviour this compile-only shim cannot show (read in System.Device.Gpio@cd991582 GpioController.cs and
// nf-interpreter src/System.Device.Gpio/sys_dev_gpio_native_System_Device_Gpio_GpioPin.cpp; modelled and exercised in
// tests/Greenhouse.Firmware.Tests/Models/System.Device.Gpio):
// - the open-pin list is static: every GpioController shares it, and Dispose() disposes EVERY open pin of the board
//   (relays, heartbeat, inputs), not only the controller's own; use one controller and never dispose it;
// - OpenPin(n, Output) drives the pin LOW before the first Write (CPU_GPIO_EnableOutputPin(pin, Low)): "on" for an
//   active-low relay; there is no overload that opens at a level;
// - a disposed pin becomes a floating input; Write/Read on it throw ObjectDisposedException, Write on an input
//   throws ArgumentException; GPIO 34-39 accept only PinMode.Input.
namespace System.Device.Gpio
{
    public sealed class GpioController : IDisposable
    {
        public GpioController() { throw null; }
        public GpioController(PinNumberingScheme numberingScheme) { throw null; }
        public PinNumberingScheme NumberingScheme { get { throw null; } }
        public int PinCount { get { throw null; } }
        public GpioPin OpenPin(int pinNumber) { throw null; }
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw null; }
        public void ClosePin(int pinNumber) { throw null; }
        public void Dispose() { throw null; }
        public PinMode GetPinMode(int pinNumber) { throw null; }
        public bool IsPinModeSupported(int pinNumber, PinMode mode) { throw null; }
        public bool IsPinOpen(int pinNumber) { throw null; }
        public PinValue Read(int pinNumber) { throw null; }
        public void RegisterCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) { throw null; }
        public void SetPinMode(int pinNumber, PinMode mode) { throw null; }
        public void UnregisterCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) { throw null; }
        public void Write(int pinNumber, PinValue value) { throw null; }
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() { }
        public TimeSpan DebounceTimeout { get { throw null; } set { throw null; } }
        public int PinNumber { get { throw null; } }
        public PinMode GetPinMode() { throw null; }
        public bool IsPinModeSupported(PinMode pinMode) { throw null; }
        public void SetPinMode(PinMode value) { throw null; }
        public PinValue Read() { throw null; }
        public void Write(PinValue value) { throw null; }
        public event PinValueChangedEventHandler ValueChanged { add { } remove { } }
        public void Toggle() { throw null; }
        public void Dispose() { throw null; }
    }

    public delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

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
        public static PinValue High { get { throw null; } }
        public static PinValue Low { get { throw null; } }
        public static implicit operator PinValue(int value) { throw null; }
        public static implicit operator PinValue(bool value) { throw null; }
        public static explicit operator byte(PinValue value) { throw null; }
        public static explicit operator int(PinValue value) { throw null; }
        public static explicit operator bool(PinValue value) { throw null; }
        public bool Equals(PinValue other) { throw null; }
        public override bool Equals(object obj) { throw null; }
        public static bool operator ==(PinValue a, PinValue b) { throw null; }
        public static bool operator !=(PinValue a, PinValue b) { throw null; }
        public override int GetHashCode() { throw null; }
        public override string ToString() { throw null; }
    }

    public class PinValueChangedEventArgs : nanoFramework.Runtime.Events.BaseEvent
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber) { throw null; }
        public PinEventTypes ChangeType { get { throw null; } }
        public int PinNumber { get { throw null; } }
    }

    public readonly struct PinValuePair
    {
        public int PinNumber { get { throw null; } }
        public PinValue PinValue { get { throw null; } }
        public PinValuePair(int pinNumber, PinValue pinValue) { throw null; }
        public void Deconstruct(out int pinNumber, out PinValue pinValue) { throw null; }
    }

    public struct WaitForEventResult
    {
        public PinEventTypes EventTypes;
        public bool TimedOut;
    }
}
