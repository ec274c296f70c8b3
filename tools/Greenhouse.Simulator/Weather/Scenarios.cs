namespace Greenhouse.Simulator.Weather;

/// <summary>
/// One built-in 24-hour day for Wangqing (Yanbian, Jilin), described by the climate facts of
/// wood-ear-domain.md §6 "Wangqing / Yanbian summer climate". Times are local (China, UTC+8).
/// </summary>
/// <param name="Name">Command-line name.</param>
/// <param name="Description">What day it stands for and which facts it uses.</param>
/// <param name="MeanTempC">Daily mean temperature, °C.</param>
/// <param name="RangeC">Daily temperature range (max - min), °C.</param>
/// <param name="DawnRhPct">RH at the daily minimum temperature (dawn), %.</param>
/// <param name="AfternoonRhPct">RH at the daily maximum temperature (mid-afternoon), %.</param>
/// <param name="PeakSolarWm2">Global radiation at solar noon, W/m².</param>
/// <param name="SunriseMinute">Local sunrise, minutes after midnight.</param>
/// <param name="SunsetMinute">Local sunset, minutes after midnight.</param>
/// <param name="NightWindMs">Wind speed at night, m/s.</param>
/// <param name="DayWindMs">Wind speed at its afternoon peak, m/s.</param>
/// <param name="CloudFlicker">0 = steady sun; up to 1 = broken clouds (solar dips with a period of about an hour).</param>
public sealed record Scenario(
    string Name,
    string Description,
    double MeanTempC,
    double RangeC,
    double DawnRhPct,
    double AfternoonRhPct,
    double PeakSolarWm2,
    int SunriseMinute,
    int SunsetMinute,
    double NightWindMs,
    double DayWindMs,
    double CloudFlicker)
{
    /// <summary>Time of the daily minimum temperature (about sunrise), minutes after midnight.</summary>
    public const int MinTempMinute = 4 * 60 + 30;
    /// <summary>Time of the daily maximum temperature (mid-afternoon), minutes after midnight.</summary>
    public const int MaxTempMinute = 14 * 60 + 30;

    public double MinTempC => MeanTempC - RangeC / 2;
    public double MaxTempC => MeanTempC + RangeC / 2;
}

/// <summary>The built-in scenarios.</summary>
public static class Scenarios
{
    /// <summary>
    /// cool-spring: a clear May day when the bags go in and pin. Wangqing May mean 14.4 °C (§6, S93); the
    /// upper end of the 10-14 °C Jilin daily range (S96) for a clear, dry spring day.
    /// </summary>
    public static readonly Scenario CoolSpring = new(
        "cool-spring", "clear May day: mean 14.4 °C, range 13 °C, RH 90 % at dawn to 45 % in the afternoon, clear sky, breezy",
        14.4, 13.0, 90, 45, 780, 4 * 60 + 15, 18 * 60 + 55, 2.0, 4.0, 0.0);

    /// <summary>
    /// typical-june: Wangqing June mean 19.2 °C (S93), range 11 °C (S96), RH near saturation at dawn and
    /// 55-65 % in the afternoon (§6), partly cloudy (Yanji July sunshine only 39 % of possible, S98).
    /// </summary>
    public static readonly Scenario TypicalJune = new(
        "typical-june", "June day: mean 19.2 °C, range 11 °C, RH 97 % at dawn to 60 % in the afternoon, partly cloudy",
        19.2, 11.0, 97, 60, 700, 3 * 60 + 55, 19 * 60 + 15, 1.5, 3.0, 0.4);

    /// <summary>
    /// hot-july: a warm, sunny July day above the July mean of 22.4 °C (S93): about 18 °C at dawn to 30 °C
    /// mid-afternoon (§6 typical July day 16-17 to 27-28 °C, shifted up 1.5 °C), RH 96 % to 55 %.
    /// </summary>
    public static readonly Scenario HotJuly = new(
        "hot-july", "hot July day: mean 24 °C, range 12 °C (18-30 °C), RH 96 % at dawn to 55 % in the afternoon, sunny",
        24.0, 12.0, 96, 55, 820, 4 * 60, 19 * 60 + 10, 1.0, 2.5, 0.15);

