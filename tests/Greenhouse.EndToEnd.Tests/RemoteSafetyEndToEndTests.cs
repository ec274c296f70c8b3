using System.Diagnostics;
using System.Text.Json;
using Greenhouse.Host;
using Greenhouse.Persistence;

namespace Greenhouse.EndToEnd.Tests;

/// <summary>
/// No remote command can endanger a house or cut it off, against a real Mosquitto: hardware settings refused over MQTT
/// with a refusal that names the console and accepted there (after a restart and the confirmation); a broker change to
/// a dead loopback address brings the controller back on the old broker at the end of net.trial_min, with the alarm
/// event; a change to a good broker passes its trial and sticks. Every address is on 127.0.0.0/8.
/// </summary>
[TestClass]
public sealed class RemoteSafetyEndToEndTests
{
    private const string Mac = "A4:CF:12:A1:B2:C3";
    private const string Base = "greenhouse/gh-a1b2c3";
    /// <summary>A short trial for the tests (0.2 min = 12 s, the lowest net.trial_min allows).</summary>
    private const double TrialSeconds = 12;

    private static HostedController Start(int port, Greenhouse.Ports.ISettingsStore store = null)
    {
        var controller = new HostedController(Mac, store);
        controller.Configure("mqtt.host", "127.0.0.1").Configure("mqtt.port", port.ToString()).Configure("net.trial_min", "0.2");
        controller.Start();
        return controller;
    }

    private static Task<Received> WaitAck(TestClient client, string topic, int from) =>
        client.WaitForAsync(m => m.Topic == Base + "/ack" && JsonDocument.Parse(m.Payload).RootElement.GetProperty("topic").GetString() == topic, from, what: "ack for " + topic);

    /// <summary>Types a console line into the controller and waits for an answer line containing <paramref name="expected"/>.</summary>
    private static async Task<string> Console(HostedController controller, string line, string expected)
    {
        int from = controller.Log.Lines.Length;
        controller.Controller.Inbox.PostConsoleLine(line);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            string[] lines = controller.Log.Lines;
            for (int i = Math.Min(from, lines.Length); i < lines.Length; i++)
            {
                if (lines[i].Contains(expected, StringComparison.Ordinal))
                {
                    return string.Join("\n", lines.Skip(from));
                }
            }

            await Task.Delay(20);
        }

