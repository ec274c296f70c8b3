using Greenhouse.Actuation;
using Greenhouse.Commands;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Persistence;
using Greenhouse.Ports;
using Greenhouse.Settings;

namespace Greenhouse.App
{
    /// <summary>
    /// The controller's implementation of <see cref="ICommandPort"/>: every command is checked here once, logged
    /// with its source and answered. Runs inside the tick (commands arrive through the inbox); the controller
    /// tells it the tick's uptime and the tank's last reading, which a mist-now request is judged against.
    /// </summary>
    public sealed class CommandDesk : ICommandPort
    {
        private readonly ControllerSettings _settings;
        private readonly Logger _log;
        private readonly Journal _journal;
        private readonly ISettingsStore _store;
        private readonly string[] _resetBlobs;
        private ControlEngine _engine;
        private Actuators _relays;
        private ControlStateKeeper _counters;
        private SettingsPersistence _persistence;
        private long _nowMs;
        private bool _tankHasWater = true;

        /// <param name="resetBlobs">Store blobs a factory reset deletes besides the journal (the settings copies).</param>
        public CommandDesk(ControllerSettings settings, Logger log, Journal journal, ISettingsStore store, string[] resetBlobs)
        {
            _settings = settings;
            _log = log;
            _journal = journal;
            _store = store;
            _resetBlobs = resetBlobs;
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

        public CommandResult ApplySetting(string key, string value, string source)
        {
            int version = _settings.Version;
            string error;
            if (!_settings.TrySet(key, value, source, out error))
            {
                _log.Warn("settings", "refused", "key=" + ControllerSettings.Sanitise(key) + " source=" + source + " reason=\"" + error + "\"");
                return CommandResult.Refused(error);
            }

            string shown;
            _settings.TryGetText(key, out shown, out error);
            if (_settings.Version != version)
            {
                _log.Info("settings", "changed", "key=" + key + " value=" + shown + " source=" + source);
            }

            return CommandResult.Applied(shown);
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

            _settings.ResetToDefaults(source);
            _log.Write(LogLevel.Warning, "core", "factory reset", "source=" + source, false);
            Reboot(source);
            return CommandResult.Applied("factory reset");
        }
    }
}
