using Greenhouse.Ports;
using Greenhouse.Settings;

namespace Greenhouse.Persistence
{
    /// <summary>
    /// Reads the stored settings before the controller exists, for what the firmware needs to build its adapters
    /// (pins, relay polarity, Wi-Fi). Same files and validation as <see cref="SettingsPersistence"/>; the controller
    /// loads them again itself (with logging and alarms) in Start.
    /// </summary>
    public static class BootSettings
    {
        public static ControllerSettings Read(ISettingsStore store)
        {
            ControllerSettings settings = SettingsCatalog.CreateSettings();
            SettingsDocument a;
            SettingsDocument b;
            bool exists;
            string problem;
            bool okA = SettingsFile.TryReadCopy(store, SettingsPersistence.SlotA, out a, out exists, out problem);
            bool okB = SettingsFile.TryReadCopy(store, SettingsPersistence.SlotB, out b, out exists, out problem);
            SettingsDocument chosen = SettingsFile.Newest(okA, a, okB, b);
            if (chosen == null)
            {
                return settings;
            }

            // Two passes so that cross-setting rules do not depend on line order.
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < chosen.Count; i++)
                {
                    string error;
                    settings.TrySet(chosen.Keys[i], chosen.Values[i], out error);
                }
            }

            return settings;
        }
    }
}
