using Greenhouse.Climate;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    // Shared between MSTest (host) and nanoFramework.TestFramework (device): exact-match asserts only, so
    // values are compared after rounding to the precision the reference table gives.
    [TestClass]
    public class PsychrometricsTests
    {
        [TestMethod]
        public void SaturationVapourPressureMatchesReferenceTable()
        {
            // wood-ear-domain.md §5 reference values (Pa, rounded to whole pascals).
            Assert.AreEqual(1702L, Round(Psychrometrics.SaturationVapourPressurePascals(15)));
            Assert.AreEqual(2333L, Round(Psychrometrics.SaturationVapourPressurePascals(20)));
            Assert.AreEqual(3160L, Round(Psychrometrics.SaturationVapourPressurePascals(25)));
            Assert.AreEqual(4234L, Round(Psychrometrics.SaturationVapourPressurePascals(30)));
        }

        [TestMethod]
        public void SaturatedAbsoluteHumidityMatchesReferenceTable()
        {
            // g/m³ to one decimal.
            Assert.AreEqual(128L, Round(10 * Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(15, 100)));
            Assert.AreEqual(172L, Round(10 * Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(20, 100)));
            Assert.AreEqual(271L, Round(10 * Psychrometrics.AbsoluteHumidityGramsPerCubicMetre(28, 100)));
        }

        [TestMethod]
        public void VapourPressureDeficitAndDewPointMatchReference()
        {
            // 20 °C / 90 % -> 0.23 kPa, dew point 18.3 °C; 25 °C / 85 % -> 0.47 kPa.
            Assert.AreEqual(23L, Round(100 * Psychrometrics.VapourPressureDeficitKilopascals(20, 90)));
            Assert.AreEqual(183L, Round(10 * Psychrometrics.DewPointCelsius(20, 90)));
            Assert.AreEqual(47L, Round(100 * Psychrometrics.VapourPressureDeficitKilopascals(25, 85)));
        }

        [TestMethod]
        public void DewPointEqualsAirTemperatureAtSaturation()
        {
            Assert.AreEqual(2000L, Round(100 * Psychrometrics.DewPointCelsius(20, 100)));
            Assert.AreEqual(0L, Round(1000 * Psychrometrics.VapourPressureDeficitKilopascals(20, 100)));
        }

        [TestMethod]
        public void DewPointIsNotANumberWithoutHumidity()
        {
            Assert.IsTrue(double.IsNaN(Psychrometrics.DewPointCelsius(20, 0)));
        }

        private static long Round(double value)
        {
            return (long)(value < 0 ? value - 0.5 : value + 0.5);
        }
    }
}
