using Greenhouse.Simulator.Cli;
using Greenhouse.Simulator.Physics;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Tests;

/// <summary>House files (<c>--house</c>) and copies of the house model.</summary>
[TestClass]
public sealed class HouseFileTests
{
    private static string ExamplesDir => Path.Combine(AppContext.BaseDirectory, "examples", "houses");

    [TestMethod]
    public void Keys_AreExactlyThePublicSettablePropertiesOfHouseParameters()
    {
        // The key names are a public contract: a property added, renamed or removed must show up here.
        var properties = HouseFile.SettableProperties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var keys = HouseFile.Keys.Keys.OrderBy(n => n, StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(properties, keys);
        foreach (string key in new[] { "LeakAchCalm", "LeakAchPerWindMs", "MistFlightEvaporationMax", "MistToFloorFraction", "FilmCapacityMm",
                     "FilmMassTransferMs", "WetSurfacePerFloor", "NozzleFlowLh", "SolarTransmission" })
        {
            Assert.IsTrue(HouseFile.Keys.ContainsKey(key), key);
        }
    }

    [TestMethod]
    public void Defaults_AreInsideTheirRanges_AndTheTemplateReadsBack()
    {
        var defaults = new HouseParameters();
        string template = HouseFile.Format(defaults);
        var back = HouseFile.Parse(template, "template");
        foreach (var p in HouseFile.SettableProperties())
        {
            Assert.AreEqual(p.GetValue(defaults), p.GetValue(back), p.Name);
            double v = Convert.ToDouble(p.GetValue(defaults));
            var r = HouseFile.Keys[p.Name];
            Assert.IsTrue(v >= r.Min && v <= r.Max, $"{p.Name} default {v} outside {r.Min}..{r.Max}");
        }
    }

    [TestMethod]
    public void Parse_SetsTheKeys_IgnoresCommentsAndBlankLines_AndKeepsTheRest()
    {
        var h = HouseFile.Parse("# a leaky shed\n\n LeakAchCalm = 2.5 \nNozzleLines=3\r\n# end\n", "shed.house");
        Assert.AreEqual(2.5, h.LeakAchCalm);
        Assert.AreEqual(3, h.NozzleLines);
        Assert.AreEqual(new HouseParameters().FilmCapacityMm, h.FilmCapacityMm);
        Assert.AreEqual(3 * 33 * 30 / 3600.0, h.MistFlowKgS, 1e-12);
    }

    [TestMethod]
    [DataRow("LeakAchCalm=1\nLeakyness=2", "line 2: unknown key 'Leakyness'")]
    [DataRow("# c\nLeakAchCalm=lots", "line 2: LeakAchCalm 'lots' is not a number")]
    [DataRow("\n\nSolarTransmission=1.5", "line 3: SolarTransmission 1.5 is out of range 0..1")]
    [DataRow("NozzleLines=2.5", "line 1: NozzleLines '2.5' must be a whole number")]
    [DataRow("FilmCapacityMm=0.1\nFilmCapacityMm=0.2", "line 2: FilmCapacityMm is already set on line 1")]
    [DataRow("LeakAchCalm 2", "line 1: 'LeakAchCalm 2' is not key=value")]
    [DataRow("VolumeM3=100", "unknown key 'VolumeM3'")]
    [DataRow("LeakAchCalm=NaN", "is not a number")]
    public void Parse_RefusesBadLinesWithTheirLineNumber(string text, string expected)
    {
        var e = Assert.ThrowsExactly<HouseFileException>(() => HouseFile.Parse(text, "h.house"));
        StringAssert.Contains(e.Message, "h.house, " + (expected.StartsWith("line") ? expected : ""));
        StringAssert.Contains(e.Message, expected);
    }

    [TestMethod]
    public void EveryExampleHouse_LoadsAndSaysWhatItVaries()
    {
        string[] files = Directory.GetFiles(ExamplesDir, "*.house");
        Assert.IsGreaterThanOrEqualTo(6, files.Length, "the default and variants spanning the UNCONFIRMED calibrations");
        foreach (string file in files)
        {
            var house = HouseFile.Load(file);
            string text = File.ReadAllText(file);
            Assert.IsTrue(text.TrimStart().StartsWith('#'), file + " starts with its explanation");
            if (Path.GetFileName(file) != "default.house")
            {
                StringAssert.Contains(text, "Varies:", file);
                StringAssert.Contains(text, "wood-ear-domain.md", file);
                Assert.IsTrue(text.Contains("UNCONFIRMED") || text.Contains("CALIBRATION GUESS"), file + " names the unconfirmed fact");
                Assert.IsTrue(HouseFile.SettableProperties().Any(p => !Equals(p.GetValue(house), p.GetValue(new HouseParameters()))), file + " changes something");
            }
        }
    }

    [TestMethod]
    public void Run_WithAHouseFile_UsesIt_AndRefusesABadOneWithExitCode2()
    {
        string dir = Path.Combine(Path.GetTempPath(), "gh-house-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string coarse = Path.Combine(ExamplesDir, "coarse-spray.house");
            var output = new StringWriter();
            var error = new StringWriter();
            int code = CliApp.Invoke(new[] { "run", "--controller", "timer", "--house", coarse, "--broker", "none", "--metrics", Path.Combine(dir, "m.json") },
                output, error, progress: false);
            Assert.AreEqual(0, code, error.ToString());
            var total = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "m.json")))!["total"]!;
            // The timer mists 48 min a day; the coarse house sprays 66 L/min.
            Assert.AreEqual(48 * 66.0, (double)total["water_l"]!, 0.5);

