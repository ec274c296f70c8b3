using System.Text;
using Greenhouse.Dashboard.Commands;
using Greenhouse.Dashboard.Data;
using Greenhouse.Dashboard.Houses;
using Greenhouse.Dashboard.Text;
using Greenhouse.Dashboard.Web;

namespace Greenhouse.Dashboard.Tests;

/// <summary>Reading the MQTT contract (docs/mqtt.md), the card, command validation and the bounded history.</summary>
[TestClass]
public class HouseTests
{
    private const string State =
        "{\"time\":\"2026-06-15T05:31:00\",\"uptime_s\":60,\"fw\":\"sim\",\"sensors\":[{\"name\":\"sensor1\",\"temp_c\":18.5,\"rh_pct\":84,\"pressure_hpa\":1005,\"dew_point_c\":15.8,\"vpd_kpa\":0.34,\"health\":\"ok\",\"reason\":\"ok\"}],"
        + "\"zones\":[{\"zone\":1,\"mode\":\"auto\",\"stage\":\"growth\",\"phase\":\"wet\",\"misting\":true,\"target_rh\":90,\"rh_pct\":84,\"reason\":\"mist on: rh 84.0 < 87.0\",\"water_l_today\":12.5EARS}],"
        + "\"pump\":true,\"tank\":true,\"alarms\":[{\"code\":\"lockout_high\",\"zone\":1}]}";

    private static HouseRegistry Registry(string ears)
    {
        var registry = new HouseRegistry("greenhouse");
        registry.Handle("greenhouse/gh-a1b2c3/status", Encoding.UTF8.GetBytes("online"), DateTime.UtcNow);
        registry.Handle("greenhouse/gh-a1b2c3/state", Encoding.UTF8.GetBytes(State.Replace("EARS", ears)), DateTime.UtcNow);
        registry.Handle("greenhouse/gh-a1b2c3/zone/1/target_rh", Encoding.UTF8.GetBytes("91"), DateTime.UtcNow);
        return registry;
    }

    [TestMethod]
    public void EarsWetIsShownWhenReportedAndUnknownWhenAbsent()
    {
        foreach (var (ears, expected, zh, en) in new[]
                 {
                     ("", (bool?)null, "未知", "unknown"),
                     (",\"ears_wet\":true", true, "湿润", "wet"),
                     (",\"ears_wet\":false", false, "干", "dry"),
                     // Not a boolean (a null or a number): not a report, so still unknown rather than a guess.
                     (",\"ears_wet\":null", null, "未知", "unknown"),
                     (",\"ears_wet\":1", null, "未知", "unknown"),
                 })
        {
            House house = Registry(ears).Find("gh-a1b2c3")!;
            Assert.AreEqual(expected, house.Zone(1)!.EarsWet);
            StringAssert.Contains(HouseViews.Card(house, "1号棚", TextTable.For("zh"), DateTime.UtcNow, true), "<dt>耳片</dt><dd>" + zh + "</dd>");
            StringAssert.Contains(HouseViews.Card(house, "1号棚", TextTable.For("en"), DateTime.UtcNow, true), "<dt>Ears</dt><dd>" + en + "</dd>");
        }
    }

    [TestMethod]
    public void TheCardShowsWhatTheDeviceReportedInTheGrowersWords()
    {
        House house = Registry("").Find("gh-a1b2c3")!;
        string html = HouseViews.Card(house, "1号棚<script>", TextTable.For("zh"), DateTime.UtcNow, true);
        StringAssert.Contains(html, "1号棚&lt;script&gt;");
        StringAssert.Contains(html, "84.0<small>%</small>");
        StringAssert.Contains(html, "data-target=\"91\"");          // the retained applied value wins over the state's
        StringAssert.Contains(html, "<dd>18.5 &#176;C</dd>");
        StringAssert.Contains(html, "<dd>0.34 kPa</dd>");
        StringAssert.Contains(html, "<dd>出耳</dd>");
        StringAssert.Contains(html, "<dd>湿期</dd>");
        StringAssert.Contains(html, "<dd>12.5 升</dd>");
        StringAssert.Contains(html, "正在喷：湿度 84.0 % 低于 87.0 %");
        StringAssert.Contains(html, "棚里太热，停止喷水（防止流耳）");
        StringAssert.Contains(html, "需要注意");
    }

