namespace Greenhouse.Sensing
{
    /// <summary>
    /// Why a sensor has its health. Stable codes: <see cref="SensorReasons.Text"/> gives the word used in logs, state
    /// documents and the console (enum ToString is a number on the device).
    /// </summary>
    public enum SensorReason
    {
        /// <summary>Plausible readings.</summary>
        Ok = 0,
        /// <summary>Started, nothing read yet.</summary>
        NoReading = 1,
        /// <summary>No sensor at this position.</summary>
        NotFitted = 2,
        /// <summary>The bus transfer failed twice in the tick (read and retry).</summary>
        BusError = 3,
        /// <summary>The device did not answer or had the wrong chip id.</summary>
        NotAnswering = 4,
        /// <summary>The device flagged a channel invalid.</summary>
        InvalidData = 5,
        /// <summary>Temperature or humidity was not a number.</summary>
        NotANumber = 6,
        /// <summary>Temperature outside the plausible range.</summary>
        TemperatureRange = 7,
        /// <summary>Humidity outside 0..100 %.</summary>
        HumidityRange = 8,
        /// <summary>Temperature changed faster than physically plausible.</summary>
        TemperatureStep = 9,
        /// <summary>Humidity changed faster than physically plausible.</summary>
        HumidityStep = 10,
        /// <summary>Humidity exactly unchanged for too long while conditions changed.</summary>
        Stuck = 11,
        /// <summary>Humidity at saturation for hours without misting: the wet-BME280 failure.</summary>
        Saturated = 12,
        /// <summary>The two sensors disagree on humidity for too long.</summary>
        Disagree = 13
    }

    /// <summary>Text of reason codes and health values.</summary>
    public static class SensorReasons
    {
        private static readonly string[] Texts =
        {
            "ok", "no_reading", "not_fitted", "bus_error", "not_answering", "invalid_data", "nan", "temperature_range",
            "rh_range", "temperature_step", "rh_step", "stuck", "saturated", "disagree"
        };

        private static readonly string[] HealthTexts = { "ok", "suspect", "failed", "absent" };

        /// <summary>Word for a reason code ("bus_error").</summary>
        public static string Text(SensorReason reason)
        {
            int index = (int)reason;
            return index >= 0 && index < Texts.Length ? Texts[index] : "unknown";
        }

        /// <summary>Word for a health value ("failed").</summary>
        public static string HealthText(SensorHealth health)
        {
            int index = (int)health;
            return index >= 0 && index < HealthTexts.Length ? HealthTexts[index] : "unknown";
        }

        /// <summary>True for reasons that concern only the humidity channel: temperature stays usable.</summary>
        public static bool HumidityOnly(SensorReason reason)
        {
            return reason == SensorReason.Stuck || reason == SensorReason.Saturated || reason == SensorReason.Disagree;
        }

        /// <summary>True for reasons that come from the bus rather than from the values.</summary>
        public static bool IsBus(SensorReason reason)
        {
            return reason == SensorReason.BusError || reason == SensorReason.NotAnswering;
        }
    }
}
