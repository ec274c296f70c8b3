using Greenhouse.Simulator.Physics;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Tests;

/// <summary>The house model against the facts of wood-ear-domain.md §6.</summary>
[TestClass]
public sealed class PhysicsTests
{
    private static readonly WeatherSample Overcast = new(20.0, 70.0, 0.0, 2.0);

    private static void Run(HouseModel house, int seconds, in WeatherSample w, bool mist, bool vent = false)
    {
        for (int i = 0; i < seconds; i++)
        {
            house.Step(1.0, w, mist, vent);
        }
    }

    [TestMethod]
    public void ClosedHouse_RhExceeds95WithinMinutesOfMisting()
    {
        var house = new HouseModel(new HouseParameters(), 20.0, 70.0);
        Assert.IsLessThan(75.0, house.RelativeHumidityPct);

        int seconds = 0;
        while (house.RelativeHumidityPct <= 95.0 && seconds < 3600)
        {
            house.Step(1.0, Overcast, mistOn: true, ventOn: false);
            seconds++;
        }

        Assert.IsLessThan(5 * 60, seconds, $"RH reached 95 % only after {seconds} s");
    }

    [TestMethod]
    public void AfterMisting_DryHouseDecaysWithTimeConstantOfAirChanges()
    {
        // Dry surfaces and no bag evaporation: only air exchange removes the vapour, so the excess over the
        // outside absolute humidity falls by 1/e in about 1/ACH hours.
        var p = new HouseParameters { BagMassTransferMs = 0.0, FilmCapacityMm = 0.0, MistToFloorFraction = 1.0 };
        var house = new HouseModel(p, 20.0, 70.0);
        Run(house, 240, Overcast, mist: true);
        house.FilmKg = 0;
        Assert.IsGreaterThan(95.0, house.RelativeHumidityPct);

        double ahOut = Greenhouse.Climate.Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(Overcast.OutsideTempC, Overcast.OutsideRhPct);
        double excess0 = house.AbsoluteHumidityGm3 - ahOut;
        double tauExpectedS = 3600.0 / p.LeakAch(Overcast.WindMs);
        int seconds = 0;
        while (house.AbsoluteHumidityGm3 - ahOut > excess0 / Math.E && seconds < 6 * 3600)
        {
            house.Step(1.0, Overcast, mistOn: false, ventOn: false);
            seconds++;
        }

        Assert.IsTrue(Math.Abs(seconds - tauExpectedS) < 0.3 * tauExpectedS, $"decay time constant {seconds} s, expected about {tauExpectedS} s");
    }

    [TestMethod]
    public void VentFan_ShortensTheDecay()
    {
        var p = new HouseParameters { BagMassTransferMs = 0.0, FilmCapacityMm = 0.0, MistToFloorFraction = 1.0 };
        var closed = new HouseModel(p, 20.0, 98.0);
        var vented = new HouseModel(p, 20.0, 98.0);
        Run(closed, 600, Overcast, mist: false);
        Run(vented, 600, Overcast, mist: false, vent: true);
        Assert.IsGreaterThan(vented.RelativeHumidityPct + 10.0, closed.RelativeHumidityPct);
        Assert.IsLessThan(75.0, vented.RelativeHumidityPct, "40 ACH for 10 minutes should bring the air close to outside");
    }

    [TestMethod]
    public void WetFilm_KeepsAClosedHouseHumidForHours()
    {
        var p = new HouseParameters();
        var wet = new HouseModel(p, 20.0, 70.0);
        var dry = new HouseModel(p, 20.0, 70.0);
        Run(wet, 300, Overcast, mist: true);
        Run(dry, 300, Overcast, mist: true);
        dry.FilmKg = 0;
        Run(wet, 2 * 3600, Overcast, mist: false);
        Run(dry, 2 * 3600, Overcast, mist: false);
        Assert.IsGreaterThan(dry.RelativeHumidityPct + 3.0, wet.RelativeHumidityPct);
        Assert.IsGreaterThan(90.0, wet.RelativeHumidityPct);
    }

    [TestMethod]
    public void UnderSun_InsideIsWarmerThanOutside()
    {
        var sunny = new WeatherSample(20.0, 60.0, 700.0, 2.0);
        var house = new HouseModel(new HouseParameters(), 20.0, 60.0);
        Run(house, 6 * 3600, sunny, mist: false);
        Assert.IsGreaterThan(sunny.OutsideTempC + 2.0, house.AirTempC);
        Assert.IsLessThan(sunny.OutsideTempC + 15.0, house.AirTempC, "shaded house should not run away");
    }

