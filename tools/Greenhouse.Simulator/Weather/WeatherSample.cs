namespace Greenhouse.Simulator.Weather;

/// <summary>Outside conditions at one instant.</summary>
public readonly record struct WeatherSample(double OutsideTempC, double OutsideRhPct, double SolarWm2, double WindMs)
{
    public static WeatherSample Lerp(in WeatherSample a, in WeatherSample b, double f) => new(
        a.OutsideTempC + (b.OutsideTempC - a.OutsideTempC) * f,
        a.OutsideRhPct + (b.OutsideRhPct - a.OutsideRhPct) * f,
        a.SolarWm2 + (b.SolarWm2 - a.SolarWm2) * f,
        a.WindMs + (b.WindMs - a.WindMs) * f);
}

/// <summary>A weather source, addressed by seconds since the start of the run.</summary>
public interface IWeather
{
    /// <summary>A short name for reports (scenario name or file name).</summary>
    string Name { get; }

    WeatherSample At(double secondsFromStart);
}
