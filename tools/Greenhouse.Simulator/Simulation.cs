using System.Diagnostics;
using System.Text.Json.Nodes;
using Greenhouse.Simulator.Metrics;
using Greenhouse.Simulator.Physics;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator;

/// <summary>Per-minute series of zone 1 kept for the chart (same sampling as the trace).</summary>
public sealed class RunSeries
{
    public List<double> Minute { get; } = new();
    public List<double> InsideRh { get; } = new();
    public List<double> SensorRh { get; } = new();
    public List<double> InsideTemp { get; } = new();
    public List<double> OutsideTemp { get; } = new();
    public List<double> Mist { get; } = new();
    public List<double> Vent { get; } = new();
    public List<double> FilmMm { get; } = new();

    private bool _mist;
    private bool _vent;

    internal void RecordInitial(SimWorld world) => Add(world, 0, world.Weather.At(0));

    internal void Record(SimWorld world, SimOutputs outputs)
    {
        _mist |= outputs.Misting(0);
        _vent |= outputs.Vent;
        long end = world.Second + 1;
        if (end % 60 != 0)
        {
            return;
        }

        Add(world, end / 60, world.Weather.At(end));
    }

    private void Add(SimWorld world, long minute, WeatherSample weather)
    {
        var h = world.Houses[0];
        Minute.Add(minute);
        InsideRh.Add(h.RelativeHumidityPct);
        SensorRh.Add(world.Sensors[0].RelativeHumidityPct);
        InsideTemp.Add(h.AirTempC);
        OutsideTemp.Add(weather.OutsideTempC);
        Mist.Add(_mist ? 1 : 0);
        Vent.Add(_vent ? 1 : 0);
        FilmMm.Add(h.FilmMm);
        _mist = false;
        _vent = false;
    }
}

/// <summary>How one run is set up (what the command line parsed).</summary>
public sealed class SimulationSetup
{
    public required IWeather Weather { get; init; }
    public int Days { get; init; } = 1;
    /// <summary>Local start date and time of day.</summary>
    public DateTime StartLocal { get; init; } = new(2026, 6, 15, 0, 0, 0, DateTimeKind.Unspecified);
    public int Seed { get; init; } = 1;
    public int Zones { get; init; } = 1;
    public HouseParameters House { get; init; } = new();
    public Bme280Settings Sensor { get; init; } = new();
    /// <summary>Null = as fast as possible; otherwise the multiple of real time to run at.</summary>
    public double? Speed { get; init; }
    /// <summary>Seconds of physics without misting before the start, so that the bag mass starts warm.</summary>
    public int SpinUpSeconds { get; init; } = 86400;
    /// <summary>Simulated second from which alloc_bytes_per_tick is measured (after start-up).</summary>
    public long SteadyFromSecond { get; init; } = 600;
    /// <summary>
    /// Fit the board's second BME280: null = only when there are two or more zones (it then sits in zone 2),
    /// true/false to force it (with one zone it sits beside the first sensor).
    /// </summary>
    public bool? SecondSensor { get; init; }
    /// <summary>Minute from which the tank float reports empty; null = always full.</summary>
    public double? TankEmptyFromMinute { get; init; }
    /// <summary>
    /// Keep the per-minute chart series (<see cref="Simulation.Series"/>, about 90 KB a simulated day). The soak turns it
    /// off, so its daily memory samples see the controller rather than the chart.
    /// </summary>
    public bool KeepSeries { get; init; } = true;

    /// <summary>Length of the run in seconds when shorter than whole days (tests); null = <see cref="Days"/> days.</summary>
    public long? DurationSeconds { get; init; }

    public long TotalSeconds => DurationSeconds ?? (long)Days * 86400;
}

/// <summary>Runs a controller against the house model, second by second.</summary>
public sealed class Simulation
{
    private readonly SimulationSetup _setup;

    public Simulation(SimulationSetup setup)
    {
        _setup = setup;
        World = BuildWorld(setup);
    }

    public SimWorld World { get; }
    public RunSeries Series { get; } = new();
    public TimeSpan WallTime { get; private set; }
    /// <summary>True when the run was cancelled before its end; the outputs then cover the part that ran.</summary>
    public bool Interrupted { get; private set; }

