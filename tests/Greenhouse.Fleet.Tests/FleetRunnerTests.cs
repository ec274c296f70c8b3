using System.Text.Json;
using Greenhouse.App;
using Greenhouse.Host;
using Greenhouse.Ports;

namespace Greenhouse.Fleet.Tests;

[TestClass]
public sealed class FleetRunnerTests
{
    private static readonly string[] ContractKeys =
    {
        "devices", "messages_published", "commands_sent", "acks_received", "ack_p50_ms", "ack_p99_ms", "lost",
    };

    public TestContext TestContext { get; set; }

    private static FleetOptions SmallFleet(int port, string metricsFile) => new()
    {
        Devices = 20,
        Minutes = 0.2,
        BrokerHost = "127.0.0.1",
        BrokerPort = port,
        MetricsFile = metricsFile,
        Seed = 7,
        TimeCompression = 12,
        TelemetrySeconds = 60,
        CommandsPerSecond = 10,
        InvalidCommandFraction = 0.3,
        ConnectRatePerSecond = 50,
        TickIntervalMs = 50,
        TopicPrefix = "fleettest",
        BrokerStateCounter = true,
    };

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task SmallFleetOnEmbeddedBrokerGetsAnAckForEveryCommand()
    {
        await using EmbeddedBroker broker = await EmbeddedBroker.StartAsync();
        string file = Path.Combine(Path.GetTempPath(), "fleet-metrics-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            FleetOptions options = SmallFleet(broker.Port, file);
            options.CommandsFromStart = true;
            FleetMetrics metrics = await FleetRunner.RunAsync(options, TestContext.CancellationToken);
            AssertHealthyFleet(metrics, 20);
            Assert.AreEqual(0.0, metrics.CommandStartS);
            AssertMetricsFile(file, metrics);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task SmallFleetOnMosquittoGetsAnAckForEveryCommand()
    {
        using LocalMosquitto broker = await LocalMosquitto.StartAsync();
        if (broker == null)
        {
            Assert.Inconclusive("mosquitto is not installed (apt-get install -y mosquitto)");
        }

        FleetMetrics metrics = await FleetRunner.RunAsync(SmallFleet(broker.Port, null), TestContext.CancellationToken);
        AssertHealthyFleet(metrics, 20);
        // By default commands wait for the steady window: ramp 0.4 s + one state period (5 s) + 1 s.
        Assert.AreEqual(6.4, metrics.CommandStartS, 1e-9);
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task AcksLaterThanTheTimeoutAreLostAndNeverMatchedToANewerCommand()
    {
        await using EmbeddedBroker broker = await EmbeddedBroker.StartAsync();
        FleetOptions options = SmallFleet(broker.Port, null);
        options.Devices = 3;
        options.Minutes = 0.1;
        options.CommandsPerSecond = 20;
        options.CommandsFromStart = true;
        options.AckTimeout = TimeSpan.FromMilliseconds(600);
        options.LinkFactory = inbox => new AckDelayingLink(new MqttNetLink(inbox), TimeSpan.FromMilliseconds(1200));
        FleetMetrics metrics = await FleetRunner.RunAsync(options, TestContext.CancellationToken);
        Assert.IsGreaterThan(0L, metrics.CommandsSent);
        Assert.AreEqual(0L, metrics.AcksReceived, "every ack is later than the timeout");
        Assert.AreEqual(metrics.CommandsSent, metrics.Lost);
        Assert.IsNull(metrics.AckP50Ms);
        Assert.IsGreaterThan(0L, metrics.LateAcks);
        Assert.IsGreaterThanOrEqualTo(1200.0, metrics.LateAckMaxMs.Value);
        // With 3 devices and 20 commands/s the same topics are reused all the time: a late ack taken for a newer
        // command would show up as an ack received or a mismatch.
        Assert.AreEqual(0L, metrics.UnmatchedAcks);
        Assert.AreEqual(0L, metrics.AckMismatches);
        Assert.IsGreaterThan(0L, metrics.StateMessages);
    }

    private static void AssertHealthyFleet(FleetMetrics metrics, int devices)
    {
        Assert.AreEqual(devices, metrics.Devices);
        Assert.AreEqual(devices, metrics.DevicesEverConnected, "every device connected");
        Assert.AreEqual(devices, metrics.DevicesConnectedAtEnd);
        Assert.AreEqual(0L, metrics.TickExceptions, metrics.FirstError);
        // 10 commands/s for 12 s from the start, or for 5.6 s from the steady window.
        Assert.IsGreaterThan(35L, metrics.CommandsSent);
        Assert.IsGreaterThan(0L, metrics.InvalidCommandsSent);
        Assert.AreEqual(metrics.CommandsSent, metrics.AcksReceived, "every command acked");
        Assert.AreEqual(0L, metrics.Lost);
        Assert.AreEqual(0L, metrics.AckMismatches, "valid commands ok, invalid ones refused");
        Assert.IsNotNull(metrics.AckP50Ms);
        Assert.IsNotNull(metrics.AckP99Ms);
        Assert.IsGreaterThan(0.0, metrics.AckP50Ms.Value);
        Assert.IsLessThanOrEqualTo(metrics.AckP99Ms.Value, metrics.AckP50Ms.Value);
        // State every 60 s simulated = 5 s real at ×12; each device runs ≥ 8 s after connecting: ≥ 2 documents each.
        Assert.IsGreaterThanOrEqualTo(2L * devices, metrics.StateMessages);
        Assert.IsGreaterThanOrEqualTo(metrics.AcksReceived, metrics.AckMessages);
        Assert.IsGreaterThan(metrics.StateMessages + metrics.AckMessages, metrics.MessagesPublished, "plus status, settings, discovery");
        // The observer saw the state documents the devices queued (all but possibly the last few in flight).
        Assert.IsGreaterThanOrEqualTo(metrics.StateMessages - devices, metrics.BrokerStateMessagesObserved.Value);
        Assert.IsLessThanOrEqualTo(metrics.StateMessages, metrics.BrokerStateMessagesObserved.Value);
        Assert.AreEqual(0L, metrics.ConnectFailures);
    }

    private static void AssertMetricsFile(string file, FleetMetrics metrics)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
        JsonElement root = document.RootElement;
        string[] names = root.EnumerateObject().Select(p => p.Name).ToArray();
        CollectionAssert.AreEqual(ContractKeys, names.Take(ContractKeys.Length).ToArray(), "contract keys first, in order");
        Assert.AreEqual(metrics.Devices, root.GetProperty("devices").GetInt32());
        Assert.AreEqual(metrics.MessagesPublished, root.GetProperty("messages_published").GetInt64());
        Assert.AreEqual(metrics.CommandsSent, root.GetProperty("commands_sent").GetInt64());
        Assert.AreEqual(metrics.AcksReceived, root.GetProperty("acks_received").GetInt64());
        Assert.AreEqual(metrics.Lost, root.GetProperty("lost").GetInt64());
        Assert.AreEqual(Math.Round(metrics.AckP99Ms.Value, 3), root.GetProperty("ack_p99_ms").GetDouble(), 1e-9);
        Assert.IsTrue(root.TryGetProperty("state_messages_per_s", out _));
        Assert.IsTrue(root.TryGetProperty("cpu_s", out _));
        Assert.IsTrue(root.TryGetProperty("peak_working_set_mb", out _));
        Assert.IsTrue(root.TryGetProperty("connect_failures", out _));
    }

    /// <summary>A device link whose acks leave late (a congested uplink).</summary>
    private sealed class AckDelayingLink : IMqttLink, IDisposable
    {
        private readonly MqttNetLink _inner;
        private readonly TimeSpan _delay;

        public AckDelayingLink(MqttNetLink inner, TimeSpan delay)
        {
            _inner = inner;
            _delay = delay;
        }

        public bool IsConnected => _inner.IsConnected;
        public bool BeginConnect(MqttConnectOptions options) => _inner.BeginConnect(options);

        public bool Publish(string topic, byte[] payload, bool retain)
        {
            if (!topic.EndsWith("/ack", StringComparison.Ordinal))
            {
                return _inner.Publish(topic, payload, retain);
            }

            _ = Task.Delay(_delay).ContinueWith(_ => _inner.Publish(topic, payload, retain), TaskScheduler.Default);
            return true;
        }

        public bool Subscribe(string[] topicFilters) => _inner.Subscribe(topicFilters);
        public void Disconnect() => _inner.Disconnect();
        public void Dispose() => _inner.Dispose();
    }
}
