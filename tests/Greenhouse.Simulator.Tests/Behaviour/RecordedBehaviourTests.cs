using System.Text.RegularExpressions;
using Greenhouse.Simulator.Cli;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Tests.Behaviour;

/// <summary>
/// Behaviour recorded from the simulator, byte for byte: for every built-in scenario (ours, seed 1, 1 day, no
/// network) the trace CSV, the metrics JSON and the serial log; a two-zone run with random faults and power cuts
/// over three days; and a simulated day with a scripted broker (grower commands, Home Assistant restarts, console
/// lines, a link outage) whose MQTT exchange is recorded call by call. A refactoring must leave all of them
/// identical; a change of behaviour re-records them (<c>GH_RECORD=1 dotnet test --filter RecordedBehaviour</c>)
/// in a commit that names the change. The files are in <c>tests/recorded/</c>.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class RecordedBehaviourTests
{
    /// <summary>Metrics that measure the machine, not the behaviour (wall time, allocations by the host runtime).</summary>
    private static readonly Regex MachineMetrics = new("^\\s*\"(run_seconds|alloc_bytes_per_tick)\": .*$", RegexOptions.Multiline);

    private string _dir = "";

    [TestInitialize]
    public void Init()
    {
        _dir = Path.Combine(Path.GetTempPath(), "gh-recorded-" + Guid.NewGuid().ToString("N"));
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

    public static IEnumerable<object[]> ScenarioNames => Scenarios.All.Select(s => new object[] { s.Name });

    [TestMethod]
    [DynamicData(nameof(ScenarioNames))]
    public void ScenarioDayIsUnchanged(string scenario)
    {
        Run("scenario-" + scenario, new RunRequest { ScenarioName = scenario });
    }

    [TestMethod]
    public void TwoZonesWithRandomFaultsAreUnchanged()
    {
        Run("faults-two-zones", new RunRequest
        {
            ScenarioName = "hot-july",
            Days = 3,
            Faults = "random",
            SettingsFile = Path.Combine(RecordedDir, "two-zones.settings"),
        });
    }

    [TestMethod]
    public void MqttDayIsUnchanged()
    {
        var hookup = new ScriptedMqttHookup();
        IBrokerHookup previous = BrokerHookups.Current;
        BrokerHookups.Current = hookup;
        try
        {
            Run("mqtt-day", new RunRequest
            {
                ScenarioName = "typical-june",
                Broker = new BrokerOption(BrokerKind.Embedded),
            }, hookup.Link);
        }
        finally
        {
            BrokerHookups.Current = previous;
        }
    }

    private void Run(string name, RunRequest request, ScriptedLink? link = null)
    {
        string trace = Path.Combine(_dir, name + ".csv");
        string metrics = Path.Combine(_dir, name + ".json");
        string log = Path.Combine(_dir, name + ".log");
        var full = new RunRequest
        {
            ScenarioName = request.ScenarioName,
            Days = request.Days,
            Faults = request.Faults,
            SettingsFile = request.SettingsFile,
            Broker = request.Broker,
            Seed = 1,
            Progress = false,
            TraceFile = trace,
            MetricsFile = metrics,
            LogFile = log,
        };
        var output = new StringWriter();
        var error = new StringWriter();
        int rc = RunExecutor.Execute(full, output, error);
        Assert.AreEqual(0, rc, error.ToString());

        var produced = new List<(string File, string Text)>
        {
            (name + ".csv", File.ReadAllText(trace)),
            (name + ".json", MachineMetrics.Replace(File.ReadAllText(metrics), "")),
            (name + ".log", File.ReadAllText(log)),
        };
        if (link != null)
        {
            produced.Add((name + ".mqtt", link.Recording));
        }

        bool record = Environment.GetEnvironmentVariable("GH_RECORD") == "1";
        var differences = new List<string>();
        foreach (var (file, text) in produced)
        {
            string path = Path.Combine(RecordedDir, file);
            if (record)
            {
                File.WriteAllText(path, text);
                continue;
            }

            Assert.IsTrue(File.Exists(path), $"{path} is missing: record it with GH_RECORD=1");
            string expected = File.ReadAllText(path);
            if (expected != text)
            {
                differences.Add(file + ": " + FirstDifference(expected, text));
            }
        }

        Assert.AreEqual(0, differences.Count, "recorded behaviour changed:\n" + string.Join("\n", differences));
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end>";
            string al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"line {i + 1}\n  recorded: {el}\n  now:      {al}";
            }
        }

        return "same lines, different bytes";
    }

    /// <summary>tests/recorded/ in the source tree (found from the test binary upwards).</summary>
    private static string RecordedDir
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Controller.sln")))
            {
                dir = dir.Parent;
            }

            Assert.IsNotNull(dir, "Controller.sln not found above " + AppContext.BaseDirectory);
            return Path.Combine(dir.FullName, "tests", "recorded");
        }
    }
}
