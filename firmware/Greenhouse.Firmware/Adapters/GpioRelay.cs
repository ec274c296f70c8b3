using System.Device.Gpio;
using Greenhouse.Ports;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>A relay on a GPIO pin; translates energised/released to the board's active level.</summary>
    public sealed class GpioRelay : IRelay
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;

        /// <summary>Opens the pin as an output and drives it to the released level at once.</summary>
        public GpioRelay(GpioController gpio, int pinNumber, bool activeLow)
        {
            _activeLow = activeLow;
            _pin = gpio.OpenPin(pinNumber, PinMode.Output);
            Set(false);
        }

        public void Set(bool energised)
        {
            _pin.Write(energised != _activeLow ? PinValue.High : PinValue.Low);
        }

        /// <summary>Returns the pin to the controller (input) when the board is wired differently.</summary>
        public void Release(GpioController gpio)
        {
            int number = _pin.PinNumber;
            _pin.Dispose();
            if (gpio.IsPinOpen(number))
            {
                gpio.ClosePin(number);
            }
        }
    }
}
