using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Tests
{
    [TestClass]
    public class ComparisonFigures
    {
        [TestMethod]
        public void PrintFigures()
        {
            string figures = "plume: " + ControlComparisonTests.Figures(0.5) + "\nno plume: " + ControlComparisonTests.Figures(0);
            Console.WriteLine(figures);
            Assert.IsTrue(figures.Length > 0);
        }
    }
}
