namespace Greenhouse.Settings
{
    /// <summary>
    /// Compiled-in ceilings that protect the crop and the hardware. No setting, MQTT message or console line can
    /// exceed them: setting ranges are checked against them by tests, and the control code clamps to them again
    /// before it opens a valve.
    /// </summary>
    public static class HardLimits
    {
        /// <summary>Longest a valve may stay open in one go, seconds (a stuck-open valve floods the bags).</summary>
        public const int MaxContinuousMistSeconds = 900;

        /// <summary>Longest manual mist-now pulse, seconds.</summary>
        public const int MaxManualMistSeconds = 300;

        /// <summary>Most misting per zone per hour, seconds.</summary>
        public const int MaxMistSecondsPerHour = 1800;

        /// <summary>Most misting per zone per day, seconds (4 h of open valve).</summary>
        public const int MaxMistSecondsPerDay = 14400;

        /// <summary>Highest humidity target, %RH: above it the sensor cannot tell air from water film.</summary>
        public const double MaxTargetRelativeHumidity = 98;

        /// <summary>No misting at or above this air temperature whatever the settings, °C (runny-ear rot).</summary>
        public const double MaxMistingTemperatureCelsius = 35;

        /// <summary>No misting at or below this air temperature whatever the settings, °C (frozen lines).</summary>
        public const double MinMistingTemperatureCelsius = 1;

        /// <summary>
        /// Longest a changed connection (broker, Wi-Fi, prefix, device id) stays on trial before the last working one
        /// returns, minutes: the longest a remote command can cut a house off.
        /// </summary>
        public const double MaxConnectionTrialMinutes = 30;

        /// <summary>Shortest connection trial, minutes (below a minute only for tests: a Wi-Fi join alone can take that long).</summary>
        public const double MinConnectionTrialMinutes = 0.2;
    }
}
