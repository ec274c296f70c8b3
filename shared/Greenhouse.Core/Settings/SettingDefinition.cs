namespace Greenhouse.Settings
{
    /// <summary>
    /// One named setting: its type, unit, range or choices, default and a one-line description. Zone settings
    /// exist once per zone and are addressed as <c>zoneN.name</c>; device settings use their dotted name.
    /// </summary>
    public sealed class SettingDefinition
    {
        public readonly string Name;
        public readonly bool PerZone;
        public readonly SettingKind Kind;
        public readonly double Minimum;
        public readonly double Maximum;
        /// <summary>Decimals kept for Number settings.</summary>
        public readonly int Decimals;
        public readonly string[] Choices;
        public readonly string DefaultText;
        public readonly string Unit;
        public readonly string Description;
        public readonly int MaxLength;

        /// <summary>Who may change it (crop by default; marked with <see cref="AsConnection"/> or <see cref="AsHardware"/>).</summary>
        public SettingRisk Risk { get; private set; }

        private SettingDefinition(string name, bool perZone, SettingKind kind, double minimum, double maximum, int decimals,
            string[] choices, string defaultText, string unit, string description, int maxLength)
        {
            Name = name;
            PerZone = perZone;
            Kind = kind;
            Minimum = minimum;
            Maximum = maximum;
            Decimals = decimals;
            Choices = choices;
            DefaultText = defaultText;
            Unit = unit;
            Description = description;
            MaxLength = maxLength;
        }

        public static SettingDefinition Integer(string name, bool perZone, long minimum, long maximum, long defaultValue, string unit, string description)
        {
            return new SettingDefinition(name, perZone, SettingKind.Integer, minimum, maximum, 0, null, defaultValue.ToString(), unit, description, 0);
        }

        public static SettingDefinition Number(string name, bool perZone, double minimum, double maximum, double defaultValue, int decimals, string unit, string description)
        {
            return new SettingDefinition(name, perZone, SettingKind.Number, minimum, maximum, decimals, null,
                Greenhouse.Text.Num.FormatShort(defaultValue, decimals), unit, description, 0);
        }

        public static SettingDefinition Choice(string name, bool perZone, string[] choices, string defaultValue, string description)
        {
            return new SettingDefinition(name, perZone, SettingKind.Choice, 0, choices.Length - 1, 0, choices, defaultValue, "", description, 0);
        }

        public static SettingDefinition Flag(string name, bool perZone, bool defaultValue, string description)
        {
            return new SettingDefinition(name, perZone, SettingKind.Flag, 0, 1, 0, null, defaultValue ? "on" : "off", "", description, 0);
        }

        public static SettingDefinition Text(string name, int maxLength, string defaultValue, string description)
        {
            return new SettingDefinition(name, false, SettingKind.Text, 0, 0, 0, null, defaultValue, "", description, maxLength);
        }

        public static SettingDefinition Secret(string name, int maxLength, string description)
        {
            return new SettingDefinition(name, false, SettingKind.Secret, 0, 0, 0, null, "", "", description, maxLength);
        }

        /// <summary>Marks a setting that decides how the controller reaches the broker (changed remotely only on trial).</summary>
        public SettingDefinition AsConnection()
        {
            Risk = SettingRisk.Connection;
            return this;
        }

        /// <summary>Marks a setting that changes what a pin or relay does physically (console only, confirmed after a restart).</summary>
        public SettingDefinition AsHardware()
        {
            Risk = SettingRisk.Hardware;
            return this;
        }

        /// <summary>Human-readable list of what is allowed, used in error messages and help.</summary>
        public string AllowedText()
        {
            switch (Kind)
            {
                case SettingKind.Integer:
                    return Greenhouse.Text.Num.Format((long)Minimum) + ".." + Greenhouse.Text.Num.Format((long)Maximum);
                case SettingKind.Number:
                    return Greenhouse.Text.Num.FormatShort(Minimum, Decimals) + ".." + Greenhouse.Text.Num.FormatShort(Maximum, Decimals);
                case SettingKind.Choice:
                    string list = "";
                    for (int i = 0; i < Choices.Length; i++)
                    {
                        list = i == 0 ? Choices[i] : list + ", " + Choices[i];
                    }

                    return "one of " + list;
                case SettingKind.Flag:
                    return "on or off";
                default:
                    return "text of at most " + MaxLength.ToString() + " characters";
            }
        }
    }
}
