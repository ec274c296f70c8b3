using System;
using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;
using Greenhouse.App;
using Greenhouse.Board;
using Greenhouse.Firmware.Adapters;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Native;

namespace Greenhouse.Firmware
{
    /// <summary>
    /// Composition only: builds the hardware adapters, hands them to the portable core and runs its tick once a
    /// second. Every decision lives in shared/Greenhouse.Core.
    /// </summary>
    public static class Program
    {
        public const string FirmwareVersion = "0.1.0";
        private const int TickPeriodMs = 1000;
        private const int WatchdogTimeoutMs = 15000;

        public static void Main()
        {
            // Relays first: every relay pin is driven to its released level before anything else runs.
            GpioController gpio = new GpioController();
            bool activeLow = DefaultPins.RelaysActiveLow;
            GpioRelay pump = new GpioRelay(gpio, DefaultPins.PumpRelay, activeLow);
            GpioRelay valve1 = new GpioRelay(gpio, DefaultPins.Valve1Relay, activeLow);
            GpioRelay valve2 = new GpioRelay(gpio, DefaultPins.Valve2Relay, activeLow);
            GpioRelay valve3 = new GpioRelay(gpio, DefaultPins.Valve3Relay, activeLow);
            GpioRelay valve4 = new GpioRelay(gpio, DefaultPins.Valve4Relay, activeLow);
            GpioRelay fan = new GpioRelay(gpio, DefaultPins.FanRelay, activeLow);

            Configuration.SetPinFunction(DefaultPins.I2cData, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(DefaultPins.I2cClock, DeviceFunction.I2C1_CLOCK);

            ControllerPorts ports = new ControllerPorts();
            ports.Pump = pump;
            ports.Valves[0] = valve1;
            ports.Valves[1] = valve2;
            ports.Valves[2] = valve3;
            ports.Valves[3] = valve4;
            ports.Fan = fan;
            ports.Sensors[0] = new Bme280Sensor(0x76, DefaultPins.I2cData, DefaultPins.I2cClock);
            ports.Sensors[1] = new Bme280Sensor(0x77, DefaultPins.I2cData, DefaultPins.I2cClock);
            ports.TankSwitch = new GpioInput(gpio, DefaultPins.TankFloatSwitch, true);
            ports.Clock = new DeviceClock();
            ports.Log = new DebugLogSink();

            Controller controller = new Controller(ports, FirmwareVersion);
            controller.Start();

            NetworkStarter network = new NetworkStarter(
                controller.Settings.Text(controller.Settings.Require("wifi.ssid"), 0),
                controller.Settings.Text(controller.Settings.Require("wifi.password"), 0));
            network.Start();

            Heartbeat heartbeat = new Heartbeat(gpio, DefaultPins.Heartbeat);
            TickWatchdog watchdog = new TickWatchdog(WatchdogTimeoutMs);
            watchdog.BeforeReboot = () =>
            {
                pump.Set(false);
                valve1.Set(false);
                valve2.Set(false);
                valve3.Set(false);
                valve4.Set(false);
                fan.Set(false);
            };

            while (true)
            {
                long started = Environment.TickCount64;
                bool healthy = true;
                try
                {
                    controller.Tick();
                }
                catch (Exception ex)
                {
                    // The core should never throw; if it does, stop the heartbeat so the external timer drops the relays.
                    healthy = false;
                    Debug.WriteLine("tick failed: " + ex.Message);
                }

                if (healthy)
                {
                    heartbeat.Beat();
                    watchdog.Feed();
                }

                if (controller.RebootRequested)
                {
                    Power.RebootDevice();
                }

                long elapsed = Environment.TickCount64 - started;
                Thread.Sleep(elapsed >= TickPeriodMs ? 1 : (int)(TickPeriodMs - elapsed));
            }
        }
    }
}
