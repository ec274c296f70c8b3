using System.Text.Json.Nodes;
using Greenhouse.Simulator.Baselines;
using Greenhouse.Simulator.Cli;
using Greenhouse.Simulator.Metrics;
using Greenhouse.Simulator.Physics;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Tests;

[TestClass]
public sealed class MetricsAndBaselineTests
{
    /// <summary>Mists on a fixed script: on during [start, end) seconds of each listed pulse.</summary>
    private sealed class ScriptedController((long Start, long End)[] pulses) : BaselineBase
    {
        public override string Name => "script";

        protected override bool ZoneOn(SimWorld world, int zone) => pulses.Any(p => world.Second >= p.Start && world.Second < p.End);
    }

    private static SimulationSetup Setup(IWeather weather, int days = 1) => new()
    {
        Weather = weather,
        Days = days,
        SpinUpSeconds = 3600,
    };

    private static IWeather Constant(double temp, double rh, double sun = 0, double wind = 2) =>
        CsvWeather.Parse($"{CsvWeather.Header}\n0,{temp},{rh},{sun},{wind}\n", "const");

    [TestMethod]
    public void Counts_MistSecondsCyclesLongestRunAndLockout()
    {
        var hot = Constant(40, 40, 600);
        var sim = new Simulation(Setup(hot));
        var pulses = new (long, long)[] { (1000, 1030), (2000, 2100), (5000, 5010) };
        var doc = sim.Run(new ScriptedController(pulses), new[] { new ScoringPlan() });
        var t = doc["total"]!;
        Assert.AreEqual(140L, (long)t["mist_s"]!);
        Assert.AreEqual(3L, (long)t["valve_cycles"]!);
        Assert.AreEqual(100L, (long)t["max_continuous_mist_s"]!);
        Assert.AreEqual(140L, (long)t["mist_s_above_lockout"]!, "the house is above 28 °C all the time");
        var p = new HouseParameters();
        Assert.AreEqual(140 * p.MistFlowKgS, (double)t["water_l"]!, 0.01);
        Assert.AreEqual(0, (int)t["alarms"]!);
    }

    [TestMethod]
    public void ScoredMinutes_FollowTheWindowsAndWetDays()
    {
        var plan = new ScoringPlan { Windows = new[] { new TimeWindow(6 * 60, 8 * 60), new TimeWindow(23 * 60, 60) }, WetDays = 1, DryDays = 1 };
        var sim = new Simulation(Setup(Constant(20, 70), days: 2));
        var doc = sim.Run(new ScriptedController(Array.Empty<(long, long)>()), new[] { plan });
        Assert.AreEqual(240.0, (double)doc["total"]!["scored_minutes"]!, "2 h + 2 h over midnight on the wet first day only (00:00-01:00 is day one too)");
        Assert.AreEqual(0.0, (double)doc["total"]!["surface_wet_pct"]!);
    }

    [TestMethod]
    public void TimeInBand_IsTheShareOfScoredTimeWithinTargetPlusMinusBand()
    {
        // Outside at 95 % RH and 20 °C, no sun, no mist: inside settles near outside humidity, so a plan
        // around the true RH scores 100 % and a plan far from it scores 0 %.
        var sim1 = new Simulation(Setup(Constant(20, 95)));
        double rh = sim1.World.Houses[0].RelativeHumidityPct;
        var inside = sim1.Run(new ScriptedController(Array.Empty<(long, long)>()), new[] { new ScoringPlan { TargetRhPct = Math.Round(rh), BandRhPct = 4, Windows = new[] { new TimeWindow(0, 24 * 60) } } });
        Assert.AreEqual(100.0, (double)inside["total"]!["time_in_band_pct"]!, 0.01);
        var sim2 = new Simulation(Setup(Constant(20, 95)));
        var outside = sim2.Run(new ScriptedController(Array.Empty<(long, long)>()), new[] { new ScoringPlan { TargetRhPct = 70, BandRhPct = 3, Windows = new[] { new TimeWindow(0, 24 * 60) } } });
        Assert.AreEqual(0.0, (double)outside["total"]!["time_in_band_pct"]!);
    }