    /// <summary>
    /// rainy: a rainy-season day (rainy season from late June, S95; 80 % of precipitation in summer, S96):
    /// small range, RH 92-99 %, little sun, steady wind. Ventilate all the time on rainy days (§1, S7).
    /// </summary>
    public static readonly Scenario Rainy = new(
        "rainy", "rainy day: mean 18 °C, range 4 °C, RH 99 % to 92 %, overcast (peak 180 W/m²), windy",
        18.0, 4.0, 99, 92, 180, 4 * 60, 19 * 60, 3.0, 4.5, 0.5);

    /// <summary>
    /// heat-wave: Yanbian/Tumen extreme highs 35-37 °C (S97): 21 °C at dawn to 35 °C, dry afternoon air,
    /// strong sun and little wind; the day the summer protocol (25 °C, S21) and the lockouts matter.
    /// </summary>
    public static readonly Scenario HeatWave = new(
        "heat-wave", "heat wave: mean 28 °C, range 14 °C (21-35 °C), RH 85 % at dawn to 40 % in the afternoon, strong sun, calm",
        28.0, 14.0, 85, 40, 880, 4 * 60, 19 * 60 + 10, 0.5, 1.5, 0.0);

    public static readonly Scenario[] All = { CoolSpring, TypicalJune, HotJuly, Rainy, HeatWave };

    public static Scenario? Find(string name)
    {
        foreach (var s in All)
        {
            if (string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return s;
            }
        }

        return null;
    }

    public static string Names => string.Join(", ", All.Select(s => s.Name));
}

/// <summary>
/// A built-in day, repeated for multi-day runs. With <c>vary</c>, each day after the first gets a seeded
/// shift of its mean temperature (σ 1.2 °C), RH (σ 3 %) and sunshine (75-105 %).
/// </summary>
public sealed class ScenarioWeather : IWeather
{
    private readonly Scenario _scenario;
    private readonly int _startSecondOfDay;
    private readonly List<DayShift> _shifts = new();
    private readonly Random _random;
    private readonly bool _vary;

    public ScenarioWeather(Scenario scenario, int startSecondOfDay, bool vary = false, int seed = 1)
    {
        _scenario = scenario;
        _startSecondOfDay = startSecondOfDay;
        _vary = vary;
        _random = new Random(seed ^ 0x5EED);
    }

    public string Name => _scenario.Name;
    public Scenario Scenario => _scenario;

    public WeatherSample At(double secondsFromStart)
    {
        double absolute = _startSecondOfDay + secondsFromStart;
        int day = (int)Math.Floor(absolute / 86400.0);
        double minute = (absolute - day * 86400.0) / 60.0;
        return Sample(day, minute);
    }

