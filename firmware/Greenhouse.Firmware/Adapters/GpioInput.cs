using System;
using System.Device.Gpio;
using Greenhouse.Ports;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>A digital input with the internal pull-up (the tank float switch closes to GND).</summary>
    public sealed class GpioInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly bool _inverted;

        /// <param name="inverted">True when a closed switch (low) means "high" to the core (water present).</param>
        public GpioInput(GpioController gpio, int pinNumber, bool inverted)
        {
            _inverted = inverted;
            _pin = gpio.OpenPin(pinNumber, PinMode.InputPullUp);
        }

        public bool TryRead(out bool high)
        {
            try
            {
                bool level = _pin.Read() == PinValue.High;
                high = level != _inverted;
                return true;
            }
            catch (Exception)
            {
                high = false;
                return false;
            }
        }
    }
}
