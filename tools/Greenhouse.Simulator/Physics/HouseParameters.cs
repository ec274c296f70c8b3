namespace Greenhouse.Simulator.Physics;

/// <summary>
/// Parameters of the lumped model of one hanging-bag house. Every value names its unit and where it comes
/// from. "§6" / "§3" refer to /work/shared/reference/wood-ear-domain.md (copied into the repository's
/// reference notes); "DERIVED" is arithmetic from those facts, "CALIBRATION GUESS" marks values the domain
/// file lists as UNCONFIRMED, chosen to give plausible behaviour and meant to be re-fitted to logged data.
/// </summary>
public sealed class HouseParameters
{
    // ---- Geometry (§3 house table: T/DEFA 10 m x 40 m; §6 orders of magnitude: mean height ~3.3 m) ----

    /// <summary>Floor width, m (§3, T/DEFA 001-2024 span 10 m).</summary>
    public double WidthM { get; init; } = 10.0;
    /// <summary>Floor length, m (§3, T/DEFA 001-2024 length 40 m).</summary>
    public double LengthM { get; init; } = 40.0;
    /// <summary>Mean inside height, m (§6: about 3.3 m; shoulder 1.8-2.0 m, ridge 2.8-4.1 m in §3).</summary>
    public double MeanHeightM { get; init; } = 3.3;
    /// <summary>Cover (film) area per floor area, m²/m² (DERIVED: arched roof + side and gable walls of a
    /// 10 x 40 x 3.3 m house is about 800 m² of film on 400 m² of floor).</summary>
    public double CoverToFloorRatio { get; init; } = 2.0;

    public double FloorAreaM2 => WidthM * LengthM;
    public double VolumeM3 => FloorAreaM2 * MeanHeightM;
    public double CoverAreaM2 => FloorAreaM2 * CoverToFloorRatio;

    // ---- Air (§6 parameters: rho = 1.2 kg/m³, cp = 1000 J/kg K, L = 2.45 MJ/kg) ----

    /// <summary>Air density, kg/m³ (§6).</summary>
    public const double AirDensityKgM3 = 1.2;
    /// <summary>Specific heat of air, J/(kg K) (§6).</summary>
    public const double AirSpecificHeatJKgK = 1000.0;
    /// <summary>Latent heat of vaporisation of water, J/kg (§6: L = 2.45 MJ/kg).</summary>
    public const double LatentHeatJKg = 2.45e6;

    // ---- Cover heat loss (§6 cover U-value: single film 5.7-6.8 W/m²K, rises with wind) ----

    /// <summary>Film U-value at calm air, W/(m² K). With <see cref="CoverUWindSlope"/> it gives about
    /// 6 W/m²K at 2 m/s wind (§6: single film 5.7-6.8 W/m²K; Vanthoor h_out = 2.8 + 1.2 v).</summary>
    public double CoverUCalmWm2K { get; init; } = 4.6;
    /// <summary>Increase of the film U-value per m/s of wind, W/(m² K)/(m/s) (DERIVED from §6 Vanthoor
    /// h_out slope 1.2 in series with the inside film coefficient).</summary>
    public double CoverUWindSlope { get; init; } = 0.7;
    /// <summary>Upper bound on the U-value, W/(m² K) (stormy wind; §6 upper range of single film).</summary>
    public double CoverUMaxWm2K { get; init; } = 9.0;

    // ---- Shading and sun (§6 shading: 85-95 % net over film with ~0.85 transmission leaves 5-15 %) ----

    /// <summary>Share of outside global radiation that reaches the inside (film x shade net), 0..1
    /// (§6: 5-15 %; 0.10 is a net of about 88 % shading over 0.85 film).</summary>
    public double SolarTransmission { get; init; } = 0.10;
    /// <summary>Share of the transmitted sun absorbed directly by the air (the rest heats bags and floor,
    /// the thermal mass), 0..1. CALIBRATION GUESS.</summary>
    public double SolarToAirFraction { get; init; } = 0.3;

    // ---- Air exchange (§6 leakage ~1 ACH for a poly hoophouse; active ventilation 30-60 ACH) ----

    /// <summary>Air changes per hour with the house closed and calm air, 1/h (§6: about 1 ACH, S88).</summary>
    public double LeakAchCalm { get; init; } = 0.6;
    /// <summary>Extra leakage per m/s of wind, (1/h)/(m/s) (§6: leakage grows with wind, Vanthoor
    /// f = 1e-4 max(v, 0.25); chosen so that 2 m/s gives about 1 ACH).</summary>
    public double LeakAchPerWindMs { get; init; } = 0.2;
    /// <summary>Air changes per hour with the vent fan running, 1/h (§6: 30-60 ACH; GES caps at 30,
    /// summer design 60).</summary>
    public double VentFanAch { get; init; } = 40.0;

    // ---- Misting (§3 misting layout and nozzle flow) ----

    /// <summary>Number of nozzle lines (DERIVED: count per house UNCONFIRMED in §3; two lines over the
    /// hanging beams).</summary>
    public int NozzleLines { get; init; } = 2;
    /// <summary>Nozzles per line (§3 DERIVED: 40 m line, one nozzle every 1.2 m = 33).</summary>
    public int NozzlesPerLine { get; init; } = 33;
    /// <summary>Flow per nozzle, L/h (§3: mist nozzles mostly under ~38 L/h; refractive nozzles
    /// "plausibly tens of L/h"; 30 L/h gives 4.95 L/h per m² of floor, inside the 4-8 L/h/m² rule).</summary>
    public double NozzleFlowLh { get; init; } = 30.0;
    public int NozzleCount => NozzleLines * NozzlesPerLine;
    /// <summary>Total mist flow with the valve open and the pump running, kg/s (1 L = 1 kg).</summary>
    public double MistFlowKgS => NozzleCount * NozzleFlowLh / 3600.0;

