using Greenhouse.Text;

namespace Greenhouse.Settings
{
    /// <summary>
    /// The live settings of one controller: every value validated against its definition and the cross-setting
    /// rules before it is applied. The one place MQTT, the console and the settings file change settings.
    /// Values are kept in flat arrays (slot = definition index × 5 + zone, zone 0 for device settings) so that
    /// reading them in the control tick allocates nothing.
    /// </summary>
    public sealed class ControllerSettings
    {
        /// <summary>Zones a board can drive.</summary>
        public const int MaxZones = 4;
        private const int SlotsPerDefinition = MaxZones + 1;

        private readonly SettingDefinition[] _definitions;
        private readonly double[] _numbers;
        private readonly string[] _texts;
        private ISettingsRule[] _rules = new ISettingsRule[0];

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

        /// <summary>Sets every value to its documented default.</summary>
        public void ResetToDefaults()
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
            int definition;
            int zone;
            if (!TryResolve(key, out definition, out zone, out error))
            {
                return false;
            }

            return TrySet(definition, zone, text, out error);
        }

        /// <summary>Validates and applies one value of a resolved setting.</summary>
        public bool TrySet(int definition, int zone, string text, out string error)
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
            return true;
        }

        private bool ParseInto(SettingDefinition def, int slot, string text, out string error)
        {
            error = null;
            if (text == null)
            {
                error = def.Name + " needs a value: " + def.AllowedText();
                return false;
            }

            switch (def.Kind)
            {
                case SettingKind.Integer:
                {
                    long whole;
                    if (!Num.TryParseInt(text, out whole) || whole < def.Minimum || whole > def.Maximum)
                    {
                        error = def.Name + " must be " + def.AllowedText() + Units(def);
                        return false;
                    }

                    _numbers[slot] = whole;
                    return true;
                }

                case SettingKind.Number:
                {
                    double number;
                    if (!Num.TryParse(text, out number) || number < def.Minimum || number > def.Maximum)
                    {
                        error = def.Name + " must be " + def.AllowedText() + Units(def);
                        return false;
                    }

                    _numbers[slot] = RoundTo(number, def.Decimals);
                    return true;
                }

                case SettingKind.Choice:
                {
                    string word = text.Trim().ToLower();
                    for (int i = 0; i < def.Choices.Length; i++)
                    {
                        if (def.Choices[i] == word)
                        {
                            _numbers[slot] = i;
                            return true;
                        }
                    }

                    error = def.Name + " must be " + def.AllowedText();
                    return false;
                }

                case SettingKind.Flag:
                {
                    string word = text.Trim().ToLower();
                    if (word == "on" || word == "true" || word == "1")
                    {
                        _numbers[slot] = 1;
                        return true;
                    }

                    if (word == "off" || word == "false" || word == "0")
                    {
                        _numbers[slot] = 0;
                        return true;
                    }

                    error = def.Name + " must be on or off";
                    return false;
                }

                default:
                {
                    if (text.Length > def.MaxLength || !IsPrintable(text))
                    {
                        error = def.Name + " must be " + def.AllowedText() + ", printable, without line breaks";
                        return false;
                    }

                    _texts[slot] = text;
                    return true;
                }
            }
        }

        private static string Units(SettingDefinition def)
        {
            return def.Unit == null || def.Unit.Length == 0 ? "" : " " + def.Unit;
        }

        private static double RoundTo(double value, int decimals)
        {
            double scale = 1;
            for (int i = 0; i < decimals; i++)
            {
                scale *= 10;
            }

            double scaled = value * scale;
            long whole = (long)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
            return whole / scale;
        }

        private static bool IsPrintable(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < ' ' || c > '~')
                {
                    return false;
                }
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
