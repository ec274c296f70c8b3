using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Tests;

[TestClass]
public sealed class WeatherTests
{
    private const string Header = "minute,outside_temp_c,outside_rh_pct,solar_w_m2,wind_m_s";

    [TestMethod]
    public void Csv_InterpolatesLinearly_AndHoldsTheLastRow()
    {
        var w = CsvWeather.Parse(Header + "\n0,10,90,0,1\n60,20,70,600,3\n", "w.csv");
        var mid = w.At(30 * 60);
        Assert.AreEqual(15.0, mid.OutsideTempC, 1e-9);
        Assert.AreEqual(80.0, mid.OutsideRhPct, 1e-9);
        Assert.AreEqual(300.0, mid.SolarWm2, 1e-9);
        Assert.AreEqual(2.0, mid.WindMs, 1e-9);
        Assert.AreEqual(10.0, w.At(0).OutsideTempC, 1e-9);
        Assert.AreEqual(20.0, w.At(3600).OutsideTempC, 1e-9);
        Assert.AreEqual(20.0, w.At(10 * 86400).OutsideTempC, 1e-9, "the last row holds after the end");
    }

    [TestMethod]
    public void Csv_AcceptsCrLfAndBom()
    {
        var w = CsvWeather.Parse("\uFEFF" + Header + "\r\n0,10,90,0,1\r\n", "w.csv");
        Assert.AreEqual(1, w.RowCount);
    }

    [TestMethod]
    [DataRow("", "empty")]
    [DataRow("minute,temp,rh,solar,wind\n0,1,2,3,4", "expected exactly")]
    [DataRow(Header, "no data rows")]
    [DataRow(Header + "\n5,10,90,0,1", "minute 0")]
    [DataRow(Header + "\n0,10,90,0", "expected 5 values")]
    [DataRow(Header + "\n0,10,90,0,1\n0,11,90,0,1", "does not increase")]
    [DataRow(Header + "\n0,ten,90,0,1", "outside_temp_c 'ten' is not a number")]
    [DataRow(Header + "\n0,10,120,0,1", "outside_rh_pct")]
    [DataRow(Header + "\n0,10,90,-5,1", "solar_w_m2")]
    [DataRow(Header + "\n0,10,90,0,-1", "wind_m_s")]
    public void Csv_BadFiles_GiveClearErrors(string text, string expected)
    {
        var e = Assert.ThrowsExactly<WeatherFormatException>(() => CsvWeather.Parse(text, "w.csv"));
        StringAssert.Contains(e.Message, expected);
        StringAssert.Contains(e.Message, "w.csv");
    }

    [TestMethod]
    public void Csv_MissingFile_SaysSo()
    {
        var e = Assert.ThrowsExactly<WeatherFormatException>(() => CsvWeather.Load("/nonexistent/weather.csv"));
        StringAssert.Contains(e.Message, "does not exist");
    }

    [TestMethod]
    public void Scenarios_MatchTheirClimateFacts()
    {
        foreach (var s in Scenarios.All)
        {
            var w = new ScenarioWeather(s, 0);
            double min = double.MaxValue, max = double.MinValue, sum = 0, dawnRh = 0, afternoonRh = 0, noonSun = 0, midnightSun = 0;
            for (int m = 0; m < 1440; m++)
            {
                var x = w.At(m * 60);
                min = Math.Min(min, x.OutsideTempC);
                max = Math.Max(max, x.OutsideTempC);
                sum += x.OutsideTempC;
                Assert.IsTrue(x.OutsideRhPct is >= 0 and <= 100);
                if (m == Scenario.MinTempMinute) dawnRh = x.OutsideRhPct;
                if (m == Scenario.MaxTempMinute) afternoonRh = x.OutsideRhPct;
                if (m == 12 * 60) noonSun = x.SolarWm2;
                if (m == 0) midnightSun = x.SolarWm2;
            }

            Assert.AreEqual(s.MinTempC, min, 0.05, s.Name);
            Assert.AreEqual(s.MaxTempC, max, 0.05, s.Name);
            Assert.AreEqual(s.MeanTempC, sum / 1440, 1.5, s.Name + " daily mean");
            Assert.AreEqual(s.DawnRhPct, dawnRh, 0.5, s.Name);
            Assert.AreEqual(s.AfternoonRhPct, afternoonRh, 0.5, s.Name);
            Assert.AreEqual(0.0, midnightSun, s.Name);
            Assert.IsGreaterThan(0.0, noonSun, s.Name);
        }

        Assert.AreEqual(19.2, Scenarios.TypicalJune.MeanTempC);
        Assert.AreEqual(35.0, Scenarios.HeatWave.MaxTempC, 0.01);
        Assert.IsLessThan(Scenarios.TypicalJune.PeakSolarWm2, Scenarios.Rainy.PeakSolarWm2);
        Assert.IsGreaterThan(Scenarios.TypicalJune.AfternoonRhPct, Scenarios.Rainy.AfternoonRhPct);
    }

