using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Greenhouse.App;
using Greenhouse.Settings;

namespace Greenhouse.Fuzz
{
    /// <summary>
    /// Console target: technician lines posted through <c>Inbox.PostConsoleLine</c>, one per tick: every command with
    /// valid and invalid arguments, quoting, secrets, junk (control characters, unicode, NUL, very long lines, many
    /// words), the connection trial and waiting hardware changes. Oracles: no exception; a non-blank line gets at least
    /// one answer line; a <c>set</c> whose value its setting refuses changes nothing, a <c>set</c> of a hardware setting
    /// changes nothing at once, no command changes settings it does not name (the trial's revert may bring connection
    /// settings back; <c>hardware confirm</c> applies exactly the waiting changes); every setting valid, rules and hard
    /// limits hold; no secret appears in any output or log line. A reboot (or a confirmed factory reset)
    /// restarts the controller on the same store, as the firmware does.
    /// </summary>
    public sealed class ConsoleTarget : ITarget
    {
        public const string Name = "console";
        private static readonly Regex LogLine = new Regex(@"^\S+ (INFO|WARN|ERROR|DEBUG) ", RegexOptions.Compiled);
        private readonly Random _random;
        private readonly ValueGenerator _values;
        private readonly SettingsCheck _check = new SettingsCheck();
        private readonly FailureLog _failures;
        private readonly FuzzRig _rig;
        private readonly HashSet<string> _secrets = new HashSet<string>(StringComparer.Ordinal);
        private string[] _before;
        private string[] _after;
        private readonly List<string> _pendingBefore = new List<string>();
        private long _caseIndex;
        private long _next;
        private bool _resetPending;

        public ConsoleTarget(int seed, FailureLog failures)
        {
            _random = new Random(seed);
            _values = new ValueGenerator(_random);
            _failures = failures;
            _rig = new FuzzRig(null);
            // Like a broker, the link sends the device's own status back: sessions are proven, so console changes of
            // the connection go on trial (and may pass or be reverted).
            _rig.Link.Echo = true;
            _rig.Controller.Start();
            _rig.Controller.Tick();
        }

        public string TargetName
        {
            get { return Name; }
        }

        public FuzzRig Rig
        {
            get { return _rig; }
        }

        public long Run(long cases)
        {
            for (long i = 0; i < cases; i++)
            {
                string line = NextLine();
                RunLine(line, _next++);
            }

            return cases;
        }

        private static readonly string[] Commands =
        {
            "help", "status", "get", "set", "settings", "mist", "zone", "events", "log", "wifi", "mqtt", "reboot", "factory-reset", "?", "HELP", "Set", "yes",
            "trial", "hardware",
        };

