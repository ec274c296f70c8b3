// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.UnitsNet.Temperature 5.76.15
// Upstream: nanoframework/nanoFramework.UnitsNet@19b239a52f732b70844d498016b316fc72d739e7 nanoFramework.UnitsNet/GeneratedCode/Quantities/Temperature.g.cs
// Upstream: nanoframework/nanoFramework.UnitsNet@19b239a52f732b70844d498016b316fc72d739e7 nanoFramework.UnitsNet/GeneratedCode/Units/TemperatureUnit.g.cs
// No operators, no Equals/ToString/CompareTo overrides: the nanoFramework quantity structs have none.
using UnitsNet.Units;

namespace UnitsNet
{
    public struct Temperature
    {
        public double Value { get { throw null; } }
        public TemperatureUnit Unit { get { throw null; } }
        public Temperature(double value, TemperatureUnit unit) { throw null; }
        public static TemperatureUnit BaseUnit { get { throw null; } }
        public static Temperature MaxValue { get { throw null; } }
        public static Temperature MinValue { get { throw null; } }
        public static Temperature Zero { get { throw null; } }
        public double DegreesCelsius { get { throw null; } }
        public double DegreesDelisle { get { throw null; } }
        public double DegreesFahrenheit { get { throw null; } }
        public double DegreesNewton { get { throw null; } }
        public double DegreesRankine { get { throw null; } }
        public double DegreesReaumur { get { throw null; } }
        public double DegreesRoemer { get { throw null; } }
        public double Kelvins { get { throw null; } }
        public double MillidegreesCelsius { get { throw null; } }
        public double SolarTemperatures { get { throw null; } }
        public static Temperature FromDegreesCelsius(double degreescelsius) { throw null; }
        public static Temperature FromDegreesDelisle(double degreesdelisle) { throw null; }
        public static Temperature FromDegreesFahrenheit(double degreesfahrenheit) { throw null; }
        public static Temperature FromDegreesNewton(double degreesnewton) { throw null; }
        public static Temperature FromDegreesRankine(double degreesrankine) { throw null; }
        public static Temperature FromDegreesReaumur(double degreesreaumur) { throw null; }
        public static Temperature FromDegreesRoemer(double degreesroemer) { throw null; }
        public static Temperature FromKelvins(double kelvins) { throw null; }
        public static Temperature FromMillidegreesCelsius(double millidegreescelsius) { throw null; }
        public static Temperature FromSolarTemperatures(double solartemperatures) { throw null; }
        public static Temperature From(double value, TemperatureUnit fromUnit) { throw null; }
        public double As(TemperatureUnit unit) { throw null; }
        public Temperature ToUnit(TemperatureUnit unit) { throw null; }
    }
}

namespace UnitsNet.Units
{
    public enum TemperatureUnit
    {
        DegreeCelsius = 1,
        DegreeDelisle = 2,
        DegreeFahrenheit = 3,
        DegreeNewton = 4,
        DegreeRankine = 5,
        DegreeReaumur = 6,
        DegreeRoemer = 7,
        Kelvin = 8,
        MillidegreeCelsius = 9,
        SolarTemperature = 10,
    }
}
