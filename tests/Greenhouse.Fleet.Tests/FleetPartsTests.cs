using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Greenhouse.Fleet.Tests;

[TestClass]
public sealed class FleetPartsTests
{
    [TestMethod]
    public void ParsesBrokerHostAndPort()
    {
        Assert.AreEqual(("127.0.0.1", 1884), FleetOptions.ParseBroker("127.0.0.1:1884"));
        Assert.AreEqual(("localhost", 1883), FleetOptions.ParseBroker("localhost"));
        Assert.ThrowsExactly<ArgumentException>(() => FleetOptions.ParseBroker("host:0"));
        Assert.ThrowsExactly<ArgumentException>(() => FleetOptions.ParseBroker("host:70000"));
        Assert.ThrowsExactly<ArgumentException>(() => FleetOptions.ParseBroker(":1883"));
        Assert.ThrowsExactly<ArgumentException>(() => FleetOptions.ParseBroker("host:abc"));
    }

    [TestMethod]
    public void ConnectsOnlyOnLoopback()
    {
        Assert.IsTrue(FleetOptions.IsLoopback("127.0.0.1"));
        Assert.IsTrue(FleetOptions.IsLoopback("127.45.6.7"));
        Assert.IsTrue(FleetOptions.IsLoopback("localhost"));
        Assert.IsTrue(FleetOptions.IsLoopback("::1"));
        Assert.IsFalse(FleetOptions.IsLoopback("10.0.0.1"));
        Assert.IsFalse(FleetOptions.IsLoopback("192.168.1.10"));
        Assert.IsFalse(FleetOptions.IsLoopback("broker.example.org"));
        var options = new FleetOptions { BrokerHost = "192.168.1.10" };
        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(options.Validate).Message, "loopback");
    }

    [TestMethod]
    public void RefusesUnboundedOrUnusableRuns()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { Devices = 0 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { Devices = FleetOptions.MaxDevices + 1 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { Minutes = 0 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { Minutes = FleetOptions.MaxMinutes + 1 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { Processes = FleetOptions.MaxProcesses + 1 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { TelemetrySeconds = 5 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { InvalidCommandFraction = 1.5 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { StartTime = "25:00" }.Validate());
        // A restart needs the private broker, and a minute inside the run.
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { Minutes = 2, RestartAtMinutes = 1 }.Validate());
        Assert.ThrowsExactly<ArgumentException>(() => new FleetOptions { Minutes = 2, OwnBroker = true, RestartAtMinutes = 2 }.Validate());
        new FleetOptions { Minutes = 2, OwnBroker = true, RestartAtMinutes = 1, BrokerHost = "ignored.example" }.Validate();
        new FleetOptions().Validate();
    }

    [TestMethod]
    public void OneGeneratorProcessPerFiveThousandDevicesUnlessTold()
    {
        Assert.AreEqual(1, new FleetOptions { Devices = 20 }.EffectiveProcesses);
        Assert.AreEqual(4, new FleetOptions { Devices = 20_000 }.EffectiveProcesses);
        Assert.AreEqual(5, new FleetOptions { Devices = 20_001 }.EffectiveProcesses);
        Assert.AreEqual(0, new FleetOptions { Devices = 20_000, Processes = 0 }.EffectiveProcesses);
    }

    [TestMethod]
    public void LatencyPercentilesSurviveEncodingAndMerge()
    {
        var a = new Latency();
        var b = new Latency();
        for (int i = 1; i <= 100; i++)
        {
            (i % 2 == 0 ? a : b).Record(i);
        }

        Latency merged = Latency.Decode(a.Encode());
        merged.Add(Latency.Decode(b.Encode()));
        Assert.AreEqual(100, merged.Count);
        Assert.AreEqual(50.0, merged.Percentile(50).Value, 0.1);
        Assert.AreEqual(99.0, merged.Percentile(99).Value, 0.1);
        Assert.AreEqual(100.0, merged.Max.Value, 0.1);
        Assert.IsNull(new Latency().Percentile(50));
        // A full generator process's worth: 20,000 ticks a second for ten minutes, spread over 0..1.6 s.
        var big = new Latency();
        var random = new Random(1);
        for (int i = 0; i < 2_000_000; i++)
        {
            big.Record(random.NextDouble() * random.NextDouble() * 1600);
        }

        Latency copy = Latency.Decode(big.Encode());
        Assert.AreEqual(big.Count, copy.Count);
        Assert.AreEqual(big.Percentile(99).Value, copy.Percentile(99).Value);
        Assert.AreEqual(0, Latency.Decode(new Latency().Encode()).Count);
    }

    [TestMethod]
    public void LateAcksAreLostAndNeverTakenForANewerCommand()
    {
        double now = 0;
        var book = new CommandBook(2, TimeSpan.FromSeconds(10), () => now);
        const string topic = "fleet/dev-00000/zone/1/target_rh/set";
        Assert.IsTrue(book.TryBegin(0, topic, expectOk: true, FleetPhase.Steady));
        Assert.IsFalse(book.TryBegin(0, topic, expectOk: true, FleetPhase.Steady), "one open command per device");
        now = 10_001;
        book.Sweep();
        Assert.AreEqual(1, book.Lost);
        Assert.IsTrue(book.IsBusy(0), "the device stays reserved until the late ack comes");
        Assert.IsFalse(book.TryBegin(0, topic, expectOk: false, FleetPhase.Steady));
        now = 12_000;
        book.OnAck(Ack(topic, ok: true));
        Assert.AreEqual(0, book.Acks, "a late ack is not an answer");
        Assert.AreEqual(1, book.LateAcks);
        Assert.AreEqual(12_000.0, book.LateLatency().Max.Value, 12.0, "3 significant digits");
        Assert.IsFalse(book.IsBusy(0));
        Assert.IsTrue(book.TryBegin(0, topic, expectOk: false, FleetPhase.Steady));
        now = 12_400;
        book.OnAck(Ack(topic, ok: true));
        Assert.AreEqual(1, book.Acks);
        Assert.AreEqual(1, book.Mismatches, "an invalid command acknowledged as ok");
        Assert.AreEqual(400.0, book.LatencyOf(FleetPhase.Steady).Max.Value, 0.4, "3 significant digits");
        book.OnAck(Ack(topic, ok: false));
        Assert.AreEqual(1, book.Unmatched, "a duplicate ack matches nothing");
    }

    [TestMethod]
    public void CommandsOpenWhenTheBrokerStopsAreCutByTheRestartNotLost()
    {
        double now = 0;
        var book = new CommandBook(3, TimeSpan.FromSeconds(10), () => now);
        book.TryBegin(0, "fleet/dev-00000/zone/1/band/set", true, FleetPhase.Steady);
        book.TryBegin(1, "fleet/dev-00001/zone/1/band/set", true, FleetPhase.Steady);
        book.MarkOpenAsCutByRestart();
        book.TryBegin(2, "fleet/dev-00002/zone/1/band/set", true, FleetPhase.Storm);
        now = 500;
        book.OnAck(Ack("fleet/dev-00001/zone/1/band/set", true));
        now = 20_000;
        book.Sweep();
        Assert.AreEqual(1, book.CutByRestart, "open at the stop, never answered");
        Assert.AreEqual(1, book.Lost, "sent after the stop, never answered");
        Assert.AreEqual(1, book.Acks, "answered although open at the stop");
        Assert.AreEqual(1, book.LostIn(FleetPhase.Storm));
        Assert.AreEqual(0, book.LostIn(FleetPhase.Steady));
    }

    [TestMethod]
    public void SaturationNamesTheSideThatRanOutOfCpu()
    {
        var idle = new HostReport { MachineBusyP90Percent = 40, BrokerCpu5sMaxPercent = 10 };
        var calm = new ProbeReport { WallS = 10, CpuS = 2, PoolQueueP99 = 1, PoolDelayP99Ms = 1, WakeLateP99Ms = 2 };
        SaturationReport none = Saturation.Judge(new LatencySummary { P99Ms = 5 }, new[] { calm }, calm, idle);
        Assert.AreEqual("none", Saturation.Sides(none));
        Assert.AreEqual("broker", Saturation.FiguresMeasure(none));

        SaturationReport late = Saturation.Judge(new LatencySummary { P99Ms = 150 }, new[] { calm }, calm, idle);
        Assert.AreEqual("generator", Saturation.FiguresMeasure(late));
        StringAssert.Contains(late.Reasons.Single(), "ticks late");

        var paused = new ProbeReport { WallS = 10, GcPauseMs = 1000 };
        Assert.IsTrue(Saturation.Judge(null, new[] { paused }, calm, idle).Generator, "10 % of the time in GC pauses");
        var queued = new ProbeReport { WallS = 10, PoolQueueP99 = 5000, PoolDelayP99Ms = 400 };
        Assert.IsTrue(Saturation.Judge(null, Array.Empty<ProbeReport>(), queued, idle).Generator, "back office thread pool queued");

        SaturationReport broker = Saturation.Judge(new LatencySummary { P99Ms = 5 }, new[] { calm }, calm, new HostReport { MachineBusyP90Percent = 60, BrokerCpu5sMaxPercent = 97 });
        Assert.AreEqual("broker", Saturation.Sides(broker));
        Assert.AreEqual("broker", Saturation.FiguresMeasure(broker));

        SaturationReport machine = Saturation.Judge(new LatencySummary { P99Ms = 5 }, new[] { calm }, calm, new HostReport { MachineBusyP90Percent = 100, OthersCpuMeanPercent = 150 });
        Assert.AreEqual("machine", Saturation.FiguresMeasure(machine));
        StringAssert.Contains(machine.Reasons.Single(), "others used 150");
    }

    [TestMethod]
    public void MetricsJsonStartsWithTheContractKeys()
    {
        var metrics = new FleetMetrics { Devices = 3, MessagesPublished = 10, CommandsSent = 2, Lost = 2 };
        using JsonDocument document = JsonDocument.Parse(metrics.ToJson());
        string[] names = document.RootElement.EnumerateObject().Select(p => p.Name).Take(7).ToArray();
        CollectionAssert.AreEqual(new[] { "devices", "messages_published", "commands_sent", "acks_received", "ack_p50_ms", "ack_p99_ms", "lost" }, names);
        Assert.AreEqual(JsonValueKind.Null, document.RootElement.GetProperty("ack_p50_ms").ValueKind);
        Assert.AreEqual(2, FleetMetrics.FromJson(metrics.ToJson()).Lost);
    }

    private static ReadOnlySequence<byte> Ack(string topic, bool ok) =>
        new(Encoding.UTF8.GetBytes("{\"topic\":\"" + topic + "\",\"ok\":" + (ok ? "true" : "false") + "}"));
}
