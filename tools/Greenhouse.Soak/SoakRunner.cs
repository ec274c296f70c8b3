using System.Diagnostics;
using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Faults;
using Greenhouse.Ports;
using Greenhouse.Simulator;
using Greenhouse.Simulator.Ours;
using Greenhouse.TestSupport;

namespace Greenhouse.Soak;

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
/// The season soak: the real core (<see cref="Controller"/>) behind the simulator's port models and the fault
/// decorators, against the simulator's house and sensor models, one tick per simulated second, with a random fault
/// schedule (power cuts restart the controller from its stored settings). The per-second loop mirrors
/// <see cref="Simulation.Run"/> (sensors, tick, physics) but keeps nothing per minute: Simulation.Run records chart
/// series for the whole run by design, which would hide a retained-memory slope of the core.
/// </summary>
public sealed class SoakRunner
{
    private readonly SoakOptions _options;

    public SoakRunner(SoakOptions options)
    {
        _options = options;
        Schedule = options.Schedule ?? FaultSchedule.Random(options.Seed, options.Days, options.Density);
    }

    public FaultSchedule Schedule { get; }
    /// <summary>Completed days, in order.</summary>
    public IReadOnlyList<SoakDay> DaysRun => _days.GetRange(0, _daysDone);
    private readonly List<SoakDay> _days = new();
    private int _daysDone;
    public InvariantMonitor Monitor { get; private set; } = new();
    public FaultInjector? Faults { get; private set; }
    public Dictionary<string, int> FaultsByKind { get; } = new(StringComparer.Ordinal);
    public int Restarts { get; private set; }
    /// <summary>Per restart: ms of the engine's TotalMs (summed over zones) lost because the stored counters were older.</summary>
    public long CounterMsLostByRestarts { get; private set; }
    public long LogLines { get; private set; }
    public long Ticks { get; private set; }
    public TimeSpan WallTime { get; private set; }
    /// <summary>Collections per generation during the run, and those of them forced by the daily memory samples.</summary>
    public int[] Gen { get; } = new int[3];
    public int[] ForcedGen { get; } = new int[3];
    public LoopbackMqttLink Link { get; } = new();
    public long SteadyAllocatedBytes { get; private set; }
    public long SteadyTicks { get; private set; }
    /// <summary>Bytes allocated inside Controller.Tick (whole run / after the warm-up) and ticks that allocated at all.</summary>
    public long CoreAllocatedBytes { get; private set; }
    public long SteadyCoreAllocatedBytes { get; private set; }
    public long TicksThatAllocated { get; private set; }

