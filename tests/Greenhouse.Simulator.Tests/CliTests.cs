using System.Text.Json.Nodes;
using Greenhouse.Simulator.Cli;
using Greenhouse.Simulator.Metrics;

namespace Greenhouse.Simulator.Tests;

/// <summary>The command line end to end, in process, writing real files.</summary>
[TestClass]
public sealed class CliTests
{
    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = Path.Combine(Path.GetTempPath(), "gh-sim-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void Cleanup()
    {
        try
        {
            Directory.Delete(_dir, true);
        }
        catch (IOException)
        {
        }
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        // These runs stay offline: the default --broker embedded would open a port.
        if (args.Length > 0 && args[0] == "run" && Array.IndexOf(args, "--broker") < 0)
        {
            args = args.Append("--broker").Append("none").ToArray();
        }

        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Invoke(args, output, error, progress: false);
        return (code, output.ToString(), error.ToString());
    }

    private string P(string name) => Path.Combine(_dir, name);

    [TestMethod]
    [DataRow("ours")]
    [DataRow("timer")]
    [DataRow("cycle")]
    [DataRow("hygrostat")]
    public void Run_WritesMetricsTraceAndPlot(string controller)
    {
        var (code, output, error) = Run("run", "--controller", controller, "--scenario", "hot-july", "--start-time", "04:00",
            "--metrics", P("m.json"), "--trace", P("t.csv"), "--plot", P("p.png"), "--log", P("log.txt"), "--seed", "4");
        Assert.AreEqual(0, code, output + error);

        var doc = JsonNode.Parse(File.ReadAllText(P("m.json")))!.AsObject();
        Assert.AreEqual(controller, (string?)doc["controller"]);
        var total = doc["total"]!.AsObject();
        var zone = doc["zones"]!.AsArray()[0]!.AsObject();
        foreach (string key in MetricsCollector.Keys)
        {
            Assert.IsTrue(total.ContainsKey(key), "total lacks " + key);
            Assert.IsTrue(zone.ContainsKey(key), "zone 1 lacks " + key);
        }

        Assert.AreEqual(24.0, (double)total["sim_hours"]!, 1e-9);
        Assert.AreEqual(controller, (string?)total["controller"]);
        double water = (double)total["water_l"]!;
        double mistS = (double)total["mist_s"]!;
        Assert.AreEqual(mistS * 66 * 30 / 3600.0, water, 0.01, "water = mist seconds x nozzle flow");
        Assert.IsGreaterThan(0.0, (double)total["water_floor_l"]!);
        Assert.IsGreaterThan((double)total["rh_min"]!, (double)total["rh_max"]!);

        string[] trace = File.ReadAllLines(P("t.csv"));
        Assert.AreEqual(TraceWriter.Header, trace[0]);
        Assert.AreEqual(2 + 24 * 60, trace.Length, "header, the initial state and one row per minute");
        Assert.AreEqual("0", trace[1].Split(',')[0]);
        Assert.AreEqual("1440", trace[^1].Split(',')[0]);
        Assert.AreEqual(11, trace[1].Split(',').Length);
        int mistMinutes = trace.Skip(1).Count(l => l.Split(',')[6] == "1");
        Assert.IsLessThanOrEqualTo(mistMinutes * 60.0, mistS);
        if (mistS > 0)
        {
            Assert.IsGreaterThan(0, mistMinutes);
        }

        byte[] png = File.ReadAllBytes(P("p.png"));
        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4).ToArray());
        Assert.IsGreaterThan(10_000, png.Length);

