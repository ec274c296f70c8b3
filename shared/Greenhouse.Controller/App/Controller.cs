using System;
using Greenhouse.Actuation;
using Greenhouse.Commands;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Messaging;
using Greenhouse.Persistence;
using Greenhouse.Safety;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Greenhouse.Status;
using Greenhouse.Technician;
using Greenhouse.Time;

namespace Greenhouse.App
{
    /// <summary>
    /// The controller: builds the core from its ports and runs one tick at a time, the same for the firmware's main
    /// loop, the simulator and the tests. Start() once, then Tick() about once per second. No threads inside;
    /// messages from other threads arrive through <see cref="Inbox"/> and are applied in the tick.
    /// <para>
    /// Data flows one way (docs/architecture.md): adapters → sensing → control decides → actuation applies →
    /// reports (MQTT, console, log). Commands from growers, technicians, the settings file and the calendar enter
    /// through <see cref="Commands"/>; readers get <see cref="Status"/>. Every relay is off at start.
    /// </para>
    /// <para>
    /// With a dead-man heartbeat fitted (the firmware), no relay output is opened before the relay supply has been seen
    /// off and no decision is applied before the dead-man proof passed (<see cref="DeadManCheck"/>); the heartbeat
    /// toggles as the last step of every completed tick, so a tick that throws stops it and the relay supply drops.
    /// </para>
    /// </summary>
    public sealed class Controller
    {
        private readonly ControllerPorts _ports;
        private readonly ControllerSettings _settings;
        private readonly Inbox _inbox = new Inbox();
        private readonly Logger _log;
        private readonly AlarmSet _alarms;
        private readonly Journal _journal;
        private readonly SensorArray _sensors;
        private readonly ControlEngine _engine;
        private readonly Actuators _relays;
        private readonly ControlStateKeeper _counters;
        private readonly CommandDesk _desk;
        private readonly ControllerStatus _status;
        private readonly SettingsPersistence _persistence;
        private readonly MqttInterface _mqtt;
        private readonly TechnicianConsole _technician;
        private readonly TlsTrustRule _tlsTrust;
        // Null when no heartbeat output is fitted (simulator, host): then relays are driven from the first tick.
        private readonly DeadManCheck _deadMan;
        private readonly int _utcOffset;
        private bool _started;

        public Controller(ControllerPorts ports, string firmwareVersion)
        {
            _ports = ports;
            _tlsTrust = new TlsTrustRule(ports.Store);
            _settings = SettingsCatalog.CreateSettings(_tlsTrust);
            _utcOffset = _settings.Require(CoreSettings.UtcOffsetMinutes);

            _log = new Logger(ports.Log, ports.Clock);
            SecretFilter secrets = new SecretFilter(_settings);
            _log.ProtectSecrets(secrets);
            _journal = new Journal(ports.Store);
            _log.Observer = _journal;
            _alarms = new AlarmSet(_log);

            _desk = new CommandDesk(_settings, _alarms, _log, _journal, ports.Store, new string[] { SettingsPersistence.SlotA, SettingsPersistence.SlotB });
            _sensors = new SensorArray(Sensor(ports, 0), Sensor(ports, 1), _settings, _alarms, _log);
            _engine = new ControlEngine(_settings, new ControlLimits(_settings), _desk, _alarms, _log);
            _relays = new Actuators(ports.Pump, ports.Valves, ports.Fan, _engine, _alarms, _log);
            if (ports.Heartbeat != null)
            {
                _deadMan = new DeadManCheck(ports.Heartbeat, ports.RelaySupply, _alarms, _log);
                _relays.KeepOutputsClosed();
            }

            // Counters survive reboots in the store beside the settings unless the composition supplies its own.
            IControlStatePersistence counterStore = ports.ControlState;
            if (counterStore == null && ports.Store != null)
            {
                counterStore = new ControlStateFile(ports.Store);
            }

            _counters = new ControlStateKeeper(counterStore, _engine, _relays, _log);
            _persistence = ports.Store == null ? null : new SettingsPersistence(ports.Store, _settings, _desk, _alarms, _log);
            _desk.Attach(_engine, _relays, _counters, _persistence);
            _status = new ControllerStatus(firmwareVersion, _settings, _alarms, _sensors, _engine, _relays, _inbox, _log, ports, _desk);
            _mqtt = ports.Mqtt == null ? null : new MqttInterface(ports.Mqtt, ports.Wifi, ports.Clock, ports.Store, ports.MacAddress, _desk, _status, _log);
            _desk.Trial.Attach(_mqtt, _desk);
            _technician = new TechnicianConsole(_desk, _status, _journal, secrets, _log, ports.Log);
        }

        private static Greenhouse.Ports.IClimateSensor Sensor(ControllerPorts ports, int index)
        {
            return ports.Sensors != null && ports.Sensors.Length > index ? ports.Sensors[index] : null;
        }

        /// <summary>The one door for commands: settings, mist-now, reboot, factory reset.</summary>
        public ICommandPort Commands
        {
            get { return _desk; }
        }

        /// <summary>The read-only view of what the controller measured, decided and applied.</summary>
        public IControllerStatus Status
        {
            get { return _status; }
        }

        /// <summary>The MQTT interface (topics, session state), or null when no link is fitted. For diagnostics and tests.</summary>
        public MqttInterface Mqtt
        {
            get { return _mqtt; }
        }

        /// <summary>Settings persistence, or null when no store is fitted. For diagnostics and tests.</summary>
        public SettingsPersistence Persistence
        {
            get { return _persistence; }
        }

        /// <summary>The event journal (recent lines, important events kept across reboots).</summary>
        public Journal Journal
        {
            get { return _journal; }
        }

