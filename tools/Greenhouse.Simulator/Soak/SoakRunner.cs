using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Faults;
using Greenhouse.Simulator.Cli;
using Greenhouse.Simulator.Ours;
using Greenhouse.Simulator.Weather;
using Greenhouse.TestSupport;

namespace Greenhouse.Simulator.Soak;

/// <summary>What a soak run does.</summary>
public sealed class SoakOptions
{
    public int Days { get; init; } = 150;
    public int Seed { get; init; } = 1;
    /// <summary>Average random faults per simulated day (FaultSchedule.Random).</summary>
    public double Density { get; init; } = 1.5;
    /// <summary>Days before the memory samples count for the slope (JIT, tiering, first alarms, caches settle).</summary>
    public int WarmupDays { get; init; } = 20;
    /// <summary>Misting zones (each its own house; the second BME280 hangs in zone 2).</summary>
    public int Zones { get; init; } = 2;
    /// <summary>Local start of the run (always at midnight, so simulated day N is local day N).</summary>
    public DateTime StartLocal { get; init; } = new(2026, 4, 15, 0, 0, 0, DateTimeKind.Unspecified);
    /// <summary>Explicit schedule (replaying a failing soak); null = FaultSchedule.Random(Seed, Days, Density).</summary>
    public FaultSchedule? Schedule { get; init; }

    /// <summary>The warm-up the command line uses when none is given: 20 days for runs of 60 days or more, else a fifth.</summary>
    public static int DefaultWarmupDays(int days) => days >= 60 ? 20 : Math.Max(1, days / 5);
}

/// <summary>One simulated day of a soak.</summary>
public sealed class SoakDay
{
    public int Day { get; init; }
    public string Scenario { get; init; } = "";
    /// <summary>Per zone: seconds the valve relay was energised (the simulation's own measure).</summary>
    public long[] SimValveSeconds { get; init; } = Array.Empty<long>();
    /// <summary>Per zone: seconds water really reached the nozzles (valve and pump on, tank not empty).</summary>
    public long[] SimWaterSeconds { get; init; } = Array.Empty<long>();
    /// <summary>Per zone: what the engine's MistLedger.TotalMs grew by for this day's seconds, s.</summary>
    public double[] EngineSeconds { get; init; } = Array.Empty<double>();
    /// <summary>Per zone: the engine's "water today" counter at the last second of the day, s.</summary>
    public double[] EngineTodayAtEndSeconds { get; init; } = Array.Empty<double>();
    /// <summary>Per zone: budget_day_s in force at the end of the day.</summary>
    public long[] BudgetSeconds { get; init; } = Array.Empty<long>();
    public int Restarts { get; set; }
    /// <summary>How far the controller's wall clock is off at the end of the day (sum of the clock jumps so far), minutes.</summary>
    public double ClockOffsetMinutes { get; set; }
    /// <summary>Seconds of the day the controller's wall clock was unavailable (clock-unsynced).</summary>
    public long ClockUnsyncedSeconds { get; set; }
    /// <summary>GC.GetTotalMemory(true) at the end of the day (after a full collection).</summary>
    public long RetainedBytes { get; set; }
    /// <summary>GC.GetAllocatedBytesForCurrentThread() at the end of the day (cumulative).</summary>
    public long AllocatedBytes { get; set; }
}

/// <summary>
/// The season soak: the simulator's own run (<see cref="Simulation.Run"/> with <see cref="OursController"/>, its fault
/// injection and invariant monitor) over a season of weather with a random fault schedule, one tick per simulated second,
/// power cuts restarting the controller from its stored settings. What the soak adds is kept per day from the
/// simulation's per-second hook: the engine's water counters against the simulation's valve time, the misting
/// temperature of zones 2.. against their own house, and the retained and allocated memory. The chart series are
/// off (<see cref="SimulationSetup.KeepSeries"/>) and every per-day record is made before the run, so the daily memory
/// samples see the controller rather than the harness.
/// </summary>
public sealed class SoakRunner
{
    /// <summary>Violations and alarm changes the monitor keeps in its lists (all are counted).</summary>
    public const int MonitorRecords = 500;

