using Greenhouse.Host;

namespace Greenhouse.EndToEnd.Tests;

/// <summary>
/// The broker's side: the Mosquitto example of docs/broker/ (its greenhouse.acl as acl_file, a password_file with one
/// account per device, grower, village and administrator) on a real Mosquitto, with two real controllers of one
/// village logging in with their device accounts. One grower cannot read the other's house nor command it; a device
/// account can publish only under its own base; the village account reaches every house of its village and no other.
/// Negative checks are closed by a sentinel: a message the same client may send, published after the refused one and
/// seen by the administrator, so a refused message that had been delivered would have arrived before it.
/// </summary>
[TestClass]
public sealed class BrokerAclTests
{
    private const string Village = "greenhouse/xiaoshan-03";
    private const string WangHouse = Village + "/gh-a1b2c3";
    private const string LiHouse = Village + "/gh-d4e5f6";

    private static readonly (string User, string Password)[] Accounts =
    {
        ("gh-a1b2c3", "dev-a-9x7Qw"), ("gh-d4e5f6", "dev-d-4Lm2s"), ("grower-wang", "wang-8Hc3v"), ("grower-li", "li-2Rt6y"),
        ("village-xiaoshan-03", "village-5Nb8q"), ("county-admin", "admin-7Kd1z"),
    };

    private static string Password(string user) => Accounts.First(a => a.User == user).Password;