        private string NextLine()
        {
            int pick = _random.Next(100);
            if (_resetPending && pick < 50)
            {
                return _random.Next(2) == 0 ? "yes" : "no";
            }

            if (pick < 35)
            {
                SettingDefinition def = _values.PickDefinition();
                string key = def.PerZone ? "zone" + ZoneWord() + "." + def.Name : def.Name;
                string value = _random.Next(2) == 0 ? _values.Valid(def) : _values.Invalid(def);
                if (value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0)
                {
                    value = value.Replace('\n', ' ').Replace('\r', ' ');
                }

                int quote = _random.Next(8);
                return "set " + key + " " + (quote == 0 ? "\"" + value + "\"" : value);
            }

            if (pick < 45)
            {
                SettingDefinition def = _values.PickDefinition();
                return "get " + (def.PerZone ? "zone" + ZoneWord() + "." + def.Name : def.Name);
            }

            if (pick < 55)
            {
                return "mist " + ZoneWord() + " " + new[] { "1", "30", "300", "301", "0", "-1", "x", "", "1e2" }[_random.Next(9)];
            }

            if (pick < 62)
            {
                return "zone " + ZoneWord() + " " + new[] { "auto", "off", "manual", "AUTO", "on", "", "auto extra" }[_random.Next(7)];
            }

            if (pick < 68)
            {
                string ssid = _random.Next(3) == 0 ? "\"Farm Net\"" : _values.Alnum(1 + _random.Next(32));
                return "wifi " + ssid + (_random.Next(3) == 0 ? "" : " " + _values.Secret());
            }

            if (pick < 74)
            {
                string port = new[] { "1883", "8883", "0", "65536", "x" }[_random.Next(5)];
                return "mqtt " + _values.Alnum(1 + _random.Next(20)) + " " + port + (_random.Next(2) == 0 ? "" : " " + _values.Alnum(5) + " " + _values.Secret());
            }

            if (pick < 78)
            {
                // Changes that wait: the connection trial and hardware changes (a restart between set and confirm).
                return new[] { "hardware confirm", "hardware confirm", "hardware confirm", "hardware discard", "hardware", "trial keep", "trial revert", "trial", "reboot" }[_random.Next(9)];
            }

            if (pick < 84)
            {
                string command = Commands[_random.Next(Commands.Length)];
                if (command == "reboot" || command == "factory-reset")
                {
                    // Rare: each restarts the controller.
                    command = _random.Next(20) == 0 ? command : "status";
                }

                string[] extras = { "", " mist", " zone1.", " mqtt.", " 5", " 64", " 1000", " -1", " unknown", " a b c d e f g h i j",
                    " keep", " revert", " confirm", " discard", " CONFIRM", " confirm now" };
                return command + extras[_random.Next(extras.Length)];
            }

            if (pick < 90)
            {
                return new[] { "", " ", "\t", "   set   zone1.target_rh    91   ", "set zone1.target_rh \"91", "set \"zone1.target_rh\" 91", "set", "set zone1.target_rh",
                    "get", "mist", "zone", "help help help", "\u0000", "set zone1.target_rh 9\u00001", "status\u0007", "\u00e9t\u00e9", "\ud83c\udf44", "#", "\"", "\"\"",
                    "set mqtt.password", "set mqtt.password \"\"", "get mqtt.password", "settings mqtt.", "log 0", "log 65", "log -1" }[_random.Next(27)];
            }

            if (pick < 95)
            {
                // Very long or many-word lines.
                int length = _random.Next(4) == 0 ? 10000 + _random.Next(50000) : 100 + _random.Next(900);
                StringBuilder line = new StringBuilder(length);
                line.Append(_random.Next(2) == 0 ? "set zone1.target_rh " : "");
                while (line.Length < length)
                {
                    line.Append(_random.Next(5) == 0 ? ' ' : (char)('a' + _random.Next(26)));
                }

                return line.ToString();
            }

            byte[] junk = new byte[_random.Next(1, 120)];
            _random.NextBytes(junk);
            return Encoding.Latin1.GetString(junk);
        }

        private string ZoneWord()
        {
            return _random.Next(6) > 0 ? (1 + _random.Next(4)).ToString(CultureInfo.InvariantCulture) : new[] { "0", "5", "9", "x", "" }[_random.Next(5)];
        }

        /// <summary>Posts one line, ticks and checks the oracles (also used by the corpus replay).</summary>
        public void RunLine(string line, long caseIndex)
        {
            _caseIndex = caseIndex;
            Controller controller = _rig.Controller;
            ISettingsView settings = controller.Status.Settings;
            _before = SettingsCheck.Snapshot(settings, _before);
            _pendingBefore.Clear();
            for (int i = 0; i < controller.Status.Changes.PendingHardwareCount; i++)
            {
                string change = controller.Status.Changes.PendingHardware(i);
                _pendingBefore.Add(change.Substring(0, change.IndexOf(' ')));
            }

            CollectSecrets(settings, line);
            _rig.Log.Clear();
            _rig.Link.Clear();
            controller.Inbox.PostConsoleLine(line);
            _rig.Clock.Advance(1000);
            try
            {
                controller.Tick();
            }
            catch (Exception e)
            {
                Fail(line, "exception", e.GetType().Name + ": " + e.Message);
                Restart();
                return;
            }

            string trimmed = line == null ? "" : line.Trim();
            string first = FirstWord(trimmed);
            bool answered = false;
            foreach (string output in _rig.LogLines)
            {
                if (!LogLine.IsMatch(output) || first == "log" || first == "events")
                {
                    answered = true;
                    break;
                }
            }

            if (trimmed.Length > 0 && !answered && !IsBlankForTheConsole(line))
            {
                Fail(line, "no-answer", "no answer line");
            }

            bool factoryReset = _resetPending && first == "yes";
            // The line after "factory-reset" confirms ("yes") or cancels it (docs/console.md).
            _resetPending = !_resetPending && first == "factory-reset";
            _after = SettingsCheck.Snapshot(settings, _after);
            if (!factoryReset)
            {
                CheckChanges(line, first, settings);
            }

            string invalid = _check.Check(settings);
            if (invalid != null)
            {
                Fail(line, "invalid-setting", invalid);
            }

            CollectSecrets(settings, null);
            foreach (string output in _rig.LogLines)
            {
                foreach (string secret in _secrets)
                {
                    if (output.Contains(secret, StringComparison.Ordinal))
                    {
                        Fail(line, "secret-echoed", "a secret appeared in the output: " + Escape.Text(output.Replace(secret, "<SECRET>")));
                        break;
                    }
                }
            }

            foreach (Publish publish in _rig.Publishes)
            {
                string payload = Encoding.UTF8.GetString(publish.Payload);
                foreach (string secret in _secrets)
                {
                    if (payload.Contains(secret, StringComparison.Ordinal))
                    {
                        Fail(line, "secret-published", "a secret appeared on " + Escape.Text(publish.Topic));
                        break;
                    }
                }
            }

            if (controller.RebootRequested)
            {
                Restart();
            }

            if (_secrets.Count > 64)
            {
                _secrets.Clear();
            }
        }

