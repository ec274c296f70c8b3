namespace Greenhouse.Settings
{
    /// <summary>
    /// Told after a setting changed (any door: MQTT, console, settings file, calendar). Called inside the change,
    /// so an observer keeps its work small and never throws.
    /// </summary>
    public interface ISettingsObserver
    {
        /// <param name="definition">Index of the changed definition, or -1 when every setting was reset to its default.</param>
        /// <param name="zone">1..4 for a zone setting, 0 for a device setting, -1 with definition -1.</param>
        /// <param name="source">Who changed it ("mqtt", "console", "file", "calendar" …), or null for a direct set.</param>
        void SettingChanged(int definition, int zone, string source);
    }
}
