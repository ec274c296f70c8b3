using Greenhouse.Climate;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Physics;

/// <summary>
/// Lumped heat and vapour balance of one house (wood-ear-domain.md §6 "Lumped equations"), integrated
/// with explicit Euler steps of about one second. State: air temperature and absolute humidity, the
/// temperature of the bag thermal mass, and the water film on bags and ears.
///
/// Air energy:  C_air dT/dt  = f_air Q_sun + (U A_cov + rho cp Vdot)(T_out - T) + H (T_m - T) - L E_mist
/// Mass energy: C_m dT_m/dt  = (1 - f_air) Q_sun + H (T - T_m) - L (E_film + E_bag)
/// Vapour:      V dAH/dt     = E_mist + E_film + E_bag - Vdot (AH - AH_out) - condensation
/// Film:        dW/dt        = deposited mist - E_film - overflow (overflow and floor spray = runoff)
///
/// Mist that does not evaporate in flight lands on the film (or the floor); the film evaporates at the
/// surface (bag) temperature into the air; beyond its capacity it runs off. Bag evaporation is substrate
/// water, not mist water, so mist in = film change + evaporated (in flight and from the film) + runoff.
/// </summary>
public sealed class HouseModel
{
    private HouseParameters _p;

    public HouseModel(HouseParameters parameters, double airTempC, double relativeHumidityPct, double filmKg = 0.0)
    {
        _p = parameters;
        AirTempC = airTempC;
        MassTempC = airTempC;
        AbsoluteHumidityGm3 = Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(airTempC, relativeHumidityPct);
        FilmKg = Math.Clamp(filmKg, 0.0, parameters.FilmCapacityKg);
    }

    private HouseModel(HouseParameters parameters)
    {
        _p = parameters;
    }