    private readonly SoakOptions _options;
    private readonly List<SoakDay> _days = new();
    private readonly bool[] _zoneTempEpisode = new bool[4];
    private OursController? _ours;
    private int _daysDone;
    private long[] _engineBase = Array.Empty<long>();
    private long[] _engineMs = Array.Empty<long>();
    private long[] _simValve = Array.Empty<long>();
    private long[] _simWater = Array.Empty<long>();
    private double[] _lastToday = Array.Empty<double>();
    private int _dayRestarts;
    private long _unsynced;
    private long _steadyAllocStart;
    private Stopwatch _wall = new();
    private Action<string>? _progress;

    public SoakRunner(SoakOptions options)
    {
        _options = options;
        Schedule = options.Schedule ?? FaultSchedule.Random(options.Seed, options.Days, options.Density);
    }

    public FaultSchedule Schedule { get; }
    /// <summary>Completed days, in order.</summary>
    public IReadOnlyList<SoakDay> DaysRun => _days.GetRange(0, _daysDone);
    public InvariantMonitor Monitor => _ours?.Monitor ?? new InvariantMonitor();
    public FaultInjector? Faults { get; private set; }
    /// <summary>Faults fired (instants) or started (windows), by kind name.</summary>
    public Dictionary<string, int> FaultsByKind { get; } = new(StringComparer.Ordinal);
    public int Restarts => _ours?.Restarts ?? 0;
    /// <summary>Per restart: ms of the engine's TotalMs (summed over zones) lost because the stored counters were older.</summary>
    public long CounterMsLostByRestarts { get; private set; }
    /// <summary>Lines the core logged.</summary>
    public long LogLines => _ours?.Log.Count ?? 0;
    public long Ticks { get; private set; }
    public TimeSpan WallTime { get; private set; }
    /// <summary>Collections per generation during the run, and those of them forced by the daily memory samples.</summary>
    public int[] Gen { get; } = new int[3];
    public int[] ForcedGen { get; } = new int[3];
    /// <summary>The MQTT link to a broker that is always there (publishes counted, nothing received); broker-down and
    /// wifi-down come from the fault decorator around it.</summary>
    public FakeMqttLink Link { get; } = new(16);
    public long SteadyAllocatedBytes { get; private set; }
    public long SteadyTicks { get; private set; }
    /// <summary>Bytes allocated inside Controller.Tick (whole run / after the warm-up) and ticks that allocated at all.</summary>
    public long CoreAllocatedBytes { get; private set; }
    public long SteadyCoreAllocatedBytes { get; private set; }
    public long TicksThatAllocated { get; private set; }
    /// <summary>The simulator's metrics of the run (time in band, water, runoff ... per zone).</summary>
    public JsonObject? Metrics { get; private set; }

    /// <summary>Largest difference between zone 1's air and another zone's, °C.</summary>
    public double MaxZoneAirDifferenceC { get; private set; }

    /// <summary>Misting-temperature violations in zones 2.. (judged on their own house's air), one per episode.</summary>
    public List<string> OtherZoneTemperatureViolations { get; } = new();

    /// <summary>True when neither the monitor nor the other-zone temperature check found a violation.</summary>
    public bool Ok => Monitor.Ok && OtherZoneTemperatureViolations.Count == 0;

    /// <summary>The settings a technician gives a soak board (as a settings file): stored by the core and reloaded after
    /// each power cut. A season of flushes: the bags go in pinning and the stages advance by their day counters (rest
    /// ends in early growth again), so the zones keep misting through the whole run. The second BME280 is fitted.</summary>
    public static List<SettingLine> Settings(int zones)
    {
        var lines = new List<(string Key, string Value)>
        {
            (Greenhouse.Settings.CoreSettings.ZoneCount, zones.ToString(CultureInfo.InvariantCulture)),
            ("mqtt.host", "broker.sim"),
            ("sim.sensors", "2"),
        };
        for (int z = 1; z <= zones; z++)
        {
            lines.Add(($"zone{z}.{Greenhouse.Settings.CoreSettings.Stage}", "pinning"));
            lines.Add(($"zone{z}.{ControlSettings.StageAuto}", "true"));
        }

        return lines.Select((l, i) => new SettingLine(i + 1, l.Key, l.Value)).ToList();
    }

