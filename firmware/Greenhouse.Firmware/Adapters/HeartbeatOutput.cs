using System;
using System.Device.Gpio;
using Greenhouse.Ports;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// The dead-man heartbeat (hardware-docs/dead-man.md) and the status LED, which shows the same level: the core
    /// toggles it once per completed tick, so the LED blinks while the controller runs and the relay supply is proven,
    /// and stops when the tick stalls or a dead-man proof holds the heartbeat. Both pins start low (no edge).
    /// </summary>
    public sealed class HeartbeatOutput : IDigitalOutput
    {
        private readonly GpioPin _heartbeat;
        private readonly GpioPin _led;

        /// <param name="ledPin">Status LED pin, or a negative number for none.</param>
        public HeartbeatOutput(GpioController gpio, int heartbeatPin, int ledPin)
        {
            _heartbeat = gpio.OpenPin(heartbeatPin, PinMode.Output);
            _heartbeat.Write(PinValue.Low);
            if (ledPin >= 0 && ledPin != heartbeatPin)
            {
                _led = gpio.OpenPin(ledPin, PinMode.Output);
                _led.Write(PinValue.Low);
            }
        }

        /// <summary>Writes that failed since start.</summary>
        public int Failures { get; private set; }

        public bool TryWrite(bool high)
        {
            PinValue level = high ? PinValue.High : PinValue.Low;
            try
            {
                _heartbeat.Write(level);
                if (_led != null)
                {
                    _led.Write(level);
                }

                return true;
            }
            catch (Exception)
            {
                Failures++;
                return false;
            }
        }
    }
}
