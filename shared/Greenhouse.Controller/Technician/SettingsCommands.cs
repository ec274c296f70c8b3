using Greenhouse.Commands;
using Greenhouse.Diagnostics;
using Greenhouse.Settings;
using Greenhouse.Status;

namespace Greenhouse.Technician
{
    /// <summary>
    /// The console's setting commands: get, set, settings, wifi and mqtt. Values change only through the command
    /// port (source "console"); answers show secrets masked.
    /// </summary>
    public sealed class SettingsCommands
    {
        private readonly ICommandPort _commands;
        private readonly IControllerStatus _status;
        private readonly ConsoleOutput _out;
        private readonly ConsoleInterpreter _audit;

        public SettingsCommands(ICommandPort commands, IControllerStatus status, ConsoleOutput output, ConsoleInterpreter audit)
        {
            _commands = commands;
            _status = status;
            _out = output;
            _audit = audit;
        }

        public void Get(CommandLine command)
        {
            if (command.Count != 2)
            {
                _out.Line("usage: get KEY (settings lists the keys)");
                return;
            }

            string key = command.Word(1);
            ISettingsView settings = _status.Settings;
            int definition;
            int zone;
            string error;
            if (!settings.TryResolve(key, out definition, out zone, out error))
            {
                _out.Line(error);
                return;
            }

            SettingDefinition def = settings.Definitions[definition];
            _out.Line(key + "=" + settings.DisplayText(definition, zone));
            string unit = def.Unit == null || def.Unit.Length == 0 ? "" : " " + def.Unit;
            _out.Line("  " + def.AllowedText() + unit + " - " + def.Description);
            _out.Line("  class " + SettingRisks.Name(def.Risk) + ": " + SettingRisks.Rule(def.Risk));
        }

        public void Set(CommandLine command, string line)
        {
            if (command.Count < 3)
            {
                _out.Line("usage: set KEY VALUE");
                return;
            }

            _audit.Audit(line);
            string key = command.Word(1);
            CommandResult result = _commands.ApplySetting(key, command.Rest(2), ConsoleInterpreter.Source);
            if (!result.Ok)
            {
                _out.Line(result.Error);
                return;
            }

            _out.Line("ok " + key + "=" + result.Value);
            Note(result.Note);
        }

        /// <summary>The note of an accepted change that waits (on trial, waiting for confirmation), on its own line.</summary>
        private void Note(string note)
        {
            if (note != null)
            {
                _out.Line("  " + note);
            }
        }

        public void ListSettings(CommandLine command)
        {
            string prefix = command.Count >= 2 ? command.Word(1) : null;
            ISettingsView settings = _status.Settings;
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

                    _out.Line(key + "=" + settings.DisplayText(d, zone));
                    shown++;
                }
            }

            if (shown == 0)
            {
                _out.Line("no setting starts with '" + ControllerSettings.Sanitise(prefix) + "'");
            }
        }

        public void Wifi(CommandLine command, string line)
        {
            if (command.Count < 2 || command.Count > 3)
            {
                _out.Line("usage: wifi SSID [PASSWORD] (quote an SSID with spaces)");
                return;
            }

            _audit.Audit(line);
            string ssid = command.Word(1);
            string password = command.Count == 3 ? command.Word(2) : "";
            string error;
            _note = null;
            if (!CheckText("wifi.ssid", ssid, out error) || !CheckText("wifi.password", password, out error)
                || !Apply("wifi.ssid", ssid, out error)
                || !Apply("wifi.password", password, out error))
            {
                _out.Line(error);
                return;
            }

            _out.Line("ok wifi.ssid=" + SettingText("wifi.ssid") + " wifi.password=" + (password.Length == 0 ? "(none)" : SettingText("wifi.password")));
            Note(_note);
        }

        public void Mqtt(CommandLine command, string line)
        {
            if (command.Count != 3 && command.Count != 5)
            {
                _out.Line("usage: mqtt HOST PORT [USER PASSWORD]");
                return;
            }

            _audit.Audit(line);
            string host = command.Word(1);
            string user = command.Count == 5 ? command.Word(3) : "";
            string password = command.Count == 5 ? command.Word(4) : "";
            string error;
            _note = null;
            if (!CheckText("mqtt.host", host, out error) || !CheckText("mqtt.user", user, out error) || !CheckText("mqtt.password", password, out error)
                || !Apply("mqtt.port", command.Word(2), out error)
                || !Apply("mqtt.host", host, out error)
                || !Apply("mqtt.user", user, out error)
                || !Apply("mqtt.password", password, out error))
            {
                _out.Line(error);
                return;
            }

            _out.Line("ok mqtt.host=" + SettingText("mqtt.host") + " mqtt.port=" + SettingText("mqtt.port") + " mqtt.user=" + Logger.Quote(SettingText("mqtt.user"))
                + " mqtt.password=" + (password.Length == 0 ? "(none)" : SettingText("mqtt.password")));
            Note(_note);
        }

        /// <summary>
        /// Checks a text value against its definition before anything is applied, so a command that sets several
        /// keys does not stop half-way. ApplySetting remains the authority (and checks again).
        /// </summary>
        private bool CheckText(string key, string value, out string error)
        {
            ISettingsView settings = _status.Settings;
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

        private bool Apply(string key, string value, out string error)
        {
            CommandResult result = _commands.ApplySetting(key, value, ConsoleInterpreter.Source);
            error = result.Error;
            if (result.Note != null)
            {
                _note = result.Note;
            }

            return result.Ok;
        }

        /// <summary>The last note of the keys a wifi or mqtt command set (the trial's).</summary>
        private string _note;

        private string SettingText(string key)
        {
            string text;
            string error;
            return _status.Settings.TryGetText(key, out text, out error) ? text : null;
        }
    }
}
