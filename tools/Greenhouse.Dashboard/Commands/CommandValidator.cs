using System.Globalization;
using Greenhouse.Dashboard.Text;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Dashboard.Commands;

/// <summary>A command that passed validation: the word of the topic (target_rh, stage, mode, mist) and the ASCII payload.</summary>
public sealed record ValidatedCommand(string What, string Payload);

/// <summary>
/// Server-side validation of every command form field, against the controller's own settings catalogue (the same
/// definitions the device validates with: ranges, choices, hard limits), with a message in the grower's language.
/// Nothing reaches MQTT unless it passes here; the device still has the last word (its ack).
/// </summary>
public static class CommandValidator
{
    private static readonly SettingDefinition TargetRh = Find(CoreSettings.TargetRh);
    private static readonly SettingDefinition Stage = Find(CoreSettings.Stage);
    private static readonly SettingDefinition Mode = Find(CoreSettings.Mode);

    public static double TargetMinimum => TargetRh.Minimum;
    public static double TargetMaximum => TargetRh.Maximum;
    public static int MistMaximum => HardLimits.MaxManualMistSeconds;
    public static IReadOnlyList<string> Stages => Stage.Choices;
    public static IReadOnlyList<string> Modes => Mode.Choices;

    private static SettingDefinition Find(string name) =>
        SettingsCatalog.All().Single(d => d.Name == name && d.PerZone);

    /// <summary>Validates one field; on failure <paramref name="error"/> is the grower's message and nothing is sent.</summary>
    public static bool TryValidate(string what, string? input, TextTable text, out ValidatedCommand? command, out string? error)
    {
        command = null;
        error = null;
        string value = (input ?? "").Trim();
        switch (what)
        {
            case "target_rh":
            {
                if (!TryNumber(value, out double number))
                {
                    error = text["cmd.bad_number"];
                    return false;
                }

                if (number < TargetRh.Minimum || number > TargetRh.Maximum)
                {
                    error = text.Format("cmd.bad_target", Num.FormatShort(TargetRh.Minimum, 1), Num.FormatShort(TargetRh.Maximum, 1));
                    return false;
                }

                // The device keeps one decimal; send what it will store.
                command = new ValidatedCommand(what, Num.FormatShort(Math.Round(number, TargetRh.Decimals, MidpointRounding.AwayFromZero), TargetRh.Decimals));
                return true;
            }

            case "stage":
            case "mode":
            {
                SettingDefinition def = what == "stage" ? Stage : Mode;
                if (Array.IndexOf(def.Choices, value) < 0)
                {
                    error = text["cmd.bad_choice"];
                    return false;
                }

                command = new ValidatedCommand(what, value);
                return true;
            }

            case "mist":
            {
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) || seconds < 1 || seconds > HardLimits.MaxManualMistSeconds)
                {
                    error = text.Format("cmd.bad_mist", HardLimits.MaxManualMistSeconds);
                    return false;
                }

                command = new ValidatedCommand(what, seconds.ToString(CultureInfo.InvariantCulture));
                return true;
            }

            default:
                error = text["cmd.bad_choice"];
                return false;
        }
    }

    private static bool TryNumber(string value, out double number)
    {
        // Phones may offer a decimal comma; nothing else but digits and one separator is accepted.
        string normal = value.Replace(',', '.');
        number = 0;
        return normal.Length is > 0 and <= 8
            && normal.All(c => c is >= '0' and <= '9' or '.')
            && double.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }
}
