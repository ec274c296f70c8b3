using System.Text.Json;
using Greenhouse.Host;

namespace Greenhouse.EndToEnd.Tests;

/// <summary>
/// The public topic contract against real brokers: each test starts its own broker (Mosquitto in a process, or
/// the embedded MQTTnet broker), an in-process controller with host adapters ticked every 50 ms on its own thread,
/// and a separate MQTTnet client acting as the grower.
/// </summary>
[TestClass]
public sealed class MqttEndToEndTests
{
    private const string Mac = "A4:CF:12:A1:B2:C3";
    private const string Base = "greenhouse/gh-a1b2c3";

    public TestContext TestContext { get; set; }

    private static Task<ITestBroker> StartBroker(string kind) =>
        kind == "mosquitto" ? MosquittoBroker.StartAsync() : EmbeddedTestBroker.StartAsync();

    private static HostedController StartController(string host, int port, Greenhouse.Ports.ISettingsStore store = null)
    {
        var controller = new HostedController(Mac, store);
        controller.Configure("mqtt.host", host).Configure("mqtt.port", port.ToString());
        controller.Start();
        return controller;
    }

    private static Task<Received> WaitOnline(TestClient client, int from = 0) =>
        client.WaitForAsync(m => m.Topic == Base + "/status" && m.Payload == "online", from, what: "status online");

    private static Task<Received> WaitAck(TestClient client, string topic, int from) =>
        client.WaitForAsync(m => m.Topic == Base + "/ack" && JsonDocument.Parse(m.Payload).RootElement.GetProperty("topic").GetString() == topic, from, what: "ack for " + topic);

    /// <summary>A fresh subscription returns the retained value: what a phone app sees when it opens.</summary>
    private static async Task<string> RetainedValue(ITestBroker broker, string topic)
    {
        await using var reader = await TestClient.ConnectAsync(broker.Host, broker.Port, "reader-" + Guid.NewGuid().ToString("N")[..8], topic);
        Received r = await reader.WaitForAsync(m => m.Topic == topic, what: "retained " + topic);
        Assert.IsTrue(r.Retain, topic + " must be retained");
        return r.Payload;
    }

    [TestMethod]
    [DataRow("mosquitto")]
    [DataRow("embedded")]
    public async Task TargetIsAcknowledgedAndRetained(string kind)
    {
        await using ITestBroker broker = await StartBroker(kind);
        await using TestClient grower = await TestClient.ConnectAsync(broker.Host, broker.Port, "grower", Base + "/#");
        using HostedController controller = StartController(broker.Host, broker.Port);
        await WaitOnline(grower);
        await grower.WaitForAsync(m => m.Topic == Base + "/zone/1/target_rh" && m.Payload == "90", what: "initial target");

        int from = grower.Count;
        await grower.PublishAsync(Base + "/zone/1/target_rh/set", "92");
        Received ack = await WaitAck(grower, Base + "/zone/1/target_rh/set", from);
        Assert.AreEqual("{\"topic\":\"" + Base + "/zone/1/target_rh/set\",\"ok\":true,\"value\":\"92\"}", ack.Payload);
        Assert.IsFalse(ack.Retain);
        await grower.WaitForAsync(m => m.Topic == Base + "/zone/1/target_rh" && m.Payload == "92", from, what: "new target");
        Assert.AreEqual("92", await RetainedValue(broker, Base + "/zone/1/target_rh"));

        // Home Assistant's payloads on the derived topics work too.
        from = grower.Count;
        await grower.PublishAsync(Base + "/zone/1/power/set", "OFF");
        Assert.IsTrue((await WaitAck(grower, Base + "/zone/1/power/set", from)).Payload.Contains("\"ok\":true"));
        Assert.AreEqual("off", await RetainedValue(broker, Base + "/zone/1/mode"));
        Assert.AreEqual("OFF", await RetainedValue(broker, Base + "/zone/1/power"));

        string discovery = await RetainedValue(broker, "homeassistant/humidifier/gh-a1b2c3/zone1/config");
        using JsonDocument doc = JsonDocument.Parse(discovery);
        Assert.AreEqual("~/zone/1/target_rh/set", doc.RootElement.GetProperty("target_humidity_command_topic").GetString());
        using JsonDocument state = JsonDocument.Parse(await RetainedValue(broker, Base + "/state"));
        Assert.AreEqual(85.0, state.RootElement.GetProperty("sensors")[0].GetProperty("rh_pct").GetDouble());
    }

