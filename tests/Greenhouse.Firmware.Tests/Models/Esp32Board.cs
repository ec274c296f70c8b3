// Behaviour model for host tests, not upstream code: the one ESP32 the firmware runs on in these tests.
// Pin facts modelled (read from nanoframework/nf-interpreter@a3e8139a1 src/System.Device.Gpio/
// sys_dev_gpio_native_System_Device_Gpio_GpioPin.cpp and targets/ESP32/_nanoCLR/System.Device.I2c/
// sys_dev_i2c_native_System_Device_I2c_I2cDevice.cpp):
// - SetPinMode(Output...) calls CPU_GPIO_EnableOutputPin(pin, Low, mode): an output starts LOW before any Write;
// - GpioPin.Dispose calls CPU_GPIO_DisablePin(pin, Input, 0): the pin becomes a floating input, its peripheral
//   routing is lost and its reservation is released;
// - an I2C device routes its bus to the mapped pins when it is created (i2c_param_config) and fails to create when
//   either pin is open as a GPIO (CPU_GPIO_PinIsBusy); until then a pin keeps whatever it was last routed to.
// - GPIO 34-39 are inputs without pull resistors.
using System;
using System.Collections.Generic;
using System.Device.Gpio;

namespace Greenhouse.Firmware.Tests.Models
{
    /// <summary>Something wired to the board that drives input pins or reacts to output pins.</summary>
    public interface IBoardCircuit
    {
        /// <summary>The level this circuit forces on a pin, or null when it does not drive it.</summary>
        bool? Drive(int pin);

        /// <summary>A pin changed what it drives (output level, mode, routing) at the current uptime.</summary>
        void PinChanged(int pin);

        /// <summary>Uptime moved on.</summary>
        void TimePassed();
    }

    /// <summary>One GPIO pad: reservation, mode, output latch and what peripheral it is routed to.</summary>
    public sealed class PadState
    {
        public int Number;
        public bool Reserved;
        public bool IsOutput;
        public PinMode Mode = PinMode.Input;
        public bool OutputLevel;
        /// <summary>Bus whose I2C signals are routed here (0 = none), and whether this is its data (true) or clock line.</summary>
        public int I2cBus;
        public bool I2cData;
        /// <summary>Peripheral function the firmware mapped to this pin with Configuration.SetPinFunction, or null.</summary>
        public string MappedFunction;
        /// <summary>Every mode the firmware opened this pin with, for the pin-usage checks.</summary>
        public readonly List<PinMode> OpenedAs = new List<PinMode>();
        public int OutputTransitions;
    }

    /// <summary>The board: virtual uptime, pads, wired circuits, Wi-Fi, broker and reboot requests. Static like the device.</summary>
    public static class Esp32Board
    {
        private static readonly object Gate = new object();
        public static readonly PadState[] Pads = new PadState[40];
        public static readonly List<IBoardCircuit> Circuits = new List<IBoardCircuit>();
        public static readonly List<string> Log = new List<string>();
        public static long UptimeMs;
        public static int RebootRequests;
        public static int Bme280Sleeps;
        public static readonly WifiModel Wifi = new WifiModel();
        public static readonly BrokerModel Broker = new BrokerModel();

        static Esp32Board()
        {
            Reset();
        }

        /// <summary>Power-on state: every pad a floating input, nothing wired, uptime 0.</summary>
        public static void Reset()
        {
            lock (Gate)
            {
                for (int i = 0; i < Pads.Length; i++)
                {
                    Pads[i] = new PadState { Number = i };
                }

                Circuits.Clear();
                Log.Clear();
                UptimeMs = 0;
                RebootRequests = 0;
                Wifi.Reset();
                Broker.Reset();
                System.Device.Gpio.GpioController.ResetSharedPins();
                nanoFramework.Hardware.Esp32.Configuration.ResetMapping();
            }
        }

