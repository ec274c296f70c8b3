using System.Globalization;
using System.Reflection;

namespace Greenhouse.Simulator.Physics;

/// <summary>
/// A house description for <c>--house FILE</c>: <c>key=value</c> lines, blank lines and <c>#</c> comments ignored,
/// whitespace around key and value trimmed. The keys are the public settable property names of
/// <see cref="HouseParameters"/> (a public contract: files written today keep working); every key left out keeps
/// its default. An unknown key, a key given twice, a value that is not a number (or not a whole number for a
/// count) or a value outside the key's range is refused with its line number, and nothing is used.
/// </summary>
public static class HouseFile
{
    /// <summary>A key's accepted range. The ranges keep the model physical and its 1 s Euler step stable; they
    /// are wide on purpose (a house file explores calibrations the domain file marks UNCONFIRMED).</summary>
    public readonly record struct KeyRange(double Min, double Max, bool Whole, string Unit);

    /// <summary>Every key a house file accepts, with its range.</summary>
    public static readonly IReadOnlyDictionary<string, KeyRange> Keys = new Dictionary<string, KeyRange>(StringComparer.Ordinal)
    {
        [nameof(HouseParameters.WidthM)] = new(2, 30, false, "m"),
        [nameof(HouseParameters.LengthM)] = new(5, 200, false, "m"),
        [nameof(HouseParameters.MeanHeightM)] = new(1.5, 8, false, "m"),
        [nameof(HouseParameters.CoverToFloorRatio)] = new(1, 5, false, "m²/m²"),
        [nameof(HouseParameters.CoverUCalmWm2K)] = new(0.5, 15, false, "W/m²K"),
        [nameof(HouseParameters.CoverUWindSlope)] = new(0, 5, false, "W/m²K per m/s"),
        [nameof(HouseParameters.CoverUMaxWm2K)] = new(0.5, 20, false, "W/m²K"),
        [nameof(HouseParameters.SolarTransmission)] = new(0, 1, false, "share"),
        [nameof(HouseParameters.SolarToAirFraction)] = new(0, 1, false, "share"),
        [nameof(HouseParameters.LeakAchCalm)] = new(0, 20, false, "1/h"),
        [nameof(HouseParameters.LeakAchPerWindMs)] = new(0, 5, false, "1/h per m/s"),
        [nameof(HouseParameters.VentFanAch)] = new(0, 120, false, "1/h"),
        [nameof(HouseParameters.NozzleLines)] = new(1, 10, true, "lines"),
        [nameof(HouseParameters.NozzlesPerLine)] = new(1, 200, true, "nozzles"),
        [nameof(HouseParameters.NozzleFlowLh)] = new(0.5, 250, false, "L/h"),
        [nameof(HouseParameters.MistFlightEvaporationMax)] = new(0, 1, false, "share"),
        [nameof(HouseParameters.MistFlightDeficitScaleGm3)] = new(0.1, 50, false, "g/m³"),
        [nameof(HouseParameters.MistToFloorFraction)] = new(0, 1, false, "share"),
        [nameof(HouseParameters.WetSurfacePerFloor)] = new(0.1, 20, false, "m²/m²"),
        [nameof(HouseParameters.FilmCapacityMm)] = new(0.005, 1, false, "mm"),
        [nameof(HouseParameters.FilmWetThresholdFraction)] = new(0.01, 0.9, false, "share of capacity"),
        [nameof(HouseParameters.FilmFullAreaFraction)] = new(0.01, 1, false, "share of capacity"),
        [nameof(HouseParameters.FilmMassTransferMs)] = new(0.0001, 0.02, false, "m/s"),
        [nameof(HouseParameters.BagMassTransferMs)] = new(0, 0.005, false, "m/s"),
        [nameof(HouseParameters.BagCount)] = new(1000, 200000, true, "bags"),
        [nameof(HouseParameters.BagMassKg)] = new(0.1, 5, false, "kg"),
        [nameof(HouseParameters.BagSpecificHeatJKgK)] = new(500, 5000, false, "J/kgK"),
        [nameof(HouseParameters.BagMassEffectiveFraction)] = new(0.01, 1, false, "share"),
        [nameof(HouseParameters.BagToAirWm2K)] = new(0.1, 20, false, "W/m²K"),
        [nameof(HouseParameters.PressureHpa)] = new(500, 1100, false, "hPa"),
    };

    public static HouseParameters Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new HouseFileException($"house file '{path}' does not exist");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static HouseParameters Parse(string text, string name)
    {
        var house = new HouseParameters();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (i == 0)
            {
                line = line.TrimStart('\uFEFF');
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string where = $"{name}, line {i + 1}";
            int eq = line.IndexOf('=');
            if (eq < 0)
            {
                throw new HouseFileException($"{where}: '{line}' is not key=value");
            }

            string key = line[..eq].Trim();
            string value = line[(eq + 1)..].Trim();
            if (!Keys.TryGetValue(key, out var range))
            {
                throw new HouseFileException($"{where}: unknown key '{key}'; known: {string.Join(", ", Keys.Keys)}");
            }

            if (seen.TryGetValue(key, out int first))
            {
                throw new HouseFileException($"{where}: {key} is already set on line {first}");
            }

            seen[key] = i + 1;
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
            {
                throw new HouseFileException($"{where}: {key} '{value}' is not a number");
            }

            if (range.Whole && number != Math.Floor(number))
            {
                throw new HouseFileException($"{where}: {key} '{value}' must be a whole number");
            }

            if (number < range.Min || number > range.Max)
            {
                throw new HouseFileException(
                    $"{where}: {key} {value} is out of range {Show(range.Min)}..{Show(range.Max)} {range.Unit}");
            }

            Set(house, key, number);
        }

        return house;
    }

    /// <summary>The public settable properties of <see cref="HouseParameters"/> (what the contract covers).</summary>
    public static IEnumerable<PropertyInfo> SettableProperties() =>
        typeof(HouseParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic);

    /// <summary>Writes every key with its value (the defaults when given a new house): a template to start from.</summary>
    public static string Format(HouseParameters house)
    {
        var text = new System.Text.StringBuilder();
        foreach (string key in Keys.Keys)
        {
            object? v = typeof(HouseParameters).GetProperty(key)!.GetValue(house);
            text.Append(key).Append('=').Append(Convert.ToString(v, CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    private static void Set(HouseParameters house, string key, double number)
    {
        // The properties are init-only: a house is fixed once built. Reflection sets them while the file is read,
        // before anyone else holds the object.
        PropertyInfo property = typeof(HouseParameters).GetProperty(key)!;
        object boxed = property.PropertyType == typeof(int) ? (object)(int)number : number;
        property.SetValue(house, boxed);
    }

    private static string Show(double v) => v.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A house file that cannot be used; the message names the line and why.</summary>
public sealed class HouseFileException(string message) : Exception(message);
