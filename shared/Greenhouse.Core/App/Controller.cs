using System;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Messaging;
using Greenhouse.Persistence;
using Greenhouse.Ports;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Greenhouse.Technician;

namespace Greenhouse.App
{
    /// <summary>
    /// The controller: one tick-driven entry point shared by the firmware's main loop, the simulator and the tests.
    /// Start() once, then Tick() about once per second. No threads inside; messages from other threads arrive
    /// through <see cref="Inbox"/> and are applied in the tick. Every relay is off at start; the control engine
    /// (<see cref="ControlEngine"/>, docs/control.md) decides the relays each tick, with a conservative fallback
    /// program instead of plain off when a zone has no trustworthy humidity.
    /// </summary>
    public sealed class Controller
    {
        private readonly ControllerPorts _ports;
        private readonly ControllerSettings _settings;
        private readonly Inbox _inbox = new Inbox();
        private readonly Logger _log;
        private readonly SensorArray _sensorArray;
        private readonly SensorChannel[] _sensors;
        private readonly RelayChannel _pump;
        private readonly RelayChannel _fan;
        private readonly ControlEngine _engine;
        private readonly ZoneClimate[] _climates = new ZoneClimate[ControllerSettings.MaxZones];
        private readonly int _zoneCount;
        private readonly int _utcOffset;
        private readonly AlarmSet _alarms = new AlarmSet();
        private readonly TechnicianConsole _technician;
        private bool _started;
        private readonly MqttInterface _mqtt;
        private readonly SettingsPersistence _persistence;
        // Null when no heartbeat output is fitted (simulator, host): then relays are driven from the first tick.
        private readonly Greenhouse.Safety.DeadManCheck _deadMan;
        private readonly TlsTrustRule _tlsRule;

        public Controller(ControllerPorts ports, string firmwareVersion)
        {
            _ports = ports;
            FirmwareVersion = firmwareVersion;
            _settings = new ControllerSettings(SettingsCatalog.All());
            _log = new Logger(ports.Log, ports.Clock);
            _sensorArray = new SensorArray(ports.Sensors != null && ports.Sensors.Length > 0 ? ports.Sensors[0] : null,
                ports.Sensors != null && ports.Sensors.Length > 1 ? ports.Sensors[1] : null, _settings, _alarms, _log);
            _sensors = _sensorArray.Channels;
            _pump = new RelayChannel("pump", ports.Pump);
            _fan = new RelayChannel("fan", ports.Fan);
            ControlSettings.AddRules(_settings);
            _settings.AddRule(new Greenhouse.Messaging.TopicSettingsRule(_settings));
            RelayChannel[] valves = new RelayChannel[ControllerSettings.MaxZones];
            for (int i = 0; i < valves.Length; i++)
            {
                IRelay valve = ports.Valves != null && ports.Valves.Length > i ? ports.Valves[i] : null;
                valves[i] = new RelayChannel("valve" + (i + 1).ToString(), valve);
            }

            // Counters survive reboots in the store beside the settings unless the composition supplies its own.
            Greenhouse.Control.IControlStatePersistence state = ports.ControlState;
            if (state == null && ports.Store != null)
            {
                state = new Greenhouse.Persistence.ControlStateFile(ports.Store);
            }

            _engine = new ControlEngine(_settings, _pump, _fan, valves, _alarms, _log, state);

            _zoneCount = _settings.Require(CoreSettings.ZoneCount);
            _utcOffset = _settings.Require(CoreSettings.UtcOffsetMinutes);
            _persistence = ports.Store == null ? null : new SettingsPersistence(this, ports.Store);
            // Last rule: when it accepts, the change is committed (it remembers the accepted mqtt.tls value).
            _tlsRule = new TlsTrustRule(ports.Store);
            _settings.AddRule(_tlsRule);
            _deadMan = ports.Heartbeat == null ? null : new Greenhouse.Safety.DeadManCheck(ports.Heartbeat, ports.RelaySupply, _alarms, _log);
            _mqtt = ports.Mqtt == null ? null : new MqttInterface(this, ports.Mqtt, ports.Clock, ports.Store, ports.MacAddress);

            // Last: it hooks the journal and the secret filter into the logger and reads Settings and Alarms.
            _technician = new TechnicianConsole(this, ports.Store, ports.Log);
        }

        /// <summary>The MQTT interface, or null when no link is fitted.</summary>
        public MqttInterface Mqtt
        {
            get { return _mqtt; }
        }