        /// <summary>The log every part of the core writes to (adapters of the composition log through it too).</summary>
        public Logger Log
        {
            get { return _log; }
        }

        /// <summary>The dead-man heartbeat and its proof, or null when no heartbeat output is fitted. For diagnostics and tests.</summary>
        public DeadManCheck DeadMan
        {
            get { return _deadMan; }
        }

        /// <summary>The technician console (interpreter, line editor).</summary>
        public TechnicianConsole Technician
        {
            get { return _technician; }
        }

        /// <summary>Thread-safe entry for MQTT messages and console lines (the adapters post, the tick applies).</summary>
        public Inbox Inbox
        {
            get { return _inbox; }
        }

        /// <summary>Set by a reboot command; the firmware's loop (or the simulator) restarts the board after the tick.</summary>
        public bool RebootRequested
        {
            get { return _desk.RebootRequested; }
        }

        /// <summary>A line editor for a UART reader thread: echoes to the given sink and masks secrets as they are typed.</summary>
        public LineEditor CreateLineEditor(IEchoSink echo)
        {
            return _technician.CreateLineEditor(echo);
        }

        /// <summary>
        /// Why the board started, when the firmware knows better than the journal (for example "watchdog" after its
        /// software watchdog rebooted the board): also raises watchdog_reboot. Set before Start.
        /// </summary>
        public void ReportBootCause(string reason, string alarmDetail)
        {
            _technician.BootReason = reason;
            _bootAlarmDetail = alarmDetail;
        }

        private string _bootAlarmDetail;

        /// <summary>
        /// Drives every relay off (with a dead-man fitted: leaves the outputs unopened, which is released, until the relay
        /// supply reads off; the relays are safe at every boot with the polarity the adapters were built with from the
        /// stored, confirmed settings), loads the stored settings and counters, the working connection and any hardware
        /// change waiting for confirmation. Call once before the first Tick.
        /// </summary>
        public void Start()
        {
            _relays.AllOff(ReasonCode.Start);
            // Timestamps in local time from the first line (settings applied before Start already hold the offset).
            _log.SetUtcOffset(_settings.Integer(_utcOffset, 0));
            _log.Info("core", "start", "fw=" + _status.FirmwareVersion);
            long now = _ports.Clock.UptimeMilliseconds;
            _desk.BeginTick(now, true);
            if (_persistence != null)
            {
                // Settings first, then the engine's counters: a stage changed while the board was off is then seen
                // as a stage change. Every stored value goes through the command port (source "file").
                _persistence.Load(now);
            }

            _log.SetUtcOffset(_settings.Integer(_utcOffset, 0));
            _desk.LoadGuards(now);
            _counters.Restore(now);
            // From here on mqtt.tls goes on only with a stored CA; the stored value was loaded as it was (never downgraded).
            _tlsTrust.Armed = true;
            if (_bootAlarmDetail != null)
            {
                _alarms.Raise(AlarmCodes.WatchdogReboot, 0, _bootAlarmDetail, now);
            }

            _started = true;
        }

        /// <summary>One control cycle: apply queued commands, read, decide, apply, report.</summary>
        public void Tick()
        {
            if (!_started)
            {
                Start();
            }

            long now = _ports.Clock.UptimeMilliseconds;
            _status.BeginTick(now);
            _desk.BeginTick(now, _status.TankHasWater);
            DrainInbox(now);
            _log.SetUtcOffset(_settings.Integer(_utcOffset, 0));

            // A valve left open by the last decision tells sensing to expect mist on the sensor (stuck/saturation checks).
            _sensors.Update(now, _relays.Water.AnyValveOpen);
            _status.ReadTank(_ports.TankSwitch);
            DateTime local;
            bool synced = WallClock.TryGetLocal(_ports.Clock, _settings.Integer(_utcOffset, 0), out local);
            if (_deadMan == null || _deadMan.RelaysAllowed)
            {
                _engine.Decide(now, _status.ZoneClimates(), _status.TankHasWater, synced, local, _relays.Fan.Relay.IsOn, _relays.Fan.SinceSwitchMs(now));
                _relays.Apply(now);
            }
            else
            {
                // A dead-man proof is running or failed: nothing is decided and every relay is held off.
                _relays.Hold(ReasonCode.DeadManCheck);
            }

            _counters.AfterTick(now);

            if (_mqtt != null)
            {
                _mqtt.Tick(now);
            }

            // After the MQTT upkeep took up any connection change: a session made with it ends its trial.
            _desk.Trial.Tick(now);

            if (_persistence != null)
            {
                _persistence.Tick(now);
            }

            // Last: repeat summaries, the console's timeouts, and the journal (at once if a reboot was requested).
            _technician.Poll(now, _desk.RebootRequested);
            if (_deadMan != null)
            {
                // After everything else: a tick that threw never beats, so the dead-man drops the relay supply.
                _deadMan.Tick(now, _relays.Pump.IsOn || _relays.Water.AnyValveOpen);
                if (_deadMan.RelaysMayOpen && !_relays.OutputsOpen)
                {
                    // The relay supply reads off: opening the outputs now (released) cannot pulse a relay.
                    _relays.OpenOutputs(ReasonCode.DeadManCheck);
                }
            }

            _status.EndTick();
        }

        private void DrainInbox(long now)
        {
            InboxMessage message;
            while ((message = _inbox.Take()) != null)
            {
                if (message.Kind == InboxKind.ConsoleLine)
                {
                    _technician.HandleLine(message.Text, now);
                }
                else if (_mqtt == null)
                {
                    continue;
                }
                else if (message.Kind == InboxKind.MqttConnection)
                {
                    _mqtt.ConnectionChanged(now);
                }
                else
                {
                    _mqtt.Handle(message.Topic, message.Payload, message.Retained, now);
                }
            }
        }
    }
}