        Assert.Fail("no '" + expected + "' after console line '" + line + "': " + string.Join(" | ", controller.Log.Lines.Skip(from)));
        return null;
    }

    [TestMethod]
    public async Task HardwareSettingsAreRefusedOverMqttAndConfirmedOnTheConsoleAfterARestart()
    {
        await using ITestBroker broker = await MosquittoBroker.StartAsync();
        string folder = Directory.CreateTempSubdirectory("gh-hardware-").FullName;
        try
        {
            await using TestClient grower = await TestClient.ConnectAsync(broker.Host, broker.Port, "grower", Base + "/#");
            using (HostedController first = Start(broker.Port, new FileSettingsStore(folder)))
            {
                await grower.WaitForAsync(m => m.Topic == Base + "/status" && m.Payload == "online", what: "online");
                foreach (var (key, value) in new[] { ("relays.active_low", "off"), ("zones", "3"), ("pins.pump_relay", "19"), ("console.baud", "9600") })
                {
                    int from = grower.Count;
                    await grower.PublishAsync(Base + "/config/" + key + "/set", value);
                    using JsonDocument ack = JsonDocument.Parse((await WaitAck(grower, Base + "/config/" + key + "/set", from)).Payload);
                    Assert.IsFalse(ack.RootElement.GetProperty("ok").GetBoolean(), key);
                    StringAssert.Contains(ack.RootElement.GetProperty("error").GetString(), key + " is a hardware setting: only the technician console at the controller can change it");
                }

                string answer = await Console(first, "set relays.active_low off", "waiting: in effect only after a restart");
                StringAssert.Contains(answer, "ok relays.active_low=off");
                await Console(first, "hardware confirm", "restart first");
                await Console(first, "reboot", "rebooting");
                // The console writes "rebooting" before the command port saves and raises the flag, on the
                // controller's thread: wait for the flag rather than read it the moment the line appears.
                for (int i = 0; i < 250 && !first.Controller.RebootRequested; i++)
                {
                    await Task.Delay(20);
                }

                Assert.IsTrue(first.Controller.RebootRequested);
            }

            Assert.IsTrue(BootSettings.Read(new FileSettingsStore(folder)).Flag(BootSettings.Read(new FileSettingsStore(folder)).Require("relays.active_low"), 0),
                "the firmware would still build its relays active-low");

            using (HostedController second = Start(broker.Port, new FileSettingsStore(folder)))
            {
                int from = grower.Count;
                await grower.WaitForAsync(m => m.Topic == Base + "/alarm" && m.Payload.Contains("\"code\":\"hardware_pending\",\"zone\":0,\"active\":true"), from, what: "hardware_pending raised");
                string answer = await Console(second, "hardware confirm", "restarting with the new hardware settings");
                StringAssert.Contains(answer, "alarm event code=setting_changed detail=\"relays.active_low on -> off by console (confirmed)\"");
                await grower.WaitForAsync(m => m.Topic == Base + "/alarm" && m.Payload.Contains("\"detail\":\"relays.active_low on -> off by console (confirmed)\""), from, what: "the change as an event");
            }

            Assert.IsFalse(BootSettings.Read(new FileSettingsStore(folder)).Flag(BootSettings.Read(new FileSettingsStore(folder)).Require("relays.active_low"), 0),
                "confirmed: the next boot builds the relays active-high");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [TestMethod]
    public async Task ADeadBrokerSentOverMqttEndsWithTheControllerBackOnTheOldOne()
    {
        await using ITestBroker broker = await MosquittoBroker.StartAsync();
        await using TestClient grower = await TestClient.ConnectAsync(broker.Host, broker.Port, "grower", Base + "/#");
        using HostedController controller = Start(broker.Port);
        await grower.WaitForAsync(m => m.Topic == Base + "/status" && m.Payload == "online", what: "online");
        await grower.WaitForAsync(m => m.Topic == Base + "/state", what: "first state");

        // Mosquitto listens on 127.0.0.1 only: nothing answers on 127.0.0.2 (still this machine's loopback).
        int from = grower.Count;
        await grower.PublishAsync(Base + "/config/mqtt.host/set", "127.0.0.2");
        var clock = Stopwatch.StartNew();
        using (JsonDocument ack = JsonDocument.Parse((await WaitAck(grower, Base + "/config/mqtt.host/set", from)).Payload))
        {
            Assert.IsTrue(ack.RootElement.GetProperty("ok").GetBoolean());
            StringAssert.StartsWith(ack.RootElement.GetProperty("note").GetString(), "on trial: kept once the controller is online on the broker with it within 0.2 min");
        }

        await grower.WaitForAsync(m => m.Topic == Base + "/status" && m.Payload == "offline", from, what: "offline on the old broker");
        int left = grower.Count;
        await grower.WaitForAsync(m => m.Topic == Base + "/status" && m.Payload == "online", left, seconds: TrialSeconds + 30, what: "online again on the old broker");
        double back = clock.Elapsed.TotalSeconds;
        Assert.IsTrue(back >= TrialSeconds - 1, "back after " + back + " s: not before the trial ran out");
        Assert.IsTrue(back <= TrialSeconds + 10, "back after " + back + " s: the trial is " + TrialSeconds + " s, reconnecting takes a moment");

        Received failed = await grower.WaitForAsync(m => m.Topic == Base + "/alarm" && m.Payload.Contains("\"code\":\"connection_trial_failed\""), left, what: "the failed trial as an event");
        StringAssert.Contains(failed.Payload, "\"event\":true,\"detail\":\"no broker session within 0.2 min with the new mqtt.host; the last working connection is back\"");
        await grower.WaitForAsync(m => m.Topic == Base + "/alarm" && m.Payload.Contains("\"detail\":\"mqtt.host 127.0.0.1 -> 127.0.0.2 by mqtt\""), from, what: "the change as an event");
        await grower.WaitForAsync(m => m.Topic == Base + "/config/mqtt.host" && m.Payload == "127.0.0.1", left, what: "the old host republished");
        Assert.IsTrue(controller.Controller.Journal.ImportantCount > 0);
        Assert.IsTrue(Enumerable.Range(0, controller.Controller.Journal.ImportantCount).Select(controller.Controller.Journal.GetImportant)
            .Any(l => l.Contains("alarm event code=connection_trial_failed")), "journalled");
    }

    [TestMethod]
    public async Task AGoodNewBrokerPassesTheTrialAndSticks()
    {
        await using ITestBroker oldBroker = await MosquittoBroker.StartAsync();
        await using ITestBroker newBroker = await MosquittoBroker.StartAsync();
        await using TestClient onOld = await TestClient.ConnectAsync(oldBroker.Host, oldBroker.Port, "grower-old", Base + "/#");
        await using TestClient onNew = await TestClient.ConnectAsync(newBroker.Host, newBroker.Port, "grower-new", Base + "/#");
        using HostedController controller = Start(oldBroker.Port);
        await onOld.WaitForAsync(m => m.Topic == Base + "/status" && m.Payload == "online", what: "online on the old broker");

        int from = onOld.Count;
        await onOld.PublishAsync(Base + "/config/mqtt.port/set", newBroker.Port.ToString());
        await WaitAck(onOld, Base + "/config/mqtt.port/set", from);
        await onNew.WaitForAsync(m => m.Topic == Base + "/status" && m.Payload == "online", what: "online on the new broker");
        Received passed = await onNew.WaitForAsync(m => m.Topic == Base + "/alarm" && m.Payload.Contains("\"code\":\"connection_trial_passed\""), what: "trial passed");
        StringAssert.Contains(passed.Payload, "\"detail\":\"online with the new mqtt.port\"");

        // Well past the trial: still on the new broker, never back on the old one.
        int oldCount = onOld.Count;
        await Task.Delay(TimeSpan.FromSeconds(TrialSeconds + 5));
        Assert.IsFalse(onOld.All.Skip(oldCount).Any(m => m.Topic == Base + "/status" && m.Payload == "online"), "no revert to the old broker");
        Assert.IsTrue(controller.Link.IsConnected);
        Assert.IsFalse(controller.Controller.Status.Changes.TrialRunning);
        Assert.AreEqual(newBroker.Port.ToString(), await RetainedValue(newBroker, Base + "/config/mqtt.port"));
    }

    private static async Task<string> RetainedValue(ITestBroker broker, string topic)
    {
        await using var reader = await TestClient.ConnectAsync(broker.Host, broker.Port, "reader-" + Guid.NewGuid().ToString("N")[..8], topic);
        Received r = await reader.WaitForAsync(m => m.Topic == topic, what: "retained " + topic);
        return r.Payload;
    }
}
