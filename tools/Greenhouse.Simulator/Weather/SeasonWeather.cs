namespace Greenhouse.Simulator.Weather;

/// <summary>
/// A growing season (the soak's weather) from the simulator's built-in days: 30 days each of cool-spring, typical-june, hot-july (with a
/// heat-wave week in the middle), rainy and typical-june again, then repeating. Each day is varied (seeded) the way the
/// simulator's multi-day runs vary a scenario. The run starts at local midnight.
/// </summary>
public sealed class SeasonWeather : IWeather
{
    private const int BlockDays = 30;
    private readonly ScenarioWeather[] _blocks;
    private readonly ScenarioWeather _heatWave;

    public SeasonWeather(int seed)
    {
        _blocks = new[]
        {
            new ScenarioWeather(Scenarios.CoolSpring, 0, vary: true, seed: seed),
            new ScenarioWeather(Scenarios.TypicalJune, 0, vary: true, seed: seed + 1),
            new ScenarioWeather(Scenarios.HotJuly, 0, vary: true, seed: seed + 2),
            new ScenarioWeather(Scenarios.Rainy, 0, vary: true, seed: seed + 3),
            new ScenarioWeather(Scenarios.TypicalJune, 0, vary: true, seed: seed + 4),
        };
        _heatWave = new ScenarioWeather(Scenarios.HeatWave, 0, vary: true, seed: seed + 5);
    }

    public string Name => "season";

    /// <summary>Scenario name of a day (0 = first).</summary>
    public string ScenarioOf(int day) => Pick(day).Name;

    public WeatherSample At(double secondsFromStart)
    {
        int day = (int)Math.Floor(secondsFromStart / 86400.0);
        return Pick(day).At(secondsFromStart);
    }

    private ScenarioWeather Pick(int day)
    {
        if (day < 0)
        {
            return _blocks[0];
        }

        int inCycle = day % (BlockDays * _blocks.Length);
        int block = inCycle / BlockDays;
        int inBlock = inCycle % BlockDays;
        return block == 2 && inBlock >= 12 && inBlock < 19 ? _heatWave : _blocks[block];
    }
}
