// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.UnitsNet.Length 5.76.15
// Upstream: nanoframework/nanoFramework.UnitsNet@19b239a52f732b70844d498016b316fc72d739e7 nanoFramework.UnitsNet/GeneratedCode/Quantities/Length.g.cs
// Upstream: nanoframework/nanoFramework.UnitsNet@19b239a52f732b70844d498016b316fc72d739e7 nanoFramework.UnitsNet/GeneratedCode/Units/LengthUnit.g.cs
// No operators, no Equals/ToString/CompareTo overrides: the nanoFramework quantity structs have none.
using UnitsNet.Units;

namespace UnitsNet
{
    public struct Length
    {
        public double Value { get { throw null; } }
        public LengthUnit Unit { get { throw null; } }
        public Length(double value, LengthUnit unit) { throw null; }
        public static LengthUnit BaseUnit { get { throw null; } }
        public static Length MaxValue { get { throw null; } }
        public static Length MinValue { get { throw null; } }
        public static Length Zero { get { throw null; } }
        public double Angstroms { get { throw null; } }
        public double AstronomicalUnits { get { throw null; } }
        public double Centimeters { get { throw null; } }
        public double Chains { get { throw null; } }
        public double DataMiles { get { throw null; } }
        public double Decameters { get { throw null; } }
        public double Decimeters { get { throw null; } }
        public double DtpPicas { get { throw null; } }
        public double DtpPoints { get { throw null; } }
        public double Fathoms { get { throw null; } }
        public double Femtometers { get { throw null; } }
        public double Feet { get { throw null; } }
        public double Gigameters { get { throw null; } }
        public double Hands { get { throw null; } }
        public double Hectometers { get { throw null; } }
        public double Inches { get { throw null; } }
        public double Kilofeet { get { throw null; } }
        public double KilolightYears { get { throw null; } }
        public double Kilometers { get { throw null; } }
        public double Kiloparsecs { get { throw null; } }
        public double Kiloyards { get { throw null; } }
        public double LightYears { get { throw null; } }
        public double MegalightYears { get { throw null; } }
        public double Megameters { get { throw null; } }
        public double Megaparsecs { get { throw null; } }
        public double Meters { get { throw null; } }
        public double Microinches { get { throw null; } }
        public double Micrometers { get { throw null; } }
        public double Mils { get { throw null; } }
        public double Miles { get { throw null; } }
        public double Millimeters { get { throw null; } }
        public double Nanometers { get { throw null; } }
        public double NauticalMiles { get { throw null; } }
        public double Parsecs { get { throw null; } }
        public double Picometers { get { throw null; } }
        public double PrinterPicas { get { throw null; } }
        public double PrinterPoints { get { throw null; } }
        public double Shackles { get { throw null; } }
        public double SolarRadiuses { get { throw null; } }
        public double Twips { get { throw null; } }
        public double UsSurveyFeet { get { throw null; } }
        public double Yards { get { throw null; } }
        public static Length FromAngstroms(double angstroms) { throw null; }
        public static Length FromAstronomicalUnits(double astronomicalunits) { throw null; }
        public static Length FromCentimeters(double centimeters) { throw null; }
        public static Length FromChains(double chains) { throw null; }
        public static Length FromDataMiles(double datamiles) { throw null; }
        public static Length FromDecameters(double decameters) { throw null; }
        public static Length FromDecimeters(double decimeters) { throw null; }
        public static Length FromDtpPicas(double dtppicas) { throw null; }
        public static Length FromDtpPoints(double dtppoints) { throw null; }
        public static Length FromFathoms(double fathoms) { throw null; }
        public static Length FromFemtometers(double femtometers) { throw null; }
        public static Length FromFeet(double feet) { throw null; }
        public static Length FromGigameters(double gigameters) { throw null; }
        public static Length FromHands(double hands) { throw null; }
        public static Length FromHectometers(double hectometers) { throw null; }
        public static Length FromInches(double inches) { throw null; }
        public static Length FromKilofeet(double kilofeet) { throw null; }
        public static Length FromKilolightYears(double kilolightyears) { throw null; }
        public static Length FromKilometers(double kilometers) { throw null; }
        public static Length FromKiloparsecs(double kiloparsecs) { throw null; }
        public static Length FromKiloyards(double kiloyards) { throw null; }
        public static Length FromLightYears(double lightyears) { throw null; }
        public static Length FromMegalightYears(double megalightyears) { throw null; }
        public static Length FromMegameters(double megameters) { throw null; }
        public static Length FromMegaparsecs(double megaparsecs) { throw null; }
        public static Length FromMeters(double meters) { throw null; }
        public static Length FromMicroinches(double microinches) { throw null; }
        public static Length FromMicrometers(double micrometers) { throw null; }
        public static Length FromMils(double mils) { throw null; }
        public static Length FromMiles(double miles) { throw null; }
        public static Length FromMillimeters(double millimeters) { throw null; }
        public static Length FromNanometers(double nanometers) { throw null; }
        public static Length FromNauticalMiles(double nauticalmiles) { throw null; }
        public static Length FromParsecs(double parsecs) { throw null; }
        public static Length FromPicometers(double picometers) { throw null; }
        public static Length FromPrinterPicas(double printerpicas) { throw null; }
        public static Length FromPrinterPoints(double printerpoints) { throw null; }
        public static Length FromShackles(double shackles) { throw null; }
        public static Length FromSolarRadiuses(double solarradiuses) { throw null; }
        public static Length FromTwips(double twips) { throw null; }
        public static Length FromUsSurveyFeet(double ussurveyfeet) { throw null; }
        public static Length FromYards(double yards) { throw null; }
        public static Length From(double value, LengthUnit fromUnit) { throw null; }
        public double As(LengthUnit unit) { throw null; }
        public Length ToUnit(LengthUnit unit) { throw null; }
    }
}

namespace UnitsNet.Units
{
    public enum LengthUnit
    {
        Angstrom = 1,
        AstronomicalUnit = 2,
        Centimeter = 3,
        Chain = 4,
        DataMile = 5,
        Decameter = 6,
        Decimeter = 7,
        DtpPica = 8,
        DtpPoint = 9,
        Fathom = 10,
        Femtometer = 48,
        Foot = 11,
        Gigameter = 44,
        Hand = 12,
        Hectometer = 13,
        Inch = 14,
        Kilofoot = 45,
        KilolightYear = 15,
        Kilometer = 16,
        Kiloparsec = 17,
        Kiloyard = 38,
        LightYear = 18,
        MegalightYear = 19,
        Megameter = 41,
        Megaparsec = 20,
        Meter = 21,
        Microinch = 22,
        Micrometer = 23,
        Mil = 24,
        Mile = 25,
        Millimeter = 26,
        Nanometer = 27,
        NauticalMile = 28,
        Parsec = 29,
        Picometer = 43,
        PrinterPica = 30,
        PrinterPoint = 31,
        Shackle = 32,
        SolarRadius = 33,
        Twip = 34,
        UsSurveyFoot = 35,
        Yard = 36,
    }
}
