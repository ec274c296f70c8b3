using CsCheck;
using Greenhouse.Simulator.Cli;
using Greenhouse.Simulator.Physics;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Tests;

[TestClass]
public sealed class PropertyTests
{
    [TestMethod]
    public void Water_IsConserved_AndStateStaysPhysical_ForAnySchedule()
    {
        var gen = Gen.Select(
            Gen.Double[-5, 38], Gen.Double[20, 100], Gen.Double[0, 900], Gen.Double[0, 8],
            Gen.Int[1, 600].Array[4, 12], Gen.Int[0, 1 << 12]);
        gen.Sample((temp, rh, sun, wind, segments, pattern) =>
        {
            var weather = new WeatherSample(temp, rh, sun, wind);
            var house = new HouseModel(new HouseParameters(), temp, rh);
            for (int i = 0; i < segments.Length; i++)
            {
                bool mist = ((pattern >> i) & 1) == 1;
                bool vent = ((pattern >> (i + 5)) & 1) == 1;
                for (int s = 0; s < segments[i]; s++)
                {
                    house.Step(1.0, weather, mist, vent);
                    if (house.RelativeHumidityPct > 100.0 + 1e-9 || house.FilmKg < 0 || house.FilmKg > house.Parameters.FilmCapacityKg + 1e-9 || !double.IsFinite(house.AirTempC))
                    {
                        return false;
                    }
                }
            }

            double accounted = house.FilmKg + house.MistEvaporatedInFlightKg + house.FilmEvaporatedKg + house.RunoffKg;
            return Math.Abs(house.MistInKg - accounted) <= 1e-6 * Math.Max(1.0, house.MistInKg);
        }, iter: 60);
    }

    [TestMethod]
    public void ExampleFiles_Load()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "examples");
        var lines = RunSettingsFile.Load(Path.Combine(dir, "settings-example.txt"));
        var config = RunConfiguration.Build(lines, null);
        Assert.AreEqual(90.0, config.Plans[0].TargetRhPct);
        var weather = CsvWeather.Load(Path.Combine(dir, "weather-example.csv"));
        Assert.AreEqual(9, weather.RowCount);
        Assert.AreEqual(24.0, weather.At(720 * 60).OutsideTempC, 1e-9);
    }
}
