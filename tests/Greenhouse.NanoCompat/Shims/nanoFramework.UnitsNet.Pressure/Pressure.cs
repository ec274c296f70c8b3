// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.UnitsNet.Pressure 5.76.15
// Upstream: nanoframework/nanoFramework.UnitsNet@19b239a52f732b70844d498016b316fc72d739e7 nanoFramework.UnitsNet/GeneratedCode/Quantities/Pressure.g.cs
// Upstream: nanoframework/nanoFramework.UnitsNet@19b239a52f732b70844d498016b316fc72d739e7 nanoFramework.UnitsNet/GeneratedCode/Units/PressureUnit.g.cs
// No operators, no Equals/ToString/CompareTo overrides: the nanoFramework quantity structs have none.
using UnitsNet.Units;

namespace UnitsNet
{
    public struct Pressure
    {
        public double Value { get { throw null; } }
        public PressureUnit Unit { get { throw null; } }
        public Pressure(double value, PressureUnit unit) { throw null; }
        public static PressureUnit BaseUnit { get { throw null; } }
        public static Pressure MaxValue { get { throw null; } }
        public static Pressure MinValue { get { throw null; } }
        public static Pressure Zero { get { throw null; } }
        public double Atmospheres { get { throw null; } }
        public double Bars { get { throw null; } }
        public double Centibars { get { throw null; } }
        public double CentimetersOfWaterColumn { get { throw null; } }
        public double Decapascals { get { throw null; } }
        public double Decibars { get { throw null; } }
        public double DynesPerSquareCentimeter { get { throw null; } }
        public double FeetOfHead { get { throw null; } }
        public double Gigapascals { get { throw null; } }
        public double Hectopascals { get { throw null; } }
        public double InchesOfMercury { get { throw null; } }
        public double InchesOfWaterColumn { get { throw null; } }
        public double Kilobars { get { throw null; } }
        public double KilogramsForcePerSquareCentimeter { get { throw null; } }
        public double KilogramsForcePerSquareMeter { get { throw null; } }
        public double KilogramsForcePerSquareMillimeter { get { throw null; } }
        public double KilonewtonsPerSquareCentimeter { get { throw null; } }
        public double KilonewtonsPerSquareMeter { get { throw null; } }
        public double KilonewtonsPerSquareMillimeter { get { throw null; } }
        public double Kilopascals { get { throw null; } }
        public double KilopoundsForcePerSquareFoot { get { throw null; } }
        public double KilopoundsForcePerSquareInch { get { throw null; } }
        public double KilopoundsForcePerSquareMil { get { throw null; } }
        public double Megabars { get { throw null; } }
        public double MeganewtonsPerSquareMeter { get { throw null; } }
        public double Megapascals { get { throw null; } }
        public double MetersOfHead { get { throw null; } }
        public double MetersOfWaterColumn { get { throw null; } }
        public double Microbars { get { throw null; } }
        public double Micropascals { get { throw null; } }
        public double Millibars { get { throw null; } }
        public double MillimetersOfMercury { get { throw null; } }
        public double MillimetersOfWaterColumn { get { throw null; } }
        public double Millipascals { get { throw null; } }
        public double Millitorrs { get { throw null; } }
        public double NewtonsPerSquareCentimeter { get { throw null; } }
        public double NewtonsPerSquareMeter { get { throw null; } }
        public double NewtonsPerSquareMillimeter { get { throw null; } }
        public double Pascals { get { throw null; } }
        public double PoundsForcePerSquareFoot { get { throw null; } }
        public double PoundsForcePerSquareInch { get { throw null; } }
        public double PoundsForcePerSquareMil { get { throw null; } }
        public double PoundsPerInchSecondSquared { get { throw null; } }
        public double TechnicalAtmospheres { get { throw null; } }
        public double TonnesForcePerSquareCentimeter { get { throw null; } }
        public double TonnesForcePerSquareMeter { get { throw null; } }
        public double TonnesForcePerSquareMillimeter { get { throw null; } }
        public double Torrs { get { throw null; } }
        public static Pressure FromAtmospheres(double atmospheres) { throw null; }
        public static Pressure FromBars(double bars) { throw null; }
        public static Pressure FromCentibars(double centibars) { throw null; }
        public static Pressure FromCentimetersOfWaterColumn(double centimetersofwatercolumn) { throw null; }
        public static Pressure FromDecapascals(double decapascals) { throw null; }
        public static Pressure FromDecibars(double decibars) { throw null; }
        public static Pressure FromDynesPerSquareCentimeter(double dynespersquarecentimeter) { throw null; }
        public static Pressure FromFeetOfHead(double feetofhead) { throw null; }
        public static Pressure FromGigapascals(double gigapascals) { throw null; }
        public static Pressure FromHectopascals(double hectopascals) { throw null; }
        public static Pressure FromInchesOfMercury(double inchesofmercury) { throw null; }
        public static Pressure FromInchesOfWaterColumn(double inchesofwatercolumn) { throw null; }
        public static Pressure FromKilobars(double kilobars) { throw null; }
        public static Pressure FromKilogramsForcePerSquareCentimeter(double kilogramsforcepersquarecentimeter) { throw null; }
        public static Pressure FromKilogramsForcePerSquareMeter(double kilogramsforcepersquaremeter) { throw null; }
        public static Pressure FromKilogramsForcePerSquareMillimeter(double kilogramsforcepersquaremillimeter) { throw null; }
        public static Pressure FromKilonewtonsPerSquareCentimeter(double kilonewtonspersquarecentimeter) { throw null; }
        public static Pressure FromKilonewtonsPerSquareMeter(double kilonewtonspersquaremeter) { throw null; }
        public static Pressure FromKilonewtonsPerSquareMillimeter(double kilonewtonspersquaremillimeter) { throw null; }
        public static Pressure FromKilopascals(double kilopascals) { throw null; }
        public static Pressure FromKilopoundsForcePerSquareFoot(double kilopoundsforcepersquarefoot) { throw null; }
        public static Pressure FromKilopoundsForcePerSquareInch(double kilopoundsforcepersquareinch) { throw null; }
        public static Pressure FromKilopoundsForcePerSquareMil(double kilopoundsforcepersquaremil) { throw null; }
        public static Pressure FromMegabars(double megabars) { throw null; }
        public static Pressure FromMeganewtonsPerSquareMeter(double meganewtonspersquaremeter) { throw null; }
        public static Pressure FromMegapascals(double megapascals) { throw null; }
        public static Pressure FromMetersOfHead(double metersofhead) { throw null; }
        public static Pressure FromMetersOfWaterColumn(double metersofwatercolumn) { throw null; }
        public static Pressure FromMicrobars(double microbars) { throw null; }
        public static Pressure FromMicropascals(double micropascals) { throw null; }
        public static Pressure FromMillibars(double millibars) { throw null; }
        public static Pressure FromMillimetersOfMercury(double millimetersofmercury) { throw null; }
        public static Pressure FromMillimetersOfWaterColumn(double millimetersofwatercolumn) { throw null; }
        public static Pressure FromMillipascals(double millipascals) { throw null; }
        public static Pressure FromMillitorrs(double millitorrs) { throw null; }
        public static Pressure FromNewtonsPerSquareCentimeter(double newtonspersquarecentimeter) { throw null; }
        public static Pressure FromNewtonsPerSquareMeter(double newtonspersquaremeter) { throw null; }
        public static Pressure FromNewtonsPerSquareMillimeter(double newtonspersquaremillimeter) { throw null; }
        public static Pressure FromPascals(double pascals) { throw null; }
        public static Pressure FromPoundsForcePerSquareFoot(double poundsforcepersquarefoot) { throw null; }
        public static Pressure FromPoundsForcePerSquareInch(double poundsforcepersquareinch) { throw null; }
        public static Pressure FromPoundsForcePerSquareMil(double poundsforcepersquaremil) { throw null; }
        public static Pressure FromPoundsPerInchSecondSquared(double poundsperinchsecondsquared) { throw null; }
        public static Pressure FromTechnicalAtmospheres(double technicalatmospheres) { throw null; }
        public static Pressure FromTonnesForcePerSquareCentimeter(double tonnesforcepersquarecentimeter) { throw null; }
        public static Pressure FromTonnesForcePerSquareMeter(double tonnesforcepersquaremeter) { throw null; }
        public static Pressure FromTonnesForcePerSquareMillimeter(double tonnesforcepersquaremillimeter) { throw null; }
        public static Pressure FromTorrs(double torrs) { throw null; }
        public static Pressure From(double value, PressureUnit fromUnit) { throw null; }
        public double As(PressureUnit unit) { throw null; }
        public Pressure ToUnit(PressureUnit unit) { throw null; }
    }
}

