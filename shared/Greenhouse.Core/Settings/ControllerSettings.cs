using Greenhouse.Text;

namespace Greenhouse.Settings
{
    /// <summary>
    /// The live settings of one controller: every value validated against its definition and the cross-setting
    /// rules before it is applied. The one place MQTT, the console and the settings file change settings.
    /// Values are kept in flat arrays (slot = definition index × 5 + zone, zone 0 for device settings) so that
    /// reading them in the control tick allocates nothing.
    /// </summary>
    public sealed class ControllerSettings : ISettingsView
    {
        /// <summary>Zones a board can drive.</summary>
        public const int MaxZones = 4;
        private const int SlotsPerDefinition = MaxZones + 1;

        private readonly SettingDefinition[] _definitions;
        private readonly double[] _numbers;
        private readonly string[] _texts;
        private ISettingsRule[] _rules = new ISettingsRule[0];
        private ISettingsObserver[] _observers = new ISettingsObserver[0];

        public ControllerSettings(SettingDefinition[] definitions)
        {
            _definitions = definitions;
            _numbers = new double[definitions.Length * SlotsPerDefinition];
            _texts = StringArray.New(definitions.Length * SlotsPerDefinition);
            ResetToDefaults();
        }

        /// <summary>All definitions, in catalogue order.</summary>
        public SettingDefinition[] Definitions
        {
            get { return _definitions; }
        }

        /// <summary>Incremented on every applied change; persistence and publishing watch it.</summary>
        public int Version { get; private set; }

        /// <summary>Adds a cross-setting rule (done once at start-up).</summary>
        public void AddRule(ISettingsRule rule)
        {
            ISettingsRule[] grown = new ISettingsRule[_rules.Length + 1];
            for (int i = 0; i < _rules.Length; i++)
            {
                grown[i] = _rules[i];
            }

            grown[_rules.Length] = rule;
            _rules = grown;
        }

        /// <summary>Adds an observer told after every applied change (done once at start-up).</summary>
        public void AddObserver(ISettingsObserver observer)
        {
            ISettingsObserver[] grown = new ISettingsObserver[_observers.Length + 1];
            for (int i = 0; i < _observers.Length; i++)
            {
                grown[i] = _observers[i];
            }

            grown[_observers.Length] = observer;
            _observers = grown;
        }

        private void Notify(int definition, int zone, string source)
        {
            for (int i = 0; i < _observers.Length; i++)
            {
                _observers[i].SettingChanged(definition, zone, source);
            }
        }

        /// <summary>Sets every value to its documented default.</summary>
        public void ResetToDefaults()
        {
            ResetToDefaults(null);
        }

        /// <summary>Sets every value to its documented default; observers are told who did it.</summary>
        public void ResetToDefaults(string source)
        {
            for (int d = 0; d < _definitions.Length; d++)
            {
                for (int zone = 0; zone <= MaxZones; zone++)
                {
                    string error;
                    ParseInto(_definitions[d], d * SlotsPerDefinition + zone, _definitions[d].DefaultText, out error);
                }
            }

            Version++;
            Notify(-1, -1, source);
        }

