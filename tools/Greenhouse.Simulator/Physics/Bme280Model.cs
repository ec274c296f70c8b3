using Greenhouse.Climate;

namespace Greenhouse.Simulator.Physics;

/// <summary>Settings of the BME280 model (wood-ear-domain.md §4 "BME280" and "Field failures").</summary>
public sealed class Bme280Settings
{
    /// <summary>Bound of the fixed per-run RH offset, %RH (§4: ±3 %RH accuracy tolerance).</summary>
    public double MaxOffsetRhPct { get; init; } = 3.0;
    /// <summary>Standard deviation of the reading noise, %RH (small against the tolerance).</summary>
    public double NoiseRhPct { get; init; } = 0.3;
    /// <summary>Standard deviation of the temperature noise, °C.</summary>
    public double NoiseTempC { get; init; } = 0.05;
    /// <summary>Self-heating of the board, °C (§4: on-board temperature reads above ambient). The RH the
    /// chip reports is the RH at its own, warmer temperature, so it reads a little low.</summary>
    public double SelfHeatingC { get; init; } = 0.2;
    /// <summary>First-order lag of the sensor in its radiation shield, s (§4: τ63 = 1 s for the bare chip;
    /// the shield and filter slow it; CALIBRATION GUESS).</summary>
    public double LagSeconds { get; init; } = 20.0;
    /// <summary>True RH at or above which the sensing layer counts as wet (§4: capacitive sensors inaccurate
    /// above about 95 %RH, read 100 % after condensation).</summary>
    public double WetExposureRhPct { get; init; } = 99.0;
    /// <summary>Seconds of wet exposure after which the reading sticks at 100 % (§4: "stuck after prolonged high
    /// humidity"; CALIBRATION GUESS: four hours at the edge of condensation). Zero or less disables sticking.</summary>
    public double StickAfterSeconds { get; init; } = 4 * 3600.0;
    /// <summary>True RH below which the sensing layer dries out (§4: recovers when dried).</summary>
    public double DryingRhPct { get; init; } = 92.0;
    /// <summary>Seconds of drying that take a fully soaked (stuck) sensing layer back to dry. CALIBRATION GUESS.</summary>
    public double DryOutSeconds { get; init; } = 1800.0;
}

/// <summary>
/// A BME280 as the controller sees it: seeded noise, a first-order lag, a fixed per-run offset within
/// ±3 %RH, self-heating, readings clamped to 0..100 % (the Bosch compensation clamps, §4), and a sensing
/// layer that sticks at 100 % after long exposure near saturation and recovers only after drying.
/// </summary>
public sealed class Bme280Model
{
    private readonly Bme280Settings _s;
    private readonly Random _random;
    private double _laggedRh = double.NaN;
    private double _laggedTemp = double.NaN;
    private double _exposureSeconds;

    public Bme280Model(Bme280Settings settings, int seed)
    {
        _s = settings;
        _random = new Random(seed);
        OffsetRhPct = (_random.NextDouble() * 2.0 - 1.0) * settings.MaxOffsetRhPct;
    }

    /// <summary>The fixed RH error of this unit for the run, %RH.</summary>
    public double OffsetRhPct { get; }
    public bool Stuck { get; private set; }
    public double RelativeHumidityPct { get; private set; }
    public double TemperatureC { get; private set; }
    public double PressureHpa { get; private set; } = double.NaN;
    /// <summary>When false, reads fail (a simulated bus fault).</summary>
    public bool Present { get; set; } = true;

    /// <summary>Advances the sensor by dt seconds against the true air state.</summary>
    public void Update(double dt, double trueTempC, double trueRhPct, double pressureHpa)
    {
        double sensorTemp = trueTempC + _s.SelfHeatingC;
        double vapourPa = Psychrometrics.VapourPressurePascals(trueTempC, trueRhPct);
        double rhAtSensor = Psychrometrics.RelativeHumidityPercent(sensorTemp, vapourPa);

        if (double.IsNaN(_laggedRh))
        {
            _laggedRh = rhAtSensor;
            _laggedTemp = sensorTemp;
        }
        else
        {
            double a = _s.LagSeconds > 0 ? 1.0 - Math.Exp(-dt / _s.LagSeconds) : 1.0;
            _laggedRh += a * (rhAtSensor - _laggedRh);
            _laggedTemp += a * (sensorTemp - _laggedTemp);
        }

        if (_s.StickAfterSeconds > 0)
        {
            if (trueRhPct >= _s.WetExposureRhPct)
            {
                _exposureSeconds = Math.Min(_exposureSeconds + dt, 2.0 * _s.StickAfterSeconds);
            }
            else if (trueRhPct < _s.DryingRhPct)
            {
                _exposureSeconds = Math.Max(0.0, _exposureSeconds - dt * _s.StickAfterSeconds / Math.Max(1.0, _s.DryOutSeconds));
            }

            if (_exposureSeconds >= _s.StickAfterSeconds)
            {
                Stuck = true;
            }
            else if (_exposureSeconds <= 0.0)
            {
                Stuck = false;
            }
        }

        double rh = _laggedRh + OffsetRhPct + Gaussian() * _s.NoiseRhPct;
        RelativeHumidityPct = Stuck ? 100.0 : Math.Clamp(rh, 0.0, 100.0);
        TemperatureC = _laggedTemp + Gaussian() * _s.NoiseTempC;
        PressureHpa = pressureHpa;
    }

    private double Gaussian()
    {
        // Box-Muller; deterministic for a seed.
        double u1 = 1.0 - _random.NextDouble();
        double u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