            string bad = Path.Combine(dir, "bad.house");
            File.WriteAllText(bad, "# bad\nLeakAchCalm=1\nFilmCapacityMm=-1\n");
            error = new StringWriter();
            code = CliApp.Invoke(new[] { "run", "--house", bad, "--broker", "none" }, new StringWriter(), error, progress: false);
            Assert.AreEqual(2, code);
            StringAssert.Contains(error.ToString(), "bad.house, line 3: FilmCapacityMm -1 is out of range");

            // A house whose nozzles together exceed what the controller's nozzle_flow_l_min accepts is refused too.
            string huge = Path.Combine(dir, "huge.house");
            File.WriteAllText(huge, "NozzleLines=10\nNozzlesPerLine=200\nNozzleFlowLh=100\n");
            error = new StringWriter();
            code = CliApp.Invoke(new[] { "run", "--house", huge, "--broker", "none" }, new StringWriter(), error, progress: false);
            Assert.AreEqual(2, code);
            StringAssert.Contains(error.ToString(), "nozzle flow");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [TestMethod]
    public void ACopyOfTheHouse_StepsExactlyAsTheOriginal_AndIndependently()
    {
        var p = new HouseParameters();
        var weather = new ScenarioWeather(Scenarios.HotJuly, 0);
        var original = new HouseModel(p, 22, 80);
        for (int s = 0; s < 600; s++)
        {
            original.Step(1.0, weather.At(s), s % 120 < 20, s > 300);
        }

        var copy = original.Clone();
        var reused = new HouseModel(p, 0, 0);
        reused.CopyFrom(original);
        for (int s = 600; s < 1800; s++)
        {
            bool mist = s % 200 < 15;
            original.Step(1.0, weather.At(s), mist, false);
            copy.Step(1.0, weather.At(s), mist, false);
            reused.Step(1.0, weather.At(s), mist ? 1.0 : 0.0, false);
        }

        foreach (var h in new[] { copy, reused })
        {
            Assert.AreEqual(original.AirTempC, h.AirTempC);
            Assert.AreEqual(original.AbsoluteHumidityGm3, h.AbsoluteHumidityGm3);
            Assert.AreEqual(original.FilmKg, h.FilmKg);
            Assert.AreEqual(original.MistInKg, h.MistInKg);
            Assert.AreEqual(original.RunoffKg, h.RunoffKg);
        }

        copy.Step(1.0, weather.At(1800), true, true);
        Assert.AreNotEqual(original.MistInKg, copy.MistInKg, "stepping the copy leaves the original alone");
    }
}
