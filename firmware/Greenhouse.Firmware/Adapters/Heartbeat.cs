using System.Device.Gpio;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// The dead-man output: toggled once per healthy tick. An external retriggerable timer keeps the relay board
    /// powered only while the pulses arrive (hardware-docs/dead-man.md), so a hung board drops every valve.
    /// </summary>
    public sealed class Heartbeat
    {
        private readonly GpioPin _pin;
        private bool _level;

        public Heartbeat(GpioController gpio, int pinNumber)
        {
            _pin = gpio.OpenPin(pinNumber, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        public void Beat()
        {
            _level = !_level;
            _pin.Write(_level ? PinValue.High : PinValue.Low);
        }
    }
}
