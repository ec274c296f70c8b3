using Greenhouse.Simulator.Cli;
using Greenhouse.Simulator.Metrics;
using Greenhouse.Simulator.Oracle;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Tests;

/// <summary>
/// The oracle: it obeys every limit ours obeys, and on the crop's objective it beats every baseline. Runs are parts
/// of a day (CI stays short); the full comparison is the benchmark.
/// </summary>
[TestClass]
public sealed class OracleTests
{
    private static (SimulationSetup Setup, RunConfiguration Config) Prepare(IWeather weather, int startHour, double hours, string settings = "")
    {
        var config = RunConfiguration.Build(RunSettingsFile.Parse(settings, "s"), null);
        var setup = new SimulationSetup
        {
            Weather = weather,
            StartLocal = RunExecutor.StartDate.AddHours(startHour),
            DurationSeconds = (long)(hours * 3600),
            Zones = config.Zones,
            SpinUpSeconds = 86400,
        };
        return (setup, config);
    }

    private static double CropCost(string controller, IWeather weather, int startHour, double hours)
    {
        var (setup, config) = Prepare(weather, startHour, hours);
        var sim = new Simulation(setup);
        var doc = sim.Run(RunExecutor.BuildController(controller, config, _ => { }, null), config.Plans);
        Assert.AreEqual(0.0, (double)doc["total"]!["hot_wet_min"]! * (controller == "oracle" ? 1 : 0), "the oracle is never wet in hot air");
        return (double)doc["total"]!["crop_cost"]!;
    }

    [TestMethod]
    [DataRow("hot-july", 6, 7.0)]
    [DataRow("rainy", 4, 3.0)]
    public void Oracle_BeatsEveryBaselineOnTheCropObjective(string scenario, int startHour, double hours)
    {
        // hot-july 06:00-13:00: the morning window, summer mode from about 09:30 and the air above the lockout before
        // noon (the cycle relay mists into it); rainy 04:00-07:00: saturated still air.
        var s = Scenarios.Find(scenario)!;
        double oracle = CropCost("oracle", new ScenarioWeather(s, startHour * 3600), startHour, hours);
        foreach (string baseline in new[] { "timer", "cycle", "hygrostat" })
        {
            double cost = CropCost(baseline, new ScenarioWeather(s, startHour * 3600), startHour, hours);
            Assert.IsLessThan(cost, oracle, $"{scenario}: oracle {oracle} vs {baseline} {cost}");
        }
    }

    /// <summary>Runs the oracle and checks every second against the rules ours obeys.</summary>
    private sealed class LimitChecker(ISimController inner, RunConfiguration config) : ISimController
    {
        private readonly OracleLimits _limits = OracleLimits.FromSettings(config);
        private readonly List<string> _violations = new();
        private long _valveOpenedAt = -1;
        private long _valveClosedAt = long.MinValue / 2;
        private long _pumpOnSince = -1;
        private readonly Queue<long> _hour = new();
        private bool _locked;
        private readonly SeasonTracker _season = new(config.Plans[0].Seasons!);

        public IReadOnlyList<string> Violations => _violations;
        public long MistSeconds { get; private set; }
        public long Openings { get; private set; }
        public long FanSeconds { get; private set; }
        /// <summary>Seconds inside the window with the lockout engaged (the rule was tested, not only obeyed).</summary>
        public long LockedInWindowSeconds { get; private set; }
        public string Name => inner.Name;
        public int AlarmCount => 0;
        public long LastStepAllocatedBytes => inner.LastStepAllocatedBytes;

        public void Start(SimWorld world) => inner.Start(world);

        public void Step(SimWorld world, SimOutputs outputs)
        {
            long s = world.Second;
            var house = world.Houses[0];
            if (s > 0)
            {
                _season.Update(s - 1, house.AirTempC);
            }

            inner.Step(world, outputs);
            double t = house.AirTempC;
            if (t >= _limits.HighLockoutC[0])
            {
                _locked = true;
            }
            else if (t <= _limits.HighLockoutC[0] - _limits.LockoutHysteresisC)
            {
                _locked = false;
            }

            if (_locked && config.Plans[0].IsScored(world.LocalNow, world.StartLocal, _season.Summer, _season.Cold))
            {
                LockedInWindowSeconds++;
            }

            bool valve = outputs.ValveOpen[0];
            if (outputs.Pump && _pumpOnSince < 0)
            {
                _pumpOnSince = s;
            }
            else if (!outputs.Pump)
            {
                _pumpOnSince = -1;
            }

            if (outputs.Vent)
            {
                FanSeconds++;
            }

            if (!valve)
            {
                if (_valveOpenedAt >= 0)
                {
                    _valveClosedAt = s;
                }

                _valveOpenedAt = -1;
                return;
            }

            MistSeconds++;
            if (_valveOpenedAt < 0)
            {
                Openings++;
                _valveOpenedAt = s;
                if (s - _valveClosedAt < _limits.MinOffSeconds[0])
                {
                    _violations.Add($"{s}: opened {s - _valveClosedAt} s after closing");
                }

                if (!outputs.Pump || s - _pumpOnSince < _limits.PrerunSeconds)
                {
                    _violations.Add($"{s}: valve opened without the pump's pre-run");
                }
            }

            if (s - _valveOpenedAt + 1 > _limits.MaxMistSeconds[0])
            {
                _violations.Add($"{s}: open {s - _valveOpenedAt + 1} s in one go");
            }

            if (_locked || t <= _limits.LowLockoutC)
            {
                _violations.Add($"{s}: misting at {t:0.00} °C (lockout)");
            }

            var local = world.LocalNow;
            if (!config.Plans[0].IsScored(local, world.StartLocal, _season.Summer, _season.Cold))
            {
                _violations.Add($"{s}: misting outside the allowed window ({local:HH:mm:ss})");
            }

            if (!outputs.Pump)
            {
                _violations.Add($"{s}: valve open without the pump");
            }

            _hour.Enqueue(s);
            while (_hour.Peek() <= s - 3600)
            {
                _hour.Dequeue();
            }

            if (_hour.Count > _limits.BudgetHourSeconds[0])
            {
                _violations.Add($"{s}: {_hour.Count} s of mist in the last hour");
            }
        }
    }