    /// <summary>
    /// An independent copy of this house (same parameters, state, counters and last rates): a look-ahead can step
    /// the copy without touching the original. Costs one small object; <see cref="CopyFrom"/> reuses one.
    /// </summary>
    public HouseModel Clone()
    {
        var copy = new HouseModel(_p);
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Makes this house the same as <paramref name="other"/> (state, counters, last rates and
    /// parameters) without allocating, so a planner can restore a scratch copy thousands of times.</summary>
    public void CopyFrom(HouseModel other)
    {
        _p = other._p;
        AirTempC = other.AirTempC;
        AbsoluteHumidityGm3 = other.AbsoluteHumidityGm3;
        MassTempC = other.MassTempC;
        FilmKg = other.FilmKg;
        MistInKg = other.MistInKg;
        MistEvaporatedInFlightKg = other.MistEvaporatedInFlightKg;
        FilmEvaporatedKg = other.FilmEvaporatedKg;
        RunoffKg = other.RunoffKg;
        BagEvaporatedKg = other.BagEvaporatedKg;
        CondensedKg = other.CondensedKg;
        LastExchangeM3s = other.LastExchangeM3s;
        LastOutsideAbsoluteHumidityGm3 = other.LastOutsideAbsoluteHumidityGm3;
    }

    public HouseParameters Parameters => _p;

    // ---- State ----
    public double AirTempC { get; set; }
    /// <summary>Absolute humidity of the inside air, g/m³.</summary>
    public double AbsoluteHumidityGm3 { get; set; }
    /// <summary>Temperature of the bag thermal mass and of the wet surfaces, °C.</summary>
    public double MassTempC { get; set; }
    /// <summary>Water held as a film on bags and ears, kg.</summary>
    public double FilmKg { get; set; }

    // ---- Cumulative counters, kg ----
    public double MistInKg { get; private set; }
    public double MistEvaporatedInFlightKg { get; private set; }
    public double FilmEvaporatedKg { get; private set; }
    public double RunoffKg { get; private set; }
    public double BagEvaporatedKg { get; private set; }
    public double CondensedKg { get; private set; }

    // ---- Last step's rates (for metrics) ----
    /// <summary>Air volume exchanged per second in the last step, m³/s.</summary>
    public double LastExchangeM3s { get; private set; }
    /// <summary>Absolute humidity of the outside air in the last step, g/m³.</summary>
    public double LastOutsideAbsoluteHumidityGm3 { get; private set; }

    /// <summary>Inside relative humidity, percent (may reach 100, never above).</summary>
    public double RelativeHumidityPct => RhFromAbsolute(AirTempC, AbsoluteHumidityGm3);

    /// <summary>Mean film depth over the wettable surface, mm.</summary>
    public double FilmMm => FilmKg / _p.WetSurfaceM2;

    /// <summary>True when the film is thick enough to call the bags and ears wet.</summary>
    public bool SurfaceWet => FilmKg >= _p.FilmCapacityKg * _p.FilmWetThresholdFraction;

    /// <summary>Advances the model by <paramref name="dt"/> seconds.</summary>
    public void Step(double dt, in WeatherSample weather, bool mistOn, bool ventOn) =>
        Step(dt, weather, mistOn ? dt : 0.0, ventOn);

    /// <summary>
    /// Advances the model by <paramref name="dt"/> seconds during which the nozzles ran for
    /// <paramref name="mistSeconds"/> of them (0..dt): a look-ahead with steps longer than a second can still
    /// place a pulse that ends inside a step.
    /// </summary>
    public void Step(double dt, in WeatherSample weather, double mistSeconds, bool ventOn)
    {
        double volume = _p.VolumeM3;
        double ach = _p.LeakAch(weather.WindMs) + (ventOn ? _p.VentFanAch : 0.0);
        double exchange = ach * volume / 3600.0; // m³/s
        double ahOut = Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(weather.OutsideTempC, weather.OutsideRhPct);
        LastExchangeM3s = exchange;
        LastOutsideAbsoluteHumidityGm3 = ahOut;

        double ahSatAir = SaturationAbsoluteHumidity(AirTempC);
        double airDeficit = Math.Max(0.0, ahSatAir - AbsoluteHumidityGm3); // g/m³
        double surfaceDeficit = Math.Max(0.0, SaturationAbsoluteHumidity(MassTempC) - AbsoluteHumidityGm3);

        // Mist: part evaporates in flight (limited by the deficit), the rest lands on bags or the floor.
        double mist = _p.MistFlowKgS * mistSeconds;
        double inFlight = 0.0;
        if (mist > 0)
        {
            double share = _p.MistFlightEvaporationMax * (1.0 - Math.Exp(-airDeficit / _p.MistFlightDeficitScaleGm3));
            // Never evaporate more than half of what the air can still hold in one step (keeps Euler stable).
            inFlight = Math.Min(mist * share, 0.5 * airDeficit * volume / 1000.0);
            double landed = mist - inFlight;
            double toFloor = landed * _p.MistToFloorFraction;
            FilmKg += landed - toFloor;
            RunoffKg += toFloor;
            MistInKg += mist;
            MistEvaporatedInFlightKg += inFlight;
        }

        // Film evaporation from the wet share of the surface, at the surface temperature.
        double fullAreaKg = _p.FilmCapacityKg * _p.FilmFullAreaFraction;
        double wetShare = fullAreaKg > 0 ? Math.Min(1.0, FilmKg / fullAreaKg) : 0.0;
        double filmEvap = Math.Min(FilmKg, _p.FilmMassTransferMs * _p.WetSurfaceM2 * wetShare * surfaceDeficit * dt / 1000.0);
        FilmKg -= filmEvap;
        FilmEvaporatedKg += filmEvap;

        // Beyond its capacity the film runs off to the floor.
        if (FilmKg > _p.FilmCapacityKg)
        {
            RunoffKg += FilmKg - _p.FilmCapacityKg;
            FilmKg = _p.FilmCapacityKg;
        }

        double bagEvap = _p.BagMassTransferMs * _p.WetSurfaceM2 * surfaceDeficit * dt / 1000.0;
        BagEvaporatedKg += bagEvap;

        // Vapour balance of the air.
        AbsoluteHumidityGm3 += (inFlight + filmEvap + bagEvap) * 1000.0 / volume
                               - exchange * (AbsoluteHumidityGm3 - ahOut) * dt / volume;

        // Energy balance of air and mass.
        double sun = _p.SolarTransmission * Math.Max(0.0, weather.SolarWm2) * _p.FloorAreaM2; // W
        double coverLoss = _p.CoverU(weather.WindMs) * _p.CoverAreaM2; // W/K
        double ventLoss = HouseParameters.AirDensityKgM3 * HouseParameters.AirSpecificHeatJKgK * exchange; // W/K
        double massToAir = _p.MassToAirWK * (MassTempC - AirTempC); // W
        double airPower = _p.SolarToAirFraction * sun
                          + (coverLoss + ventLoss) * (weather.OutsideTempC - AirTempC)
                          + massToAir
                          - HouseParameters.LatentHeatJKg * inFlight / dt;
        double massPower = (1.0 - _p.SolarToAirFraction) * sun
                           - massToAir
                           - HouseParameters.LatentHeatJKg * (filmEvap + bagEvap) / dt;
        AirTempC += airPower * dt / _p.AirHeatCapacityJK;
        MassTempC += massPower * dt / _p.MassHeatCapacityJK;

        // Supersaturation (cooling air) condenses; the latent heat returns to the air.
        double ahSat = SaturationAbsoluteHumidity(AirTempC);
        if (AbsoluteHumidityGm3 > ahSat)
        {
            double condensed = (AbsoluteHumidityGm3 - ahSat) * volume / 1000.0;
            CondensedKg += condensed;
            AbsoluteHumidityGm3 = ahSat;
            AirTempC += HouseParameters.LatentHeatJKg * condensed / _p.AirHeatCapacityJK;
        }
    }

    /// <summary>
    /// The least water per second that would hold the air at <paramref name="lowerBandRhPct"/> and keep
    /// the film evaporating at full area, at the current temperatures and air exchange (kg/s): the larger
    /// of the film's own evaporation at that humidity and the vapour lost to air exchange minus what the
    /// bags supply. Used for the water_floor_l metric.
    /// </summary>
    public double WaterFloorRateKgS(double lowerBandRhPct, in WeatherSample weather)
    {
        double ahBand = Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(AirTempC, lowerBandRhPct);
        double ahOut = Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(weather.OutsideTempC, weather.OutsideRhPct);
        double exchange = _p.LeakAch(weather.WindMs) * _p.VolumeM3 / 3600.0;
        double surfaceDeficit = Math.Max(0.0, SaturationAbsoluteHumidity(MassTempC) - ahBand);
        double film = _p.FilmMassTransferMs * _p.WetSurfaceM2 * surfaceDeficit / 1000.0;
        double bags = _p.BagMassTransferMs * _p.WetSurfaceM2 * surfaceDeficit / 1000.0;
        double air = Math.Max(0.0, exchange * (ahBand - ahOut) / 1000.0 - bags);
        return Math.Max(film, air);
    }

    public static double SaturationAbsoluteHumidity(double tempC) =>
        Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(tempC, 100.0);

    public static double RhFromAbsolute(double tempC, double absoluteHumidityGm3)
    {
        double vapourPa = absoluteHumidityGm3 * (tempC + 273.15) / Psychrometrics.AbsoluteHumidityConstant;
        return Math.Min(100.0, Psychrometrics.RelativeHumidityPercent(tempC, vapourPa));
    }
}
