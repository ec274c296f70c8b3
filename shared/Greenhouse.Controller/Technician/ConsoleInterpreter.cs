using Greenhouse.Commands;
using Greenhouse.Diagnostics;
using Greenhouse.Settings;
using Greenhouse.Status;
using Greenhouse.Text;

namespace Greenhouse.Technician
{
    /// <summary>
    /// The technician console's command interpreter, shared by the firmware (UART) and the simulator (stdin). Runs
    /// inside the controller's tick (lines arrive through the inbox). It reads the controller's status and changes
    /// things only through the command port with source "console" (same keys, validation and persistence as MQTT).
    /// Answers are lines written to the console output; secrets never appear in them.
    /// </summary>
    public sealed class ConsoleInterpreter
    {
        /// <summary>Time to type "yes" after factory-reset.</summary>
        public const long ConfirmWindowMs = 30000;

        /// <summary>Source name of the console's commands.</summary>
        public const string Source = "console";

        /// <summary>Lines shown by "log" without a count.</summary>
        public const int DefaultLogLines = 20;

        private readonly ICommandPort _commands;
        private readonly IControllerStatus _status;
        private readonly Journal _journal;
        private readonly SecretFilter _secrets;
        private readonly ConsoleOutput _out;
        private readonly Logger _log;
        private readonly SettingsCommands _settingsCommands;
        private readonly GuardCommands _guardCommands;
        private bool _resetPending;
        private long _resetDeadlineMs;
        private long _nowMs;

        public ConsoleInterpreter(ICommandPort commands, IControllerStatus status, Journal journal, SecretFilter secrets, ConsoleOutput output, Logger log)
        {
            _commands = commands;
            _status = status;
            _journal = journal;
            _secrets = secrets;
            _out = output;
            _log = log;
            _settingsCommands = new SettingsCommands(commands, status, output, this);
            _guardCommands = new GuardCommands(commands, status.Changes, output, this);
        }

        /// <summary>True between "factory-reset" and its confirmation or timeout.</summary>
        public bool FactoryResetPending
        {
            get { return _resetPending; }
        }

        /// <summary>Cancels a pending factory reset whose confirmation time has passed. Call every tick; no allocation.</summary>
        public void Poll(long nowMs)
        {
            if (_resetPending && nowMs > _resetDeadlineMs)
            {
                _resetPending = false;
                _out.Line("factory-reset not confirmed within 30 s - cancelled");
            }
        }

        /// <summary>Runs one command line and writes its answer.</summary>
        public void Execute(string line, long nowMs)
        {
            _nowMs = nowMs;
            CommandLine command = CommandLine.Parse(line);
            if (_resetPending)
            {
                ConfirmFactoryReset(command);
                return;
            }

            string name = command.Command;
            if (name.Length == 0)
            {
                if (command.Count > 0)
                {
                    // A quoted empty first word ("" status): say so rather than stay silent.
                    _out.Line("unknown command '' - type help");
                }

                return;
            }

            if (command.TooManyWords)
            {
                _out.Line("too many words - type help " + ControllerSettings.Sanitise(name));
                return;
            }

            switch (name)
            {
                case "help":
                case "?":
                    Help(command);
                    break;
                case "status":
                    StatusReport.Write(_status, _journal, _out);
                    break;
                case "get":
                    _settingsCommands.Get(command);
                    break;
                case "set":
                    _settingsCommands.Set(command, line);
                    break;
                case "settings":
                    _settingsCommands.ListSettings(command);
                    break;
                case "mist":
                    Mist(command, line);
                    break;
                case "zone":
                    Zone(command, line);
                    break;
                case "events":
                    Events();
                    break;
                case "log":
                    Log(command);
                    break;
                case "wifi":
                    _settingsCommands.Wifi(command, line);
                    break;
                case "mqtt":
                    _settingsCommands.Mqtt(command, line);
                    break;
                case "trial":
                    _guardCommands.Trial(command, line);
                    break;
                case "hardware":
                    _guardCommands.Hardware(command, line);
                    break;
                case "reboot":
                    Audit(line);
                    _out.Line("rebooting");
                    _commands.Reboot(Source);
                    break;
                case "factory-reset":
                    Audit(line);
                    _resetPending = true;
                    _resetDeadlineMs = _nowMs + ConfirmWindowMs;
                    _out.Line("factory-reset erases every setting (Wi-Fi and MQTT included) and the event journal, then restarts.");
                    _out.Line("type yes within 30 s to confirm, anything else cancels");
                    break;
                default:
                    _out.Line("unknown command '" + ControllerSettings.Sanitise(command.Word(0)) + "' - type help");
                    break;
            }
        }

        private string SettingText(string key)
        {
            string text;
            string error;
            return _status.Settings.TryGetText(key, out text, out error) ? text : null;
        }