    [TestMethod]
    public void Oracle_ObeysTheSameLimitsAsOurs_WindowsLockoutTimingAndBudgets()
    {
        // Tight limits so that they bind: short openings, a long pause, a small hourly budget, a long pre-run and a
        // low lockout that the morning crosses, while the scoring counts heat only from 35 °C (so the objective alone
        // would keep misting between 22 and 35 °C, and only the lockout stops it).
        const string settings = "zone1.max_mist_s=15\nzone1.min_off_s=300\nzone1.budget_hour_s=40\npump.prerun_s=5\nlockout.high_c=22\nsim.score.lockout_c=35\n";
        var (setup, config) = Prepare(new ScenarioWeather(Scenarios.HotJuly, 5 * 3600), 5, 6, settings);
        var sim = new Simulation(setup);
        var checker = new LimitChecker(RunExecutor.BuildController("oracle", config, _ => { }, null), config);
        var doc = sim.Run(checker, config.Plans);
        Assert.AreEqual(0, checker.Violations.Count, string.Join("\n", checker.Violations.Take(10)));
        Assert.IsGreaterThan(3L, checker.Openings, "the oracle did mist");
        Assert.IsGreaterThan(600L, checker.LockedInWindowSeconds, "the morning crossed the lockout inside the window");
        Assert.IsLessThanOrEqualTo(15L, (long)doc["total"]!["max_continuous_mist_s"]!);
        Assert.AreEqual(0L, (long)doc["total"]!["mist_s_above_lockout"]!);
        Assert.AreEqual(0.0, (double)doc["total"]!["alloc_bytes_per_tick"]!, 64.0, "the steady step hardly allocates");

        // With the fan disabled in the settings, the oracle never runs it.
        var (setup2, config2) = Prepare(new ScenarioWeather(Scenarios.Rainy, 4 * 3600), 4, 1, "fan.enabled=off\n");
        var checker2 = new LimitChecker(RunExecutor.BuildController("oracle", config2, _ => { }, null), config2);
        new Simulation(setup2).Run(checker2, config2.Plans);
        Assert.AreEqual(0L, checker2.FanSeconds);
        Assert.AreEqual(0, checker2.Violations.Count, string.Join("\n", checker2.Violations.Take(10)));
    }

    [TestMethod]
    public void Oracle_IsDeterministic_AndKeepsTheEarsWetInTheWindow()
    {
        string Run()
        {
            var (setup, config) = Prepare(new ScenarioWeather(Scenarios.CoolSpring, 4 * 3600), 4, 2);
            var doc = new Simulation(setup).Run(RunExecutor.BuildController("oracle", config, _ => { }, null), config.Plans);
            doc.Remove("run_seconds");
            doc["total"]!.AsObject().Remove("alloc_bytes_per_tick");
            doc["zones"]![0]!.AsObject().Remove("alloc_bytes_per_tick");
            return doc.ToJsonString();
        }

        string first = Run();
        Assert.AreEqual(first, Run());
        var total = System.Text.Json.Nodes.JsonNode.Parse(first)!["total"]!;
        // 05:00-06:00 scored: the film is dry at 05:00 and wet within the first minutes.
        Assert.AreEqual(60.0, (double)total["scored_minutes"]!, 0.1);
        Assert.IsGreaterThan(95.0, (double)total["surface_wet_pct"]!);
        Assert.IsLessThan(0.25 * 33 * 60, (double)total["water_l"]!, "a fraction of what a timer sprays in that hour");
    }

    [TestMethod]
    public void Candidates_CoverMistAndFanRules()
    {
        Assert.AreEqual(OracleController.MistRules.Length * OracleController.FanRules.Length, OracleController.Candidates.Length);
        Assert.IsTrue(OracleController.Candidates.Any(c => c.MistForSeconds == 0 && c.Fan == FanMode.Off), "doing nothing is a candidate");
        Assert.AreEqual(OracleController.Candidates.Length, OracleController.Candidates.Distinct().Count());
    }
}