    [TestMethod]
    public void TheLastWillTurnsAHouseOfflineAndForeignOrBrokenMessagesAreIgnored()
    {
        HouseRegistry registry = Registry("");
        DateTime seen = registry.Find("gh-a1b2c3")!.LastSeenUtc!.Value;
        registry.Handle("greenhouse/gh-a1b2c3/status", Encoding.UTF8.GetBytes("offline"), DateTime.UtcNow.AddMinutes(5));
        House house = registry.Find("gh-a1b2c3")!;
        Assert.AreEqual(HouseStatus.Offline, house.Status);
        Assert.AreEqual(seen, house.LastSeenUtc);
        StringAssert.Contains(HouseViews.Card(house, "x", TextTable.For("zh"), DateTime.UtcNow, true), "离线");

        registry.Handle("greenhouse/gh-a1b2c3/state", Encoding.UTF8.GetBytes("{not json"), DateTime.UtcNow);
        registry.Handle("greenhouse/gh-x/state", new byte[] { 0xff, 0xfe }, DateTime.UtcNow);
        registry.Handle("other/gh-y/status", Encoding.UTF8.GetBytes("online"), DateTime.UtcNow);
        registry.Handle("greenhouse/gh-z/zone/1/target_rh", Encoding.UTF8.GetBytes("90"), DateTime.UtcNow);
        Assert.AreEqual(1, registry.Discovered.Count, "only houses seen on /status or /state are listed");
        Assert.IsNotNull(registry.Find("gh-a1b2c3")!.State);
        CollectionAssert.DoesNotContain(registry.SubscriptionFilters().Select(f => f.EndsWith("/set")).ToList(), true);
    }

    [TestMethod]
    public void AcksAreMatchedByTopic()
    {
        HouseRegistry registry = Registry("");
        var acks = new List<Ack>();
        registry.AckReceived += acks.Add;
        registry.Handle("greenhouse/gh-a1b2c3/ack",
            Encoding.UTF8.GetBytes("{\"topic\":\"greenhouse/gh-a1b2c3/zone/1/target_rh/set\",\"ok\":false,\"error\":\"target_rh must be 60..98 %\"}"), DateTime.UtcNow);
        Assert.AreEqual(1, acks.Count);
        Assert.AreEqual("greenhouse/gh-a1b2c3/zone/1/target_rh/set", acks[0].Topic);
        Assert.IsFalse(acks[0].Ok);
        Assert.AreEqual("target_rh must be 60..98 %", acks[0].Error);
    }

    [TestMethod]
    public void CommandFieldsAreValidatedAgainstTheControllersCatalogue()
    {
        TextTable t = TextTable.For("zh");
        Assert.IsTrue(CommandValidator.TryValidate("target_rh", " 91.55 ", t, out ValidatedCommand? c, out _));
        Assert.AreEqual("91.6", c!.Payload);
        Assert.IsTrue(CommandValidator.TryValidate("target_rh", "92,0", t, out c, out _));
        Assert.AreEqual("92", c!.Payload);
        Assert.IsTrue(CommandValidator.TryValidate("mist", "300", t, out c, out _));
        Assert.IsTrue(CommandValidator.TryValidate("stage", "pre_harvest", t, out c, out _));
        foreach (var (what, value) in new[]
                 {
                     ("target_rh", "98.1"), ("target_rh", "-90"), ("target_rh", "NaN"), ("target_rh", "Infinity"), ("target_rh", "9e1"), ("target_rh", ""),
                     ("mist", "301"), ("mist", "0"), ("mist", "+5"), ("mist", "１０"), ("stage", "Growth"), ("stage", "出耳"),
                     ("mode", "auto "), ("band", "3"),
                 })
        {
            bool ok = CommandValidator.TryValidate(what, value, t, out _, out string? error);
            Assert.IsFalse(ok && what != "mode", $"{what}={value} passed");
            if (!ok)
            {
                Assert.IsFalse(string.IsNullOrEmpty(error));
            }
        }
    }

    [TestMethod]
    public void HistoryStaysBoundedByAgeAndRowCount()
    {
        string path = Path.Combine(Path.GetTempPath(), "gh-dash-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var db = new Database(path);
            var rows = new List<(string, int, Sample)>();
            for (int i = 0; i < 3000; i++)
            {
                rows.Add(("a", 1, new Sample(1_000_000 + i * 60L, 90, 20, 90, 3, i % 10 == 0)));
                rows.Add(("b", 1, new Sample(2_000_000 + i * 10L, 88, 21, 90, 3, false)));
            }

            db.AddSamples(rows);
            db.PruneHistory(keepHours: 24, maxRowsPerZone: 2000);
            IReadOnlyList<Sample> a = db.Samples("a", 1, 0);
            IReadOnlyList<Sample> b = db.Samples("b", 1, 0);
            Assert.AreEqual(24 * 60 + 1, a.Count, "a: one row a minute, 24 h kept");
            Assert.AreEqual(2000, b.Count, "b: the newest 2000 rows kept");
            Assert.AreEqual(2_000_000 + 2999 * 10L, b[^1].LocalSeconds);
            string chart = Chart.Render(a, a[^1].LocalSeconds, TextTable.For("zh"), "1区");
            StringAssert.Contains(chart, "<polyline class=\"rh\"");
            StringAssert.Contains(chart, "class=\"mist\"");
            StringAssert.Contains(chart, "class=\"band\"");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