        /// <summary>
        /// Control characters and quotes alone (NUL, tab, <c>""</c>, a lone <c>"</c>) read as an empty command, which the
        /// console answers with nothing, like a blank line.
        /// </summary>
        private static bool IsBlankForTheConsole(string line)
        {
            foreach (char c in line)
            {
                if (c > ' ' && c != '\u007f' && c != '"')
                {
                    return false;
                }
            }

            return true;
        }

        private static string FirstWord(string trimmed)
        {
            int space = trimmed.IndexOfAny(new[] { ' ', '\t' });
            return (space < 0 ? trimmed : trimmed.Substring(0, space)).ToLowerInvariant();
        }

        private void CheckChanges(string line, string first, ISettingsView settings)
        {
            List<string> changed = new List<string>();
            for (int slot = 0; slot < _after.Length; slot++)
            {
                if (_after[slot] != _before[slot])
                {
                    int def = slot / (ControllerSettings.MaxZones + 1);
                    int zone = slot % (ControllerSettings.MaxZones + 1);
                    changed.Add(SettingsCheck.Key(settings.Definitions[def], zone));
                }
            }

            if (changed.Count == 0)
            {
                return;
            }

            string[] words = line.Trim().Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            foreach (string key in changed)
            {
                if (EngineMayChange(key, settings))
                {
                    continue;
                }

                SettingRisk risk = RiskOf(key, settings);
                if (first == "hardware" && risk == SettingRisk.Hardware && _pendingBefore.Contains(key))
                {
                    HardwareConfirmed++;
                }

                if (risk == SettingRisk.Connection && Reverted(key))
                {
                    // The connection trial brought the working value back (its time ran out, or "trial revert").
                    continue;
                }

                bool allowed;
                switch (first)
                {
                    case "set":
                        if (risk == SettingRisk.Hardware)
                        {
                            Fail(line, "hardware-set-applied-at-once", key + " changed by set: a hardware change must wait for a restart and hardware confirm");
                            return;
                        }

                        allowed = words.Length >= 2 && words[1].Trim('"') == key || key.EndsWith(".target_rh", StringComparison.Ordinal) && Array.Exists(changed.ToArray(), k => k.EndsWith(".stage", StringComparison.Ordinal) || k.StartsWith("profile.", StringComparison.Ordinal));
                        break;
                    case "hardware":
                        // "hardware confirm" applies exactly the changes that were waiting.
                        allowed = risk == SettingRisk.Hardware && _pendingBefore.Contains(key);
                        break;
                    case "zone":
                        allowed = key.EndsWith(".mode", StringComparison.Ordinal);
                        break;
                    case "wifi":
                        allowed = key.StartsWith("wifi.", StringComparison.Ordinal);
                        break;
                    case "mqtt":
                        allowed = key.StartsWith("mqtt.", StringComparison.Ordinal);
                        break;
                    default:
                        // The engine advances stages on its own when stage_auto is on.
                        allowed = key.EndsWith(".stage", StringComparison.Ordinal) || key.EndsWith(".target_rh", StringComparison.Ordinal);
                        break;
                }

                if (!allowed)
                {
                    Fail(line, "unasked-change", key + " changed by a line that does not name it");
                    return;
                }
            }

            if (first == "set" && words.Length >= 3)
            {
                // "set KEY VALUE": a value its setting refuses on its own must change nothing.
                string rest = line.Trim();
                int keyAt = rest.IndexOf(words[1], StringComparison.Ordinal);
                string value = rest.Substring(keyAt + words[1].Length).Trim();
                string unquoted = value.Length >= 2 && value[0] == '"' && value[value.Length - 1] == '"' ? value.Substring(1, value.Length - 2) : value;
                string key = words[1].Trim('"');
                if (!_check.IsValidValue(key, value) && !_check.IsValidValue(key, unquoted) && changed.Contains(key))
                {
                    Fail(line, "invalid-set-applied", key + " changed by an invalid value " + Escape.Text(value));
                }
            }
        }