    [TestMethod]
    public void WaterFloor_IsTheLargerOfFilmEvaporationAndNetVapourLoss()
    {
        var p = new HouseParameters();
        var house = new HouseModel(p, 20, 80);
        house.MassTempC = 20;
        var dry = new WeatherSample(20, 40, 0, 2);
        double rate = house.WaterFloorRateKgS(87, dry);
        double ahBand = Greenhouse.Climate.Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(20, 87);
        double ahSat = HouseModel.SaturationAbsoluteHumidity(20);
        double film = p.FilmMassTransferMs * p.WetSurfaceM2 * (ahSat - ahBand) / 1000;
        double bags = p.BagMassTransferMs * p.WetSurfaceM2 * (ahSat - ahBand) / 1000;
        double ahOut = Greenhouse.Climate.Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(20, 40);
        double exchange = p.LeakAch(2) * p.VolumeM3 / 3600 * (ahBand - ahOut) / 1000 - bags;
        Assert.AreEqual(Math.Max(film, exchange), rate, 1e-12);
        Assert.IsGreaterThan(0.0, rate);
        // Drier outside air needs more water.
        Assert.IsGreaterThan(rate, house.WaterFloorRateKgS(87, new WeatherSample(20, 10, 0, 6)));
    }

    [TestMethod]
    public void Timer_FollowsItsProgram_AndRefusesMoreThan16Events()
    {
        var timer = new TimerBaseline();
        Assert.AreEqual(8, timer.Program.Count);
        var sim = new Simulation(Setup(new ScenarioWeather(Scenarios.TypicalJune, 0)));
        var doc = sim.Run(timer, new[] { new ScoringPlan() });
        Assert.AreEqual(8L, (long)doc["total"]!["valve_cycles"]!);
        Assert.AreEqual(8 * 6 * 60L, (long)doc["total"]!["mist_s"]!);
        Assert.AreEqual(0.0, (double)doc["total"]!["alloc_bytes_per_tick"]!, "the timer does not allocate per step");
        Assert.AreEqual(8 * 6 * 60.0, sim.Series.Mist.Sum() * 60.0, 1e-9, "pulses are whole minutes");
        int firstMinute = sim.Series.Mist.IndexOf(1);
        Assert.AreEqual(5 * 60 + 1, firstMinute, "the first session starts at 05:00 (row 301 covers 05:00-05:01)");

        var nine = Enumerable.Range(0, 9).Select(i => new TimeWindow(i * 60, i * 60 + 5)).ToArray();
        Assert.ThrowsExactly<ArgumentException>(() => new TimerBaseline(nine));
    }

    [TestMethod]
    public void Cycle_RunsAllDayWithoutAClock()
    {
        var sim = new Simulation(Setup(new ScenarioWeather(Scenarios.TypicalJune, 3 * 3600 + 17 * 60)));
        var doc = sim.Run(new CycleBaseline(2, 10), new[] { new ScoringPlan() });
        Assert.AreEqual(120L, (long)doc["total"]!["valve_cycles"]!);
        Assert.AreEqual(120 * 120L, (long)doc["total"]!["mist_s"]!);
        Assert.AreEqual(120L, (long)doc["total"]!["max_continuous_mist_s"]!);
        Assert.AreEqual(0.0, (double)doc["total"]!["alloc_bytes_per_tick"]!, "the cycle relay does not allocate per step");
    }

    [TestMethod]
    public void Hygrostat_SwitchesOnTolerances_AndHoldsMinCycle()
    {
        var dry = Constant(22, 40, 300, 3);
        var sim = new Simulation(Setup(dry));
        var h = new HygrostatBaseline(90, 3, 3, 300);
        var doc = sim.Run(h, new[] { new ScoringPlan() });
        Assert.IsGreaterThan(0L, (long)doc["total"]!["valve_cycles"]!);
        Assert.IsGreaterThanOrEqualTo(300L, (long)doc["total"]!["max_continuous_mist_s"]!, "each run lasts at least min_cycle_duration");

        // Each on-run in the series is at least 5 minutes, each off-run too (except the first and last).
        var mist = sim.Series.Mist.Skip(1).ToList();
        var runs = new List<(double Value, int Length)>();
        foreach (double v in mist)
        {
            if (runs.Count > 0 && runs[^1].Value == v)
            {
                runs[^1] = (v, runs[^1].Length + 1);
            }
            else
            {
                runs.Add((v, 1));
            }
        }

        foreach (var run in runs.Skip(1).SkipLast(1))
        {
            Assert.IsGreaterThanOrEqualTo(4, run.Length);
        }
    }