    public static SimWorld BuildWorld(SimulationSetup setup)
    {
        var houses = new HouseModel[setup.Zones];
        var sensors = new Bme280Model[setup.Zones];
        for (int z = 0; z < setup.Zones; z++)
        {
            // Spin-up: the day before the start, no misting, so temperatures and humidity start settled.
            var w0 = setup.Weather.At(-setup.SpinUpSeconds);
            var house = new HouseModel(setup.House, w0.OutsideTempC, w0.OutsideRhPct);
            for (int s = -setup.SpinUpSeconds; s < 0; s++)
            {
                house.Step(1.0, setup.Weather.At(s), mistOn: false, ventOn: false);
            }

            houses[z] = new HouseModel(setup.House, house.AirTempC, house.RelativeHumidityPct)
            {
                MassTempC = house.MassTempC,
            };
            sensors[z] = new Bme280Model(setup.Sensor, unchecked(setup.Seed * 7919 + z * 104729 + 17));
        }

        bool second = setup.SecondSensor ?? setup.Zones >= 2;
        return new SimWorld(houses, sensors, setup.Weather, setup.StartLocal)
        {
            SecondSensor = second ? new Bme280Model(setup.Sensor, unchecked(setup.Seed * 7919 + 977 * 104729 + 31)) : null,
        };
    }

    /// <summary>
    /// Runs the simulation. <paramref name="progress"/> gets the completed share now and then. Cancelling stops
    /// at the next second and returns the metrics of the part that ran (so Ctrl+C keeps the results).
    /// <paramref name="afterControl"/> is called every second after the controller's step and before the houses
    /// move (the soak keeps its per-day records there).
    /// </summary>
    public JsonObject Run(
        ISimController controller,
        ScoringPlan[] plans,
        TraceWriter? trace = null,
        Action<double>? progress = null,
        IDictionary<string, object?>? runInfo = null,
        CancellationToken cancel = default,
        Action<SimWorld, SimOutputs>? afterControl = null)
    {
        var world = World;
        var outputs = new SimOutputs(world.ZoneCount);
        var metrics = new MetricsCollector(controller.Name, plans, _setup.SteadyFromSecond);
        long total = _setup.TotalSeconds;
        var wall = Stopwatch.StartNew();

        world.Second = 0;
        world.CurrentWeather = world.Weather.At(0);
        UpdateSensors(world, 0.0);
        trace?.RecordInitial(world);
        if (_setup.KeepSeries)
        {
            Series.RecordInitial(world);
        }

        controller.Start(world);

        long done = 0;
        for (long s = 0; s < total; s++)
        {
            if (cancel.IsCancellationRequested)
            {
                break;
            }

            world.Second = s;
            world.CurrentWeather = world.Weather.At(s);
            world.TankFull = _setup.TankEmptyFromMinute is not { } empty || s / 60.0 < empty;
            if (s > 0)
            {
                UpdateSensors(world, 1.0);
            }

            controller.Step(world, outputs);
            afterControl?.Invoke(world, outputs);
            for (int z = 0; z < world.ZoneCount; z++)
            {
                bool mist = outputs.Misting(z) && world.TankFull;
                world.Houses[z].Step(1.0, world.CurrentWeather, mist, outputs.Vent);
            }

            metrics.Record(world, outputs, controller.LastStepAllocatedBytes);
            trace?.Record(world, outputs, metrics.ScoredNow(0));
            if (_setup.KeepSeries)
            {
                Series.Record(world, outputs);
            }

            done = s + 1;

            if ((s + 1) % 3600 == 0)
            {
                progress?.Invoke((double)(s + 1) / total);
            }

            // Paced runs keep up with the wall clock second by second, so console lines and MQTT commands are
            // answered within a simulated second or two, not only once per simulated minute.
            if (_setup.Speed is { } speed && speed > 0)
            {
                double targetMs = (s + 1) * 1000.0 / speed;
                double ahead = targetMs - wall.Elapsed.TotalMilliseconds;
                if (ahead > 1)
                {
                    Thread.Sleep(TimeSpan.FromMilliseconds(ahead));
                }
            }
        }

        world.Second = done;
        WallTime = wall.Elapsed;
        Interrupted = done < total;
        progress?.Invoke((double)done / total);
        var info = new Dictionary<string, object?>(runInfo ?? new Dictionary<string, object?>())
        {
            ["run_seconds"] = Math.Round(WallTime.TotalSeconds, 3),
        };
        if (Interrupted)
        {
            info["interrupted"] = true;
        }

        return metrics.Build(world, controller.AlarmCount, info);
    }

    private void UpdateSensors(SimWorld world, double dt)
    {
        for (int z = 0; z < world.ZoneCount; z++)
        {
            var h = world.Houses[z];
            world.Sensors[z].Update(dt, h.AirTempC, h.RelativeHumidityPct, _setup.House.PressureHpa);
        }

        if (world.SecondSensor is { } second)
        {
            var h = world.Houses[world.SecondSensorHouse];
            second.Update(dt, h.AirTempC, h.RelativeHumidityPct, _setup.House.PressureHpa);
        }
    }
}
