using Greenhouse.Actuation;
using Greenhouse.Commands;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Persistence;
using Greenhouse.Ports;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.App
{
    /// <summary>
    /// The controller's implementation of <see cref="ICommandPort"/>: every command is checked here once, logged
    /// with its source and answered. Runs inside the tick (commands arrive through the inbox); the controller
    /// tells it the tick's uptime and the tank's last reading, which a mist-now request is judged against.
    /// <para>
    /// Who may change a setting is decided here, by its risk class (<see cref="SettingRisk"/>) and the command's
    /// source (<see cref="CommandSources"/>): crop settings from anyone; connection settings from MQTT or the console
    /// only on trial (<see cref="ConnectionTrial"/>); hardware settings never from MQTT, and from the console only as
    /// a change that waits for a restart and the technician's confirmation (<see cref="HardwareChanges"/>). Every
    /// accepted change of a connection or hardware setting from MQTT, the console or the trial is an event on the
    /// alarm path (old -> new, secrets masked), which the journal keeps and MQTT sends.
    /// </para>
    /// </summary>
    public sealed class CommandDesk : ICommandPort, IChangeGuardView
    {
        private readonly ControllerSettings _settings;
        private readonly Logger _log;
        private readonly Journal _journal;
        private readonly ISettingsStore _store;
        private readonly string[] _resetBlobs;
        private readonly AlarmSet _alarms;
        private readonly ConnectionTrial _trial;
        private readonly HardwareChanges _hardware;
        private ControlEngine _engine;
        private Actuators _relays;
        private ControlStateKeeper _counters;
        private SettingsPersistence _persistence;
        private long _nowMs;
        private bool _tankHasWater = true;

        /// <param name="resetBlobs">Store blobs a factory reset deletes besides the journal and the desk's own (the settings copies).</param>
        public CommandDesk(ControllerSettings settings, AlarmSet alarms, Logger log, Journal journal, ISettingsStore store, string[] resetBlobs)
        {
            _settings = settings;
            _alarms = alarms;
            _log = log;
            _journal = journal;
            _store = store;
            _trial = new ConnectionTrial(settings, store, alarms, log);
            _hardware = new HardwareChanges(settings, store, alarms, log);
            _resetBlobs = StringArray.New(resetBlobs.Length + 2);
            for (int i = 0; i < resetBlobs.Length; i++)
            {
                _resetBlobs[i] = resetBlobs[i];
            }

            _resetBlobs[resetBlobs.Length] = ConnectionTrial.BlobName;
            _resetBlobs[resetBlobs.Length + 1] = HardwareChanges.BlobName;
        }

        /// <summary>The connection trial (ticked by the controller after the MQTT upkeep).</summary>
        public ConnectionTrial Trial
        {
            get { return _trial; }
        }

        /// <summary>Set by a reboot or factory reset; the firmware's loop (or the simulator) restarts the board after the tick.</summary>
        public bool RebootRequested { get; private set; }

        /// <summary>Wires what mist-now and reboots act on (they are built after the desk, which they use).</summary>
        public void Attach(ControlEngine engine, Actuators relays, ControlStateKeeper counters, SettingsPersistence persistence)
        {
            _engine = engine;
            _relays = relays;
            _counters = counters;
            _persistence = persistence;
        }

        /// <summary>The tick's uptime and the tank's last reading (called at the start of each tick).</summary>
        public void BeginTick(long nowMs, bool tankHasWater)
        {
            _nowMs = nowMs;
            _tankHasWater = tankHasWater;
        }

        /// <summary>At start, after the stored settings were applied: the working connection, a trial to resume, waiting hardware changes.</summary>
        public void LoadGuards(long nowMs)
        {
            _trial.Load(nowMs);
            _hardware.Load(nowMs);
        }

        public CommandResult ApplySetting(string key, string value, string source)
        {
            int definition;
            int zone;
            string error;
            if (!_settings.TryResolve(key, out definition, out zone, out error))
            {
                return Refuse(key, source, error);
            }

            SettingRisk risk = _settings.Definitions[definition].Risk;
            if (risk == SettingRisk.Hardware && source == CommandSources.Mqtt)
            {
                return Refuse(key, source, key + " is a hardware setting: only the technician console at the controller can change it"
                    + " (set " + key + " VALUE there, then restart and type hardware confirm)");
            }

            if (risk == SettingRisk.Hardware && source == CommandSources.Console)
            {
                return RequestHardware(key, definition, value, source);
            }

            bool guarded = risk == SettingRisk.Connection && CommandSources.IsRestricted(source);
            if (guarded)
            {
                _trial.BeforeChange(source);
            }

            string old = Shown(definition, zone);
            int version = _settings.Version;
            if (!_settings.TrySet(definition, zone, value, source, out error))
            {
                return Refuse(key, source, error);
            }

            string shown = _settings.DisplayText(definition, zone);
            if (_settings.Version == version)
            {
                return CommandResult.Applied(shown);
            }

            _log.Info("settings", "changed", "key=" + key + " value=" + shown + " source=" + source);
            // Every change of a device setting from MQTT or the console (connection, and crop settings of the whole
            // device such as lockouts or net.trial_min) and every revert of the trial is a one-off event, so who moved
            // what can be read afterwards; zone settings (targets, modes) are the growers' daily work and are not.
            if (source == CommandSources.Trial || (CommandSources.IsRestricted(source) && !_settings.Definitions[definition].PerZone))
            {
                _alarms.Notice(AlarmCodes.SettingChanged, 0, key + " " + old + " -> " + Shown(definition, zone) + " by " + source, false, _nowMs);
            }

            return CommandResult.Applied(shown, guarded ? _trial.Changed(_settings.Definitions[definition].Name, _nowMs) : null);
        }

        private CommandResult RequestHardware(string key, int definition, string value, string source)
        {
            string canonical;
            string error;
            if (!_settings.TryValidate(definition, 0, value, out canonical, out error))
            {
                return Refuse(key, source, error);
            }

            if (!_hardware.Request(definition, canonical, _nowMs))
            {
                return CommandResult.Applied(canonical, "no change waits: this is the value in effect");
            }

            return CommandResult.Applied(canonical, "waiting: in effect only after a restart (reboot) and hardware confirm on this console; in effect now: "
                + _settings.CanonicalText(definition, 0));
        }

        private CommandResult Refuse(string key, string source, string error)
        {
            _log.Warn("settings", "refused", "key=" + ControllerSettings.Sanitise(key) + " source=" + source + " reason=\"" + error + "\"");
            return CommandResult.Refused(error);
        }

        /// <summary>A value for an event: secrets masked, an empty value as "(empty)".</summary>
        private string Shown(int definition, int zone)
        {
            string text = _settings.DisplayText(definition, zone);
            return text == null || text.Length == 0 ? "(empty)" : text;
        }

        public CommandResult KeepConnection(string source)
        {
            if (source != CommandSources.Console)
            {
                return CommandResult.Refused("only the technician console can skip a connection trial");
            }

            return _trial.Keep(source, _nowMs);
        }

        public CommandResult RevertConnection(string source)
        {
            return _trial.Revert(source, _nowMs);
        }

        public CommandResult ConfirmHardware(string source)
        {
            if (source != CommandSources.Console)
            {
                return CommandResult.Refused("hardware changes are confirmed only on the technician console at the controller");
            }

            if (_hardware.Count == 0)
            {
                return CommandResult.Refused("no hardware change is waiting");
            }

            if (!_hardware.Confirmable)
            {
                return CommandResult.Refused("restart first: a hardware change is confirmed only after a restart (type reboot, then hardware confirm)");
            }

            int count = _hardware.Count;
            int[] definitions = new int[count];
            for (int i = 0; i < count; i++)
            {
                definitions[i] = _hardware.Definition(i);
            }

            for (int i = 0; i < count; i++)
            {
                int d = definitions[i];
                string name = _settings.Definitions[d].Name;
                string old = Shown(d, 0);
                string error;
                if (!_settings.TrySet(d, 0, _hardware.Value(d), source, out error))
                {
                    _log.Warn("settings", "refused", "key=" + name + " source=" + source + " reason=\"" + error + "\"");
                    continue;
                }

                _log.Info("settings", "changed", "key=" + name + " value=" + _settings.DisplayText(d, 0) + " source=" + source);
                _alarms.Notice(AlarmCodes.SettingChanged, 0, name + " " + old + " -> " + Shown(d, 0) + " by " + source + " (confirmed)", false, _nowMs);
            }

            _hardware.Clear(_nowMs);
            Reboot(source);
            return CommandResult.Applied("confirmed", "restarting with the new hardware settings");
        }

        public CommandResult DiscardHardware(string source)
        {
            if (source != CommandSources.Console)
            {
                return CommandResult.Refused("hardware changes are discarded only on the technician console at the controller");
            }

            if (_hardware.Count == 0)
            {
                return CommandResult.Refused("no hardware change is waiting");
            }

            _log.Warn("hardware", "change discarded", "count=" + _hardware.Count.ToString() + " source=" + source);
            _hardware.Clear(_nowMs);
            return CommandResult.Applied("discarded");
        }

        public bool TrialRunning
        {
            get { return _trial.Running; }
        }

        public string TrialKeys
        {
            get { return _trial.Keys; }
        }

        public long TrialRemainingMs
        {
            get { return _trial.RemainingMs; }
        }

        public bool HasWorkingConnection
        {
            get { return _trial.HasWorkingConnection; }
        }

        public int PendingHardwareCount
        {
            get { return _hardware.Count; }
        }

        public string PendingHardware(int index)
        {
            return _hardware.Describe(index);
        }

        public bool PendingHardwareConfirmable
        {
            get { return _hardware.Confirmable; }
        }

        public CommandResult RequestMist(int zone, long seconds, string source)
        {
            string error = MistRangeError(zone, seconds, _engine.ZoneCount);
            if (error == null)
            {
                error = _engine.MistRefusal(zone, _tankHasWater, _nowMs);
            }

            if (error != null)
            {
                _log.Warn("zone", "mist refused", "zone=" + zone.ToString() + " s=" + seconds.ToString() + " source=" + source + " reason=\"" + error + "\"");
                return CommandResult.Refused(error);
            }

            _engine.QueueMist(zone, (int)seconds);
            _log.Info("zone", "mist requested", "zone=" + zone.ToString() + " s=" + seconds.ToString() + " source=" + source);
            return CommandResult.Applied(Text.Num.Format(seconds));
        }

        /// <summary>The one check of a mist-now request's zone and length (null when both are in range).</summary>
        public static string MistRangeError(int zone, long seconds, int zonesInUse)
        {
            if (zone < 1 || zone > zonesInUse)
            {
                return "zone must be 1.." + zonesInUse.ToString() + " (setting zones)";
            }

            if (seconds < 1 || seconds > HardLimits.MaxManualMistSeconds)
            {
                return "mist must be 1.." + HardLimits.MaxManualMistSeconds.ToString() + " s";
            }

            return null;
        }

        public CommandResult Reboot(string source)
        {
            _log.Warn("core", "reboot requested", "source=" + source);
            _journal.PlanEnd("reboot_" + source);
            _relays.AllOff(ReasonCode.Reboot);
            _counters.SaveNow(_nowMs);
            if (_persistence != null)
            {
                _persistence.SaveNow();
            }

            RebootRequested = true;
            return CommandResult.Applied("rebooting");
        }

        public CommandResult FactoryReset(string source)
        {
            _journal.Clear();
            _journal.PlanEnd("factory_reset");
            for (int i = 0; i < _resetBlobs.Length; i++)
            {
                if (_store != null && !_store.Delete(_resetBlobs[i]))
                {
                    _log.Write(LogLevel.Error, "core", "factory reset delete failed", "blob=" + _resetBlobs[i], false);
                }
            }

            _trial.Forget();
            _hardware.Clear(_nowMs);
            _settings.ResetToDefaults(source);
            _log.Write(LogLevel.Warning, "core", "factory reset", "source=" + source, false);
            Reboot(source);
            return CommandResult.Applied("factory reset");
        }
    }
}
