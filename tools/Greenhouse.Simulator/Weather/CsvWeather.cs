using System.Globalization;

namespace Greenhouse.Simulator.Weather;

/// <summary>
/// Weather from a CSV file with the header exactly <c>minute,outside_temp_c,outside_rh_pct,solar_w_m2,wind_m_s</c>.
/// Minutes count from the start of the run (the first row must be minute 0, minutes strictly increase);
/// values between rows are interpolated linearly and the last row holds after the end.
/// </summary>
public sealed class CsvWeather : IWeather
{
    public const string Header = "minute,outside_temp_c,outside_rh_pct,solar_w_m2,wind_m_s";

    private readonly double[] _minutes;
    private readonly WeatherSample[] _samples;

    private CsvWeather(string name, double[] minutes, WeatherSample[] samples)
    {
        Name = name;
        _minutes = minutes;
        _samples = samples;
    }

    public string Name { get; }

    public int RowCount => _minutes.Length;

    public static CsvWeather Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new WeatherFormatException($"weather file '{path}' does not exist");
        }

        return Parse(File.ReadAllText(path), Path.GetFileName(path));
    }

    public static CsvWeather Parse(string text, string name)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        int index = 0;
        while (index < lines.Length && lines[index].Trim().Length == 0)
        {
            index++;
        }

        if (index >= lines.Length)
        {
            throw new WeatherFormatException($"{name}: the file is empty; expected the header '{Header}'");
        }

        string header = lines[index].Trim().TrimStart('\uFEFF');
        if (header != Header)
        {
            throw new WeatherFormatException($"{name}, line {index + 1}: header is '{header}', expected exactly '{Header}'");
        }

        var minutes = new List<double>();
        var samples = new List<WeatherSample>();
        for (int i = index + 1; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            int lineNo = i + 1;
            string[] cells = line.Split(',');
            if (cells.Length != 5)
            {
                throw new WeatherFormatException($"{name}, line {lineNo}: expected 5 values, found {cells.Length}");
            }

            double[] v = new double[5];
            string[] columns = Header.Split(',');
            for (int c = 0; c < 5; c++)
            {
                if (!double.TryParse(cells[c].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out v[c]) || !double.IsFinite(v[c]))
                {
                    throw new WeatherFormatException($"{name}, line {lineNo}: {columns[c]} '{cells[c].Trim()}' is not a number");
                }
            }

            if (minutes.Count == 0 && v[0] != 0)
            {
                throw new WeatherFormatException($"{name}, line {lineNo}: the first row must be minute 0, found {cells[0].Trim()}");
            }

            if (minutes.Count > 0 && v[0] <= minutes[^1])
            {
                throw new WeatherFormatException($"{name}, line {lineNo}: minute {cells[0].Trim()} does not increase (previous {minutes[^1].ToString(CultureInfo.InvariantCulture)})");
            }

            Check(v[1] >= -50 && v[1] <= 60, name, lineNo, "outside_temp_c must be between -50 and 60");
            Check(v[2] >= 0 && v[2] <= 100, name, lineNo, "outside_rh_pct must be between 0 and 100");
            Check(v[3] >= 0 && v[3] <= 1500, name, lineNo, "solar_w_m2 must be between 0 and 1500");
            Check(v[4] >= 0 && v[4] <= 60, name, lineNo, "wind_m_s must be between 0 and 60");
            minutes.Add(v[0]);
            samples.Add(new WeatherSample(v[1], v[2], v[3], v[4]));
        }

        if (minutes.Count == 0)
        {
            throw new WeatherFormatException($"{name}: no data rows after the header");
        }

        return new CsvWeather(name, minutes.ToArray(), samples.ToArray());
    }

    public WeatherSample At(double secondsFromStart)
    {
        double minute = secondsFromStart / 60.0;
        if (minute <= _minutes[0])
        {
            return _samples[0];
        }

        if (minute >= _minutes[^1])
        {
            return _samples[^1];
        }

        int hi = Array.BinarySearch(_minutes, minute);
        if (hi >= 0)
        {
            return _samples[hi];
        }

        hi = ~hi;
        int lo = hi - 1;
        double f = (minute - _minutes[lo]) / (_minutes[hi] - _minutes[lo]);
        return WeatherSample.Lerp(_samples[lo], _samples[hi], f);
    }

    /// <summary>
    /// Writes <paramref name="minutes"/> + 1 rows (one per minute from minute 0) of any weather in this file's format,
    /// so generated or built-in weather can be edited, kept with a result, or run again with <c>--weather FILE</c>.
    /// </summary>
    public static void Write(IWeather weather, int minutes, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.Write(Header);
        output.Write('\n');
        for (int m = 0; m <= minutes; m++)
        {
            var w = weather.At(m * 60.0);
            output.Write(m.ToString(c));
            output.Write(',');
            output.Write(w.OutsideTempC.ToString("F2", c));
            output.Write(',');
            output.Write(Math.Clamp(w.OutsideRhPct, 0, 100).ToString("F2", c));
            output.Write(',');
            output.Write(w.SolarWm2.ToString("F1", c));
            output.Write(',');
            output.Write(w.WindMs.ToString("F2", c));
            output.Write('\n');
        }
    }

    private static void Check(bool ok, string name, int lineNo, string message)
    {
        if (!ok)
        {
            throw new WeatherFormatException($"{name}, line {lineNo}: {message}");
        }
    }
}

/// <summary>A weather file that cannot be used; the message says which line and why.</summary>
public sealed class WeatherFormatException(string message) : Exception(message);