    public void Run(Action<string>? progress = null)
    {
        _progress = progress;
        int zones = _options.Zones;
        var config = RunConfiguration.Build(Settings(zones), null);
        var weather = new SeasonWeather(_options.Seed);
        var setup = new SimulationSetup
        {
            Weather = weather,
            Days = _options.Days,
            StartLocal = _options.StartLocal,
            Seed = _options.Seed,
            Zones = config.Zones,
            SecondSensor = config.SecondSensor,
            KeepSeries = false,
            SteadyFromSecond = (long)_options.WarmupDays * 86400,
        };
        var simulation = new Simulation(setup);

        // Everything the harness keeps per day is made before the run, so the daily memory samples see the core (and the
        // fault library's event history, which grows by a few events a day) rather than the harness's own records.
        for (int d = 0; d < _options.Days; d++)
        {
            weather.At(d * 86400.0);
            _days.Add(new SoakDay
            {
                Day = d + 1,
                Scenario = weather.ScenarioOf(d),
                SimValveSeconds = new long[zones],
                SimWaterSeconds = new long[zones],
                EngineSeconds = new double[zones],
                EngineTodayAtEndSeconds = new double[zones],
                BudgetSeconds = new long[zones],
            });
        }

        _engineBase = new long[zones];
        _engineMs = new long[zones];
        _simValve = new long[zones];
        _simWater = new long[zones];
        _lastToday = new double[zones];

        Faults = new FaultInjector(Schedule, _options.Seed);
        _ours = (OursController)RunExecutor.BuildController("ours", config, _ => { }, Link, Faults,
            new InvariantOptions { MaxRecorded = MonitorRecords });
        _ours.AfterStart = OnStart;

        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        _wall = Stopwatch.StartNew();
        var info = new Dictionary<string, object?>
        {
            ["controller"] = _ours.Name,
            ["weather"] = weather.Name,
            ["days"] = _options.Days,
            ["seed"] = _options.Seed,
            ["zones_count"] = zones,
        };
        Metrics = simulation.Run(_ours, config.Plans, runInfo: info, afterControl: OnSecond);

        // The last day: one more tick of crediting is not available, so take the counters as they are.
        EndDay(_options.Days - 1, weather, todayFromPrevious: false);
        WallTime = _wall.Elapsed;
        ReportDay();
        if (_options.Days > _options.WarmupDays)
        {
            SteadyAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - _steadyAllocStart;
        }

        Gen[0] = GC.CollectionCount(0) - gen0;
        Gen[1] = GC.CollectionCount(1) - gen1;
        Gen[2] = GC.CollectionCount(2) - gen2;
        foreach (FaultEvent e in Faults.History)
        {
            if (e.Kind != FaultEventKind.Ended)
            {
                string kind = FaultKinds.Name(e.Item.Kind);
                FaultsByKind[kind] = FaultsByKind.GetValueOrDefault(kind) + 1;
            }
        }

        void OnSecond(SimWorld world, SimOutputs outputs) => Second(world, outputs, weather);
    }

    /// <summary>The core has started: at the beginning, and again after each power cut.</summary>
    private void OnStart(Controller core)
    {
        if (_ours!.Restarts > 0)
        {
            // The engine's counters come back from the last save; what it had counted since is lost.
            long before = _engineBase.Sum();
            CaptureTotals(core, _engineBase);
            CounterMsLostByRestarts += Math.Max(0, before - _engineBase.Sum());
            _dayRestarts++;
        }

        CaptureTotals(core, _engineBase);
    }