    public void Run(Action<string>? progress = null)
    {
        int zones = _options.Zones;
        var weather = new SeasonWeather(_options.Seed);
        var setup = new SimulationSetup
        {
            Weather = weather,
            Days = _options.Days,
            StartLocal = _options.StartLocal,
            Seed = _options.Seed,
            Zones = zones,
            SecondSensor = true,
        };
        SimWorld world = Simulation.BuildWorld(setup);

        // Everything the harness keeps per day is made before the loop, so the daily memory samples see the core (and
        // the fault library's event history, which grows by a few events a day) rather than the harness's own records.
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

        double pressure = setup.House.PressureHpa;

        var clock = new SoakClock { StartLocal = _options.StartLocal };
        var tank = new SimTankSwitch();
        tank.Attach(world);
        var pump = new FakeRelay();
        var fan = new FakeRelay();
        var valves = new[] { new FakeRelay(), new FakeRelay(), new FakeRelay(), new FakeRelay() };
        var store = new FakeSettingsStore();
        var simPorts = new ControllerPorts
        {
            Sensors = new IClimateSensor[]
            {
                new SimClimateSensor(() => world.Sensors[0]),
                new SimClimateSensor(() => world.SecondSensor),
            },
            Pump = pump,
            Valves = valves,
            Fan = fan,
            TankSwitch = tank,
            Clock = clock,
            Store = store,
            Mqtt = Link,
            MacAddress = OursController.SimMacAddress,
            Log = new FakeLog(1) { Echo = _ => LogLines++ },
        };

        var faults = new FaultInjector(Schedule, _options.Seed);
        Faults = faults;
        Controller? controller = null;
        ControllerPorts ports = FaultPorts.Wrap(simPorts, faults, up => controller?.Inbox.PostConnection(up));
        Monitor = new InvariantMonitor(new InvariantOptions { MaxRecorded = 500 });

        controller = new Controller(ports, OursController.FirmwareVersion);
        controller.Start();
        Configure(controller, zones);

        _lastToday = new double[zones];
        var engineBase = new long[zones];
        CaptureTotals(controller, engineBase);
        var simValve = new long[zones];
        var simWater = new long[zones];
        var engineMs = new long[zones];
        int dayRestarts = 0;
        long total = (long)_options.Days * 86400;
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        long steadyAllocStart = 0;
        var wall = Stopwatch.StartNew();

        for (long s = 0; s < total; s++)
        {
            var now = world.Weather.At(s);
            if (s > 0)
            {
                for (int z = 0; z < zones; z++)
                {
                    var h = world.Houses[z];
                    world.Sensors[z].Update(1.0, h.AirTempC, h.RelativeHumidityPct, pressure);
                }

                var h2 = world.Houses[world.SecondSensorHouse];
                world.SecondSensor!.Update(1.0, h2.AirTempC, h2.RelativeHumidityPct, pressure);
            }

            TimeSpan elapsed = TimeSpan.FromSeconds(s);
            DateTime local = _options.StartLocal.AddSeconds(s);
            clock.SetSecond(s);
            IReadOnlyList<FaultEvent> events = faults.Update(elapsed, local);
            for (int i = 0; i < events.Count; i++)
            {
                FaultEvent e = events[i];
                if (e.Kind != FaultEventKind.Ended)
                {
                    string kind = FaultKinds.Name(e.Item.Kind);
                    FaultsByKind[kind] = FaultsByKind.GetValueOrDefault(kind) + 1;
                }
            }

            // tank-empty means the tank really ran dry: the float switch and the water reaching the nozzles.
            bool tankHasWater = !faults.IsActive(FaultKind.TankEmpty);
            if (faults.IsActive(FaultKind.ClockUnsynced))
            {
                _unsynced++;
            }

            world.TankFull = tankHasWater;

            if (faults.PowerCutDue)
            {
                long before = SumTotals(controller);
                string[] snapshot = InvariantMonitor.SnapshotSettings(controller.Settings);
                pump.Set(false);
                fan.Set(false);
                foreach (var v in valves)
                {
                    v.Set(false);
                }

                clock.Reboot();
                controller = new Controller(ports, OursController.FirmwareVersion);
                controller.Start();
                Monitor.CheckSettingsSurvived(snapshot, controller.Settings, elapsed, local);
                CounterMsLostByRestarts += Math.Max(0, before - SumTotals(controller));
                CaptureTotals(controller, engineBase);
                Restarts++;
                dayRestarts++;
            }

            long allocBefore = GC.GetAllocatedBytesForCurrentThread();
            controller.Tick();
            long allocTick = GC.GetAllocatedBytesForCurrentThread() - allocBefore;
            CoreAllocatedBytes += allocTick;
            SteadyCoreAllocatedBytes += allocTick;
            if (allocTick > 0)
            {
                TicksThatAllocated++;
            }

            Ticks++;
            Monitor.Observe(controller, new GroundTruth(elapsed, local, world.Houses[0].AirTempC, tankHasWater));

            // The engine credits open time at the tick after the second it was open: attribute this tick's growth to
            // the previous second (and so, at midnight, to the previous day).
            for (int z = 0; z < zones; z++)
            {
                long t = controller.Zones[z].Ledger.TotalMs;
                engineMs[z] += t - engineBase[z];
                engineBase[z] = t;
            }

            if (s % 86400 == 0 && s > 0)
            {
                EndDay(controller, (int)(s / 86400) - 1, weather, simValve, simWater, engineMs, dayRestarts, zones, todayFromPrevious: true);
                dayRestarts = 0;
                if (_daysDone == _options.WarmupDays)
                {
                    steadyAllocStart = GC.GetAllocatedBytesForCurrentThread();
                    SteadyTicks = 0;
                    SteadyCoreAllocatedBytes = 0;
                }

                progress?.Invoke($"day {_daysDone}/{_options.Days}: {Monitor.ViolationCount} violation(s), {Restarts} restart(s), " +
                    $"retained {_days[_daysDone - 1].RetainedBytes / 1024} KiB, {Ticks / wall.Elapsed.TotalSeconds:F0} ticks/s");
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

                bool bad = valves[z].Energised && (air > Greenhouse.Settings.HardLimits.MaxMistingTemperatureCelsius
                    || air < Greenhouse.Settings.HardLimits.MinMistingTemperatureCelsius);
                if (bad && !_zoneTempEpisode[z])
                {
                    OtherZoneTemperatureViolations.Add($"{local:yyyy-MM-dd HH:mm:ss} zone {z + 1}: valve open at air {air:F1} °C");
                }

                _zoneTempEpisode[z] = bad;
            }

            bool pumpOn = pump.Energised;
            for (int z = 0; z < zones; z++)
            {
                bool valve = valves[z].Energised;
                bool mist = valve && pumpOn && tankHasWater;
                if (valve)
                {
                    simValve[z]++;
                }

                if (mist)
                {
                    simWater[z]++;
                }

                world.Houses[z].Step(1.0, now, mist, fan.Energised);
            }

            for (int z = 0; z < zones; z++)
            {
                _lastToday[z] = controller.Zones[z].Ledger.TodayMs / 1000.0;
            }

            SteadyTicks++;
        }

        // The last day: one more tick-equivalent of crediting is not available, so take the counters as they are.
        EndDay(controller, _options.Days - 1, weather, simValve, simWater, engineMs, dayRestarts, zones, todayFromPrevious: false);
        WallTime = wall.Elapsed;
        if (_options.Days > _options.WarmupDays)
        {
            SteadyAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - steadyAllocStart;
        }

        Gen[0] = GC.CollectionCount(0) - gen0;
        Gen[1] = GC.CollectionCount(1) - gen1;
        Gen[2] = GC.CollectionCount(2) - gen2;
    }

