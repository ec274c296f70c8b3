using Greenhouse.Settings;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Tests
{
    [TestClass]
    public class SettingsCatalogTests
    {
        [TestMethod]
        public void KeysAreUniqueAndDefaultsValid()
        {
            SettingDefinition[] all = SettingsCatalog.All();
            for (int i = 0; i < all.Length; i++)
            {
                for (int j = i + 1; j < all.Length; j++)
                {
                    Assert.AreNotEqual(all[i].Name, all[j].Name, "duplicate setting " + all[i].Name);
                }
            }

            ControllerSettings settings = new ControllerSettings(all);
            for (int i = 0; i < all.Length; i++)
            {
                int zone = all[i].PerZone ? 1 : 0;
                string error;
                Assert.IsTrue(settings.TrySet(i, zone, all[i].DefaultText, out error), all[i].Name + ": " + error);
            }
        }

        [TestMethod]
        public void NoSettingRangeExceedsTheHardLimits()
        {
            foreach (SettingDefinition def in SettingsCatalog.All())
            {
                if (def.Name == CoreSettings.MaxMistSeconds)
                {
                    Assert.IsTrue(def.Maximum <= HardLimits.MaxContinuousMistSeconds);
                }

                if (def.Name == CoreSettings.TargetRh)
                {
                    Assert.IsTrue(def.Maximum <= HardLimits.MaxTargetRelativeHumidity);
                }
            }
        }
    }
}