    [TestMethod]
    public void EmptyTank_StopsTheWater()
    {
        var setup = Setup(new ScenarioWeather(Scenarios.TypicalJune, 0));
        var sim = new Simulation(new SimulationSetup { Weather = setup.Weather, SpinUpSeconds = 0, TankEmptyFromMinute = 0 });
        var doc = sim.Run(new CycleBaseline(), new[] { new ScoringPlan() });
        Assert.AreEqual(0.0, (double)doc["total"]!["water_l"]!);
    }

    [TestMethod]
    public void Ours_RespectsAnEmptyTankAndTwoZones()
    {
        var lines = RunSettingsFile.Parse("zones=2\nzone2.target_rh=80\nsim.tank_empty_from_min=720\n", "s");
        var config = RunConfiguration.Build(lines, "gh-test");
        Assert.AreEqual(2, config.Zones);
        Assert.AreEqual(80.0, config.Plans[1].TargetRhPct);
        var sim = new Simulation(new SimulationSetup
        {
            Weather = new ScenarioWeather(Scenarios.HeatWave, 0),
            Zones = config.Zones,
            TankEmptyFromMinute = config.TankEmptyFromMinute,
            SpinUpSeconds = 3600,
        });
        var log = new List<string>();
        var ours = RunExecutor.BuildController("ours", config, log.Add, null);
        var doc = sim.Run(ours, config.Plans);
        Assert.AreEqual(2, doc["zones"]!.AsArray().Count);
        Assert.AreEqual(2, (int)doc["zones"]![1]!["zone"]!);
        Assert.IsTrue(log.Any(l => l.Contains("device.id")), "the device id went through the core's settings: " + string.Join("\n", log.Take(5)));
        // After the tank runs dry at noon no more water reaches the houses.
        var mistAfterNoon = sim.Series.Mist.Skip(1 + 721).Sum();
        Assert.AreEqual(0.0, mistAfterNoon, "no mist after the tank is empty");
    }

    /// <summary>Mists and runs the fan on fixed scripts (second ranges).</summary>
    private sealed class MistAndFanScript((long Start, long End)[] mist, Func<long, bool> fan) : ISimController
    {
        public string Name => "script";
        public int AlarmCount => 0;
        public long LastStepAllocatedBytes => 0;

        public void Start(SimWorld world)
        {
        }

        public void Step(SimWorld world, SimOutputs outputs)
        {
            bool on = mist.Any(p => world.Second >= p.Start && world.Second < p.End);
            outputs.ValveOpen[0] = on;
            outputs.Pump = on;
            outputs.Vent = fan(world.Second);
        }
    }