    private double[] _lastToday = Array.Empty<double>();
    private long _unsynced;
    private readonly bool[] _zoneTempEpisode = new bool[4];

    /// <summary>Largest difference between zone 1's air and another zone's, °C.</summary>
    public double MaxZoneAirDifferenceC { get; private set; }

    /// <summary>Misting-temperature violations in zones 2.. (judged on their own house's air), one per episode.</summary>
    public List<string> OtherZoneTemperatureViolations { get; } = new();

    /// <summary>True when neither the monitor nor the other-zone temperature check found a violation.</summary>
    public bool Ok => Monitor.Ok && OtherZoneTemperatureViolations.Count == 0;

    private void EndDay(Controller controller, int day, SeasonWeather weather, long[] simValve, long[] simWater, long[] engineMs,
        int restarts, int zones, bool todayFromPrevious)
    {
        SoakDay record = _days[day];
        int budgetIndex = controller.Settings.Require(ControlSettings.BudgetDaySeconds);
        for (int z = 0; z < zones; z++)
        {
            record.BudgetSeconds[z] = controller.Settings.Integer(budgetIndex, z + 1);
            record.SimValveSeconds[z] = simValve[z];
            record.SimWaterSeconds[z] = simWater[z];
            record.EngineSeconds[z] = engineMs[z] / 1000.0;
            record.EngineTodayAtEndSeconds[z] = todayFromPrevious ? _lastToday[z] : controller.Zones[z].Ledger.TodayMs / 1000.0;
        }

        record.Restarts = restarts;
        record.ClockOffsetMinutes = Faults!.ClockOffset.TotalMinutes;
        record.ClockUnsyncedSeconds = _unsynced;
        _unsynced = 0;
        Array.Clear(simValve);
        Array.Clear(simWater);
        Array.Clear(engineMs);
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
            totals[z] = controller.Zones[z].Ledger.TotalMs;
        }
    }

    private static long SumTotals(Controller controller)
    {
        long sum = 0;
        foreach (MistZone zone in controller.Zones)
        {
            sum += zone.Ledger.TotalMs;
        }

        return sum;
    }

    /// <summary>The settings a technician gives a soak board; stored by the core and reloaded after each power cut.</summary>
    private static void Configure(Controller controller, int zones)
    {
        string flow = (new Greenhouse.Simulator.Physics.HouseParameters().MistFlowKgS * 60.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        var lines = new List<(string, string)>
        {
            (Greenhouse.Settings.CoreSettings.ZoneCount, zones.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("mqtt.host", "broker.sim"),
        };
        for (int z = 1; z <= zones; z++)
        {
            lines.Add(($"zone{z}.{ControlSettings.NozzleFlow}", flow));
            // A season of flushes: the bags go in pinning and the stages advance by their day counters (rest ends in
            // early growth again), so the zones keep misting through the whole run.
            lines.Add(($"zone{z}.{Greenhouse.Settings.CoreSettings.Stage}", "pinning"));
            lines.Add(($"zone{z}.{ControlSettings.StageAuto}", "true"));
        }

        foreach (var (key, value) in lines)
        {
            if (!controller.ApplySetting(key, value, "file", out string error))
            {
                throw new InvalidOperationException($"the core refused {key}={value}: {error}");
            }
        }
    }
}