        /// <summary>Index of the named definition (without zone prefix), or -1.</summary>
        public int IndexOf(string name)
        {
            for (int i = 0; i < _definitions.Length; i++)
            {
                if (_definitions[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Index of the named definition; throws at start-up when a module asks for one that does not exist.</summary>
        public int Require(string name)
        {
            int index = IndexOf(name);
            if (index < 0)
            {
                throw new System.ArgumentException("unknown setting " + name);
            }

            return index;
        }

        /// <summary>Numeric value (Integer, Number; Choice index; Flag 1/0).</summary>
        public double Number(int definition, int zone)
        {
            return _numbers[definition * SlotsPerDefinition + zone];
        }

        /// <summary>Whole-number value.</summary>
        public long Integer(int definition, int zone)
        {
            return (long)_numbers[definition * SlotsPerDefinition + zone];
        }

        /// <summary>Flag value.</summary>
        public bool Flag(int definition, int zone)
        {
            return _numbers[definition * SlotsPerDefinition + zone] != 0;
        }

        /// <summary>Index of the chosen word in the definition's choices.</summary>
        public int ChoiceIndex(int definition, int zone)
        {
            return (int)_numbers[definition * SlotsPerDefinition + zone];
        }

        /// <summary>Text or secret value (secrets in clear: for the adapters, never for display).</summary>
        public string Text(int definition, int zone)
        {
            return _texts[definition * SlotsPerDefinition + zone];
        }

        /// <summary>
        /// Splits a key such as <c>zone2.target_rh</c> or <c>mqtt.telemetry_s</c> into definition and zone.
        /// </summary>
        public bool TryResolve(string key, out int definition, out int zone, out string error)
        {
            definition = -1;
            zone = 0;
            error = null;
            if (key == null || key.Length == 0 || key.Length > 64)
            {
                error = "setting name missing or too long";
                return false;
            }

            string name = key;
            if (key.Length > 6 && key.StartsWith("zone") && key[4] >= '0' && key[4] <= '9' && key[5] == '.')
            {
                zone = key[4] - '0';
                name = key.Substring(6);
                if (zone < 1 || zone > MaxZones)
                {
                    error = "zone must be 1.." + MaxZones.ToString();
                    return false;
                }
            }

            int index = IndexOf(name);
            if (index < 0 || _definitions[index].PerZone != (zone > 0))
            {
                if (index >= 0 && _definitions[index].PerZone)
                {
                    error = name + " is a zone setting: use zone1." + name + " .. zone" + MaxZones.ToString() + "." + name;
                }
                else if (index >= 0)
                {
                    error = name + " is a device setting: use " + name;
                }
                else
                {
                    error = "unknown setting " + Sanitise(key);
                }

                return false;
            }

            definition = index;
            return true;
        }

        /// <summary>The value as canonical text; secrets are masked.</summary>
        public bool TryGetText(string key, out string text, out string error)
        {
            text = null;
            int definition;
            int zone;
            if (!TryResolve(key, out definition, out zone, out error))
            {
                return false;
            }

            text = DisplayText(definition, zone);
            return true;
        }

        /// <summary>Canonical text of a value for display and publishing (secrets masked).</summary>
        public string DisplayText(int definition, int zone)
        {
            if (_definitions[definition].Kind == SettingKind.Secret)
            {
                string secret = _texts[definition * SlotsPerDefinition + zone];
                return secret == null || secret.Length == 0 ? "" : "***";
            }

            return CanonicalText(definition, zone);
        }

        /// <summary>Canonical text of a value, secrets in clear (for the settings file only).</summary>
        public string CanonicalText(int definition, int zone)
        {
            SettingDefinition def = _definitions[definition];
            int slot = definition * SlotsPerDefinition + zone;
            switch (def.Kind)
            {
                case SettingKind.Integer:
                    return Num.Format((long)_numbers[slot]);
                case SettingKind.Number:
                    return Num.FormatShort(_numbers[slot], def.Decimals);
                case SettingKind.Choice:
                    return def.Choices[(int)_numbers[slot]];
                case SettingKind.Flag:
                    return _numbers[slot] != 0 ? "on" : "off";
                default:
                    return _texts[slot];
            }
        }

        /// <summary>
        /// Validates and applies one value. On any error nothing changes and the error says what is allowed.
        /// Returns true also when the value equals the current one (then Version does not change).
        /// </summary>
        public bool TrySet(string key, string text, out string error)
        {
            return TrySet(key, text, null, out error);
        }

        /// <summary>As <see cref="TrySet(string, string, out string)"/>, telling observers who made the change.</summary>
        public bool TrySet(string key, string text, string source, out string error)
        {
            int definition;
            int zone;
            if (!TryResolve(key, out definition, out zone, out error))
            {
                return false;
            }

            return TrySet(definition, zone, text, source, out error);
        }

        /// <summary>Validates and applies one value of a resolved setting.</summary>
        public bool TrySet(int definition, int zone, string text, out string error)
        {
            return TrySet(definition, zone, text, null, out error);
        }

        /// <summary>Validates and applies one value of a resolved setting, telling observers who made the change.</summary>
        public bool TrySet(int definition, int zone, string text, string source, out string error)
        {
            SettingDefinition def = _definitions[definition];
            int slot = definition * SlotsPerDefinition + zone;
            double oldNumber = _numbers[slot];
            string oldText = _texts[slot];
            if (!ParseInto(def, slot, text, out error))
            {
                return false;
            }

            if (_numbers[slot] == oldNumber && _texts[slot] == oldText)
            {
                return true;
            }

            for (int i = 0; i < _rules.Length; i++)
            {
                string problem = _rules[i].Check(this, zone);
                if (problem != null)
                {
                    _numbers[slot] = oldNumber;
                    _texts[slot] = oldText;
                    error = problem;
                    return false;
                }
            }

            Version++;
            Notify(definition, zone, source);
            return true;
        }

        /// <summary>
        /// Checks a value as <see cref="TrySet(int, int, string, string, out string)"/> would (type, range, the cross-setting
        /// rules) without applying it: nothing changes, no observer is told. Gives the canonical text of the value.
        /// </summary>
        public bool TryValidate(int definition, int zone, string text, out string canonical, out string error)
        {
            canonical = null;
            int slot = definition * SlotsPerDefinition + zone;
            double oldNumber = _numbers[slot];
            string oldText = _texts[slot];
            if (!ParseInto(_definitions[definition], slot, text, out error))
            {
                return false;
            }

            for (int i = 0; i < _rules.Length && error == null; i++)
            {
                error = _rules[i].Check(this, zone);
            }

            canonical = CanonicalText(definition, zone);
            _numbers[slot] = oldNumber;
            _texts[slot] = oldText;
            return error == null;
        }

        private bool ParseInto(SettingDefinition def, int slot, string text, out string error)
        {
            double number;
            string value;
            if (!SettingValue.TryParse(def, text, out number, out value, out error))
            {
                return false;
            }

            if (def.Kind == SettingKind.Text || def.Kind == SettingKind.Secret)
            {
                _texts[slot] = value;
            }
            else
            {
                _numbers[slot] = number;
            }

            return true;
        }

        /// <summary>Shortens and strips a user-supplied key for an error message (no control characters echoed).</summary>
        public static string Sanitise(string text)
        {
            if (text == null)
            {
                return "";
            }

            int length = text.Length > 40 ? 40 : text.Length;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                chars[i] = c < ' ' || c > '~' ? '?' : c;
            }

            return new string(chars) + (text.Length > 40 ? "..." : "");
        }
    }
}
