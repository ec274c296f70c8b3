using System;

namespace Greenhouse.Climate
{
    /// <summary>
    /// Moist-air relations used by the controller (Magnus form, Sonntag 1990 coefficients over water,
    /// valid -45..60 °C; wood-ear-domain.md §5). Temperatures in °C, pressures in Pa unless named otherwise.
    /// </summary>
    public static class Psychrometrics
    {
        /// <summary>Magnus coefficient beta over water.</summary>
        public const double MagnusBeta = 17.62;
        /// <summary>Magnus coefficient lambda over water, °C.</summary>
        public const double MagnusLambdaCelsius = 243.12;
        /// <summary>Saturation vapour pressure at 0 °C, Pa.</summary>
        public const double MagnusE0Pascals = 611.2;
        /// <summary>Absolute-humidity constant (Vaisala), g·K/J.</summary>
        public const double AbsoluteHumidityConstant = 2.16679;

        /// <summary>Saturation vapour pressure over water, Pa.</summary>
        public static double SaturationVapourPressurePascals(double temperatureCelsius)
        {
            return MagnusE0Pascals * Math.Exp(MagnusBeta * temperatureCelsius / (MagnusLambdaCelsius + temperatureCelsius));
        }

        /// <summary>Actual vapour pressure, Pa.</summary>
        public static double VapourPressurePascals(double temperatureCelsius, double relativeHumidityPercent)
        {
            return relativeHumidityPercent / 100.0 * SaturationVapourPressurePascals(temperatureCelsius);
        }

        /// <summary>Dew point, °C. NaN when RH is not above zero.</summary>
        public static double DewPointCelsius(double temperatureCelsius, double relativeHumidityPercent)
        {
            if (!(relativeHumidityPercent > 0))
            {
                return double.NaN;
            }

            double gamma = Math.Log(relativeHumidityPercent / 100.0) + MagnusBeta * temperatureCelsius / (MagnusLambdaCelsius + temperatureCelsius);
            return MagnusLambdaCelsius * gamma / (MagnusBeta - gamma);
        }

        /// <summary>Vapour-pressure deficit of the air, kPa.</summary>
        public static double VapourPressureDeficitKilopascals(double temperatureCelsius, double relativeHumidityPercent)
        {
            double saturation = SaturationVapourPressurePascals(temperatureCelsius);
            double deficit = saturation * (1.0 - relativeHumidityPercent / 100.0);
            return (deficit < 0 ? 0 : deficit) / 1000.0;
        }

        /// <summary>Absolute humidity, g/m³.</summary>
        public static double AbsoluteHumidityGramsPerCubicMetre(double temperatureCelsius, double relativeHumidityPercent)
        {
            return AbsoluteHumidityConstant * VapourPressurePascals(temperatureCelsius, relativeHumidityPercent) / (temperatureCelsius + 273.15);
        }

        /// <summary>Relative humidity, percent, for a vapour pressure (Pa) at a temperature; may exceed 100 (supersaturated input).</summary>
        public static double RelativeHumidityPercent(double temperatureCelsius, double vapourPressurePascals)
        {
            return 100.0 * vapourPressurePascals / SaturationVapourPressurePascals(temperatureCelsius);
        }
    }
}