        if (controller == "ours")
        {
            StringAssert.Contains(File.ReadAllText(P("log.txt")), "core start");
        }
    }

    [TestMethod]
    public void Run_IsDeterministicForASeed_AndTheSeedMatters()
    {
        string[] Args(string seed, string trace) => new[] { "run", "--controller", "hygrostat", "--scenario", "typical-june", "--seed", seed, "--trace", P(trace), "--metrics", P(trace + ".json") };
        Assert.AreEqual(0, Run(Args("7", "a.csv")).Code);
        Assert.AreEqual(0, Run(Args("7", "b.csv")).Code);
        Assert.AreEqual(0, Run(Args("8", "c.csv")).Code);
        Assert.AreEqual(File.ReadAllText(P("a.csv")), File.ReadAllText(P("b.csv")));
        Assert.AreNotEqual(File.ReadAllText(P("a.csv")), File.ReadAllText(P("c.csv")), "the seed drives the sensor noise and offset");

        static JsonObject Strip(string text)
        {
            var o = JsonNode.Parse(text)!.AsObject();
            o.Remove("run_seconds");
            return o;
        }

        Assert.AreEqual(Strip(File.ReadAllText(P("a.csv.json"))).ToJsonString(), Strip(File.ReadAllText(P("b.csv.json"))).ToJsonString());
    }

    [TestMethod]
    public void Run_OursIsDeterministicForASeed()
    {
        Assert.AreEqual(0, Run("run", "--scenario", "heat-wave", "--seed", "3", "--trace", P("a.csv"), "--log", P("a.log")).Code);
        Assert.AreEqual(0, Run("run", "--scenario", "heat-wave", "--seed", "3", "--trace", P("b.csv"), "--log", P("b.log")).Code);
        Assert.AreEqual(File.ReadAllText(P("a.csv")), File.ReadAllText(P("b.csv")));
        Assert.AreEqual(File.ReadAllText(P("a.log")), File.ReadAllText(P("b.log")));
    }

    [TestMethod]
    public void Run_WithWeatherFile_UsesIt()
    {
        File.WriteAllText(P("w.csv"), "minute,outside_temp_c,outside_rh_pct,solar_w_m2,wind_m_s\n0,10,80,0,1\n720,30,40,800,2\n1440,10,80,0,1\n");
        var (code, output, error) = Run("run", "--weather", P("w.csv"), "--controller", "cycle", "--trace", P("t.csv"), "--metrics", P("m.json"));
        Assert.AreEqual(0, code, output + error);
        string[] rows = File.ReadAllLines(P("t.csv"));
        string[] noon = rows[1 + 720].Split(',');
        Assert.AreEqual("720", noon[0]);
        Assert.AreEqual(30.0, double.Parse(noon[1], System.Globalization.CultureInfo.InvariantCulture), 1e-9);
        Assert.AreEqual(40.0, double.Parse(noon[2], System.Globalization.CultureInfo.InvariantCulture), 1e-9);
        string[] quarter = rows[1 + 360].Split(',');
        Assert.AreEqual(20.0, double.Parse(quarter[1], System.Globalization.CultureInfo.InvariantCulture), 1e-9);
        Assert.AreEqual("w.csv", (string?)JsonNode.Parse(File.ReadAllText(P("m.json")))!["weather"]);
    }

    [TestMethod]
    public void Run_SettingsFile_ChangesTheCore_AndTheScoring()
    {
        File.WriteAllText(P("s.txt"), "# wet phase target\nzone1.target_rh = 85\nzone1.band=2\n\nsim.score.windows=06:00-10:00\nsim.cycle.on_min=2\nsim.cycle.off_min=58\n");
        var (code, output, error) = Run("run", "--controller", "cycle", "--settings", P("s.txt"), "--metrics", P("m.json"));
        Assert.AreEqual(0, code, output + error);
        var doc = JsonNode.Parse(File.ReadAllText(P("m.json")))!;
        StringAssert.Contains((string)doc["scoring"]!, "target 85 ± 2");
        StringAssert.Contains((string)doc["scoring"]!, "06:00-10:00");
        Assert.AreEqual(24.0, (double)doc["total"]!["valve_cycles"]!);
        Assert.AreEqual(240.0, (double)doc["total"]!["scored_minutes"]!);
    }

    [TestMethod]
    [DataRow("zone1.target_rh=250", "zone1.target_rh")]
    [DataRow("no_such_key=1", "unknown setting")]
    [DataRow("just text", "not key=value")]
    [DataRow("sim.cycle.on_min=abc", "sim.cycle.on_min")]
    [DataRow("sim.nonsense=1", "unknown simulator key")]
    public void Run_BadSettingsFile_FailsClearly(string line, string expected)
    {
        File.WriteAllText(P("s.txt"), "# comment\n" + line + "\n");
        var (code, _, error) = Run("run", "--controller", "ours", "--settings", P("s.txt"));
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, expected);
        StringAssert.Contains(error, "line 2");
    }

    [TestMethod]
    [DataRow("--days", "0")]
    [DataRow("--start-time", "25:00")]
    [DataRow("--speed", "fast")]
    [DataRow("--controller", "pid")]
    [DataRow("--broker", "host:99999")]
    public void Run_BadOption_IsRefused(string option, string value)
    {
        var (code, _, _) = Run("run", option, value);
        Assert.AreNotEqual(0, code);
    }

    [TestMethod]
    public void Run_UnknownScenario_ListsTheBuiltInOnes()
    {
        var (code, _, error) = Run("run", "--scenario", "monsoon");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "typical-june");
    }

    [TestMethod]
    public void SecondSensor_IsFittedOnlyWhenAsked()
    {
        Assert.AreEqual(0, Run("run", "--log", P("one.log"), "--metrics", P("one.json")).Code);
        Assert.IsFalse(File.ReadAllText(P("one.log")).Contains("sensor2"), "an unfitted sensor is a null port: the core says nothing about it");

        File.WriteAllText(P("s.txt"), "sim.sensors=2\n");
        Assert.AreEqual(0, Run("run", "--settings", P("s.txt"), "--log", P("two.log")).Code);
        StringAssert.Contains(File.ReadAllText(P("two.log")), "sensor=sensor2 health=ok");
    }

    [TestMethod]
    public void Benchmark_RunsScenariosTimesHousesTimesControllers_WithTheWeekAndHeldOutDaysApart()
    {
        // Bounded for CI: two scenarios (a day and the week), two houses, one held-out day, the first 6 hours of each run
        // (05:00-06:00 scored), without the oracle (tested below and in OracleTests). The full benchmark is a command.
        string houses = Path.Combine(AppContext.BaseDirectory, "examples", "houses");
        string[] controllers = { "ours", "timer", "cycle", "hygrostat" };
        var (code, output, error) = Run(new[] { "benchmark", "--scenario", "cool-spring", "june-week",
            "--house", Path.Combine(houses, "default.house"), Path.Combine(houses, "leaky.house"),
            "--held-out", "1", "--weather-seed", "7", "--hours", "6", "--markdown", P("b.md"), "--json", P("b.json"), "--controllers" }.Concat(controllers).ToArray());
        Assert.AreEqual(0, code, output + error);
        string md = File.ReadAllText(P("b.md"));
        string[] rows = md.Split('\n');
        foreach (string group in new[] { "### built-in days", "### week: growth calendar over 7 days", "### held-out weather (seed 7, never tuned on)" })
        {
            StringAssert.Contains(md, group);
        }

        foreach (string scenario in new[] { "cool-spring", "june-week", "held-out-7-0" })
        {
            foreach (string house in new[] { "default", "leaky" })
            {
                foreach (string c in controllers)
                {
                    Assert.AreEqual(1, rows.Count(r => r.StartsWith($"| {scenario} | {house} | {c} |")), $"{scenario} / {house} / {c}");
                }

                string goals = rows.Single(r => r.StartsWith($"| {scenario} | {house} | ") && (r.Contains("pass") || r.Contains("FAIL") || r.Contains("n/a")));
                Assert.AreEqual(Cli.BenchmarkGoals.Names.Length + 4, goals.Split('|').Length, goals);
                Assert.AreEqual("n/a", goals.Split('|')[3].Trim(), "no oracle run: that goal is not judged");
            }
        }

        var json = JsonNode.Parse(File.ReadAllText(P("b.json")))!;
        var runs = json["runs"]!.AsArray();
        Assert.AreEqual(3 * 2 * controllers.Length, runs.Count);
        Assert.IsTrue(runs.All(r => r!["house"] != null && r["group"] != null && r["total"]!["crop_cost"] != null));
        Assert.IsTrue(runs.Where(r => (string?)r!["weather"] == "june-week").All(r => (int)r!["days"]! == 7));
        Assert.IsTrue(runs.Where(r => (string?)r!["house"] == "leaky" && (string?)r!["controller"] == "timer").All(r => (double)r!["total"]!["water_l"]! > 0));
        var goalsJson = json["goals"]!.AsArray();
        Assert.AreEqual(6, goalsJson.Count);
        Assert.IsTrue(goalsJson.All(g => g!["goals"]!.AsObject().Count == Cli.BenchmarkGoals.Names.Length));
        StringAssert.Contains(md, "goals for ours:");

        // Bad inputs are refused.
        Assert.AreEqual(2, Run("benchmark", "--scenario", "monsoon", "--held-out", "0").Code);
        Assert.AreEqual(2, Run("benchmark", "--house", P("missing.house"), "--held-out", "0").Code);
        Assert.AreEqual(1, Run("benchmark", "--controllers", "magic").Code);
    }

    [TestMethod]
    public void Benchmark_WithTheOracle_JudgesEveryGoalForOurs()
    {
        var (code, output, error) = Run("benchmark", "--scenario", "cool-spring", "--held-out", "0", "--hours", "6", "--markdown", P("b.md"));
        Assert.AreEqual(0, code, output + error);
        string[] rows = File.ReadAllLines(P("b.md"));
        string oracle = rows.Single(r => r.StartsWith("| cool-spring | default | oracle |"));
        Assert.AreEqual("1.00", oracle.Split('|')[5].Trim(), "the oracle's film wetness relative to its own");
        string goals = rows.Single(r => r.StartsWith("| cool-spring | default | ") && (r.Contains("pass") || r.Contains("FAIL")));
        string[] cells = goals.Split('|').Skip(3).Take(Cli.BenchmarkGoals.Names.Length).Select(x => x.Trim()).ToArray();
        Assert.IsTrue(cells.Take(8).All(x => x != "n/a"), goals);
        Assert.AreEqual("n/a", cells[8], "no dry day in one day");
    }

    [TestMethod]
    public void Speed_N_PacesTheRun()
    {
        // One day at 172,800x real time must take at least half a second; at max it takes less (checked loosely).
        var setup = new SimulationSetup
        {
            Weather = new Weather.ScenarioWeather(Weather.Scenarios.TypicalJune, 0),
            Speed = 86400.0 / 0.5,
            SpinUpSeconds = 0,
        };
        var sim = new Simulation(setup);
        sim.Run(new Baselines.CycleBaseline(), new[] { new ScoringPlan() });
        Assert.IsGreaterThanOrEqualTo(0.45, sim.WallTime.TotalSeconds);
        Assert.IsLessThan(5.0, sim.WallTime.TotalSeconds);
    }

    [TestMethod]
    [DataRow("none", BrokerKind.None, "", 0)]
    [DataRow("embedded", BrokerKind.Embedded, "127.0.0.1", 1883)]
    [DataRow("broker.local:1884", BrokerKind.External, "broker.local", 1884)]
    [DataRow("10.0.0.2", BrokerKind.External, "10.0.0.2", 1883)]
    public void BrokerOption_Parses(string text, BrokerKind kind, string host, int port)
    {
        Assert.IsTrue(BrokerOption.TryParse(text, out var option, out string error), error);
        Assert.AreEqual(kind, option.Kind);
        Assert.AreEqual(host, option.Host);
        Assert.AreEqual(port, option.Port);
    }
    [TestMethod]
    public void Soak_ReplaysAnExplicitScheduleAndWritesItsFigures()
    {
        var (code, output, error) = Run("soak", "--days", "1", "--zones", "1", "--faults", "power-cut@d1 09:00,sensor-dead@d1 12:00-13:00",
            "--metrics", P("soak.json"));
        Assert.AreEqual(0, code, output + error);
        StringAssert.Contains(output, "invariant violations: 0 (monitor) + 0");
        StringAssert.Contains(error, "day 1/1");
        var doc = JsonNode.Parse(File.ReadAllText(P("soak.json")))!.AsObject();
        Assert.AreEqual(1, (int)doc["days"]!);
        Assert.AreEqual(1, (int)doc["restarts"]!);
        Assert.AreEqual(0, (int)doc["invariant_violations"]!);
        Assert.AreEqual(86400L, (long)doc["ticks"]!);
        Assert.AreEqual(1, (int)doc["faults_by_kind"]!["power-cut"]!);
        Assert.AreEqual(1, (int)doc["faults_by_kind"]!["sensor-dead"]!);
        Assert.AreEqual(1, doc["daily"]!.AsArray().Count);
        Assert.AreEqual("ours", (string)doc["simulation"]!["total"]!["controller"]!);
    }

    [TestMethod]
    [DataRow("--zones", "5", "--zones must be 1..4")]
    [DataRow("--days", "0", "--days must be 1..1000")]
    [DataRow("--density", "-1", "--density must be 0..100")]
    [DataRow("--faults", "frobnicate@+1", "--faults:")]
    public void Soak_RefusesBadOptionsBeforeRunning(string option, string value, string message)
    {
        var (code, output, error) = Run("soak", option, value);
        Assert.AreEqual(1, code, output + error);
        StringAssert.Contains(output + error, message);
    }

    [TestMethod]
    public void Soak_RefusesAMetricsFileInAMissingFolderBeforeRunning()
    {
        var (code, _, error) = Run("soak", "--days", "1", "--metrics", P("no/such/folder/soak.json"));
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "does not exist");
    }
}
