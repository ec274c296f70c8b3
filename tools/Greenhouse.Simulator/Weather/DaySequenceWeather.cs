namespace Greenhouse.Simulator.Weather;

/// <summary>
/// Weather made of a sequence of days, each described by its own <see cref="Scenario"/> (the same daily shape as
/// <see cref="ScenarioWeather"/>: temperature rising by a half cosine from the minimum at 04:30 to the maximum at
/// 14:30, RH moving opposite, sun between sunrise and sunset). Nights join one day's maximum to the next day's
/// minimum, and its afternoon RH to the next dawn's, so a change of weather never jumps at midnight.
/// Day 0 starts at the first simulated second's midnight; negative days (the spin-up before the run) are asked of
/// <c>day</c> like any other.
/// </summary>
public sealed class DaySequenceWeather : IWeather
{
    private readonly Func<int, Scenario> _day;
    private readonly int _startSecondOfDay;
    private readonly Dictionary<int, Scenario> _cache = new();

    /// <param name="name">Name for reports.</param>
    /// <param name="day">The scenario of each day index (0 = the run's first day); called once per index.</param>
    /// <param name="startSecondOfDay">Local time of day of the run's first second, s.</param>
    public DaySequenceWeather(string name, Func<int, Scenario> day, int startSecondOfDay = 0)
    {
        Name = name;
        _day = day;
        _startSecondOfDay = startSecondOfDay;
    }

    public string Name { get; }

    /// <summary>The scenario of day <paramref name="index"/> (0 = first day).</summary>
    public Scenario Day(int index)
    {
        if (!_cache.TryGetValue(index, out var s))
        {
            s = _day(index);
            _cache[index] = s;
        }

        return s;
    }

    public WeatherSample At(double secondsFromStart)
    {
        double absolute = _startSecondOfDay + secondsFromStart;
        int day = (int)Math.Floor(absolute / 86400.0);
        double minute = (absolute - day * 86400.0) / 60.0;
        return Sample(day, minute);
    }

    /// <summary>The weather of day <paramref name="day"/> at a minute of its local day.</summary>
    public WeatherSample Sample(int day, double minute)
    {
        Scenario today = Day(day);
        double temp;
        double rh;
        if (minute >= Scenario.MinTempMinute && minute <= Scenario.MaxTempMinute)
        {
            double f = HalfCos((minute - Scenario.MinTempMinute) / (Scenario.MaxTempMinute - Scenario.MinTempMinute));
            temp = today.MinTempC + f * (today.MaxTempC - today.MinTempC);
            rh = today.DawnRhPct + f * (today.AfternoonRhPct - today.DawnRhPct);
        }
        else
        {
            // Falling from a maximum (today's, or yesterday's before dawn) to the next minimum.
            Scenario maxDay = minute > Scenario.MaxTempMinute ? today : Day(day - 1);
            Scenario minDay = minute > Scenario.MaxTempMinute ? Day(day + 1) : today;
            double fromMax = minute > Scenario.MaxTempMinute ? minute - Scenario.MaxTempMinute : minute + 1440 - Scenario.MaxTempMinute;
            double span = 1440 - (Scenario.MaxTempMinute - Scenario.MinTempMinute);
            double f = 1.0 - HalfCos(fromMax / span); // 1 at the maximum, 0 at the minimum
            temp = minDay.MinTempC + f * (maxDay.MaxTempC - minDay.MinTempC);
            rh = minDay.DawnRhPct + f * (maxDay.AfternoonRhPct - minDay.DawnRhPct);
        }

        double solar = 0.0;
        if (minute > today.SunriseMinute && minute < today.SunsetMinute)
        {
            double x = (minute - today.SunriseMinute) / (today.SunsetMinute - today.SunriseMinute);
            solar = today.PeakSolarWm2 * Math.Pow(Math.Sin(Math.PI * x), 1.3);
            if (today.CloudFlicker > 0)
            {
                double dip = 0.5 * (1.0 + Math.Sin(2.0 * Math.PI * minute / 67.0) * Math.Sin(2.0 * Math.PI * minute / 23.0));
                solar *= 1.0 - today.CloudFlicker * dip;
            }
        }

        double windShape = Math.Max(0.0, Math.Sin(Math.PI * (minute - 8 * 60) / (12 * 60)));
        double wind = minute >= 8 * 60 && minute <= 20 * 60
            ? today.NightWindMs + (today.DayWindMs - today.NightWindMs) * windShape
            : today.NightWindMs;

        return new WeatherSample(temp, Math.Clamp(rh, 5.0, 100.0), solar, wind);
    }

    private static double HalfCos(double x) => (1.0 - Math.Cos(Math.PI * Math.Clamp(x, 0.0, 1.0))) / 2.0;
}
