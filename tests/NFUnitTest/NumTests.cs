using Greenhouse.Text;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    [TestClass]
    public class NumTests
    {
        [TestMethod]
        public void FormatsWithDotAndFixedDecimals()
        {
            Assert.AreEqual("21.5", Num.Format(21.46, 1));
            Assert.AreEqual("-0.25", Num.Format(-0.245, 2));
            Assert.AreEqual("0.0", Num.Format(-0.01, 1));
            Assert.AreEqual("100", Num.Format(99.6, 0));
            Assert.AreEqual("null", Num.Format(double.NaN, 1));
        }

        [TestMethod]
        public void ShortFormatDropsTrailingZeros()
        {
            Assert.AreEqual("91", Num.FormatShort(91.0, 1));
            Assert.AreEqual("2.5", Num.FormatShort(2.50, 2));
            Assert.AreEqual("0", Num.FormatShort(-0.001, 1));
        }

        [TestMethod]
        public void ParsesOnlyPlainDecimals()
        {
            double value;
            Assert.IsTrue(Num.TryParse(" 91.5 ", out value));
            Assert.AreEqual(91.5, value);
            Assert.IsTrue(Num.TryParse("-3", out value));
            Assert.AreEqual(-3.0, value);
            Assert.IsFalse(Num.TryParse("91,5", out value));
            Assert.IsFalse(Num.TryParse("1e3", out value));
            Assert.IsFalse(Num.TryParse("NaN", out value));
            Assert.IsFalse(Num.TryParse("", out value));
            Assert.IsFalse(Num.TryParse(".", out value));
            Assert.IsFalse(Num.TryParse("1.2.3", out value));
        }

        [TestMethod]
        public void ParsesIntegersStrictly()
        {
            long value;
            Assert.IsTrue(Num.TryParseInt("120", out value));
            Assert.AreEqual(120L, value);
            Assert.IsFalse(Num.TryParseInt("12.0", out value));
            Assert.IsFalse(Num.TryParseInt("-", out value));
        }
    }
}