    /// <summary>The weather of day <paramref name="day"/> (0 = first) at a minute of the local day.</summary>
    public WeatherSample Sample(int day, double minute)
    {
        var s = _scenario;
        DayShift today = Shift(day);
        double tMinToday = s.MinTempC + today.TempC;
        double tMaxToday = s.MaxTempC + today.TempC;

        double temp;
        double fraction; // 0 at the day's minimum, 1 at its maximum
        if (minute >= Scenario.MinTempMinute && minute <= Scenario.MaxTempMinute)
        {
            fraction = HalfCos((minute - Scenario.MinTempMinute) / (Scenario.MaxTempMinute - Scenario.MinTempMinute));
            temp = tMinToday + fraction * (tMaxToday - tMinToday);
        }
        else
        {
            // Falling from yesterday's or today's maximum to today's or tomorrow's minimum.
            double fromMax;
            double max;
            double min;
            if (minute > Scenario.MaxTempMinute)
            {
                fromMax = minute - Scenario.MaxTempMinute;
                max = tMaxToday;
                min = s.MinTempC + Shift(day + 1).TempC;
            }
            else
            {
                fromMax = minute + 1440 - Scenario.MaxTempMinute;
                max = s.MaxTempC + Shift(day - 1).TempC;
                min = tMinToday;
            }

            double span = 1440 - (Scenario.MaxTempMinute - Scenario.MinTempMinute);
            fraction = 1.0 - HalfCos(fromMax / span);
            temp = min + fraction * (max - min);
        }

        double rh = Math.Clamp(s.DawnRhPct + fraction * (s.AfternoonRhPct - s.DawnRhPct) + today.RhPct, 5.0, 100.0);

        double solar = 0.0;
        if (minute > s.SunriseMinute && minute < s.SunsetMinute)
        {
            double x = (minute - s.SunriseMinute) / (s.SunsetMinute - s.SunriseMinute);
            solar = s.PeakSolarWm2 * Math.Pow(Math.Sin(Math.PI * x), 1.3) * today.SunFactor;
            if (s.CloudFlicker > 0)
            {
                double dip = 0.5 * (1.0 + Math.Sin(2.0 * Math.PI * minute / 67.0) * Math.Sin(2.0 * Math.PI * minute / 23.0));
                solar *= 1.0 - s.CloudFlicker * dip;
            }
        }

        double windShape = Math.Max(0.0, Math.Sin(Math.PI * (minute - 8 * 60) / (12 * 60)));
        double wind = minute >= 8 * 60 && minute <= 20 * 60
            ? s.NightWindMs + (s.DayWindMs - s.NightWindMs) * windShape
            : s.NightWindMs;

        return new WeatherSample(temp, rh, solar, wind);
    }

    private static double HalfCos(double x) => (1.0 - Math.Cos(Math.PI * Math.Clamp(x, 0.0, 1.0))) / 2.0;

    private DayShift Shift(int day)
    {
        if (!_vary || day <= 0)
        {
            return DayShift.None;
        }

        while (_shifts.Count < day)
        {
            _shifts.Add(new DayShift(Gaussian() * 1.2, Gaussian() * 3.0, 0.75 + 0.30 * _random.NextDouble()));
        }

        return _shifts[day - 1];
    }

    private double Gaussian()
    {
        double u1 = 1.0 - _random.NextDouble();
        double u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private readonly record struct DayShift(double TempC, double RhPct, double SunFactor)
    {
        public static readonly DayShift None = new(0, 0, 1);
    }
}

/// <summary>A built-in sequence of days (for the growth calendar: wet and dry days, stage and phase over midnight).</summary>
public sealed record WeekScenario(string Name, string Description, Scenario[] Days)
{
    /// <summary>The week's weather; days beyond the last repeat the week, the spin-up day is the last day.</summary>
    public DaySequenceWeather Weather(int startSecondOfDay = 0) =>
        new(Name, d => Days[((d % Days.Length) + Days.Length) % Days.Length], startSecondOfDay);
}

/// <summary>The built-in weeks.</summary>
public static class Weeks
{
    /// <summary>
    /// june-week: the built-in days strung into a week of early summer, so that the default growth calendar
    /// (5 wet days, then 2 dry days, §1 [S7][S8][S17][S20]) meets a hot day, a rainy day and a cool clear day while
    /// wet, and a hot day while dry (the protective pulses of the dry phase, §2 [S21]).
    /// </summary>
    public static readonly WeekScenario JuneWeek = new(
        "june-week", "typical-june, hot-july, rainy, typical-june, cool-spring, hot-july, typical-june",
        new[] { Scenarios.TypicalJune, Scenarios.HotJuly, Scenarios.Rainy, Scenarios.TypicalJune, Scenarios.CoolSpring, Scenarios.HotJuly, Scenarios.TypicalJune });

    public static readonly WeekScenario[] All = { JuneWeek };

    public static WeekScenario? Find(string name) =>
        All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase));
}
