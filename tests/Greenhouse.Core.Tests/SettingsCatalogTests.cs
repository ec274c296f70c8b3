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

                if (def.Name == CoreSettings.TrialMinutes)
                {
                    Assert.IsTrue(def.Maximum <= HardLimits.MaxConnectionTrialMinutes && def.Minimum >= HardLimits.MinConnectionTrialMinutes);
                }
            }
        }

        /// <summary>
        /// The risk classes as the issue names them: everything that decides how the board reaches the broker is a
        /// connection setting, everything that changes what a pin or relay does physically is a hardware setting (and a
        /// device setting: pending hardware changes are kept per device), the rest is crop. A new setting of either
        /// kind must be marked, or this fails.
        /// </summary>
        [TestMethod]
        public void RiskClassesCoverTheConnectionAndHardwareSettings()
        {
            string[] connection = { "device.id", "wifi.ssid", "wifi.password", "mqtt.host", "mqtt.port", "mqtt.user", "mqtt.password", "mqtt.tls", "mqtt.prefix" };
            foreach (SettingDefinition def in SettingsCatalog.All())
            {
                bool hardware = def.Name.StartsWith("pins.") || def.Name == "relays.active_low" || def.Name == "zones" || def.Name == "sensor2.bus" || def.Name == "console.baud";
                SettingRisk expected = hardware ? SettingRisk.Hardware : System.Array.IndexOf(connection, def.Name) >= 0 ? SettingRisk.Connection : SettingRisk.Crop;
                Assert.AreEqual(expected, def.Risk, def.Name);
                if (def.Risk != SettingRisk.Crop)
                {
                    Assert.IsFalse(def.PerZone, def.Name + " must be a device setting");
                }
            }
        }
    }
}