        private void Mist(CommandLine command, string line)
        {
            long zone;
            long seconds;
            if (command.Count != 3 || !Num.TryParseInt(command.Word(1), out zone) || !Num.TryParseInt(command.Word(2), out seconds))
            {
                _out.Line("usage: mist ZONE SECONDS (ZONE 1.." + _status.ZoneCount.ToString() + ", SECONDS 1.." + HardLimits.MaxManualMistSeconds.ToString() + ")");
                return;
            }

            Audit(line);
            CommandResult result = _commands.RequestMist(zone < 1 || zone > ControllerSettings.MaxZones ? 0 : (int)zone, seconds, Source);
            if (!result.Ok)
            {
                _out.Line(result.Error);
                return;
            }

            _out.Line("ok zone" + zone.ToString() + " mist " + seconds.ToString() + " s");
        }

        private void Zone(CommandLine command, string line)
        {
            long zone;
            if (command.Count != 3 || !Num.TryParseInt(command.Word(1), out zone))
            {
                _out.Line("usage: zone ZONE auto|off|manual");
                return;
            }

            if (zone < 1 || zone > ControllerSettings.MaxZones)
            {
                _out.Line("zone must be 1.." + ControllerSettings.MaxZones.ToString());
                return;
            }

            Audit(line);
            string key = "zone" + zone.ToString() + "." + CoreSettings.Mode;
            CommandResult result = _commands.ApplySetting(key, command.Word(2).ToLower(), Source);
            if (!result.Ok)
            {
                _out.Line(result.Error);
                return;
            }

            string note = zone > _status.ZoneCount ? " (zone not in use: zones=" + _status.ZoneCount.ToString() + ")" : "";
            _out.Line("ok " + key + "=" + SettingText(key) + note);
        }

        private void Events()
        {
            int count = _journal.ImportantCount;
            if (count == 0)
            {
                _out.Line("no events recorded");
                return;
            }

            _out.Line("events=" + count.ToString() + " boots=" + _journal.BootCount.ToString() + " (oldest first)");
            for (int i = 0; i < count; i++)
            {
                _out.Line(_journal.GetImportant(i));
            }
        }

        private void Log(CommandLine command)
        {
            long wanted = DefaultLogLines;
            if (command.Count > 2 || (command.Count == 2 && (!Num.TryParseInt(command.Word(1), out wanted) || wanted < 1)))
            {
                _out.Line("usage: log [COUNT] (COUNT 1.." + Journal.RecentCapacity.ToString() + ")");
                return;
            }

            int count = _journal.RecentCount;
            int show = wanted < count ? (int)wanted : count;
            if (show == 0)
            {
                _out.Line("no log lines yet");
                return;
            }

            for (int i = count - show; i < count; i++)
            {
                _out.Line(_journal.GetRecent(i));
            }
        }

        private void ConfirmFactoryReset(CommandLine command)
        {
            _resetPending = false;
            if (_nowMs > _resetDeadlineMs)
            {
                _out.Line("factory-reset not confirmed within 30 s - cancelled");
                return;
            }

            if (command.Count != 1 || command.Command != "yes")
            {
                _out.Line("factory-reset cancelled (expected yes)");
                return;
            }

            _commands.FactoryReset(Source);
            _out.Line("factory reset: settings back to defaults, journal erased, restarting");
        }

        /// <summary>Logs a command that changes something, with its secrets masked.</summary>
        internal void Audit(string line)
        {
            string masked = CommandLine.MaskSecrets(line, _secrets == null ? null : _secrets.SecretNames);
            _log.Info("console", "command", "line=" + Logger.Quote(masked));
        }

        private void Help(CommandLine command)
        {
            if (command.Count >= 2)
            {
                ConsoleCommand one = ConsoleCommands.Find(command.Word(1).ToLower());
                if (one == null)
                {
                    _out.Line("no command '" + ControllerSettings.Sanitise(command.Word(1)) + "' - type help");
                    return;
                }

                _out.Line("usage: " + one.Usage);
                _out.Line(one.Summary + ".");
                _out.Line(one.Detail);
                _out.Line("example: " + one.Example);
                return;
            }

            _out.Line("commands (help COMMAND for details):");
            ConsoleCommand[] all = ConsoleCommands.All;
            for (int i = 0; i < all.Length; i++)
            {
                _out.Line("  " + PadRight(all[i].Usage, 32) + all[i].Summary);
            }

            for (int i = 0; i < ConsoleCommands.SettingClasses.Length; i++)
            {
                _out.Line(ConsoleCommands.SettingClasses[i]);
            }
        }

        private static string PadRight(string text, int width)
        {
            if (text.Length >= width)
            {
                return text + " ";
            }

            return text + new string(' ', width - text.Length);
        }
    }
}
