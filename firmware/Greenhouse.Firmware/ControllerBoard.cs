using System;
using System.Device.Gpio;
using System.Diagnostics;
using System.Net.NetworkInformation;
using Greenhouse.App;
using Greenhouse.Diagnostics;
using Greenhouse.Firmware.Adapters;
using Greenhouse.Persistence;
using Greenhouse.Ports;
using Greenhouse.Settings;
using nanoFramework.Runtime.Native;

namespace Greenhouse.Firmware
{
    /// <summary>
    /// Composition and the protected loop step: builds the adapters from the stored pin settings, hands them to the
    /// portable core and runs one tick at a time. Every decision lives in shared/Greenhouse.Core; the dead-man
    /// heartbeat is driven by the core at the end of each completed tick, the software watchdog is fed here, both only
    /// after a tick that did not throw.
    /// </summary>
    public sealed class ControllerBoard
    {
        public const string FirmwareVersion = "0.2.0";
        public const int TickPeriodMs = 1000;
        public const int WatchdogTimeoutMs = 15000;
        public const string WatchdogFlag = "watchdog.flag";

        private readonly Controller _controller;
        private readonly TickWatchdog _watchdog;
        private readonly M2MqttLink _mqtt;
        private readonly NetworkStarter _network;
        private readonly GpioRelay[] _relays;
        private readonly ISettingsStore _store;
        private long _tickStartedMs;

        private ControllerBoard(Controller controller, TickWatchdog watchdog, M2MqttLink mqtt, NetworkStarter network, GpioRelay[] relays, ISettingsStore store)
        {
            _controller = controller;
            _store = store;
            _watchdog = watchdog;
            _mqtt = mqtt;
            _network = network;
            _relays = relays;
        }

        public Controller Controller
        {
            get { return _controller; }
        }

        public TickWatchdog Watchdog
        {
            get { return _watchdog; }
        }

        public NetworkStarter Network
        {
            get { return _network; }
        }

        public M2MqttLink Mqtt
        {
            get { return _mqtt; }
        }

        /// <summary>Ticks that threw since boot.</summary>
        public int FailedTicks { get; private set; }

        /// <summary>
        /// Builds the controller on the board. One GpioController serves the whole firmware and is never disposed:
        /// nanoFramework shares its pins across controllers and Dispose closes every one of them.
        /// </summary>
        /// <param name="startThreads">False in host tests: no watchdog timer, no network thread.</param>
        public static ControllerBoard Boot(ISettingsStore store, bool startThreads)
        {
            GpioController gpio = new GpioController();
            ControllerSettings boot = BootSettings.Read(store);
            BoardPins pins = BoardPins.From(boot);

            // Heartbeat and LED first, low: no edge, so the relay supply stays off while the board starts.
            HeartbeatOutput heartbeat = new HeartbeatOutput(gpio, pins.Heartbeat, pins.StatusLed);

            // Relays: remembered, not opened; the core opens them (released) once the relay supply reads off.
            GpioRelay pump = new GpioRelay(gpio, pins.Pump, pins.RelaysActiveLow);
            GpioRelay fan = new GpioRelay(gpio, pins.Fan, pins.RelaysActiveLow);
            GpioRelay[] valves = new GpioRelay[4];
            for (int i = 0; i < valves.Length; i++)
            {
                valves[i] = new GpioRelay(gpio, pins.Valves[i], pins.RelaysActiveLow);
            }

            DeviceClock clock = new DeviceClock();
            M2MqttLink mqtt = new M2MqttLink(clock);
            ControllerPorts ports = new ControllerPorts();
            ports.Pump = pump;
            ports.Fan = fan;
            for (int i = 0; i < valves.Length; i++)
            {
                ports.Valves[i] = valves[i];
            }

            ports.Heartbeat = heartbeat;
            // The read-back divider pulls the pin low when the supply is off: no internal pull (GPIO 34-39 have none).
            ports.RelaySupply = new GpioInput(gpio, pins.RelaySupply, PinMode.Input, false);
            ports.Sensors[0] = new Bme280Sensor(gpio, 1, 0x76, pins.I2cData, pins.I2cClock);
            ports.Sensors[1] = pins.Sensor2Bus == 2
                ? new Bme280Sensor(gpio, 2, 0x77, pins.I2c2Data, pins.I2c2Clock)
                : new Bme280Sensor(gpio, 1, 0x77, pins.I2cData, pins.I2cClock);
            // Float switch to GND, closed = water; an external 4.7 kOhm pull-up is part of the standard wiring.
            ports.TankSwitch = new GpioInput(gpio, pins.TankFloatSwitch, PinMode.InputPullUp, true);
            ports.Clock = clock;
            ports.Store = store;
            ports.Mqtt = mqtt;
            // The core asks it to join wifi.ssid at start and after every change (a change on trial, or its revert).
            NetworkStarter network = new NetworkStarter(startThreads);
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

            GpioRelay[] relays = new GpioRelay[] { pump, valves[0], valves[1], valves[2], valves[3], fan };
            TickWatchdog watchdog = new TickWatchdog(WatchdogTimeoutMs, startThreads);
            ControllerBoard board = new ControllerBoard(controller, watchdog, mqtt, network, relays, store);
            watchdog.BeforeReboot = board.BeforeWatchdogReboot;
            return board;
        }

        /// <summary>
        /// One loop step: the tick, then (only if it completed) the watchdog feed; the core beat the heartbeat as the
        /// last thing of the tick. Nothing escapes: an exception stops this tick's beat and feed, and the dead-man
        /// drops the relays while the watchdog reboots a loop that keeps failing. Returns false once a reboot was
        /// requested (Power.RebootDevice does not return on the device).
        /// </summary>
        public bool RunTick()
        {
            _tickStartedMs = Environment.TickCount64;
            try
            {
                _controller.Tick();
                _watchdog.Feed();
                if (_controller.RebootRequested)
                {
                    _mqtt.Disconnect();
                    Power.RebootDevice();
                    return false;
                }
            }
            catch (Exception ex)
            {
                FailedTicks++;
                Debug.WriteLine("tick failed: " + ex.Message);
            }

            return true;
        }

        /// <summary>Milliseconds to sleep so ticks start once per <see cref="TickPeriodMs"/>.</summary>
        public int SleepBeforeNextTick()
        {
            long elapsed = Environment.TickCount64 - _tickStartedMs;
            return elapsed >= TickPeriodMs ? 1 : (int)(TickPeriodMs - elapsed);
        }

        private void BeforeWatchdogReboot()
        {
            try
            {
                _store.Write(WatchdogFlag, new byte[] { 1 });
            }
            catch (Exception)
            {
                // The reboot matters more than the note.
            }

            for (int i = 0; i < _relays.Length; i++)
            {
                _relays[i].Release();
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