        /// <summary>Settings persistence, or null when no store is fitted.</summary>
        public SettingsPersistence Persistence
        {
            get { return _persistence; }
        }

        public string FirmwareVersion { get; private set; }
        public ControllerSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>Thread-safe entry for MQTT messages and console lines.</summary>
        public Inbox Inbox
        {
            get { return _inbox; }
        }

        public Logger Log
        {
            get { return _log; }
        }

        /// <summary>Technician console, event journal (Technician.Journal) and secret filter.</summary>
        public TechnicianConsole Technician
        {
            get { return _technician; }
        }

        /// <summary>Active alarms.</summary>
        public AlarmSet Alarms
        {
            get { return _alarms; }
        }

        /// <summary>True while the MQTT session is up.</summary>
        public bool NetworkConnected
        {
            get { return _ports.Mqtt != null && _ports.Mqtt.IsConnected; }
        }

        /// <summary>Set by a reboot command; the firmware's loop (or the simulator) restarts the board after the tick.</summary>
        public bool RebootRequested { get; private set; }

        /// <summary>Uptime at the start of the last tick, ms.</summary>
        public long NowMs { get; private set; }

        /// <summary>
        /// The one way MQTT, the console and the settings file change a setting: validate, apply, log with the
        /// source. On error nothing changes and the error says what is allowed.
        /// </summary>
        public bool ApplySetting(string key, string value, string source, out string error)
        {
            int version = _settings.Version;
            if (!_settings.TrySet(key, value, out error))
            {
                _log.Warn("settings", "refused", "key=" + ControllerSettings.Sanitise(key) + " source=" + source + " reason=\"" + error + "\"");
                return false;
            }

            if (_settings.Version != version)
            {
                string shown;
                string ignored;
                _settings.TryGetText(key, out shown, out ignored);
                _log.Info("settings", "changed", "key=" + key + " value=" + shown + " source=" + source);
            }

            return true;
        }

        /// <summary>
        /// Mist-now: queues a bounded pulse for a zone. Never bypasses hard limits, lockouts, the tank, budgets or
        /// stages without water; the error says why it was refused.
        /// </summary>
        public bool RequestMist(int zone, int seconds, string source, out string error)
        {
            if (!_engine.RequestManual(zone, seconds, TankHasWater, NowMs, out error))
            {
                _log.Warn("zone", "mist refused", "zone=" + zone.ToString() + " s=" + seconds.ToString() + " source=" + source + " reason=\"" + error + "\"");
                return false;
            }

            _log.Info("zone", "mist requested", "zone=" + zone.ToString() + " s=" + seconds.ToString() + " source=" + source);
            return true;
        }

        /// <summary>Asks for a reboot after this tick (relays are driven off first).</summary>
        public void RequestReboot(string source)
        {
            _log.Warn("core", "reboot requested", "source=" + source);
            AllOff("reboot");
            _engine.SaveNow(NowMs);
            if (_persistence != null)
            {
                _persistence.SaveNow();
            }

            RebootRequested = true;
        }

        public SensorChannel[] Sensors
        {
            get { return _sensors; }
        }

        /// <summary>Both sensors with validation, disagreement and per-zone assignment (GetZoneClimate).</summary>
        public SensorArray SensorArray
        {
            get { return _sensorArray; }
        }

        public RelayChannel Pump
        {
            get { return _pump; }
        }

        public RelayChannel Fan
        {
            get { return _fan; }
        }

        /// <summary>The zones of the control engine (activity, reason, target, stage, phase, water used).</summary>
        public MistZone[] Zones
        {
            get { return _engine.Zones; }
        }

        /// <summary>The control engine (pump and fan reasons, season modes, state saving).</summary>
        public ControlEngine Engine
        {
            get { return _engine; }
        }

        /// <summary>Number of zones in use (setting "zones").</summary>
        public int ZoneCount
        {
            get { return (int)_settings.Integer(_zoneCount, 0); }
        }

        /// <summary>Tank float switch: true when water is present (or no switch fitted).</summary>
        public bool TankHasWater { get; private set; }

        /// <summary>Completed ticks since start.</summary>
        public long TickCount { get; private set; }

        /// <summary>The dead-man heartbeat and its proof, or null when no heartbeat output is fitted.</summary>
        public Greenhouse.Safety.DeadManCheck DeadMan
        {
            get { return _deadMan; }
        }

