using System;
using System.Device.Gpio;
using Greenhouse.Ports;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// A relay on a GPIO pin; translates energised/released to the board's active level. The pin is opened on the
    /// first <see cref="Set"/>, not before: nanoFramework drives a new output LOW until the first Write
    /// (nf-interpreter CPU_GPIO_EnableOutputPin(pin, Low)), which is "energised" on an active-low board. A pin that is
    /// not opened is not driven, which the relay board reads as released, and the core makes the first call only once
    /// the relay supply has been seen off (Greenhouse.Safety.DeadManCheck), so opening cannot pulse a relay.
    /// </summary>
    public sealed class GpioRelay : IRelay
    {
        private readonly GpioController _gpio;
        private readonly int _pinNumber;
        private readonly bool _activeLow;
        private GpioPin _pin;

        /// <summary>Remembers the pin; opens nothing.</summary>
        public GpioRelay(GpioController gpio, int pinNumber, bool activeLow)
        {
            _gpio = gpio;
            _pinNumber = pinNumber;
            _activeLow = activeLow;
        }

        public int PinNumber
        {
            get { return _pinNumber; }
        }

        /// <summary>True once the pin is an output.</summary>
        public bool IsOpen
        {
            get { return _pin != null; }
        }

        /// <summary>Opens the pin if needed and drives it. A failure throws: the tick then fails and the dead-man drops the relays.</summary>
        public void Set(bool energised)
        {
            if (_pin == null)
            {
                _pin = _gpio.OpenPin(_pinNumber, PinMode.Output);
            }

            _pin.Write(Level(energised));
        }

        /// <summary>Drives an opened relay to released (before a watchdog reboot); one never opened is released already. Never throws.</summary>
        public void Release()
        {
            if (_pin == null)
            {
                return;
            }

            try
            {
                _pin.Write(Level(false));
            }
            catch (Exception)
            {
                // The dead-man drops the relay supply once the heartbeat stops.
            }
        }

        private PinValue Level(bool energised)
        {
            return energised != _activeLow ? PinValue.High : PinValue.Low;
        }
    }
}