    [TestMethod]
    public void Scenario_RepeatsDays_AndVariesOnlyWhenAsked()
    {
        var same = new ScenarioWeather(Scenarios.TypicalJune, 0);
        Assert.AreEqual(same.At(3600 * 13).OutsideTempC, same.At(86400 * 3 + 3600 * 13).OutsideTempC, 1e-9);

        var varied = new ScenarioWeather(Scenarios.TypicalJune, 0, vary: true, seed: 5);
        var again = new ScenarioWeather(Scenarios.TypicalJune, 0, vary: true, seed: 5);
        Assert.AreEqual(same.At(3600 * 13).OutsideTempC, varied.At(3600 * 13).OutsideTempC, 1e-9, "day one is the scenario itself");
        Assert.AreNotEqual(varied.At(3600 * 13).OutsideTempC, varied.At(86400 + 3600 * 13).OutsideTempC);
        Assert.AreEqual(varied.At(86400 * 2 + 3600 * 13).OutsideTempC, again.At(86400 * 2 + 3600 * 13).OutsideTempC, 1e-12);
        // Continuous over midnight even with variation.
        Assert.AreEqual(varied.At(86400 - 1).OutsideTempC, varied.At(86400).OutsideTempC, 0.01);
    }

    [TestMethod]
    public void Scenario_StartTimeShiftsTheDay()
    {
        var fromMidnight = new ScenarioWeather(Scenarios.HotJuly, 0);
        var fromSix = new ScenarioWeather(Scenarios.HotJuly, 6 * 3600);
        Assert.AreEqual(fromMidnight.At(6 * 3600).OutsideTempC, fromSix.At(0).OutsideTempC, 1e-9);
    }

    [TestMethod]
    public void DaySequence_FollowsEachDay_AndJoinsDaysWithoutAJumpAtMidnight()
    {
        var days = new[] { Scenarios.CoolSpring, Scenarios.HeatWave, Scenarios.Rainy };
        var w = new DaySequenceWeather("seq", d => days[Math.Clamp(d, 0, 2)]);
        Assert.AreEqual(Scenarios.CoolSpring.MinTempC, w.At(Scenario.MinTempMinute * 60).OutsideTempC, 1e-9);
        Assert.AreEqual(Scenarios.HeatWave.MaxTempC, w.At(86400 + Scenario.MaxTempMinute * 60).OutsideTempC, 1e-9);
        Assert.AreEqual(Scenarios.Rainy.MinTempC, w.At(2 * 86400 + Scenario.MinTempMinute * 60).OutsideTempC, 1e-9);
        Assert.AreEqual(Scenarios.HeatWave.AfternoonRhPct, w.At(86400 + Scenario.MaxTempMinute * 60).OutsideRhPct, 1e-9);
        for (int d = 1; d <= 2; d++)
        {
            var before = w.At(d * 86400 - 1);
            var after = w.At(d * 86400);
            Assert.AreEqual(before.OutsideTempC, after.OutsideTempC, 0.01, "temperature over midnight " + d);
            Assert.AreEqual(before.OutsideRhPct, after.OutsideRhPct, 0.01, "RH over midnight " + d);
        }

        // A sequence of one repeated day is the built-in day.
        var june = new DaySequenceWeather("june", _ => Scenarios.TypicalJune);
        var builtIn = new ScenarioWeather(Scenarios.TypicalJune, 0);
        for (int s = 0; s < 2 * 86400; s += 997)
        {
            Assert.AreEqual(builtIn.At(s), june.At(s), "second " + s);
        }
    }