        /// <summary>
        /// Drives every relay off (with a dead-man fitted: as soon as the relay supply is seen off), then announces
        /// itself. Call once before the first Tick.
        /// </summary>
        public void Start()
        {
            AllOff("start");
            TankHasWater = true;
            // Timestamps in local time from the first line (settings applied before Start already hold the offset).
            _log.SetUtcOffset(_settings.Integer(_utcOffset, 0));
            _log.Info("core", "start", "fw=" + FirmwareVersion);
            if (_persistence != null)
            {
                // Settings first, then the engine's counters: a stage changed while the board was off is then seen
                // as a stage change. Every stored value goes through ApplySetting (source "file").
                _persistence.Load(_ports.Clock.UptimeMilliseconds);
            }

            _log.SetUtcOffset(_settings.Integer(_utcOffset, 0));
            _engine.Restore(_ports.Clock.UptimeMilliseconds);
            _tlsRule.Armed = true;

            _started = true;
        }

        /// <summary>One control cycle: apply queued commands, read, decide, apply.</summary>
        public void Tick()
        {
            if (!_started)
            {
                Start();
            }

            long now = _ports.Clock.UptimeMilliseconds;
            NowMs = now;
            DrainInbox();
            _log.SetUtcOffset(_settings.Integer(_utcOffset, 0));
            ReadInputs();
            if (_deadMan == null || _deadMan.RelaysAllowed)
            {
                Decide(now);
            }
            else if (_pump.IsOn || _fan.IsOn || AnyValveOpen())
            {
                // A running dead-man proof or a failed one: nothing is decided and every relay is held released.
                AllOff("start");
            }

            Publish(now);
            // Last: journals this tick's alarm changes and saves the journal at once if a reboot was requested.
            _technician.Poll(now);
            if (_deadMan != null)
            {
                // After everything else: a tick that threw never beats, so the dead-man drops the relays.
                bool couldOpen = _deadMan.RelaysMayOpen;
                _deadMan.Tick(now, _pump.IsOn || AnyValveOpen());
                if (!couldOpen && _deadMan.RelaysMayOpen)
                {
                    AllOff("start");
                }
            }

            TickCount++;
        }

        private void DrainInbox()
        {
            InboxMessage message;
            while ((message = _inbox.Take()) != null)
            {
                // The MQTT interface and the console interpreter handle their kinds here.
                if (message.Kind == InboxKind.ConsoleLine)
                {
                    _technician.HandleLine(message.Text);
                }
                else if (_mqtt != null)
                {
                    _mqtt.Handle(message, NowMs);
                }
            }
        }

        /// <summary>After the decision: MQTT upkeep and publishing, then saving settings that have settled.</summary>
        private void Publish(long now)
        {
            if (_mqtt != null)
            {
                _mqtt.Tick(now);
            }

            if (_persistence != null)
            {
                _persistence.Tick(now);
            }
        }

        private void ReadInputs()
        {
            _sensorArray.Update(NowMs, AnyValveOpen());
            bool high;
            if (_ports.TankSwitch == null)
            {
                TankHasWater = true;
            }
            else if (_ports.TankSwitch.TryRead(out high))
            {
                TankHasWater = high;
            }
            else
            {
                TankHasWater = false;
            }
        }

        /// <summary>True when a valve was left open by the last decision (sensing uses it for stuck/saturation checks).</summary>
        private bool AnyValveOpen()
        {
            MistZone[] zones = _engine.Zones;
            for (int i = 0; i < zones.Length; i++)
            {
                if (zones[i].Valve.IsOn)
                {
                    return true;
                }
            }

            return false;
        }

        private void Decide(long now)
        {
            BuildClimates();
            DateTime local;
            bool synced = WallClock.TryGetLocal(_ports.Clock, _settings.Integer(_utcOffset, 0), out local);
            _engine.Tick(now, _climates, TankHasWater, synced, local);
        }

        /// <summary>The validated climate of each zone, from sensor assignment and fallback (Sensing/).</summary>
        private void BuildClimates()
        {
            for (int i = 0; i < _climates.Length; i++)
            {
                _sensorArray.GetZoneClimate(i + 1, out _climates[i]);
            }
        }

        private void AllOff(string reason)
        {
            if (_deadMan != null && !_deadMan.RelaysMayOpen)
            {
                // Relay outputs are opened only once the relay supply is off: until then they are not driven at all,
                // which a relay board reads as released.
                return;
            }

            _engine.AllOff(reason == "reboot" ? ReasonCode.Reboot : ReasonCode.Start);
        }
    }
}
