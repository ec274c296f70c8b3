using System.IO;
using Greenhouse.Control;
using Greenhouse.Settings;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Tests
{
    [TestClass]
    public class ControlDocsTests
    {
        private static string Docs()
        {
            string dir = Directory.GetCurrentDirectory();
            while (dir != null && !File.Exists(Path.Combine(dir, "docs", "control.md")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            Assert.IsNotNull(dir, "docs/control.md not found above the test directory");
            return File.ReadAllText(Path.Combine(dir, "docs", "control.md"));
        }

        [TestMethod]
        public void EveryControlSettingIsDocumentedWithItsDefault()
        {
            string docs = Docs();
            foreach (SettingDefinition def in ControlSettings.Definitions())
            {
                string key = (def.PerZone ? "zoneN." : "") + def.Name;
                string row = "| `" + key + "` | " + (def.Unit.Length == 0 ? "" : def.Unit + " ") + "| " + def.DefaultText + " | ";
                Assert.IsTrue(docs.Contains(row), "docs/control.md lacks the row for " + key + " (" + row + ")");
            }
        }

        [TestMethod]
        public void EveryRuleAndLimitHoldsForTheDefaults()
        {
            ControllerSettings settings = new ControllerSettings(SettingsCatalog.All());
            ControlSettings.AddRules(settings);
            string error;
            Assert.IsFalse(settings.TrySet("zone1.pulse_min_s", "90", out error));
            Assert.AreEqual("pulse_min_s must be below pulse_max_s", error);
            Assert.IsTrue(settings.TrySet("lockout.low_c", "13", out error), error);
            Assert.IsFalse(settings.TrySet("lockout.high_c", "15", out error));
            Assert.AreEqual("lockout.low_c plus twice lockout.hyst_c must be below lockout.high_c", error);
            Assert.IsTrue(settings.TrySet("lockout.high_c", "20", out error), error);
            Assert.IsFalse(settings.TrySet("lockout.hyst_c", "5", out error));
            Assert.IsTrue(settings.TrySet("lockout.high_c", "30", out error), error);
            foreach (SettingDefinition def in ControlSettings.Definitions())
            {
                if (def.Name == ControlSettings.BudgetHourSeconds)
                {
                    Assert.IsTrue(def.Maximum <= HardLimits.MaxMistSecondsPerHour);
                }

                if (def.Name == ControlSettings.BudgetDaySeconds)
                {
                    Assert.IsTrue(def.Maximum <= HardLimits.MaxMistSecondsPerDay);
                }

                if (def.Name == ControlSettings.LockoutHigh || def.Name.EndsWith(".max_temp_c"))
                {
                    Assert.IsTrue(def.Maximum <= HardLimits.MaxMistingTemperatureCelsius);
                }

                if (def.Name == ControlSettings.LockoutLow)
                {
                    Assert.IsTrue(def.Minimum >= HardLimits.MinMistingTemperatureCelsius);
                }

                if (def.Name.EndsWith(".target_rh"))
                {
                    Assert.IsTrue(def.Maximum <= HardLimits.MaxTargetRelativeHumidity);
                }
            }
        }
    }
}