    /// <summary>Largest share of the spray that evaporates in flight when the air is very dry, 0..1.
    /// Low-pressure mist is 100-200 µm and mostly falls out (§3, S31). CALIBRATION GUESS.</summary>
    public double MistFlightEvaporationMax { get; init; } = 0.5;
    /// <summary>Vapour deficit (g/m³) at which in-flight evaporation reaches 63 % of its maximum
    /// (evaporation of mist is limited by the vapour deficit, §6). CALIBRATION GUESS.</summary>
    public double MistFlightDeficitScaleGm3 { get; init; } = 4.0;
    /// <summary>Share of the spray that does not evaporate and lands in aisles or on the floor instead of
    /// on bags and ears (counted as runoff). Nozzles sit above the hanging beams (§3, T/DEFA) and bags
    /// hang at 70-80 per m² (§3), so most lands on bags. CALIBRATION GUESS.</summary>
    public double MistToFloorFraction { get; init; } = 0.10;

    // ---- Water film on bags and ears ----

    /// <summary>Wettable bag and ear surface that the mist reaches, m² per m² of floor (DERIVED: 27,000-
    /// 31,000 bags per house (§3), about 0.18 m² skin each; about a third faces the nozzles).</summary>
    public double WetSurfacePerFloor { get; init; } = 5.0;
    /// <summary>Water the film holds before it drips, mm over the wettable surface. CALIBRATION GUESS
    /// (leaf-like surfaces hold 0.05-0.2 mm; plastic bags less).</summary>
    public double FilmCapacityMm { get; init; } = 0.05;
    /// <summary>Film depth below which the surface counts as dry for scoring, as a share of capacity.</summary>
    public double FilmWetThresholdFraction { get; init; } = 0.10;
    /// <summary>Film depth (share of capacity) above which the whole wettable surface evaporates; below
    /// it the wet area shrinks in proportion. CALIBRATION GUESS.</summary>
    public double FilmFullAreaFraction { get; init; } = 0.25;
    /// <summary>Mass-transfer coefficient from wet surfaces to the air, m/s (DERIVED: natural convection
    /// h_c about 1.5 W/m²K in dense bag rows, h_m = h_c/(rho cp)).</summary>
    public double FilmMassTransferMs { get; init; } = 0.0012;
    /// <summary>Bag and ear evaporation (substrate through the holes, ear transpiration) as a conductance,
    /// m/s over the wettable surface. Bag water loss is UNCONFIRMED in §6. CALIBRATION GUESS.</summary>
    public double BagMassTransferMs { get; init; } = 0.0001;

    public double WetSurfaceM2 => FloorAreaM2 * WetSurfacePerFloor;
    /// <summary>Film capacity, kg.</summary>
    public double FilmCapacityKg => WetSurfaceM2 * FilmCapacityMm / 1000.0 * 1000.0;

    // ---- Thermal mass (§6: bags hold 1.25-1.4 kg wet substrate at 55-60 % water; ~31,000 bags, §3) ----

    /// <summary>Number of bags (§3 DERIVED: 27,000-31,000 per house).</summary>
    public int BagCount { get; init; } = 30000;
    /// <summary>Wet substrate mass per bag, kg (§6, S92).</summary>
    public double BagMassKg { get; init; } = 1.3;
    /// <summary>Specific heat of wet substrate, J/(kg K) (DERIVED: 55-60 % water, dry wood ~1.5 kJ/kgK).</summary>
    public double BagSpecificHeatJKgK { get; init; } = 3000.0;
    /// <summary>Share of the bag mass that follows the air within hours (the core of a bag lags far
    /// behind). CALIBRATION GUESS.</summary>
    public double BagMassEffectiveFraction { get; init; } = 0.3;
    /// <summary>Convective coupling between bag surfaces and air, W/(m² K) of wettable surface
    /// (natural convection plus radiation between bags and air; CALIBRATION GUESS).</summary>
    public double BagToAirWm2K { get; init; } = 2.5;

    public double AirHeatCapacityJK => AirDensityKgM3 * AirSpecificHeatJKgK * VolumeM3;
    public double MassHeatCapacityJK => BagCount * BagMassKg * BagSpecificHeatJKgK * BagMassEffectiveFraction;
    public double MassToAirWK => BagToAirWm2K * WetSurfaceM2;

    /// <summary>Barometric pressure the sensor model reports, hPa (§5: about 943 hPa at 600 m; Wangqing
    /// lies lower, so a middle value).</summary>
    public double PressureHpa { get; init; } = 960.0;

    /// <summary>Leakage air changes per hour for a wind speed.</summary>
    public double LeakAch(double windMs) => LeakAchCalm + LeakAchPerWindMs * Math.Max(0.0, windMs);

    /// <summary>Film U-value for a wind speed, W/(m² K).</summary>
    public double CoverU(double windMs) => Math.Min(CoverUMaxWm2K, CoverUCalmWm2K + CoverUWindSlope * Math.Max(0.0, windMs));
}
