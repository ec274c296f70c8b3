using System;
using System.Reflection;
using Greenhouse.Control;
using Greenhouse.Settings;

namespace Greenhouse.Fuzz
{
    /// <summary>
    /// Oracles on a live settings object: every value valid for its definition (checked by a separate instance
    /// without rules), every cross-setting rule holds, and the compiled hard limits hold.
    /// </summary>
    public sealed class SettingsCheck
    {
        private static readonly FieldInfo RulesField = typeof(ControllerSettings).GetField("_rules", BindingFlags.NonPublic | BindingFlags.Instance);
        private readonly ControllerSettings _reference = new ControllerSettings(SettingsCatalog.All());
        private readonly SettingDefinition[] _defs;

        /// <summary>(name, maximum) pairs tying settings to HardLimits; each must hold in every slot.</summary>
        private static readonly object[] Ceilings =
        {
            CoreSettings.TargetRh, HardLimits.MaxTargetRelativeHumidity,
            CoreSettings.MaxMistSeconds, (double)HardLimits.MaxContinuousMistSeconds,
            ControlSettings.BudgetHourSeconds, (double)HardLimits.MaxMistSecondsPerHour,
            ControlSettings.BudgetDaySeconds, (double)HardLimits.MaxMistSecondsPerDay,
            ControlSettings.LockoutHigh, HardLimits.MaxMistingTemperatureCelsius,
            "profile.pinning.target_rh", HardLimits.MaxTargetRelativeHumidity,
            "profile.early_growth.target_rh", HardLimits.MaxTargetRelativeHumidity,
            "profile.growth.target_rh", HardLimits.MaxTargetRelativeHumidity,
            "profile.pinning.max_temp_c", HardLimits.MaxMistingTemperatureCelsius,
            "profile.early_growth.max_temp_c", HardLimits.MaxMistingTemperatureCelsius,
            "profile.growth.max_temp_c", HardLimits.MaxMistingTemperatureCelsius,
        };

        private readonly int[] _ceilingDefs;
        private readonly double[] _ceilingValues;
        private readonly int _lockoutLow;

        public SettingsCheck()
        {
            _defs = _reference.Definitions;
            _ceilingDefs = new int[Ceilings.Length / 2];
            _ceilingValues = new double[Ceilings.Length / 2];
            for (int i = 0; i < _ceilingDefs.Length; i++)
            {
                _ceilingDefs[i] = _reference.IndexOf((string)Ceilings[2 * i]);
                _ceilingValues[i] = (double)Ceilings[2 * i + 1];
            }

            _lockoutLow = _reference.IndexOf(ControlSettings.LockoutLow);
        }

        public ControllerSettings Reference
        {
            get { return _reference; }
        }

        /// <summary>Null when every value is valid, else what is wrong.</summary>
        public string Check(ISettingsView live)
        {
            SettingDefinition[] defs = live.Definitions;
            for (int d = 0; d < defs.Length; d++)
            {
                SettingDefinition def = defs[d];
                int first = def.PerZone ? 1 : 0;
                int last = def.PerZone ? ControllerSettings.MaxZones : 0;
                for (int zone = first; zone <= last; zone++)
                {
                    string text = live.CanonicalText(d, zone);
                    string error = null;
                    if (text == null || !_reference.TrySet(d, zone, text, out error))
                    {
                        return "invalid value " + Key(def, zone) + "=" + Escape.Text(text) + " (" + (text == null ? "null" : error) + ")";
                    }

                    if (def.Kind == SettingKind.Integer || def.Kind == SettingKind.Number)
                    {
                        double number = live.Number(d, zone);
                        if (double.IsNaN(number) || number < def.Minimum || number > def.Maximum)
                        {
                            return "out of range " + Key(def, zone) + "=" + number.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                        }
                    }
                }
            }

            for (int i = 0; i < _ceilingDefs.Length; i++)
            {
                if (_ceilingDefs[i] < 0)
                {
                    continue;
                }

                for (int zone = 0; zone <= ControllerSettings.MaxZones; zone++)
                {
                    if (live.Number(_ceilingDefs[i], zone) > _ceilingValues[i])
                    {
                        return "hard limit exceeded: " + defs[_ceilingDefs[i]].Name + " zone " + zone.ToString();
                    }
                }
            }

            if (_lockoutLow >= 0 && live.Number(_lockoutLow, 0) < HardLimits.MinMistingTemperatureCelsius)
            {
                return "hard limit exceeded: lockout.low_c below MinMistingTemperatureCelsius";
            }

            ISettingsRule[] rules = RulesField == null ? null : (ISettingsRule[])RulesField.GetValue(live);
            if (rules != null)
            {
                for (int i = 0; i < rules.Length; i++)
                {
                    for (int zone = 0; zone <= ControllerSettings.MaxZones; zone++)
                    {
                        string problem = rules[i].Check((ControllerSettings)live, zone);
                        if (problem != null)
                        {
                            return "rule broken: " + problem;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>True when the value is acceptable for the key on its own (no cross rules).</summary>
        public bool IsValidValue(string key, string value)
        {
            string error;
            return _reference.TrySet(key, value, out error);
        }

        public static string Key(SettingDefinition def, int zone)
        {
            return def.PerZone ? "zone" + zone.ToString() + "." + def.Name : def.Name;
        }

        /// <summary>Canonical text of every slot (zone 0 for device settings, 1..4 for zone settings; others null).</summary>
        public static string[] Snapshot(ISettingsView live, string[] into)
        {
            SettingDefinition[] defs = live.Definitions;
            int slots = defs.Length * (ControllerSettings.MaxZones + 1);
            if (into == null || into.Length != slots)
            {
                into = new string[slots];
            }

            for (int d = 0; d < defs.Length; d++)
            {
                for (int zone = 0; zone <= ControllerSettings.MaxZones; zone++)
                {
                    bool used = defs[d].PerZone ? zone >= 1 : zone == 0;
                    into[d * (ControllerSettings.MaxZones + 1) + zone] = used ? live.CanonicalText(d, zone) : null;
                }
            }

            return into;
        }
    }
}
