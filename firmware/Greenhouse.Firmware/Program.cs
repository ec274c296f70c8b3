using System;
using System.Device.Gpio;
using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Threading;
using Greenhouse.App;
using Greenhouse.Diagnostics;
using Greenhouse.Firmware.Adapters;
using Greenhouse.Persistence;
using Greenhouse.Settings;
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
        private const string FlashRoot = "I:\\";
        private const string WatchdogFlag = "watchdog.flag";

        public static void Main()
        {
            // Stored settings first (a short flash read), then the relays, driven at once to their released level with
            // the stored, confirmed polarity and pins: driving the default pins with the default polarity first would
            // energise the relays of an active-high board at every boot. Hardware changes set on the console are not in
            // this file until the technician confirms them after a restart (core: App/HardwareChanges).
            GpioController gpio = new GpioController();
            FlashSettingsStore store = new FlashSettingsStore(FlashRoot);
            ControllerSettings boot = BootSettings.Read(store);
            BoardPins pins = BoardPins.From(boot);
            GpioRelay pump = new GpioRelay(gpio, pins.Pump, pins.RelaysActiveLow);
            GpioRelay fan = new GpioRelay(gpio, pins.Fan, pins.RelaysActiveLow);
            GpioRelay[] valves = new GpioRelay[4];
            for (int i = 0; i < valves.Length; i++)
            {
                valves[i] = new GpioRelay(gpio, pins.Valves[i], pins.RelaysActiveLow);
            }

            Configuration.SetPinFunction(pins.I2cData, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(pins.I2cClock, DeviceFunction.I2C1_CLOCK);

            M2MqttLink mqtt = new M2MqttLink();
            ControllerPorts ports = new ControllerPorts();
            ports.Pump = pump;
            ports.Fan = fan;
            for (int i = 0; i < valves.Length; i++)
            {
                ports.Valves[i] = valves[i];
            }

            ports.Sensors[0] = new Bme280Sensor(0x76, pins.I2cData, pins.I2cClock);
            ports.Sensors[1] = new Bme280Sensor(0x77, pins.I2cData, pins.I2cClock);
            ports.TankSwitch = new GpioInput(gpio, pins.TankFloatSwitch, true);
            ports.Clock = new DeviceClock();
            ports.Store = store;
            ports.Mqtt = mqtt;
            // The core asks it to join wifi.ssid at start and after every change (a change on trial, or its revert).
            NetworkStarter network = new NetworkStarter();
            ports.Wifi = network;
            ports.MacAddress = MacAddress();

            // Technician console on COM2 (log lines and commands); the debugger output gets the same lines.
            SerialConsole uart = new SerialConsole();
            string uartError;
            bool uartOpen = uart.Open(boot, out uartError);
            ports.Log = uartOpen ? new DebugLogSink(uart) : new DebugLogSink();

            Controller controller = new Controller(ports, FirmwareVersion);
            mqtt.Attach(controller.Inbox);
            if (uartOpen)
            {
                uart.Attach(controller.Inbox, controller.CreateLineEditor(uart));
            }

            byte[] flag;
            if (store.TryRead(WatchdogFlag, out flag))
            {
                controller.ReportBootCause("watchdog", "the tick stalled; the board rebooted");
                store.Delete(WatchdogFlag);
            }

            controller.Start();
            if (!uartOpen)
            {
                controller.Log.Error("console", "uart open failed", "port=COM2 error=" + Logger.Quote(uartError));
            }

            Heartbeat heartbeat = new Heartbeat(gpio, pins.Heartbeat);
            TickWatchdog watchdog = new TickWatchdog(WatchdogTimeoutMs);
            watchdog.BeforeReboot = () =>
            {
                store.Write(WatchdogFlag, new byte[] { 1 });
                pump.Set(false);
                fan.Set(false);
                for (int i = 0; i < valves.Length; i++)
                {
                    valves[i].Set(false);
                }
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
                    mqtt.Disconnect();
                    Power.RebootDevice();
                }

                long elapsed = Environment.TickCount64 - started;
                Thread.Sleep(elapsed >= TickPeriodMs ? 1 : (int)(TickPeriodMs - elapsed));
            }
        }

        private static string MacAddress()
        {
            try
            {
                NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
                if (interfaces.Length > 0)
                {
                    byte[] mac = interfaces[0].PhysicalAddress;
                    string text = "";
                    for (int i = 0; i < mac.Length; i++)
                    {
                        text = text + mac[i].ToString("X2");
                    }

                    return text;
                }
            }
            catch (Exception)
            {
                // No network interface: the device id falls back to gh-000000 until device.id is set.
            }

            return "";
        }
    }
}
