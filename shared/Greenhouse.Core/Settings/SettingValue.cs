using Greenhouse.Text;

namespace Greenhouse.Settings
{
    /// <summary>
    /// Reads one setting value from text against its definition: integers and numbers in range (numbers rounded to
    /// the definition's decimals), a choice by name, a flag as on/off (true/false, 1/0), text printable and short
    /// enough. The error says what is allowed.
    /// </summary>
    public static class SettingValue
    {
        /// <summary>Parses; number holds numeric kinds (a choice's index, a flag's 0/1), value the text kinds.</summary>
        public static bool TryParse(SettingDefinition def, string text, out double number, out string value, out string error)
        {
            error = null;
            number = 0;
            value = null;
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

                    number = whole;
                    return true;
                }

                case SettingKind.Number:
                {
                    double parsed;
                    if (!Num.TryParse(text, out parsed) || parsed < def.Minimum || parsed > def.Maximum)
                    {
                        error = def.Name + " must be " + def.AllowedText() + Units(def);
                        return false;
                    }

                    number = RoundTo(parsed, def.Decimals);
                    return true;
                }

                case SettingKind.Choice:
                {
                    string word = text.Trim().ToLower();
                    for (int i = 0; i < def.Choices.Length; i++)
                    {
                        if (def.Choices[i] == word)
                        {
                            number = i;
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
                        number = 1;
                        return true;
                    }

                    if (word == "off" || word == "false" || word == "0")
                    {
                        number = 0;
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

                    value = text;
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
    }
}