    [TestMethod]
    public void HotWet_CountsWetFilmOrSaturatedAirAtOrAboveTheLockout()
    {
        // A hot dry day: the house is above 28 °C all day and the air far below 95 %: dry film, no hot-wet.
        var hot = Constant(36, 30, 500);
        var dryRun = new Simulation(Setup(hot)).Run(new MistAndFanScript(Array.Empty<(long, long)>(), _ => false), new[] { new ScoringPlan() });
        Assert.AreEqual(0.0, (double)dryRun["total"]!["hot_wet_min"]!);

        // A 2-minute pulse at 10:00 wets the film: every minute it stays wet in the hot house counts.
        var sim = new Simulation(Setup(hot));
        var trace = new StringWriter();
        var doc = sim.Run(new MistAndFanScript(new (long, long)[] { (36000, 36120) }, _ => false), new[] { new ScoringPlan() }, new TraceWriter(trace));
        double hotWet = (double)doc["total"]!["hot_wet_min"]!;
        var rows = trace.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(',')).ToList();
        int wetRows = rows.Count(r => r[9] == "1");
        Assert.IsGreaterThan(2.0, hotWet);
        Assert.AreEqual(wetRows, hotWet, 1.5, "hot-wet minutes = minutes with the film wet (the air is hot all day)");
        Assert.IsGreaterThan(0.0, (double)doc["total"]!["crop_cost"]!);
        Assert.IsGreaterThan((double)dryRun["total"]!["crop_cost"]!, (double)doc["total"]!["crop_cost"]!, "wet in hot air costs the crop");
    }

    [TestMethod]
    public void Stagnant_CountsSaturatedStillAirOnlyInStretchesLongerThanAnHour()
    {
        // Outside fog at 20 °C: a closed house stays at 100 % all day.
        var fog = Constant(20, 100, 0, 0.5);
        var closed = new Simulation(Setup(fog)).Run(new MistAndFanScript(Array.Empty<(long, long)>(), _ => false), new[] { new ScoringPlan() });
        Assert.AreEqual(1440.0, (double)closed["total"]!["stagnant_min"]!, 1.0, "the whole day is one stretch of more than an hour");

        // The fan for 3 minutes every 50 minutes breaks every stretch before it reaches an hour.
        var aired = new Simulation(Setup(fog)).Run(new MistAndFanScript(Array.Empty<(long, long)>(), s => s % 3000 < 180), new[] { new ScoringPlan() });
        Assert.AreEqual(0.0, (double)aired["total"]!["stagnant_min"]!);

        // The fan every 90 minutes leaves stretches of 87 minutes: each counts whole.
        var rarely = new Simulation(Setup(fog)).Run(new MistAndFanScript(Array.Empty<(long, long)>(), s => s % 5400 < 180), new[] { new ScoringPlan() });
        double stagnant = (double)rarely["total"]!["stagnant_min"]!;
        Assert.IsGreaterThan(1440.0 * 0.8, stagnant);
        Assert.IsLessThan(1440.0 * 87 / 90 + 1, stagnant);
    }

    [TestMethod]
    public void Trace_FilmWetAndScoredColumns_FollowTheFilmAndThePlan()
    {
        var plan = new ScoringPlan { Windows = new[] { new TimeWindow(6 * 60, 8 * 60) } };
        var sim = new Simulation(Setup(Constant(18, 70)));
        var trace = new StringWriter();
        var doc = sim.Run(new MistAndFanScript(new (long, long)[] { (6 * 3600 + 600, 6 * 3600 + 640) }, _ => false), new[] { plan }, new TraceWriter(trace));
        var lines = trace.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(TraceWriter.Header, lines[0]);
        StringAssert.EndsWith(TraceWriter.Header, ",film_mm,film_wet,scored", "the new columns come after the existing ones");
        var rows = lines.Skip(1).Select(r => r.Split(',')).ToList();
        Assert.AreEqual("0", rows[0][10], "row 0 closes no minute");
        Assert.AreEqual(120, rows.Count(r => r[10] == "1"));
        Assert.IsTrue(rows.Where(r => r[10] == "1").All(r => int.Parse(r[0]) > 360 && int.Parse(r[0]) <= 480), "rows 361..480 close the minutes 06:00-08:00");
        double threshold = new HouseParameters().FilmCapacityMm * new HouseParameters().FilmWetThresholdFraction;
        foreach (var r in rows)
        {
            double film = double.Parse(r[8], System.Globalization.CultureInfo.InvariantCulture);
            if (Math.Abs(film - threshold) > 1e-4)
            {
                Assert.AreEqual(film >= threshold ? "1" : "0", r[9], "minute " + r[0]);
            }
        }

        int wetScored = rows.Count(r => r[9] == "1" && r[10] == "1");
        Assert.AreEqual(100.0 * wetScored / 120, (double)doc["total"]!["surface_wet_pct"]!, 1.0);
    }

    [TestMethod]
    public void WetOnADryDay_IsCounted()
    {
        var plan = new ScoringPlan { WetDays = 1, DryDays = 1 };
        var doc = new Simulation(Setup(Constant(18, 70), days: 2)).Run(
            new MistAndFanScript(new (long, long)[] { (3600 * 8, 3600 * 8 + 60), (86400 + 3600 * 8, 86400 + 3600 * 8 + 60) }, _ => false), new[] { plan });
        double dryWet = (double)doc["total"]!["dry_day_wet_min"]!;
        Assert.IsGreaterThan(10.0, dryWet, "the second pulse wets the film on the dry day");
        Assert.IsLessThan(1440.0, dryWet);
    }
}
