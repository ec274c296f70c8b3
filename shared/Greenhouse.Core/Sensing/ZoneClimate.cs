namespace Greenhouse.Sensing
{
    /// <summary>
    /// The climate one zone acts on this tick, after sensor validation, assignment and fallback. A value that is
    /// not valid must not be acted on (the control engine then uses its degraded program or stops).
    /// </summary>
    public struct ZoneClimate
    {
        /// <summary>True when RelativeHumidityPercent is fresh and trustworthy.</summary>
        public bool HumidityValid;
        /// <summary>Relative humidity, %.</summary>
        public double RelativeHumidityPercent;
        /// <summary>True when TemperatureCelsius is fresh and trustworthy (may be true while humidity is not).</summary>
        public bool TemperatureValid;
        /// <summary>Air temperature, °C.</summary>
        public double TemperatureCelsius;
        /// <summary>Which sensor(s) the values came from: 0 none, 1 sensor1, 2 sensor2, 3 average of both.</summary>
        public int Source;
    }
}
