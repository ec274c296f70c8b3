using System.Diagnostics;
using Greenhouse.App;
using Greenhouse.Host;
using Greenhouse.Ports;

namespace Greenhouse.EndToEnd.Tests;

[TestClass]
public sealed class HostAdapterTests
{
    [TestMethod]
    public void LinkNeverBlocksTheCallerWhenTheBrokerIsMissing()
    {
        var inbox = new Inbox();
        using var link = new MqttNetLink(inbox);
        var options = new MqttConnectOptions
        {
            Host = "127.0.0.1", Port = EmbeddedBroker.FreeTcpPort(), ClientId = "nobody",
            WillTopic = "x/status", WillPayload = "offline", KeepAliveSeconds = 30, CleanSession = true,
        };
        var watch = Stopwatch.StartNew();
        Assert.IsTrue(link.BeginConnect(options));
        Assert.IsFalse(link.Publish("x/y", new byte[] { 1 }, false));
        Assert.IsFalse(link.Subscribe(new[] { "x/#" }));
        Assert.IsTrue(watch.ElapsedMilliseconds < 500, "calls took " + watch.ElapsedMilliseconds + " ms");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (link.LastError == null && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.IsNotNull(link.LastError, "the failed attempt is reported");
        Assert.IsFalse(link.IsConnected);
    }

    [TestMethod]
    public void FileStoreRoundTripsAndRefusesPathsOutsideItsFolder()
    {
        string folder = Directory.CreateTempSubdirectory("gh-store-").FullName;
        try
        {
            ISettingsStore store = new FileSettingsStore(folder);
            Assert.IsFalse(store.TryRead("settings-a.txt", out _));
            Assert.IsTrue(store.Write("settings-a.txt", new byte[] { 1, 2, 3 }));
            Assert.IsTrue(store.Write("settings-a.txt", new byte[] { 4, 5 }));
            Assert.IsTrue(store.TryRead("settings-a.txt", out byte[] content));
            CollectionAssert.AreEqual(new byte[] { 4, 5 }, content);
            Assert.IsFalse(File.Exists(Path.Combine(folder, "settings-a.txt.tmp")));
            Assert.IsFalse(store.Write("../escape.txt", new byte[] { 1 }));
            Assert.IsFalse(store.Write("sub/escape.txt", new byte[] { 1 }));
            Assert.IsTrue(store.Delete("settings-a.txt"));
            Assert.IsFalse(store.TryRead("settings-a.txt", out _));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
