using Greenhouse.App;
using Greenhouse.Fleet;
using Greenhouse.Simulator.Ours;
using Greenhouse.Simulator.Physics;
using Greenhouse.Simulator.Weather;
using Greenhouse.TestSupport;

namespace Greenhouse.Simulator.Fleet;

/// <summary>
/// The simulator's physical house for every fleet device: the lumped <see cref="HouseModel"/> under one built-in
/// weather day (all houses of a county share the weather) and one <see cref="Bme280Model"/> per house, seeded per
/// device, so each unit has its own offset and noise and the houses drift apart with their controllers' decisions.
/// The day before the start is simulated once per process without misting (as <see cref="Simulation.BuildWorld"/>
/// does for one house) and every house starts from that state.
/// </summary>
public sealed class SimulatedHouses : IFleetHouses
{
    private readonly IWeather _weather;
    private readonly HouseParameters _parameters = new();
    private readonly Bme280Settings _sensor = new();
    private readonly HouseModel _spunUp;
    private readonly int _seed;
    private CachedWeather _cache = new(long.MinValue, default);

    public SimulatedHouses(FleetOptions options)
    {
        Scenario scenario = Scenarios.Find(options.Scenario)
            ?? throw new ArgumentException($"unknown scenario '{options.Scenario}' (known: {Scenarios.Names})");
        if (!FleetOptions.TryParseStartTime(options.StartTime, out int secondOfDay))
        {
            throw new ArgumentException("start time must be HH:MM");
        }

        _seed = options.Seed;
        _weather = new ScenarioWeather(scenario, secondOfDay);
        var w0 = _weather.At(-86400);
        _spunUp = new HouseModel(_parameters, w0.OutsideTempC, w0.OutsideRhPct);
        for (int s = -86400; s < 0; s++)
        {
            _spunUp.Step(1.0, _weather.At(s), mistOn: false, ventOn: false);
        }

        var startLocal = new DateTime(2026, 6, 15, 0, 0, 0, DateTimeKind.Unspecified).AddSeconds(secondOfDay);
        StartUtc = DateTime.SpecifyKind(startLocal.AddHours(-SimWorld.LocalUtcOffsetHours), DateTimeKind.Utc);
    }

    public DateTime StartUtc { get; }

    public IFleetHouse Build(int deviceIndex)
    {
        var house = new HouseModel(_parameters, _spunUp.AirTempC, _spunUp.RelativeHumidityPct) { MassTempC = _spunUp.MassTempC };
        var sensor = new Bme280Model(_sensor, unchecked(_seed * 7919 + deviceIndex * 104729 + 17));
        return new SimulatedHouse(this, house, sensor);
    }

    /// <summary>The weather at a whole second of the run (every house of this process asks for the same seconds).</summary>
    internal WeatherSample WeatherAt(double secondsFromStart)
    {
        long second = (long)Math.Floor(secondsFromStart);
        CachedWeather cached = _cache;
        if (cached.Second != second)
        {
            cached = new CachedWeather(second, _weather.At(second));
            _cache = cached;
        }

        return cached.Sample;
    }

    internal double PressureHpa => _parameters.PressureHpa;

    private sealed record CachedWeather(long Second, WeatherSample Sample);
}

/// <summary>One house: its physics, its BME280 and the relays and tank switch its controller drives.</summary>
internal sealed class SimulatedHouse : IFleetHouse
{
    private readonly SimulatedHouses _houses;
    private readonly HouseModel _house;
    private readonly Bme280Model _sensor;
    private readonly FakeRelay _pump = new();
    private readonly FakeRelay _fan = new();
    private readonly FakeRelay[] _valves = { new(), new(), new(), new() };
    private double _seconds = double.NaN;

    public SimulatedHouse(SimulatedHouses houses, HouseModel house, Bme280Model sensor)
    {
        _houses = houses;
        _house = house;
        _sensor = sensor;
    }

    public void Fit(ControllerPorts ports)
    {
        ports.Sensors[0] = new SimClimateSensor(() => _sensor);
        ports.Pump = _pump;
        ports.Fan = _fan;
        for (int i = 0; i < ports.Valves.Length && i < _valves.Length; i++)
        {
            ports.Valves[i] = _valves[i];
        }

        ports.TankSwitch = new SimTankSwitch(); // not attached to a world: the tank stays full
    }

    public void AdvanceTo(double secondsFromStart)
    {
        if (double.IsNaN(_seconds))
        {
            // The house has waited, closed and unmisted, since the run began; its sensor settles on it at once.
            StepFor(secondsFromStart, 0, mist: false, vent: false);
            _seconds = secondsFromStart;
            _sensor.Update(0, _house.AirTempC, _house.RelativeHumidityPct, _houses.PressureHpa);
            return;
        }

        double dt = secondsFromStart - _seconds;
        if (dt <= 0)
        {
            return;
        }

        // Zone 1 is the house; water reaches the nozzles with its valve open and the pump running, as in the simulator.
        StepFor(dt, _seconds, mist: _pump.Energised && _valves[0].Energised, vent: _fan.Energised);
        _seconds = secondsFromStart;
        _sensor.Update(dt, _house.AirTempC, _house.RelativeHumidityPct, _houses.PressureHpa);
    }

    /// <summary>Explicit Euler steps of at most one second (the model's own step) over <paramref name="dt"/> seconds.</summary>
    private void StepFor(double dt, double from, bool mist, bool vent)
    {
        int steps = (int)Math.Ceiling(dt);
        if (steps <= 0)
        {
            return;
        }

        double step = dt / steps;
        for (int i = 0; i < steps; i++)
        {
            _house.Step(step, _houses.WeatherAt(from + i * step), mist, vent);
        }
    }
}