    [TestMethod]
    public void WithoutSun_ClosedHouseSettlesAtOutsideTemperature()
    {
        var night = new WeatherSample(15.0, 90.0, 0.0, 1.0);
        var house = new HouseModel(new HouseParameters(), 25.0, 60.0);
        house.MassTempC = 25.0;
        Run(house, 48 * 3600, night, mist: false);
        Assert.AreEqual(night.OutsideTempC, house.AirTempC, 0.3);
    }

    [TestMethod]
    [DataRow(false, 0.2)]
    [DataRow(true, 1.5)]
    public void Misting_Cools(bool vent, double minimumCoolingK)
    {
        // Evaporation absorbs L = 2.45 MJ/kg. In a closed house it is limited by the vapour the leakage can
        // carry away; with the fan running (fog cooling) it is much stronger.
        var sunny = new WeatherSample(28.0, 45.0, 800.0, 1.0);
        var misted = new HouseModel(new HouseParameters(), 28.0, 45.0);
        var dry = new HouseModel(new HouseParameters(), 28.0, 45.0);
        Run(misted, 2 * 3600, sunny, mist: false, vent);
        Run(dry, 2 * 3600, sunny, mist: false, vent);
        double mistedSum = 0, drySum = 0;
        for (int i = 0; i < 1800; i++)
        {
            misted.Step(1.0, sunny, mistOn: i % 300 < 60, ventOn: vent);
            dry.Step(1.0, sunny, mistOn: false, ventOn: vent);
            mistedSum += misted.AirTempC;
            drySum += dry.AirTempC;
        }

        // Compare the mean air temperature over the half hour (pulses cool, pauses recover).
        double mistedMean = mistedSum / 1800, dryMean = drySum / 1800;
        Assert.IsGreaterThan(mistedMean + minimumCoolingK, dryMean, $"misted {mistedMean:F2} °C, dry {dryMean:F2} °C");
        Assert.IsGreaterThan(misted.MassTempC, dry.MassTempC);
    }

    [TestMethod]
    public void Film_FillsToCapacity_ThenRunsOff_AndEvaporates()
    {
        var p = new HouseParameters();
        var house = new HouseModel(p, 20.0, 70.0);
        house.Step(1.0, Overcast, mistOn: true, ventOn: false);
        double firstSecond = house.FilmKg;
        Assert.IsGreaterThan(0.0, firstSecond);
        double runoffBeforeFull = house.RunoffKg;
        Assert.IsLessThan(p.MistFlowKgS * 0.2, runoffBeforeFull, "before the film is full only the floor share runs off");

        Run(house, 600, Overcast, mist: true);
        Assert.AreEqual(p.FilmCapacityKg, house.FilmKg, 1e-9, "film is capped at its capacity");
        Assert.IsGreaterThan(p.MistFlowKgS * 600 * 0.3, house.RunoffKg, "beyond capacity the mist runs off");

        double full = house.FilmKg;
        var dryAir = new WeatherSample(22.0, 40.0, 300.0, 3.0);
        Run(house, 3600, dryAir, mist: false, vent: true);
        Assert.IsLessThan(full * 0.9, house.FilmKg, "the film evaporates when the mist stops");
        Assert.IsGreaterThan(0.0, house.FilmEvaporatedKg);
    }

    [TestMethod]
    public void Water_IsConserved()
    {
        var house = new HouseModel(new HouseParameters(), 18.0, 75.0);
        var rng = new Random(3);
        double film0 = house.FilmKg;
        for (int i = 0; i < 6 * 3600; i++)
        {
            var w = new WeatherSample(15 + 10 * Math.Sin(i / 5000.0), 50 + 40 * rng.NextDouble(), 600 * rng.NextDouble(), 3 * rng.NextDouble());
            house.Step(1.0, w, mistOn: (i / 120) % 7 == 0, ventOn: (i / 600) % 5 == 0);
        }

        Assert.IsGreaterThan(100.0, house.MistInKg);
        double accounted = (house.FilmKg - film0) + house.MistEvaporatedInFlightKg + house.FilmEvaporatedKg + house.RunoffKg;
        Assert.AreEqual(house.MistInKg, accounted, 1e-6 * house.MistInKg);
    }

    [TestMethod]
    public void Rh_NeverExceeds100()
    {
        var house = new HouseModel(new HouseParameters(), 10.0, 99.0);
        var cooling = new WeatherSample(2.0, 100.0, 0.0, 5.0);
        for (int i = 0; i < 3600; i++)
        {
            house.Step(1.0, cooling, mistOn: true, ventOn: i % 100 < 50);
            Assert.IsLessThanOrEqualTo(100.0 + 1e-9, house.RelativeHumidityPct);
        }

        Assert.IsGreaterThan(0.0, house.CondensedKg + house.RunoffKg);
    }
}
