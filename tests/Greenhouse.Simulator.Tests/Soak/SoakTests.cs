using Greenhouse.Faults;
using Greenhouse.Simulator.Cli;
using Greenhouse.Simulator.Soak;

namespace Greenhouse.Simulator.Tests.Soak;

/// <summary>
/// The CI slice of the season soak (docs/reliability.md): 5 simulated days of the simulator's run with seeded random
/// faults including a power cut, on the same loop as every other run of the simulator.
/// </summary>
[TestClass]
public sealed class SoakTests
{
    private const int Days = 5;
    private const double Density = 3.0;
    private static SoakRunner? _runner;
    private static SoakOptions? _options;

    /// <summary>The first seed whose random 5-day schedule holds a power cut before the last day (so the CI soak always
    /// exercises a restart from stored settings); deterministic.</summary>
    private static int SeedWithPowerCut()
    {
        for (int seed = 1; seed < 1000; seed++)
        {
            FaultSchedule schedule = FaultSchedule.Random(seed, Days, Density);
            if (schedule.Items.Any(i => i.Kind == FaultKind.PowerCut && i.Timing.Day < Days))
            {
                return seed;
            }
        }

        throw new InvalidOperationException("no seed with a power cut");
    }

    [ClassInitialize]
    public static void RunSoak(TestContext context)
    {
        _options = new SoakOptions { Days = Days, Seed = SeedWithPowerCut(), Density = Density, WarmupDays = 1 };
        _runner = new SoakRunner(_options);
        _runner.Run();
    }

    private static string Reproducer => $"reproduce: dotnet run -c Release --project tools/Greenhouse.Simulator -- soak --days {Days} --seed {_options!.Seed} --density {Density}";

    [TestMethod]
    public void No_invariant_is_violated()
    {
        var monitor = _runner!.Monitor;
        Assert.AreEqual(0, monitor.ViolationCount,
            string.Join("\n", monitor.Violations.Select(v => v.ToString())) + "\n" + Reproducer + "\nfaults: " + _runner.Schedule);
        Assert.AreEqual((long)Days * 86400, monitor.Observations);
        Assert.AreEqual(0, _runner.OtherZoneTemperatureViolations.Count, string.Join("\n", _runner.OtherZoneTemperatureViolations) + "\n" + Reproducer);
        Assert.IsTrue(_runner.Ok);
    }

    [TestMethod]
    public void Power_cuts_restart_the_controller_with_its_settings()
    {
        Assert.IsTrue(_runner!.Restarts >= 1, "no power cut fired: " + _runner.Schedule);
        Assert.AreEqual(_runner.Restarts, _runner.Monitor.Restarts);
        Assert.AreEqual(0, _runner.Monitor.Count(InvariantKind.SettingsLost));
        Assert.AreEqual(_runner.Restarts, _runner.FaultsByKind["power-cut"]);
    }

    [TestMethod]
    public void Alarms_appear_and_clear()
    {
        var monitor = _runner!.Monitor;
        Assert.IsTrue(monitor.AlarmAppearances > 0);
        Assert.IsTrue(monitor.AlarmClearances > 0);
        Assert.IsTrue(monitor.AlarmsRaisedByCode.Keys.Any(monitor.AlarmAppearedAndCleared), "no alarm code both appeared and cleared");
    }

    [TestMethod]
    public void Water_counters_match_the_simulated_valve_time()
    {
        Assert.AreEqual(Days, _runner!.DaysRun.Count);
        long valve = 0;
        foreach (SoakDay day in _runner.DaysRun)
        {
            for (int z = 0; z < _options!.Zones; z++)
            {
                valve += day.SimValveSeconds[z];
                // A power cut can lose the second the relay was on when the power dropped.
                double tolerance = 1.0 + day.Restarts;
                Assert.IsTrue(Math.Abs(day.EngineSeconds[z] - day.SimValveSeconds[z]) <= tolerance,
                    $"day {day.Day} zone {z + 1}: engine {day.EngineSeconds[z]} s, simulation {day.SimValveSeconds[z]} s");
                Assert.IsTrue(day.SimValveSeconds[z] <= day.BudgetSeconds[z] + tolerance,
                    $"day {day.Day} zone {z + 1}: {day.SimValveSeconds[z]} s over the daily budget {day.BudgetSeconds[z]} s");
            }
        }

        Assert.IsTrue(valve > 0, "the soak never misted");
    }

    [TestMethod]
    public void Retained_memory_does_not_grow_after_warm_up()
    {
        var steady = _runner!.DaysRun.Where(d => d.Day >= _options!.WarmupDays).ToList();
        long growth = steady[^1].RetainedBytes - steady.Min(d => d.RetainedBytes);
        // The harness itself keeps bounded lists (500 alarm changes, the fault history); the core keeps fixed arrays.
        Assert.IsTrue(growth < 512 * 1024, $"retained memory grew by {growth} bytes over {steady.Count} days");
    }

    [TestMethod]
    public void Report_carries_the_figures()
    {
        var report = SoakReport.Build(_runner!, _options!);
        Assert.AreEqual(_runner!.Monitor.ViolationCount, (int)report["invariant_violations"]!);
        Assert.AreEqual(_runner.Restarts, (int)report["restarts"]!);
        Assert.AreEqual(Days, report["daily"]!.AsArray().Count);
        Assert.IsTrue((double)report["ticks_per_s"]! > 0);
        StringAssert.Contains(SoakReport.Summary(report), "invariant violations: 0 (monitor) + 0");
    }

    [TestMethod]
    public void The_run_is_the_simulators_with_faults_and_the_season_weather()
    {
        var metrics = _runner!.Metrics!;
        Assert.AreEqual("ours", (string)metrics["total"]!["controller"]!);
        Assert.AreEqual("season", (string)metrics["weather"]!);
        Assert.AreEqual(Days * 24.0, (double)metrics["total"]!["sim_hours"]!, 1e-9);
        Assert.AreEqual(_options!.Zones, metrics["zones"]!.AsArray().Count);
        Assert.AreEqual(_runner.Ticks, _runner.Monitor.Observations);
        Assert.IsTrue(_runner.Link.ConnectAttempts > 1, "the link was never cut and reconnected");
        Assert.IsTrue(_runner.LogLines > 0);
        Assert.AreEqual(_runner.FaultsByKind.Values.Sum(), _runner.Faults!.History.Count(e => e.Kind != FaultEventKind.Ended));
    }

    [TestMethod]
    public void Slope_is_least_squares()
    {
        Assert.AreEqual(2.0, SoakReport.Slope(new double[] { 1, 2, 3, 4 }, new double[] { 3, 5, 7, 9 }), 1e-12);
        Assert.AreEqual(0.0, SoakReport.Slope(new double[] { 1 }, new double[] { 5 }));
        Assert.AreEqual(0.0, SoakReport.Slope(new double[] { 1, 2, 3 }, new double[] { 4, 4, 4 }), 1e-12);
    }
}
