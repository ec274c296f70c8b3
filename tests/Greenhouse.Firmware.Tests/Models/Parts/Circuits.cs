// Behaviour models for host tests: the circuits wired to the controller board (hardware-docs/wiring.md, dead-man.md).
using System.Collections.Generic;

namespace Greenhouse.Firmware.Tests.Models
{
    /// <summary>
    /// The dead-man circuit: each rising edge on the heartbeat pin powers the relay supply (JD-VCC) for
    /// <see cref="TimeoutMs"/>; the supply is read back on the sense pin through a divider (low when off).
    /// Faults: a shorted switch keeps the supply on, an open one keeps it off, leakage stretches the time-out.
    /// </summary>
    public sealed class DeadManCircuit : IBoardCircuit
    {
        private bool _lastHeartbeat;
        private bool _hasRise;
        private long _lastRiseMs;

        public DeadManCircuit(int heartbeatPin, int sensePin)
        {
            HeartbeatPin = heartbeatPin;
            SensePin = sensePin;
        }

        public int HeartbeatPin { get; }
        public int SensePin { get; }
        public long TimeoutMs = 4100;
        public bool ShortedSwitch;
        public bool OpenSwitch;
        public int Rises;

        public bool SupplyOn
        {
            get { return ShortedSwitch || (!OpenSwitch && _hasRise && Esp32Board.UptimeMs - _lastRiseMs < TimeoutMs); }
        }

        /// <summary>A heartbeat edge from before the model started (a warm reboot right after a beat).</summary>
        public void EdgeAt(long uptimeMs)
        {
            _hasRise = true;
            _lastRiseMs = uptimeMs;
        }

        public bool? Drive(int pin)
        {
            return pin == SensePin ? SupplyOn : (bool?)null;
        }

        public void PinChanged(int pin)
        {
            if (pin != HeartbeatPin)
            {
                return;
            }

            // Only a driven rising edge pumps the timer; a floating or steady pin does nothing.
            bool level = Esp32Board.Drives(pin, true);
            if (level && !_lastHeartbeat)
            {
                Rises++;
                EdgeAt(Esp32Board.UptimeMs);
            }

            _lastHeartbeat = level;
        }

        public void TimePassed()
        {
        }
    }

    /// <summary>
    /// The relay board behind its input buffer: a coil pulls in when the relay supply is on and its input is actively
    /// driven to the active level; an undriven input (pin not opened, or an input) leaves it released.
    /// Every pull-in is recorded, however short: a relay that pulses while the firmware meant it off is a fault.
    /// </summary>
    public sealed class RelayBoard : IBoardCircuit
    {
        private readonly DeadManCircuit _supply;
        private readonly bool[] _energised;

        public RelayBoard(DeadManCircuit supply, bool activeLow, params int[] pins)
        {
            _supply = supply;
            ActiveLow = activeLow;
            Pins = pins;
            _energised = new bool[pins.Length];
            PullIns = new int[pins.Length];
        }

        public int[] Pins { get; }
        public bool ActiveLow { get; }
        public int[] PullIns { get; }
        public readonly List<string> Events = new List<string>();

        public bool Energised(int pin)
        {
            return _energised[System.Array.IndexOf(Pins, pin)];
        }

        public int TotalPullIns
        {
            get
            {
                int sum = 0;
                foreach (int n in PullIns)
                {
                    sum += n;
                }

                return sum;
            }
        }

        public bool? Drive(int pin)
        {
            return null;
        }

        public void PinChanged(int pin)
        {
            Update();
        }

        public void TimePassed()
        {
            Update();
        }

        private void Update()
        {
            for (int i = 0; i < Pins.Length; i++)
            {
                bool on = _supply.SupplyOn && Esp32Board.Drives(Pins[i], !ActiveLow);
                if (on != _energised[i])
                {
                    _energised[i] = on;
                    Events.Add(Esp32Board.UptimeMs.ToString() + " GPIO " + Pins[i].ToString() + (on ? " pulled in" : " released"));
                    if (on)
                    {
                        PullIns[i]++;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The tank float switch on its cable: closed (water) pulls the pin to GND; a wet cable leaks to GND through
    /// <see cref="LeakOhms"/>. The pin reads low when the divider with the pull-ups falls below V_IL = 0.25 VDD.
    /// </summary>
    public sealed class FloatSwitch : IBoardCircuit
    {
        /// <summary>ESP32 internal pull-up, typical (datasheet: about 45 kOhm).</summary>
        public const double InternalPullUpOhms = 45000;

        public FloatSwitch(int pin)
        {
            Pin = pin;
        }

        public int Pin { get; }
        public bool Closed = true;
        public double LeakOhms = double.PositiveInfinity;
        public double ExternalPullUpOhms = double.PositiveInfinity;

        public bool? Drive(int pin)
        {
            if (pin != Pin)
            {
                return null;
            }

            if (Closed)
            {
                return false;
            }

            bool internalPullUp = Esp32Board.Pads[pin].Mode == System.Device.Gpio.PinMode.InputPullUp;
            double up = Parallel(internalPullUp ? InternalPullUpOhms : double.PositiveInfinity, ExternalPullUpOhms);
            if (double.IsPositiveInfinity(up))
            {
                return false;
            }

            double fraction = double.IsPositiveInfinity(LeakOhms) ? 1.0 : LeakOhms / (LeakOhms + up);
            return fraction >= 0.25;
        }

        private static double Parallel(double a, double b)
        {
            if (double.IsPositiveInfinity(a))
            {
                return b;
            }

            if (double.IsPositiveInfinity(b))
            {
                return a;
            }

            return a * b / (a + b);
        }

        public void PinChanged(int pin)
        {
        }

        public void TimePassed()
        {
        }
    }
}
