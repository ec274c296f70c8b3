using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Technician
{
    /// <summary>
    /// The technician console's command interpreter, shared by the firmware (UART) and the simulator (stdin).
    /// Runs inside the controller's tick (lines arrive through the inbox), so it may call the controller directly.
    /// Answers are lines written to the console output; secrets never appear in them. Settings change only through
    /// <see cref="Controller.ApplySetting"/> with source "console" (same keys, validation and persistence as MQTT).
    /// </summary>
    public sealed class ConsoleInterpreter
    {
        /// <summary>Time to type "yes" after factory-reset.</summary>
        public const long ConfirmWindowMs = 30000;

        /// <summary>Source name passed to ApplySetting, RequestMist and RequestReboot.</summary>
        public const string Source = "console";

        /// <summary>Lines shown by "log" without a count.</summary>
        public const int DefaultLogLines = 20;

        // Command table: name, usage, one-line summary, detail, example. Order = help order.
        private static readonly string[] Names =
        {
            "help", "status", "get", "set", "settings", "mist", "zone", "events", "log", "wifi", "mqtt", "reboot", "factory-reset"
        };

        private static readonly string[] Usages =
        {
            "help [COMMAND]",
            "status",
            "get KEY",
            "set KEY VALUE",
            "settings [PREFIX]",
            "mist ZONE SECONDS",
            "zone ZONE auto|off|manual",
            "events",
            "log [COUNT]",
            "wifi SSID [PASSWORD]",
            "mqtt HOST PORT [USER PASSWORD]",
            "reboot",
            "factory-reset"
        };

        private static readonly string[] Summaries =
        {
            "list the commands, or explain one",
            "sensors, zones, pump, tank, alarms, network, uptime, firmware",
            "show one setting",
            "change one setting (checked and saved like an MQTT change)",
            "list settings, secrets masked",
            "open a zone's valve for a short pulse",
            "switch a zone to automatic, off or manual",
            "important events, kept across reboots",
            "recent log lines",
            "set the Wi-Fi network",
            "set the MQTT broker",
            "restart the controller",
            "erase settings and the journal, then restart (asks to confirm)"
        };

        private static readonly string[] Details =
        {
            "Without a command: one line per command. With one: its usage, what it does and an example.",
            "One line per item: fw/uptime/time, each sensor with health, each zone in use with mode, activity and reason, pump, fan, tank, alarms, network, inbox.",
            "KEY is a device setting (mqtt.port) or a zone setting (zone1.target_rh). Prints key=value, then the allowed values.",
            "VALUE is everything after KEY (spaces allowed; quotes optional). Errors say what is allowed. Secret values are never shown.",
            "PREFIX keeps only keys starting with it (zone1. or mqtt.). Zone settings are listed for all 4 zones.",
            "ZONE is a zone in use (1..zones), SECONDS 1..the hard limit. Refused when the zone is off, the tank is empty or a safety rule forbids it.",
            "Sets zoneN.mode. auto: the controller mists; off: valve closed; manual: only mist pulses.",
            "Boots with reason, safety trips and warnings, alarms raised and cleared, setting changes with their source. Oldest first.",
            "The last COUNT lines of the log held in RAM (default 20, at most 64). Lost at reboot; use events for what is kept.",
            "Sets wifi.ssid and wifi.password (an open network has no password). Quote an SSID with spaces: wifi \"Farm Net\" secret.",
            "Sets mqtt.host, mqtt.port, mqtt.user and mqtt.password. Without USER and PASSWORD the broker is used anonymously (user and password are cleared).",
            "Drives every relay off, saves the journal and restarts.",
            "Type factory-reset, then yes within 30 s. Every setting returns to its default (Wi-Fi and MQTT included), the stored settings and the journal are erased, and the controller restarts."
        };

        private static readonly string[] Examples =
        {
            "help mist",
            "status",
            "get zone1.target_rh",
            "set zone1.target_rh 91",
            "settings zone1.",
            "mist 1 30",
            "zone 2 off",
            "events",
            "log 10",
            "wifi FarmNet s3cret-pass",
            "mqtt 192.168.1.10 1883 greenhouse s3cret-pass",
            "reboot",
            "factory-reset"
        };

        private readonly Controller _controller;
        private readonly Journal _journal;
        private readonly ILogSink _output;
        private readonly SecretFilter _secrets;
        private readonly int _modeIndex;
        private string[] _factoryResetBlobs = new string[0];
        private bool _resetPending;
        private long _resetDeadlineMs;

        public ConsoleInterpreter(Controller controller, Journal journal, SecretFilter secrets, ILogSink output)
        {
            _controller = controller;
            _journal = journal;
            _secrets = secrets;
            _output = output;
            _modeIndex = controller.Settings.Require(CoreSettings.Mode);
        }

        /// <summary>Command names, in help order (for the docs test).</summary>
        public static string[] CommandNames
        {
            get { return Names; }
        }

        /// <summary>True between "factory-reset" and its confirmation or timeout.</summary>
        public bool FactoryResetPending
        {
            get { return _resetPending; }
        }

        /// <summary>Adds a store blob that factory-reset deletes (the settings file; the journal is always erased).</summary>
        public void AddFactoryResetBlob(string name)
        {
            string[] grown = StringArray.New(_factoryResetBlobs.Length + 1);
            for (int i = 0; i < _factoryResetBlobs.Length; i++)
            {
                grown[i] = _factoryResetBlobs[i];
            }

            grown[_factoryResetBlobs.Length] = name;
            _factoryResetBlobs = grown;
        }

        /// <summary>Cancels a pending factory reset whose confirmation time has passed. Call every tick; no allocation.</summary>
        public void Poll(long nowMs)
        {
            if (_resetPending && nowMs > _resetDeadlineMs)
            {
                _resetPending = false;
                Answer("factory-reset not confirmed within 30 s - cancelled");
            }
        }

        /// <summary>Runs one command line and writes its answer.</summary>
        public void Execute(string line)
        {
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
                    Answer("unknown command '' - type help");
                }

                return;
            }

            if (command.TooManyWords)
            {
                Answer("too many words - type help " + ControllerSettings.Sanitise(name));
                return;
            }

            switch (name)
            {
                case "help":
                case "?":
                    Help(command);
                    break;
                case "status":
                    Status();
                    break;
                case "get":
                    Get(command);
                    break;
                case "set":
                    Set(command, line);
                    break;
                case "settings":
                    ListSettings(command);
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
                    Wifi(command, line);
                    break;
                case "mqtt":
                    Mqtt(command, line);
                    break;
                case "reboot":
                    Audit(line);
                    Answer("rebooting");
                    _controller.RequestReboot(Source);
                    break;
                case "factory-reset":
                    Audit(line);
                    _resetPending = true;
                    _resetDeadlineMs = _controller.NowMs + ConfirmWindowMs;
                    Answer("factory-reset erases every setting (Wi-Fi and MQTT included) and the event journal, then restarts.");
                    Answer("type yes within 30 s to confirm, anything else cancels");
                    break;
                default:
                    Answer("unknown command '" + ControllerSettings.Sanitise(command.Word(0)) + "' - type help");
                    break;
            }
        }

        private void Help(CommandLine command)
        {
            if (command.Count >= 2)
            {
                int index = Find(command.Word(1).ToLower());
                if (index < 0)
                {
                    Answer("no command '" + ControllerSettings.Sanitise(command.Word(1)) + "' - type help");
                    return;
                }

                Answer("usage: " + Usages[index]);
                Answer(Summaries[index] + ".");
                Answer(Details[index]);
                Answer("example: " + Examples[index]);
                return;
            }

            Answer("commands (help COMMAND for details):");
            for (int i = 0; i < Names.Length; i++)
            {
                Answer("  " + PadRight(Usages[i], 32) + Summaries[i]);
            }
        }

        private static int Find(string name)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private void Status()
        {
            long now = _controller.NowMs;
            string time = _controller.Log.Timestamp();
            Answer("fw=" + _controller.FirmwareVersion + " uptime=" + Duration(now) + " time=" + (time.Length > 0 && time[0] == '+' ? "unsynced" : time)
                + " ticks=" + _controller.TickCount.ToString());

            SensorChannel[] sensors = _controller.Sensors;
            for (int i = 0; i < sensors.Length; i++)
            {
                SensorChannel s = sensors[i];
                string text = s.Name + " health=" + SensorReasons.HealthText(s.Health);
                if (s.Health == SensorHealth.Absent)
                {
                    Answer(text);
                    continue;
                }

                if (s.Fresh)
                {
                    text = text + " t=" + Num.Format(s.TemperatureCelsius, 1) + "C rh=" + Num.Format(s.RelativeHumidityPercent, 1)
                        + "% dew=" + Num.Format(s.DewPointCelsius, 1) + "C vpd=" + Num.Format(s.VapourPressureDeficitKilopascals, 2) + "kPa";
                }
                else
                {
                    text = text + " reading=none";
                }

                Answer(text + " errors=" + s.ErrorCount.ToString() + " reason=" + Logger.Quote(s.Reason));
            }

            int zones = _controller.ZoneCount;
            for (int zone = 1; zone <= zones; zone++)
            {
                Answer(ZoneStatus(zone, now));
            }

            Answer(RelayStatus(_controller.Pump, now));
            Answer(RelayStatus(_controller.Fan, now));
            Answer("tank=" + (_controller.TankHasWater ? "water" : "empty"));

            AlarmSet alarms = _controller.Alarms;
            Answer("alarms=" + (alarms.ActiveCount == 0 ? "none" : alarms.ActiveCount.ToString()));
            for (int slot = 0; slot < alarms.SlotCount; slot++)
            {
                string code;
                int zone;
                string detail;
                long since;
                if (alarms.TryGet(slot, out code, out zone, out detail, out since))
                {
                    Answer("  alarm code=" + code + " zone=" + zone.ToString() + " age=" + Duration(now - since) + " detail=" + Logger.Quote(detail));
                }
            }

            string host = SettingText("mqtt.host");
            string mqtt = host == null || host.Length == 0 ? "off" : _controller.NetworkConnected ? "up" : "down";
            Answer("network mqtt=" + mqtt + " host=" + Logger.Quote(host) + " wifi=" + Logger.Quote(SettingText("wifi.ssid")));
            Answer("inbox dropped=" + _controller.Inbox.Dropped.ToString() + " log_suppressed=" + _controller.Log.SuppressedCount.ToString()
                + " events=" + _journal.ImportantCount.ToString() + " boots=" + _journal.BootCount.ToString());
        }

        /// <summary>One zone's status line. The only place that reads the zone objects of the control engine.</summary>
        private string ZoneStatus(int zone, long now)
        {
            MistZone z = _controller.Zones[zone - 1];
            int mode = _controller.Settings.ChoiceIndex(_modeIndex, zone);
            return "zone" + zone.ToString() + " mode=" + CoreSettings.Modes[mode] + " stage=" + z.StageName + " phase=" + z.PhaseName
                + " target=" + Num.FormatShort(z.TargetRh, 1) + "% activity=" + ActivityText(z.Activity)
                + " valve=" + (z.Valve.IsOn ? "on on_for=" + Duration(z.Valve.OnForMs(now)) : "off")
                + " water_today=" + Num.Format(z.WaterTodayLitres, 1) + "L reason=" + Logger.Quote(z.Reason);
        }

        private static string RelayStatus(RelayChannel relay, long now)
        {
            if (!relay.Fitted)
            {
                return relay.Name + "=not_fitted";
            }

            return relay.Name + "=" + (relay.IsOn ? "on on_for=" + Duration(relay.OnForMs(now)) : "off") + " switches=" + relay.SwitchCount.ToString()
                + " reason=" + Logger.Quote(relay.LastReason);
        }

        private string SettingText(string key)
        {
            string text;
            string error;
            return _controller.Settings.TryGetText(key, out text, out error) ? text : null;
        }

        private void Get(CommandLine command)
        {
            if (command.Count != 2)
            {
                Answer("usage: get KEY (settings lists the keys)");
                return;
            }

            string key = command.Word(1);
            ControllerSettings settings = _controller.Settings;
            int definition;
            int zone;
            string error;
            if (!settings.TryResolve(key, out definition, out zone, out error))
            {
                Answer(error);
                return;
            }

            SettingDefinition def = settings.Definitions[definition];
            Answer(key + "=" + settings.DisplayText(definition, zone));
            string unit = def.Unit == null || def.Unit.Length == 0 ? "" : " " + def.Unit;
            Answer("  " + def.AllowedText() + unit + " - " + def.Description);
        }

        private void Set(CommandLine command, string line)
        {
            if (command.Count < 3)
            {
                Answer("usage: set KEY VALUE");
                return;
            }

            Audit(line);
            string key = command.Word(1);
            string error;
            if (!_controller.ApplySetting(key, command.Rest(2), Source, out error))
            {
                Answer(error);
                return;
            }

            string shown = SettingText(key);
            string note = key.StartsWith("pins.") || key == "console.baud" ? " (takes effect after reboot)" : "";
            Answer("ok " + key + "=" + shown + note);
        }

        private void ListSettings(CommandLine command)
        {
            string prefix = command.Count >= 2 ? command.Word(1) : null;
            ControllerSettings settings = _controller.Settings;
            SettingDefinition[] definitions = settings.Definitions;
            int shown = 0;
            for (int zone = 0; zone <= ControllerSettings.MaxZones; zone++)
            {
                for (int d = 0; d < definitions.Length; d++)
                {
                    if (definitions[d].PerZone != (zone > 0))
                    {
                        continue;
                    }

                    string key = zone > 0 ? "zone" + zone.ToString() + "." + definitions[d].Name : definitions[d].Name;
                    if (prefix != null && !key.StartsWith(prefix))
                    {
                        continue;
                    }

                    Answer(key + "=" + settings.DisplayText(d, zone));
                    shown++;
                }
            }

            if (shown == 0)
            {
                Answer("no setting starts with '" + ControllerSettings.Sanitise(prefix) + "'");
            }
        }

        private void Mist(CommandLine command, string line)
        {
            long zone;
            long seconds;
            if (command.Count != 3 || !Num.TryParseInt(command.Word(1), out zone) || !Num.TryParseInt(command.Word(2), out seconds))
            {
                Answer("usage: mist ZONE SECONDS (ZONE 1.." + _controller.ZoneCount.ToString() + ", SECONDS 1.." + HardLimits.MaxManualMistSeconds.ToString() + ")");
                return;
            }

            Audit(line);
            string error;
            bool done;
            if (zone < 1 || zone > ControllerSettings.MaxZones)
            {
                error = "zone must be 1.." + _controller.ZoneCount.ToString();
                done = false;
            }
            else if (seconds < 1 || seconds > HardLimits.MaxManualMistSeconds)
            {
                error = "seconds must be 1.." + HardLimits.MaxManualMistSeconds.ToString();
                done = false;
            }
            else
            {
                done = _controller.RequestMist((int)zone, (int)seconds, Source, out error);
            }

            if (!done)
            {
                Answer(error);
                return;
            }

            Answer("ok zone" + zone.ToString() + " mist " + seconds.ToString() + " s");
        }

        private void Zone(CommandLine command, string line)
        {
            long zone;
            if (command.Count != 3 || !Num.TryParseInt(command.Word(1), out zone))
            {
                Answer("usage: zone ZONE auto|off|manual");
                return;
            }

            if (zone < 1 || zone > ControllerSettings.MaxZones)
            {
                Answer("zone must be 1.." + ControllerSettings.MaxZones.ToString());
                return;
            }

            Audit(line);
            string key = "zone" + zone.ToString() + "." + CoreSettings.Mode;
            string error;
            if (!_controller.ApplySetting(key, command.Word(2).ToLower(), Source, out error))
            {
                Answer(error);
                return;
            }

            string note = zone > _controller.ZoneCount ? " (zone not in use: zones=" + _controller.ZoneCount.ToString() + ")" : "";
            Answer("ok " + key + "=" + SettingText(key) + note);
        }

        private void Events()
        {
            int count = _journal.ImportantCount;
            if (count == 0)
            {
                Answer("no events recorded");
                return;
            }

            Answer("events=" + count.ToString() + " boots=" + _journal.BootCount.ToString() + " (oldest first)");
            for (int i = 0; i < count; i++)
            {
                Answer(_journal.GetImportant(i));
            }
        }

        private void Log(CommandLine command)
        {
            long wanted = DefaultLogLines;
            if (command.Count > 2 || (command.Count == 2 && (!Num.TryParseInt(command.Word(1), out wanted) || wanted < 1)))
            {
                Answer("usage: log [COUNT] (COUNT 1.." + Journal.RecentCapacity.ToString() + ")");
                return;
            }

            int count = _journal.RecentCount;
            int show = wanted < count ? (int)wanted : count;
            if (show == 0)
            {
                Answer("no log lines yet");
                return;
            }

            for (int i = count - show; i < count; i++)
            {
                Answer(_journal.GetRecent(i));
            }
        }

        private void Wifi(CommandLine command, string line)
        {
            if (command.Count < 2 || command.Count > 3)
            {
                Answer("usage: wifi SSID [PASSWORD] (quote an SSID with spaces)");
                return;
            }

            Audit(line);
            string ssid = command.Word(1);
            string password = command.Count == 3 ? command.Word(2) : "";
            string error;
            if (!CheckText("wifi.ssid", ssid, out error) || !CheckText("wifi.password", password, out error)
                || !_controller.ApplySetting("wifi.ssid", ssid, Source, out error)
                || !_controller.ApplySetting("wifi.password", password, Source, out error))
            {
                Answer(error);
                return;
            }

            Answer("ok wifi.ssid=" + SettingText("wifi.ssid") + " wifi.password=" + (password.Length == 0 ? "(none)" : SettingText("wifi.password")));
        }

        private void Mqtt(CommandLine command, string line)
        {
            if (command.Count != 3 && command.Count != 5)
            {
                Answer("usage: mqtt HOST PORT [USER PASSWORD]");
                return;
            }

            Audit(line);
            string host = command.Word(1);
            string user = command.Count == 5 ? command.Word(3) : "";
            string password = command.Count == 5 ? command.Word(4) : "";
            string error;
            if (!CheckText("mqtt.host", host, out error) || !CheckText("mqtt.user", user, out error) || !CheckText("mqtt.password", password, out error)
                || !_controller.ApplySetting("mqtt.port", command.Word(2), Source, out error)
                || !_controller.ApplySetting("mqtt.host", host, Source, out error)
                || !_controller.ApplySetting("mqtt.user", user, Source, out error)
                || !_controller.ApplySetting("mqtt.password", password, Source, out error))
            {
                Answer(error);
                return;
            }

            Answer("ok mqtt.host=" + SettingText("mqtt.host") + " mqtt.port=" + SettingText("mqtt.port") + " mqtt.user=" + Logger.Quote(SettingText("mqtt.user"))
                + " mqtt.password=" + (password.Length == 0 ? "(none)" : SettingText("mqtt.password")));
        }

        /// <summary>
        /// Checks a text value against its definition before anything is applied, so a command that sets several
        /// keys does not stop half-way. ApplySetting remains the authority (and checks again).
        /// </summary>
        private bool CheckText(string key, string value, out string error)
        {
            ControllerSettings settings = _controller.Settings;
            int definition;
            int zone;
            if (!settings.TryResolve(key, out definition, out zone, out error))
            {
                return false;
            }

            SettingDefinition def = settings.Definitions[definition];
            bool printable = true;
            for (int i = 0; i < value.Length; i++)
            {
                printable &= value[i] >= ' ' && value[i] <= '~';
            }

            if (value.Length > def.MaxLength || !printable)
            {
                error = def.Name + " must be " + def.AllowedText() + ", printable, without line breaks";
                return false;
            }

            return true;
        }

        private void ConfirmFactoryReset(CommandLine command)
        {
            _resetPending = false;
            if (_controller.NowMs > _resetDeadlineMs)
            {
                Answer("factory-reset not confirmed within 30 s - cancelled");
                return;
            }

            if (command.Count != 1 || command.Command != "yes")
            {
                Answer("factory-reset cancelled (expected yes)");
                return;
            }

            _journal.Clear();
            DeleteBlobs();
            _controller.Settings.ResetToDefaults();
            _controller.Log.Write(LogLevel.Warning, "core", "factory reset", "source=" + Source, false);
            Answer("factory reset: settings back to defaults, journal erased, restarting");
            _controller.RequestReboot(Source);
        }

        private void DeleteBlobs()
        {
            for (int i = 0; i < _factoryResetBlobs.Length; i++)
            {
                if (_store != null && !_store.Delete(_factoryResetBlobs[i]))
                {
                    _controller.Log.Write(LogLevel.Error, "core", "factory reset delete failed", "blob=" + _factoryResetBlobs[i], false);
                }
            }
        }

        private ISettingsStore _store;

        /// <summary>The store factory-reset deletes blobs from (set by the owner).</summary>
        public ISettingsStore Store
        {
            get { return _store; }
            set { _store = value; }
        }

        /// <summary>Logs a command that changes something, with its secrets masked.</summary>
        private void Audit(string line)
        {
            string masked = CommandLine.MaskSecrets(line, _secrets == null ? null : _secrets.SecretNames);
            _controller.Log.Info("console", "command", "line=" + Logger.Quote(masked));
        }

        private void Answer(string text)
        {
            if (_output == null)
            {
                return;
            }

            _output.WriteLine(_secrets == null ? text : _secrets.Apply(text));
        }

        private static string PadRight(string text, int width)
        {
            if (text.Length >= width)
            {
                return text + " ";
            }

            return text + new string(' ', width - text.Length);
        }

        /// <summary>Compact duration: 6s, 5m06s, 4h05m06s, 3d04h05m06s.</summary>
        public static string Duration(long ms)
        {
            if (ms < 0)
            {
                ms = 0;
            }

            long total = ms / 1000;
            long days = total / 86400;
            long hours = total / 3600 % 24;
            long minutes = total / 60 % 60;
            long seconds = total % 60;
            if (days > 0)
            {
                return days.ToString() + "d" + Two(hours) + "h" + Two(minutes) + "m" + Two(seconds) + "s";
            }

            if (hours > 0)
            {
                return hours.ToString() + "h" + Two(minutes) + "m" + Two(seconds) + "s";
            }

            if (minutes > 0)
            {
                return minutes.ToString() + "m" + Two(seconds) + "s";
            }

            return seconds.ToString() + "s";
        }

        private static string Two(long value)
        {
            return value < 10 ? "0" + value.ToString() : value.ToString();
        }

        /// <summary>Zone activity word.</summary>
        public static string ActivityText(ZoneActivity activity)
        {
            switch (activity)
            {
                case ZoneActivity.Off:
                    return "off";
                case ZoneActivity.Idle:
                    return "idle";
                case ZoneActivity.Misting:
                    return "misting";
                case ZoneActivity.Blocked:
                    return "blocked";
                default:
                    return "fault";
            }
        }
    }
}