    [TestMethod]
    [DataRow("mosquitto")]
    [DataRow("embedded")]
    public async Task BadPayloadsAreRefusedAndChangeNothing(string kind)
    {
        await using ITestBroker broker = await StartBroker(kind);
        await using TestClient grower = await TestClient.ConnectAsync(broker.Host, broker.Port, "grower", Base + "/#");
        using HostedController controller = StartController(broker.Host, broker.Port);
        await WaitOnline(grower);

        var cases = new (string topic, byte[] payload, string reason)[]
        {
            (Base + "/zone/1/target_rh/set", "150"u8.ToArray(), "target_rh must be 60..98 %"),
            (Base + "/zone/1/target_rh/set", "ninety"u8.ToArray(), "target_rh must be 60..98 %"),
            (Base + "/zone/1/target_rh/set", new byte[] { 0x39, 0x00, 0xff }, "printable"),
            (Base + "/zone/1/target_rh/set", new byte[200], "too long"),
            (Base + "/zone/1/stage/set", "harvest"u8.ToArray(), "stage must be one of"),
            (Base + "/zone/1/no_such/set", "1"u8.ToArray(), "unknown setting no_such"),
            (Base + "/zone/9/target_rh/set", "91"u8.ToArray(), "zone must be 1..1"),
            (Base + "/nonsense/set", "1"u8.ToArray(), "unknown topic"),
        };
        foreach (var c in cases)
        {
            int from = grower.Count;
            await grower.PublishAsync(c.topic, c.payload);
            Received ack = await WaitAck(grower, c.topic, from);
            using JsonDocument doc = JsonDocument.Parse(ack.Payload);
            Assert.IsFalse(doc.RootElement.GetProperty("ok").GetBoolean(), ack.Payload);
            StringAssert.Contains(doc.RootElement.GetProperty("error").GetString(), c.reason, StringComparison.Ordinal, ack.Payload);
        }

        Assert.AreEqual("90", await RetainedValue(broker, Base + "/zone/1/target_rh"));
        Assert.AreEqual("growth", await RetainedValue(broker, Base + "/zone/1/stage"));
        Assert.AreEqual(1, grower.All.Count(m => m.Topic == Base + "/status"), "the controller must not have restarted");
    }

    [TestMethod]
    [DataRow("mosquitto")]
    [DataRow("embedded")]
    public async Task RetainedSetIsRefused(string kind)
    {
        await using ITestBroker broker = await StartBroker(kind);
        await using TestClient grower = await TestClient.ConnectAsync(broker.Host, broker.Port, "grower", Base + "/#");
        // A retained command left on the broker (e.g. by a misconfigured app) before the controller (re)connects.
        await grower.PublishAsync(Base + "/zone/1/target_rh/set", "95", retain: true);
        await grower.WaitForAsync(m => m.Topic == Base + "/zone/1/target_rh/set");
        using HostedController controller = StartController(broker.Host, broker.Port);
        Received ack = await WaitAck(grower, Base + "/zone/1/target_rh/set", 0);
        using JsonDocument doc = JsonDocument.Parse(ack.Payload);
        Assert.IsFalse(doc.RootElement.GetProperty("ok").GetBoolean());
        StringAssert.Contains(doc.RootElement.GetProperty("error").GetString(), "retained", StringComparison.Ordinal);
        await WaitOnline(grower);
        Assert.AreEqual("90", await RetainedValue(broker, Base + "/zone/1/target_rh"));
        await grower.PublishAsync(Base + "/zone/1/target_rh/set", Array.Empty<byte>(), retain: true);
    }