namespace UnitsNet.Units
{
    public enum PressureUnit
    {
        Atmosphere = 1,
        Bar = 2,
        Centibar = 3,
        CentimeterOfWaterColumn = 48,
        Decapascal = 4,
        Decibar = 5,
        DynePerSquareCentimeter = 6,
        FootOfHead = 8,
        Gigapascal = 9,
        Hectopascal = 10,
        InchOfMercury = 11,
        InchOfWaterColumn = 12,
        Kilobar = 13,
        KilogramForcePerSquareCentimeter = 14,
        KilogramForcePerSquareMeter = 15,
        KilogramForcePerSquareMillimeter = 16,
        KilonewtonPerSquareCentimeter = 17,
        KilonewtonPerSquareMeter = 18,
        KilonewtonPerSquareMillimeter = 19,
        Kilopascal = 20,
        KilopoundForcePerSquareFoot = 21,
        KilopoundForcePerSquareInch = 22,
        KilopoundForcePerSquareMil = 23,
        Megabar = 24,
        MeganewtonPerSquareMeter = 25,
        Megapascal = 26,
        MeterOfHead = 28,
        MeterOfWaterColumn = 57,
        Microbar = 29,
        Micropascal = 30,
        Millibar = 31,
        MillimeterOfMercury = 32,
        MillimeterOfWaterColumn = 33,
        Millipascal = 34,
        Millitorr = 52,
        NewtonPerSquareCentimeter = 35,
        NewtonPerSquareMeter = 36,
        NewtonPerSquareMillimeter = 37,
        Pascal = 38,
        PoundForcePerSquareFoot = 39,
        PoundForcePerSquareInch = 40,
        PoundForcePerSquareMil = 41,
        PoundPerInchSecondSquared = 42,
        TechnicalAtmosphere = 43,
        TonneForcePerSquareCentimeter = 44,
        TonneForcePerSquareMeter = 45,
        TonneForcePerSquareMillimeter = 46,
        Torr = 47,
    }
}
