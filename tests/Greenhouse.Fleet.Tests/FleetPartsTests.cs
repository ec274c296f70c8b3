using System.Text.Json;

namespace Greenhouse.Fleet.Tests;

[TestClass]
public sealed class FleetPartsTests
{
    [TestMethod]
    public void ParsesBrokerHostAndPort()
    {
        Assert.AreEqual(("127.0.0.1", 1884), FleetOptions.ParseBroker("127.0.0.1:1884"));
        Assert.AreEqual(("broker.local", 1883), FleetOptions.ParseBroker("broker.local"));
        Assert.ThrowsExactly<ArgumentException>(() => FleetOptions.ParseBroker("host:0"));
        Assert.ThrowsExactly<ArgumentException>(() => FleetOptions.ParseBroker("host:70000"));
        Assert.ThrowsExactly<ArgumentException>(() => FleetOptions.ParseBroker(":1883"));
        Assert.ThrowsExactly<ArgumentException>(() => FleetOptions.ParseBroker("host:abc"));
    }

    [TestMethod]
    public void RefusesUnusableOptions()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { Devices = 0 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { Minutes = 0 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { TelemetrySeconds = 5 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { TimeCompression = 0.5 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { InvalidCommandFraction = 1.5 }.Validate());
        new FleetOptions().Validate();
    }

    [TestMethod]
    public void StateIntervalIsTelemetryOverCompression()
    {
        Assert.AreEqual(5.0, new FleetOptions { TelemetrySeconds = 60, TimeCompression = 12 }.StateIntervalRealSeconds, 1e-12);
    }

    [TestMethod]
    public void NearestRankPercentiles()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)(101 - i)).ToList();
        Assert.AreEqual(50.0, FleetMetrics.Percentile(values, 50));
        Assert.AreEqual(99.0, FleetMetrics.Percentile(values, 99));
        Assert.AreEqual(100.0, FleetMetrics.Percentile(values, 100));
        Assert.AreEqual(7.0, FleetMetrics.Percentile(new List<double> { 7 }, 99));
        Assert.IsNull(FleetMetrics.Percentile(new List<double>(), 50));
    }

    [TestMethod]
    public void JsonHasTheContractKeysFirstAndNullForMissingLatencies()
    {
        var metrics = new FleetMetrics { Devices = 3, MessagesPublished = 10, CommandsSent = 2, AcksReceived = 0, Lost = 2, StateMessagesPerS = 1.23456 };
        using JsonDocument document = JsonDocument.Parse(metrics.ToJson());
        string[] names = document.RootElement.EnumerateObject().Select(p => p.Name).Take(7).ToArray();
        CollectionAssert.AreEqual(new[] { "devices", "messages_published", "commands_sent", "acks_received", "ack_p50_ms", "ack_p99_ms", "lost" }, names);
        Assert.AreEqual(JsonValueKind.Null, document.RootElement.GetProperty("ack_p50_ms").ValueKind);
        Assert.AreEqual(2, document.RootElement.GetProperty("lost").GetInt32());
        Assert.AreEqual(1.235, document.RootElement.GetProperty("state_messages_per_s").GetDouble(), 1e-12);
    }
}
