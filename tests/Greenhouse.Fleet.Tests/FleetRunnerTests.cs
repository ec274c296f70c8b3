using System.Text.Json;
using Greenhouse.Host;
using Greenhouse.Simulator.Cli;
using Greenhouse.Simulator.Fleet;

// The two runs below spend their time waiting for real-time ticks (20 devices each), not computing: run them side by
// side so the project takes about as long as the longer one.
[assembly: Parallelize(Workers = 2, Scope = ExecutionScope.MethodLevel)]

namespace Greenhouse.Fleet.Tests;

/// <summary>
/// Two small bounded runs at real time (each device ticks once a second, as on the board): after the ramp (about 10 s,
/// until every device is through its connect-time burst) a 9 s window in this process on the embedded broker, and a
/// 24 s window in two generator processes against a private Mosquitto restarted 6 s into it.
/// </summary>
[TestClass]
public sealed class FleetRunnerTests
{
    private static readonly string[] ContractKeys =
    {
        "devices", "messages_published", "commands_sent", "acks_received", "ack_p50_ms", "ack_p99_ms", "lost",
    };

    public TestContext TestContext { get; set; }

    private static FleetOptions SmallFleet() => new()
    {
        Devices = 20,
        Minutes = 0.15,
        Seed = 7,
        TelemetrySeconds = 10,
        CommandsPerSecond = 8,
        BurstSize = 10,
        BurstEverySeconds = 6,
        InvalidCommandFraction = 0.3,
        ConnectRatePerSecond = 40,
        TopicPrefix = "fleettest",
        Houses = o => new SimulatedHouses(o),
    };

    [TestMethod]
    [Timeout(90_000, CooperativeCancellation = true)]
    public async Task InProcessFleetAnswersEveryCommandAndDeliversEveryStateDocument()
    {
        await using EmbeddedBroker broker = await EmbeddedBroker.StartAsync();
        string file = Path.Combine(Path.GetTempPath(), "fleet-metrics-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            FleetOptions options = SmallFleet();
            options.Processes = 0;
            options.BrokerPort = broker.Port;
            options.MetricsFile = file;
            FleetMetrics metrics = await FleetRunner.RunAsync(options, TestContext.CancellationToken);

            AssertHealthy(metrics);
            Assert.AreEqual(0, metrics.Generator.Processes, "in this process");
            Assert.IsNull(metrics.Storm);
            Assert.IsNull(metrics.Goals.AllBackWithin2Min);
            CollectionAssert.IsSubsetOf(new[] { "ramp", "steady" }, metrics.Phases.Keys.ToArray());
            PhaseReport steady = metrics.Phases["steady"];
            Assert.IsGreaterThan(0L, steady.BrokerRoundTrip.Count, "the broker's own round trip was probed");
            Assert.IsGreaterThan(0L, steady.TickLateness.Count, "every tick's lateness was recorded");
            Assert.IsNotNull(steady.BackOffice, "the coordinating process measured itself");
            Assert.IsNotNull(steady.Host.MachineBusyMeanPercent, "the machine's CPU was sampled");
            Assert.IsTrue(metrics.FiguresMeasure is "broker" or "generator" or "machine");
            StringAssert.Contains(metrics.Verdict, "goals");

            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            string[] names = document.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
            CollectionAssert.AreEqual(ContractKeys, names.Take(ContractKeys.Length).ToArray(), "contract keys first, in order");
            Assert.AreEqual(metrics.CommandsSent, document.RootElement.GetProperty("commands_sent").GetInt64());
            Assert.IsTrue(document.RootElement.GetProperty("phases").TryGetProperty("steady", out _));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    [Timeout(150_000, CooperativeCancellation = true)]
    public async Task TwoGeneratorProcessesComeBackAfterABrokerRestart()
    {
        if (OwnMosquitto.Find() == null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("mosquitto is not installed and CI=true");
            }

            Assert.Inconclusive("mosquitto is not installed (apt-get install -y mosquitto)");
        }

        FleetOptions options = SmallFleet();
        options.Minutes = 0.4;
        options.Processes = 2;
        options.OwnBroker = true;
        options.RestartAtMinutes = 0.1;
        options.WorkerCommand = FleetCommand.WorkerStart;
        FleetMetrics metrics = await FleetRunner.RunAsync(options, TestContext.CancellationToken);

        AssertHealthy(metrics);
        Assert.AreEqual(2, metrics.Generator.Processes);
        Assert.AreEqual(3, metrics.Generator.Pids.Distinct().Count(), "this process and two generator processes");
        Assert.AreEqual("private mosquitto", metrics.Broker.Kind);
        Assert.IsNotNull(metrics.Phases["steady"].Host.BrokerCpuMeanPercent, "the broker's CPU was read from /proc");
        Assert.IsTrue(metrics.Broker.Sys.ContainsKey("clients/connected"), "the broker's $SYS figures arrived");

        StormReport storm = metrics.Storm;
        Assert.IsNotNull(storm);
        Assert.AreEqual(0, storm.NotBack, "every device came back");
        Assert.AreEqual(20, storm.BackWithin2Min);
        Assert.IsTrue(metrics.Goals.AllBackWithin2Min);
        // The core's backoff: the first retry after 1-2 s (2-4 s while the session was younger than a minute), then the
        // ticks that notice the drop and the reconnection.
        Assert.IsGreaterThan(1000.0, storm.BackOnline.P50Ms.Value, "devices wait for their backoff");
        Assert.IsLessThan(30_000.0, storm.BackOnline.MaxMs.Value);
        Assert.IsTrue(metrics.Phases.ContainsKey("storm"));
        Assert.IsTrue(metrics.Phases.ContainsKey("recovered"), "the storm ended with every device back");
        Assert.IsGreaterThan(20L, metrics.Generator.ConnectAttempts - 1, "every device connected again");
    }

    private static void AssertHealthy(FleetMetrics m)
    {
        Assert.AreEqual(20, m.Devices);
        Assert.AreEqual(20, m.DevicesEverConnected, "every device connected");
        Assert.AreEqual(20, m.DevicesConnectedAtEnd);
        Assert.AreEqual(0L, m.Generator.TickExceptions, m.FirstError);
        Assert.IsGreaterThan(30L, m.CommandsSent);
        Assert.IsGreaterThan(0L, m.Commands.Invalid);
        Assert.AreEqual(0L, m.Commands.LostOutsideRestart);
        Assert.AreEqual(m.CommandsSent - m.Commands.CutByRestart, m.AcksReceived, "every command acked (but those open when the broker stopped)");
        Assert.AreEqual(0L, m.Commands.OkMismatches, "valid commands ok, invalid ones refused");
        Assert.AreEqual(0L, m.Commands.UnmatchedAcks);
        // A command waits for its device's next tick: up to a second.
        Assert.IsGreaterThan(0.0, m.AckP50Ms.Value);
        Assert.IsLessThanOrEqualTo(m.AckP99Ms.Value, m.AckP50Ms.Value);
        // Every device sent its state at connect and every 10 s after; the back office got each one.
        Assert.IsGreaterThanOrEqualTo(2L * m.Devices, m.State.Sent);
        Assert.AreEqual(0L, m.State.LostOther, "state documents lost without a restart to explain it");
        Assert.AreEqual(m.State.Sent - m.State.Lost, m.State.Received);
        Assert.IsGreaterThan(m.State.Sent + m.AcksReceived, m.MessagesPublished, "plus status, settings, discovery");
        Assert.IsGreaterThan(0L, m.Generator.Ticks);
    }
}