        /// <summary>A warm reboot: the CPU resets (pads float, managed state gone) while the wired circuits keep running.</summary>
        public static void WarmReboot()
        {
            lock (Gate)
            {
                for (int i = 0; i < Pads.Length; i++)
                {
                    Pads[i] = new PadState { Number = i };
                }

                System.Device.Gpio.GpioController.ResetSharedPins();
                nanoFramework.Hardware.Esp32.Configuration.ResetMapping();
                foreach (IBoardCircuit circuit in Circuits.ToArray())
                {
                    for (int p = 0; p < Pads.Length; p++)
                    {
                        circuit.PinChanged(p);
                    }
                }
            }
        }

        public static void Wire(IBoardCircuit circuit)
        {
            Circuits.Add(circuit);
        }

        public static void Advance(long ms)
        {
            UptimeMs += ms;
            foreach (IBoardCircuit circuit in Circuits.ToArray())
            {
                circuit.TimePassed();
            }
        }

        public static bool IsInputOnly(int pin)
        {
            return pin >= 34 && pin <= 39;
        }

        /// <summary>The level on a pad as an input reads it: a push-pull output reads itself, else what drives it, else its pull.</summary>
        public static bool Level(int pin)
        {
            PadState pad = Pads[pin];
            if (pad.IsOutput && !IsOpenDrain(pad.Mode))
            {
                return pad.OutputLevel;
            }

            if (pad.IsOutput && IsOpenDrain(pad.Mode) && !pad.OutputLevel)
            {
                return false;
            }

            foreach (IBoardCircuit circuit in Circuits)
            {
                bool? driven = circuit.Drive(pin);
                if (driven.HasValue)
                {
                    return driven.Value;
                }
            }

            // Nothing drives it: the pull decides; a floating input reads low here.
            return pad.Mode == PinMode.InputPullUp || pad.Mode == PinMode.OutputOpenDrainPullUp || IsOpenDrain(pad.Mode);
        }

        /// <summary>True when the pad actively drives the given level (a push-pull output, or an open-drain output low).</summary>
        public static bool Drives(int pin, bool level)
        {
            PadState pad = Pads[pin];
            if (!pad.IsOutput)
            {
                return false;
            }

            if (IsOpenDrain(pad.Mode))
            {
                return !level && !pad.OutputLevel;
            }

            return pad.OutputLevel == level;
        }

        public static bool IsOpenDrain(PinMode mode)
        {
            return mode == PinMode.OutputOpenDrain || mode == PinMode.OutputOpenDrainPullUp;
        }

        internal static void Changed(int pin, string what)
        {
            Log.Add(UptimeMs.ToString() + " pin " + pin.ToString() + " " + what);
            foreach (IBoardCircuit circuit in Circuits.ToArray())
            {
                circuit.PinChanged(pin);
            }
        }
    }

    /// <summary>The Wi-Fi side of the board: the access point, the stored configuration and how often it was written.</summary>
    public sealed class WifiModel
    {
        public bool AccessPointUp;
        public string ConnectedSsid;
        public string StoredSsid;
        public bool StoredAutomatic;
        public int ConfigurationWrites;
        public int ConnectCalls;
        public int ReconnectCalls;
        public int DisconnectCalls;
        public bool RtcSet;

        public void Reset()
        {
            DisconnectCalls = 0;
            AccessPointUp = false;
            ConnectedSsid = null;
            StoredSsid = null;
            StoredAutomatic = false;
            ConfigurationWrites = 0;
            ConnectCalls = 0;
            ReconnectCalls = 0;
            RtcSet = false;
        }
    }

    /// <summary>The MQTT broker as the device reaches it, and the CA bundle nanoff may have stored on the device.</summary>
    public sealed class BrokerModel
    {
        public bool Reachable = true;
        public bool DeviceStoredCaBundle;
        public int Connects;
        public int TlsHandshakes;
        public int FailedHandshakes;
        public string LastFailure;
        public readonly List<string> Published = new List<string>();

        public void Reset()
        {
            Reachable = true;
            DeviceStoredCaBundle = false;
            Connects = 0;
            TlsHandshakes = 0;
            FailedHandshakes = 0;
            LastFailure = null;
            Published.Clear();
        }
    }
}