    [TestMethod]
    public void HeldOut_IsReproducible_DiffersBySeed_AndIsNoBuiltInDay()
    {
        var a = HeldOutWeather.Create(7);
        var b = HeldOutWeather.Create(7);
        var other = HeldOutWeather.Create(8);
        for (int s = 0; s < 7 * 86400; s += 3599)
        {
            Assert.AreEqual(a.At(s), b.At(s));
        }

        Assert.AreNotEqual(a.Day(0).Description, other.Day(0).Description);
        Assert.AreEqual(a.Day(14).Description, HeldOutWeather.Create(7, firstDay: 14).Day(0).Description, "--weather-day K starts at day K");
        Assert.AreEqual(a.Day(0), a.Day(-1), "the spin-up repeats the first day");

        var means = new List<double>();
        for (int seed = 1; seed <= 20; seed++)
        {
            for (int day = 0; day < 28; day += 7)
            {
                var d = HeldOutWeather.Day(seed, day);
                Assert.IsFalse(Scenarios.All.Any(s => s.MeanTempC == d.MeanTempC && s.RangeC == d.RangeC), d.Description);
                Assert.IsLessThanOrEqualTo(37.0, d.MaxTempC + 1e-9, "no day above the extreme highs (S97)");
                Assert.IsTrue(d.DawnRhPct >= d.AfternoonRhPct, d.Description);
                means.Add(d.MeanTempC);
            }
        }

        Assert.IsGreaterThan(10.0, means.Max() - means.Min(), "the held-out days span the season");
        // A week of one seed is one month.
        string month = a.Day(0).Description[..3];
        Assert.IsTrue(Enumerable.Range(0, 7).All(d => a.Day(d).Description.StartsWith(month)), "days 0-6 share a month");
    }

    [TestMethod]
    public void Week_StringsTheBuiltInDays()
    {
        var week = Weeks.Find("june-week")!;
        Assert.AreEqual(7, week.Days.Length);
        var w = week.Weather();
        for (int d = 0; d < 7; d++)
        {
            Assert.AreEqual(week.Days[d].MaxTempC, w.At(d * 86400 + Scenario.MaxTempMinute * 60).OutsideTempC, 1e-9);
        }
    }

    [TestMethod]
    public void WeatherCommand_WritesACsvThatRunReadsForSevenDays()
    {
        string dir = Path.Combine(Path.GetTempPath(), "gh-weather-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string csv = Path.Combine(dir, "week.csv");
            var output = new StringWriter();
            Assert.AreEqual(0, Cli.CliApp.Invoke(new[] { "weather", "--weather-seed", "3", "--days", "7", "--out", csv }, output, new StringWriter(), progress: false));
            StringAssert.Contains(output.ToString(), "day 7:");
            var file = CsvWeather.Load(csv);
            Assert.AreEqual(7 * 1440 + 1, file.RowCount);
            var generated = HeldOutWeather.Create(3);
            Assert.AreEqual(generated.At(3 * 86400 + 777 * 60).OutsideTempC, file.At(3 * 86400 + 777 * 60).OutsideTempC, 0.006);

            string metrics = Path.Combine(dir, "m.json");
            var error = new StringWriter();
            int code = Cli.CliApp.Invoke(new[] { "run", "--controller", "timer", "--weather", csv, "--days", "7", "--broker", "none", "--metrics", metrics },
                new StringWriter(), error, progress: false);
            Assert.AreEqual(0, code, error.ToString());
            var total = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(metrics))!["total"]!;
            Assert.AreEqual(7 * 24.0, (double)total["sim_hours"]!, 1e-9);
            Assert.AreEqual(7 * 8L, (long)total["valve_cycles"]!, "the timer ran its program on each of the seven days");

            // The held-out weather runs directly too, and names itself.
            code = Cli.CliApp.Invoke(new[] { "run", "--controller", "timer", "--weather-seed", "3", "--weather-day", "7", "--broker", "none", "--metrics", metrics },
                new StringWriter(), error, progress: false);
            Assert.AreEqual(0, code, error.ToString());
            Assert.AreEqual("held-out-3-7", (string?)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(metrics))!["weather"]);
            Assert.AreEqual(1, Cli.CliApp.Invoke(new[] { "run", "--weather-seed", "3", "--scenario", "rainy" }, new StringWriter(), new StringWriter(), progress: false));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
