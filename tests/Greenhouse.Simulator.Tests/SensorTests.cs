using Greenhouse.Simulator.Physics;

namespace Greenhouse.Simulator.Tests;

[TestClass]
public sealed class SensorTests
{
    [TestMethod]
    public void Offset_IsFixedPerRun_WithinThreePercent_AndSeeded()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            var a = new Bme280Model(new Bme280Settings(), seed);
            var b = new Bme280Model(new Bme280Settings(), seed);
            Assert.IsLessThanOrEqualTo(3.0, Math.Abs(a.OffsetRhPct));
            Assert.AreEqual(a.OffsetRhPct, b.OffsetRhPct);
        }

        Assert.AreNotEqual(new Bme280Model(new Bme280Settings(), 1).OffsetRhPct, new Bme280Model(new Bme280Settings(), 2).OffsetRhPct);
    }

    [TestMethod]
    public void Reading_LagsAStep_AndClampsAt100()
    {
        var s = new Bme280Model(new Bme280Settings { NoiseRhPct = 0, SelfHeatingC = 0, StickAfterSeconds = 0 }, 5);
        s.Update(1, 20, 60, 960);
        double start = s.RelativeHumidityPct;
        Assert.AreEqual(60 + s.OffsetRhPct, start, 1e-6);
        s.Update(1, 20, 99.5, 960);
        Assert.IsLessThan(70.0, s.RelativeHumidityPct, "first-order lag: one second after a step the reading has barely moved");
        for (int i = 0; i < 300; i++)
        {
            s.Update(1, 20, 99.5, 960);
        }

        Assert.IsLessThanOrEqualTo(100.0, s.RelativeHumidityPct);
        Assert.AreEqual(Math.Min(100.0, 99.5 + s.OffsetRhPct), s.RelativeHumidityPct, 0.05);
    }

    [TestMethod]
    public void LongExposureNearSaturation_SticksAt100_UntilDried()
    {
        var settings = new Bme280Settings { StickAfterSeconds = 1800, WetExposureRhPct = 97, DryingRhPct = 90, DryOutSeconds = 1800 };
        var s = new Bme280Model(settings, 9);
        for (int i = 0; i < 1000; i++)
        {
            s.Update(1, 18, 98.5, 960);
        }

        Assert.IsFalse(s.Stuck);
        for (int i = 0; i < 1000; i++)
        {
            s.Update(1, 18, 98.5, 960);
        }

        Assert.IsTrue(s.Stuck);
        for (int i = 0; i < 600; i++)
        {
            s.Update(1, 22, 70, 960);
        }

        Assert.AreEqual(100.0, s.RelativeHumidityPct, "a stuck sensor keeps reading 100 % while still wet inside");
        for (int i = 0; i < 2000; i++)
        {
            s.Update(1, 22, 70, 960);
        }

        Assert.IsFalse(s.Stuck);
        Assert.IsLessThan(80.0, s.RelativeHumidityPct);
    }
}