    [TestMethod]
    [DataRow("mosquitto")]
    [DataRow("embedded")]
    public async Task ConnectionLossPublishesOfflineAndReconnectRepublishes(string kind)
    {
        await using ITestBroker broker = await StartBroker(kind);
        using var cutter = new TcpCutter(broker.Host, broker.Port);
        await using TestClient grower = await TestClient.ConnectAsync(broker.Host, broker.Port, "grower", Base + "/#");
        using HostedController controller = StartController("127.0.0.1", cutter.Port);
        await WaitOnline(grower);

        int from = grower.Count;
        cutter.Refuse = true;
        cutter.Cut();
        await grower.WaitForAsync(m => m.Topic == Base + "/status" && m.Payload == "offline", from, seconds: 60, what: "last will offline");
        Assert.AreEqual("offline", await RetainedValue(broker, Base + "/status"));

        from = grower.Count;
        cutter.Refuse = false;
        await WaitOnline(grower, from);
        await grower.WaitForAsync(m => m.Topic == Base + "/zone/1/target_rh" && m.Payload == "90", from, what: "settings republished");
        await grower.WaitForAsync(m => m.Topic == Base + "/state", from, what: "state republished");
    }

    [TestMethod]
    public async Task SettingsChangedOverMqttSurviveARestart()
    {
        await using ITestBroker broker = await EmbeddedTestBroker.StartAsync();
        string folder = Directory.CreateTempSubdirectory("gh-settings-").FullName;
        try
        {
            await using TestClient grower = await TestClient.ConnectAsync(broker.Host, broker.Port, "grower", Base + "/#");
            using (HostedController first = StartController(broker.Host, broker.Port, new FileSettingsStore(folder)))
            {
                await WaitOnline(grower);
                int from = grower.Count;
                await grower.PublishAsync(Base + "/zone/1/target_rh/set", "88");
                await WaitAck(grower, Base + "/zone/1/target_rh/set", from);
                var deadline = DateTime.UtcNow.AddSeconds(20);
                while (first.Controller.Persistence.Saves == 0 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }

            string text = File.ReadAllText(Path.Combine(folder, "settings-a.txt"));
            StringAssert.Contains(text, "zone1.target_rh=88", StringComparison.Ordinal);
            using var second = new HostedController(Mac, new FileSettingsStore(folder));
            second.Start();
            Assert.AreEqual(88.0, second.Controller.Status.Settings.Number(second.Controller.Status.Settings.Require("target_rh"), 1));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}

/// <summary>Broker login: the controller authenticates with mqtt.user / mqtt.password and never shows the password.</summary>
[TestClass]
public sealed class MqttAuthTests
{
    [TestMethod]
    public async Task ControllerLogsInAndKeepsThePasswordSecret()
    {
        const string secret = "Gr0w3r-s3cret";
        await using ITestBroker broker = await MosquittoBroker.StartAsync("shed", secret);
        await using TestClient grower = await ConnectWithLogin(broker, "grower");
        using var controller = new HostedController("A4:CF:12:A1:B2:C3", null);
        controller.Configure("mqtt.host", broker.Host).Configure("mqtt.port", broker.Port.ToString())
            .Configure("mqtt.user", "shed").Configure("mqtt.password", secret);
        controller.Start();
        await grower.WaitForAsync(m => m.Topic == "greenhouse/gh-a1b2c3/status" && m.Payload == "online", what: "online with login");
        await grower.WaitForAsync(m => m.Topic == "greenhouse/gh-a1b2c3/state", what: "state");
        await Task.Delay(500);
        Assert.IsFalse(grower.All.Any(m => m.Payload.Contains(secret)), "the password must never be published");
        Assert.IsFalse(grower.All.Any(m => m.Topic == "greenhouse/gh-a1b2c3/config/mqtt.password"));
        Assert.IsFalse(controller.Log.Lines.Any(l => l.Contains(secret)), "the password must never be logged");

        // Wrong password: refused by the broker, the controller keeps running and retries with backoff.
        using var intruder = new HostedController("A4:CF:12:00:00:01", null);
        intruder.Configure("mqtt.host", broker.Host).Configure("mqtt.port", broker.Port.ToString())
            .Configure("mqtt.user", "shed").Configure("mqtt.password", "wrong");
        intruder.Start();
        await Task.Delay(3000);
        Assert.IsFalse(intruder.Link.IsConnected);
        Assert.IsNotNull(intruder.Link.LastError);
        Assert.IsTrue(intruder.Controller.Status.TickCount > 10, "ticks go on while the broker refuses the login");

        static async Task<TestClient> ConnectWithLogin(ITestBroker b, string id) =>
            await TestClient.ConnectAsync(b.Host, b.Port, id, "shed", secret, "greenhouse/gh-a1b2c3/#");
    }
}