    /// <summary>One simulated second, after the controller's step and before the houses move.</summary>
    private void Second(SimWorld world, SimOutputs outputs, SeasonWeather weather)
    {
        Controller core = _ours!.Core;
        int zones = _options.Zones;
        long s = world.Second;
        long allocTick = _ours.LastStepAllocatedBytes;
        CoreAllocatedBytes += allocTick;
        SteadyCoreAllocatedBytes += allocTick;
        if (allocTick > 0)
        {
            TicksThatAllocated++;
        }

        Ticks++;
        if (Faults!.IsActive(FaultKind.ClockUnsynced))
        {
            _unsynced++;
        }

        // The engine credits open time at the tick after the second it was open: attribute this tick's growth to the
        // previous second (and so, at midnight, to the previous day).
        for (int z = 0; z < zones; z++)
        {
            long t = core.Status.Zone(z + 1).WaterTotalMs;
            _engineMs[z] += t - _engineBase[z];
            _engineBase[z] = t;
        }

        if (s % 86400 == 0 && s > 0)
        {
            EndDay((int)(s / 86400) - 1, weather, todayFromPrevious: true);
            if (_daysDone == _options.WarmupDays)
            {
                _steadyAllocStart = GC.GetAllocatedBytesForCurrentThread();
                SteadyTicks = 0;
                SteadyCoreAllocatedBytes = 0;
            }

            ReportDay();
        }

        // The monitor judges misting temperatures on zone 1's air; the other zones' houses are checked here the same way.
        for (int z = 1; z < zones; z++)
        {
            double air = world.Houses[z].AirTempC;
            double diff = Math.Abs(air - world.Houses[0].AirTempC);
            if (diff > MaxZoneAirDifferenceC)
            {
                MaxZoneAirDifferenceC = diff;
            }

            bool bad = outputs.ValveOpen[z] && (air > Greenhouse.Settings.HardLimits.MaxMistingTemperatureCelsius
                || air < Greenhouse.Settings.HardLimits.MinMistingTemperatureCelsius);
            if (bad && !_zoneTempEpisode[z])
            {
                OtherZoneTemperatureViolations.Add($"{world.LocalNow:yyyy-MM-dd HH:mm:ss} zone {z + 1}: valve open at air {air:F1} °C");
            }

            _zoneTempEpisode[z] = bad;
        }

        for (int z = 0; z < zones; z++)
        {
            if (outputs.ValveOpen[z])
            {
                _simValve[z]++;
            }

            if (outputs.Misting(z) && world.TankFull)
            {
                _simWater[z]++;
            }

            _lastToday[z] = core.Status.Zone(z + 1).WaterTodayMs / 1000.0;
        }

        SteadyTicks++;
    }

    private void ReportDay() =>
        _progress?.Invoke($"day {_daysDone}/{_options.Days}: {Monitor.ViolationCount} violation(s), {Restarts} restart(s), " +
            $"retained {_days[_daysDone - 1].RetainedBytes / 1024} KiB, {Ticks / _wall.Elapsed.TotalSeconds:F0} ticks/s");

    private void EndDay(int day, SeasonWeather weather, bool todayFromPrevious)
    {
        Controller controller = _ours!.Core;
        SoakDay record = _days[day];
        int budgetIndex = controller.Status.Settings.Require(ControlSettings.BudgetDaySeconds);
        for (int z = 0; z < _options.Zones; z++)
        {
            record.BudgetSeconds[z] = controller.Status.Settings.Integer(budgetIndex, z + 1);
            record.SimValveSeconds[z] = _simValve[z];
            record.SimWaterSeconds[z] = _simWater[z];
            record.EngineSeconds[z] = _engineMs[z] / 1000.0;
            record.EngineTodayAtEndSeconds[z] = todayFromPrevious ? _lastToday[z] : controller.Status.Zone(z + 1).WaterTodayMs / 1000.0;
        }

        record.Restarts = _dayRestarts;
        record.ClockOffsetMinutes = Faults!.ClockOffset.TotalMinutes;
        record.ClockUnsyncedSeconds = _unsynced;
        _dayRestarts = 0;
        _unsynced = 0;
        Array.Clear(_simValve);
        Array.Clear(_simWater);
        Array.Clear(_engineMs);
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        record.RetainedBytes = GC.GetTotalMemory(true);
        ForcedGen[0] += GC.CollectionCount(0) - g0;
        ForcedGen[1] += GC.CollectionCount(1) - g1;
        ForcedGen[2] += GC.CollectionCount(2) - g2;
        record.AllocatedBytes = GC.GetAllocatedBytesForCurrentThread();
        _daysDone++;
    }

    private static void CaptureTotals(Controller controller, long[] totals)
    {
        for (int z = 0; z < totals.Length; z++)
        {
            totals[z] = controller.Status.Zone(z + 1).WaterTotalMs;
        }
    }
}
