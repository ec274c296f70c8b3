// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.UnitsNet.RelativeHumidity 5.76.15
// Upstream: nanoframework/nanoFramework.UnitsNet@19b239a52f732b70844d498016b316fc72d739e7 nanoFramework.UnitsNet/GeneratedCode/Quantities/RelativeHumidity.g.cs
// Upstream: nanoframework/nanoFramework.UnitsNet@19b239a52f732b70844d498016b316fc72d739e7 nanoFramework.UnitsNet/GeneratedCode/Units/RelativeHumidityUnit.g.cs
// No operators, no Equals/ToString/CompareTo overrides: the nanoFramework quantity structs have none.
using UnitsNet.Units;

namespace UnitsNet
{
    public struct RelativeHumidity
    {
        public double Value { get { throw null; } }
        public RelativeHumidityUnit Unit { get { throw null; } }
        public RelativeHumidity(double value, RelativeHumidityUnit unit) { throw null; }
        public static RelativeHumidityUnit BaseUnit { get { throw null; } }
        public static RelativeHumidity MaxValue { get { throw null; } }
        public static RelativeHumidity MinValue { get { throw null; } }
        public static RelativeHumidity Zero { get { throw null; } }
        public double Percent { get { throw null; } }
        public static RelativeHumidity FromPercent(double percent) { throw null; }
        public static RelativeHumidity From(double value, RelativeHumidityUnit fromUnit) { throw null; }
        public double As(RelativeHumidityUnit unit) { throw null; }
        public RelativeHumidity ToUnit(RelativeHumidityUnit unit) { throw null; }
    }
}

namespace UnitsNet.Units
{
    public enum RelativeHumidityUnit
    {
        Percent = 1,
    }
}