    private static string AclFile()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "global.json")))
        {
            dir = dir.Parent;
        }

        Assert.IsNotNull(dir, "repository root (global.json) not found");
        return Path.Combine(dir.FullName, "docs", "broker", "greenhouse.acl");
    }

    private static HostedController Device(ITestBroker broker, string mac, string user)
    {
        var controller = new HostedController(mac, null);
        controller.Configure("mqtt.host", broker.Host).Configure("mqtt.port", broker.Port.ToString()).Configure("mqtt.prefix", Village)
            .Configure("mqtt.user", user).Configure("mqtt.password", Password(user));
        controller.Start();
        return controller;
    }

    private static Task<TestClient> Login(ITestBroker broker, string user, string clientId, params string[] filters) =>
        TestClient.ConnectAsync(broker.Host, broker.Port, clientId, user, Password(user), filters);

    /// <summary>Publishes the refused message, then the sentinel; once the admin sees the sentinel, the refused one must not be there.</summary>
    private static async Task AssertNotDelivered(TestClient sender, TestClient admin, string topic, string payload, string sentinelTopic)
    {
        int from = admin.Count;
        await sender.PublishAsync(topic, payload);
        string mark = "sentinel-" + Guid.NewGuid().ToString("N")[..8];
        await sender.PublishAsync(sentinelTopic, mark);
        await admin.WaitForAsync(m => m.Topic == sentinelTopic && m.Payload == mark, from, what: "sentinel on " + sentinelTopic);
        Assert.IsFalse(admin.All.Skip(from).Any(m => m.Topic == topic && m.Payload == payload), topic + " must have been refused by the broker");
    }

    [TestMethod]
    public async Task GrowersAndDevicesStayInsideTheirOwnHouses()
    {
        await using ITestBroker broker = await MosquittoBroker.StartWithAclAsync(Accounts, AclFile());
        await using TestClient admin = await Login(broker, "county-admin", "admin", "greenhouse/#");
        using HostedController wangDevice = Device(broker, "A4:CF:12:A1:B2:C3", "gh-a1b2c3");
        using HostedController liDevice = Device(broker, "A4:CF:12:D4:E5:F6", "gh-d4e5f6");
        await admin.WaitForAsync(m => m.Topic == WangHouse + "/status" && m.Payload == "online", what: "Wang's house online");
        await admin.WaitForAsync(m => m.Topic == LiHouse + "/state", what: "Li's house state");
        await admin.WaitForAsync(m => m.Topic == WangHouse + "/state", what: "Wang's house state");

        // Each controller's own "online" came back to it: the ACL lets a device read its own status (its trial's proof).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(wangDevice.Controller.Mqtt.OnlineWithCurrentSettings && liDevice.Controller.Mqtt.OnlineWithCurrentSettings) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.IsTrue(wangDevice.Controller.Mqtt.OnlineWithCurrentSettings && liDevice.Controller.Mqtt.OnlineWithCurrentSettings);

        // A grower reads his own house, and nothing of his neighbour's, however wide he subscribes: Mosquitto 2.0 grants
        // the subscription and checks read access on every message it would deliver (retained ones included).
        await using TestClient wang = await Login(broker, "grower-wang", "wang-phone", WangHouse + "/#", LiHouse + "/#", Village + "/#", "greenhouse/#");
        await wang.WaitForAsync(m => m.Topic == WangHouse + "/state", what: "Wang reads his own state");

        // Li changes his own target: his controller applies it; Wang's client, subscribed as far as he may, sees none of it.
        await using TestClient li = await Login(broker, "grower-li", "li-phone", LiHouse + "/#");
        int wangFrom = wang.Count;
        int liFrom = li.Count;
        await li.PublishAsync(LiHouse + "/zone/1/target_rh/set", "88");
        await li.WaitForAsync(m => m.Topic == LiHouse + "/ack" && m.Payload.Contains("\"ok\":true"), liFrom, what: "Li's ack");
        await li.WaitForAsync(m => m.Topic == LiHouse + "/zone/1/target_rh" && m.Payload == "88", liFrom, what: "Li's new target");
        await Task.Delay(500);
        Assert.IsFalse(wang.All.Skip(wangFrom).Any(m => m.Topic.StartsWith(LiHouse + "/", StringComparison.Ordinal)), "Wang must not read Li's house");
        Assert.IsFalse(wang.All.Any(m => m.Topic.StartsWith(LiHouse + "/", StringComparison.Ordinal)), "not even retained values");

        // Wang cannot command Li's house (the broker drops it: no ack, target unchanged); his own house, yes.
        await AssertNotDelivered(wang, admin, LiHouse + "/zone/1/target_rh/set", "95", WangHouse + "/zone/1/target_rh/set");
        await AssertNotDelivered(wang, admin, LiHouse + "/config/mqtt.host/set", "127.0.0.2", WangHouse + "/zone/1/band/set");
        await Task.Delay(1000);
        int target = liDevice.Controller.Status.Settings.Require("target_rh");
        Assert.AreEqual(88.0, liDevice.Controller.Status.Settings.Number(target, 1), "Li's target untouched by Wang");
        Assert.AreEqual("127.0.0.1", liDevice.Controller.Status.Settings.Text(liDevice.Controller.Status.Settings.Require("mqtt.host"), 0));
        Assert.IsFalse(admin.All.Any(m => m.Topic == LiHouse + "/ack" && m.Payload.Contains("target_rh/set") && m.Payload.Contains("95")));

        // A device account publishes only under its own base: not as its neighbour (state, commands, Home Assistant
        // discovery), not under another village with its own id.
        await using TestClient probe = await Login(broker, "gh-a1b2c3", "gh-a1b2c3-probe");
        string own = WangHouse + "/probe";
        await AssertNotDelivered(probe, admin, LiHouse + "/state", "{\"forged\":true}", own);
        await AssertNotDelivered(probe, admin, LiHouse + "/zone/1/target_rh/set", "70", own);
        await AssertNotDelivered(probe, admin, "greenhouse/other-village/gh-a1b2c3/state", "{\"elsewhere\":true}", own);
        await using TestClient discovery = await Login(broker, "village-xiaoshan-03", "village-ha", "homeassistant/#");
        await AssertNotDelivered(probe, discovery, "homeassistant/sensor/gh-d4e5f6/s1_temperature/config", "{\"forged\":true}",
            "homeassistant/sensor/gh-a1b2c3/probe/config");
        Assert.AreEqual(88.0, liDevice.Controller.Status.Settings.Number(target, 1), "Li's target untouched by Wang's device account");

        // The village operator reaches every house of the village, and nothing of another village.
        await using TestClient village = await Login(broker, "village-xiaoshan-03", "village-pc", Village + "/#");
        int liAcks = admin.Count;
        await village.PublishAsync(LiHouse + "/zone/1/target_rh/set", "91");
        await admin.WaitForAsync(m => m.Topic == LiHouse + "/ack" && m.Payload.Contains("\"ok\":true,\"value\":\"91\""), liAcks, what: "the village's command applied");
        await AssertNotDelivered(village, admin, "greenhouse/other-village/gh-000001/zone/1/target_rh/set", "60", LiHouse + "/zone/1/band/set");
        await village.SubscribeAsync("greenhouse/#");
        await using TestClient elsewhere = await Login(broker, "county-admin", "other-village-device");
        await elsewhere.PublishAsync("greenhouse/other-village/gh-000001/state", "{\"other\":true}", retain: true);
        string mark = "sentinel-" + Guid.NewGuid().ToString("N")[..8];
        await elsewhere.PublishAsync(LiHouse + "/probe", mark);
        await village.WaitForAsync(m => m.Topic == LiHouse + "/probe" && m.Payload == mark, what: "sentinel in the village");
        Assert.IsFalse(village.All.Any(m => m.Topic.StartsWith("greenhouse/other-village/", StringComparison.Ordinal)), "the village account reads only its village");
        await elsewhere.PublishAsync("greenhouse/other-village/gh-000001/state", Array.Empty<byte>(), retain: true);
    }
}
