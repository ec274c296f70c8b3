namespace Greenhouse.Commands
{
    /// <summary>
    /// Who sent a command. MQTT is remote (anyone holding broker credentials); the console needs someone at the board;
    /// every other source is the controller's own composition (the settings file at start, the crop calendar, the
    /// connection trial's revert, the simulator and tests) and is trusted.
    /// </summary>
    public static class CommandSources
    {
        public const string Mqtt = "mqtt";
        public const string Console = "console";
        /// <summary>The stored settings file applied at start (also Greenhouse.Diagnostics.Journal.RestoreSource).</summary>
        public const string File = "file";
        public const string Calendar = "calendar";
        /// <summary>The connection trial going back to the last working connection.</summary>
        public const string Trial = "trial";

        /// <summary>True for the sources the risk classes restrict (MQTT and the console).</summary>
        public static bool IsRestricted(string source)
        {
            return source == Mqtt || source == Console;
        }
    }
}
