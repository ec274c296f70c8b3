using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Greenhouse.Simulator.Cli;
using MQTTnet;

namespace Greenhouse.Simulator.Tests;

/// <summary>The simulator's network, console, fault and fleet options through the real command line, in process.</summary>
[TestClass]
public sealed class WiringTests
{
    private string _dir = "";

    public TestContext TestContext { get; set; } = null!;

    [TestInitialize]
    public void Init()
    {
        _dir = Path.Combine(Path.GetTempPath(), "gh-sim-wiring-" + Guid.NewGuid().ToString("N"));
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

    private string P(string name) => Path.Combine(_dir, name);

    /// <summary>A TextWriter that many threads may write and the test may read while the run goes on.</summary>
    private sealed class SharedWriter : StringWriter
    {
        private readonly object _gate = new();

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (_gate)
            {
                base.WriteLine(value);
            }
        }

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }
    }

    /// <summary>Standard input fed line by line by the test; null ends the input.</summary>
    private sealed class FedReader : TextReader
    {
        private readonly BlockingCollection<string?> _lines = new();

        public void Type(string? line) => _lines.Add(line);

        public override string? ReadLine() => _lines.Take();
    }

    private static async Task<string> WaitForAsync(SharedWriter output, Regex pattern, Task<int> run, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var m = pattern.Match(output.Text);
            if (m.Success)
            {
                return m.Groups.Count > 1 ? m.Groups[1].Value : m.Value;
            }

            if (run.IsCompleted)
            {
                Assert.Fail($"the run ended (exit {run.Result}) before /{pattern}/ appeared:\n{output.Text}");
            }

            await Task.Delay(50);
        }

        Assert.Fail($"/{pattern}/ did not appear within {seconds} s:\n{output.Text}");
        return "";
    }

    [TestMethod]
    [Timeout(90_000, CooperativeCancellation = true)]
    public async Task Run_BrokerEmbedded_PublishesOnlineAndRetainedState()
    {
        var output = new SharedWriter();
        var error = new SharedWriter();
        using var stop = new CancellationTokenSource();
        string[] args = { "run", "--broker", "embedded", "--speed", "600", "--device-id", "sim-wiring", "--metrics", P("m.json") };
        var run = Task.Run(() => CliApp.Invoke(args, output, error, progress: false, cancel: stop.Token));

        int port = int.Parse(await WaitForAsync(output, new Regex(@"embedded MQTT broker listening on 127\.0\.0\.1:(\d+)"), run));
        await WaitForAsync(output, new Regex("steer it"), run);
        StringAssert.Contains(output.Text, "mosquitto_sub -h localhost");
        StringAssert.Contains(output.Text, "'greenhouse/sim-wiring/#'");
        StringAssert.Contains(output.Text, "greenhouse/sim-wiring/zone/1/target_rh/set");

        var received = new ConcurrentQueue<(string Topic, string Payload, bool Retain)>();
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue((e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload), e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("wiring-test").Build(), TestContext.CancellationToken);

        // Subscribe after the device had time to publish, so its status and state arrive as retained messages.
        await Task.Delay(1500, TestContext.CancellationToken);
        await client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder().WithTopicFilter("greenhouse/sim-wiring/#").Build(), TestContext.CancellationToken);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline &&
               !(received.Any(r => r.Topic == "greenhouse/sim-wiring/status" && r.Payload == "online" && r.Retain) &&
                 received.Any(r => r.Topic == "greenhouse/sim-wiring/state" && r.Retain)))
        {
            await Task.Delay(100, TestContext.CancellationToken);
        }

        stop.Cancel();
        int code = await run;
        Assert.AreEqual(0, code, error.Text);
        Assert.IsTrue(received.Any(r => r.Topic == "greenhouse/sim-wiring/status" && r.Payload == "online" && r.Retain),
            "no retained online status; got: " + string.Join(", ", received.Select(r => r.Topic)));
        var state = received.First(r => r.Topic == "greenhouse/sim-wiring/state" && r.Retain);
        var doc = JsonNode.Parse(state.Payload)!;
        Assert.IsNotNull(doc, "state is JSON");
        StringAssert.Contains(output.Text, "interrupted");
        Assert.IsTrue(File.Exists(P("m.json")));
    }

    [TestMethod]
    [Timeout(90_000, CooperativeCancellation = true)]
    public async Task Run_Console_AnswersStatusSetAndGet()
    {
        var output = new SharedWriter();
        var error = new SharedWriter();
        var input = new FedReader();
        string[] args = { "run", "--broker", "none", "--console" };
        var run = Task.Run(() => CliApp.Invoke(args, output, error, progress: false, input: input));

        await WaitForAsync(output, new Regex("technician console on standard input"), run);
        input.Type("status");
        await WaitForAsync(output, new Regex(@"zone1 mode=auto stage=\w+"), run);
        StringAssert.Contains(output.Text, "sensor1 health=");
        input.Type("set zone1.target_rh 91");
        await WaitForAsync(output, new Regex(@"ok zone1\.target_rh=91"), run);
        input.Type("get zone1.target_rh");
        await WaitForAsync(output, new Regex(@"(?m)^zone1\.target_rh=91\s*$"), run);
        input.Type("exit");

        int code = await run;
        Assert.AreEqual(0, code, error.Text);
        StringAssert.Contains(output.Text, "sim: exit; stopping the run");
        // Real time by default with --console: a few seconds of typing are a few simulated seconds, not a day.
        var hours = Regex.Match(output.Text, @"interrupted after ([0-9.]+) simulated hours");
        Assert.IsTrue(hours.Success, output.Text);
        Assert.IsTrue(double.Parse(hours.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < 0.1, hours.Value);
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task Run_Console_EndOfInputEndsTheRunCleanly()
    {
        var output = new SharedWriter();
        var input = new FedReader();
        var run = Task.Run(() => CliApp.Invoke(new[] { "run", "--broker", "none", "--console", "--speed", "120" }, output, new SharedWriter(), progress: false, input: input));
        await WaitForAsync(output, new Regex("technician console on standard input"), run);
        input.Type(null);
        Assert.AreEqual(0, await run);
        StringAssert.Contains(output.Text, "end of console input");
    }

    [TestMethod]
    public void Run_Faults_InvariantsHoldAlarmsClearAndSettingsSurvive()
    {
        File.WriteAllText(P("s.txt"), "zone1.target_rh=88\nzone1.band=4\n");
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Invoke(new[]
        {
            "run", "--broker", "none", "--settings", P("s.txt"), "--metrics", P("m.json"), "--log", P("log.txt"),
            "--faults", "sensor-dead@02:00-03:00,tank-empty@09:00-10:00,power-cut@12:00",
        }, output, error, progress: false);
        Assert.AreEqual(0, code, error.ToString());

        var m = JsonNode.Parse(File.ReadAllText(P("m.json")))!;
        Assert.AreEqual("sensor-dead@02:00-03:00,tank-empty@09:00-10:00,power-cut@12:00", (string)m["faults"]!);
        Assert.AreEqual(0, (int)m["invariant_violations"]!, output.ToString());
        Assert.AreEqual(1, (int)m["restarts"]!);
        int appeared = (int)m["alarms_appeared"]!;
        Assert.IsTrue(appeared >= 2, $"alarms appeared: {appeared}");
        Assert.AreEqual(appeared, (int)m["alarms_cleared"]!, "every alarm the faults raised cleared again");
        var codes = m["alarm_codes"]!.AsArray().Select(c => (string)c!).ToArray();
        CollectionAssert.Contains(codes, "tank_empty");
        StringAssert.Contains(output.ToString(), "0 violations");

        string log = File.ReadAllText(P("log.txt"));
        int cut = log.IndexOf("sim: power cut", StringComparison.Ordinal);
        Assert.IsTrue(cut > 0, "the power cut is logged");
        string after = log[cut..];
        StringAssert.Contains(after, "INFO settings loaded", "the restarted core loads its stored settings");
        StringAssert.Contains(after, "INFO core start fw=sim");
        Assert.IsFalse(after.Contains("no stored settings"), "settings survive the power cut");
    }

    [TestMethod]
    public void Run_FaultsRandom_UsesTheSeededSchedule()
    {
        var output = new StringWriter();
        int code = CliApp.Invoke(new[] { "run", "--broker", "none", "--faults", "random", "--seed", "5", "--metrics", P("m.json"), "--log", P("l.txt") },
            output, new StringWriter(), progress: false);
        Assert.AreEqual(0, code);
        var m = JsonNode.Parse(File.ReadAllText(P("m.json")))!;
        Assert.AreEqual(Greenhouse.Faults.FaultSchedule.Random(5, 1, RunExecutor.RandomFaultDensity).ToString(), (string)m["faults"]!);
        Assert.AreEqual(0, (int)m["invariant_violations"]!, output.ToString());
    }

    [TestMethod]
    [DataRow("sensor-dead@25:00-26:00")]
    [DataRow("power-cut@06:00-07:00")]
    [DataRow("volcano@06:00")]
    public void Run_BadFaultSpec_IsAUsageError(string spec)
    {
        var error = new StringWriter();
        int code = CliApp.Invoke(new[] { "run", "--broker", "none", "--faults", spec }, new StringWriter(), error, progress: false);
        Assert.AreNotEqual(0, code);
        StringAssert.Contains(error.ToString(), "--faults");
    }

    [TestMethod]
    [DataRow("--devices", "0")]
    [DataRow("--minutes", "-1")]
    [DataRow("--broker", "embedded")]
    [DataRow("--broker", "host:99999")]
    [DataRow("--broker", "192.168.1.10:1883")]
    [DataRow("--devices", "50001")]
    [DataRow("--minutes", "61")]
    public void Fleet_BadOptions_AreUsageErrors(string option, string value)
    {
        var args = new List<string> { "fleet", "--devices", "3", "--minutes", "0.1", "--broker", "127.0.0.1:1883" };
        int i = args.IndexOf(option);
        args[i + 1] = value;
        var error = new StringWriter();
        Assert.AreNotEqual(0, CliApp.Invoke(args.ToArray(), new StringWriter(), error, progress: false));
        Assert.IsTrue(error.ToString().Length > 0);
    }

    [TestMethod]
    public void Fleet_MissingBroker_IsAUsageError()
    {
        var error = new StringWriter();
        Assert.AreNotEqual(0, CliApp.Invoke(new[] { "fleet", "--devices", "3", "--minutes", "0.1" }, new StringWriter(), error, progress: false));
        StringAssert.Contains(error.ToString(), "--broker");
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task Fleet_FiveDevicesAgainstEmbeddedBroker_WritesMetrics()
    {
        await using var broker = await Greenhouse.Host.EmbeddedBroker.StartAsync();
        var output = new SharedWriter();
        var error = new SharedWriter();
        int code = await Task.Run(() => CliApp.Invoke(new[]
        {
            "fleet", "--devices", "5", "--minutes", "0.1", "--broker", $"127.0.0.1:{broker.Port}", "--metrics", P("fleet.json"), "--seed", "2",
            "--processes", "0", "--telemetry-s", "10",
        }, output, error, progress: false));
        Assert.AreEqual(0, code, error.Text + output.Text);
        var m = JsonNode.Parse(File.ReadAllText(P("fleet.json")))!;
        Assert.AreEqual(5, (int)m["devices"]!);
        Assert.IsTrue((long)m["messages_published"]! > 0, output.Text);
        Assert.AreEqual(5, (int)m["devices_ever_connected"]!);
        Assert.IsNotNull(m["verdict"], "the run says which side, if any, was saturated");
        StringAssert.Contains(output.Text, "fleet: goals:");
    }
}
