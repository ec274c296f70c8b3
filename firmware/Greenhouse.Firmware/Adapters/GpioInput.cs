using System;
using System.Device.Gpio;
using Greenhouse.Ports;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>A digital input: the tank float switch (to GND, pull-up) or the relay supply read-back (divider, no pull).</summary>
    public sealed class GpioInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly bool _inverted;

        /// <param name="mode">Input, or InputPullUp for a switch to GND. GPIO 34-39 support Input only.</param>
        /// <param name="inverted">True when a low pin means "high" to the core (a closed float switch = water present).</param>
        public GpioInput(GpioController gpio, int pinNumber, PinMode mode, bool inverted)
        {
            _inverted = inverted;
            _pin = gpio.OpenPin(pinNumber, mode);
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
