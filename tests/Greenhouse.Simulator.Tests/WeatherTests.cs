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
}