        /// <summary>Hardware settings applied by "hardware confirm" (the oracles saw them).</summary>
        public long HardwareConfirmed { get; private set; }

        private static SettingRisk RiskOf(string key, ISettingsView settings)
        {
            int def = settings.IndexOf(key);
            return def < 0 ? SettingRisk.Crop : settings.Definitions[def].Risk;
        }

        /// <summary>True when the connection trial's revert set this key in the tick ("settings changed key=K ... source=trial").</summary>
        private bool Reverted(string key)
        {
            string needle = " settings changed key=" + key + " ";
            foreach (string output in _rig.LogLines)
            {
                if (output.Contains(needle, StringComparison.Ordinal) && output.EndsWith(" source=" + Greenhouse.Commands.CommandSources.Trial, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The control engine changes zoneN.stage (stage_auto) and copies a stage's target into zoneN.target_rh when
        /// a zone enters a stage (logged as "zone stage zone=N"), whatever command ran in the tick.
        /// </summary>
        private bool EngineMayChange(string key, ISettingsView settings)
        {
            if (key.Length < 7 || !key.StartsWith("zone", StringComparison.Ordinal) || key[5] != '.'
                || !(key.EndsWith(".stage", StringComparison.Ordinal) || key.EndsWith(".target_rh", StringComparison.Ordinal)))
            {
                return false;
            }

            int zone = key[4] - '0';
            int stageAuto = settings.IndexOf(Greenhouse.Control.ControlSettings.StageAuto);
            int slot = stageAuto * (ControllerSettings.MaxZones + 1) + zone;
            if (_before[slot] == "on" || _after[slot] == "on")
            {
                return true;
            }

            string needle = " zone stage zone=" + zone.ToString(CultureInfo.InvariantCulture) + " ";
            foreach (string output in _rig.LogLines)
            {
                if (output.Contains(needle, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private void CollectSecrets(ISettingsView settings, string line)
        {
            for (int d = 0; d < settings.Definitions.Length; d++)
            {
                if (settings.Definitions[d].Kind == SettingKind.Secret)
                {
                    string secret = settings.Text(d, 0);
                    if (secret != null && secret.Contains(ValueGenerator.SecretMarker, StringComparison.Ordinal))
                    {
                        _secrets.Add(secret);
                    }
                }
            }

            if (line == null)
            {
                return;
            }

            int at = line.IndexOf("pw-" + ValueGenerator.SecretMarker, StringComparison.Ordinal);
            while (at >= 0)
            {
                int end = at;
                while (end < line.Length && line[end] > ' ' && line[end] != '"')
                {
                    end++;
                }

                _secrets.Add(line.Substring(at, end - at));
                at = line.IndexOf("pw-" + ValueGenerator.SecretMarker, end, StringComparison.Ordinal);
            }
        }

        private void Restart()
        {
            _rig.Build();
            try
            {
                _rig.Controller.Start();
                _rig.Controller.Tick();
            }
            catch (Exception e)
            {
                Fail("", "exception", "start after reboot: " + e.GetType().Name + ": " + e.Message);
            }

            _resetPending = false;
        }

        private void Fail(string line, string oracle, string detail)
        {
            FuzzCase fuzzCase = new FuzzCase { Target = Name };
            fuzzCase.Comments.Add(oracle + ": " + detail.Replace('\n', ' '));
            fuzzCase.Steps.Add(new Step { Kind = StepKind.Line, Text = line });
            fuzzCase.Steps.Add(new Step { Kind = StepKind.Tick });
            _failures.Add(new Failure { Target = Name, Oracle = oracle, Detail = detail, CaseIndex = _caseIndex, Case = fuzzCase });
        }
    }
}
