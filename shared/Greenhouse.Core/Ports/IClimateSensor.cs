namespace Greenhouse.Ports
{
    /// <summary>Outcome of one sensor read. Anything but Ok means the reading must not be used.</summary>
    public enum SensorReadStatus
    {
        Ok = 0,
        /// <summary>The bus transfer failed (NACK, timeout, stuck bus).</summary>
        BusError = 1,
        /// <summary>The device did not answer at its address or has the wrong chip id.</summary>
        NotPresent = 2,
        /// <summary>The device answered but a channel was flagged invalid.</summary>
        InvalidData = 3
    }

    /// <summary>One temperature / humidity / pressure reading as the sensor reported it.</summary>
    public struct ClimateReading
    {
        /// <summary>Air temperature, degrees Celsius.</summary>
        public double TemperatureCelsius;
        /// <summary>Relative humidity, percent (0..100).</summary>
        public double RelativeHumidityPercent;
        /// <summary>Barometric pressure, hectopascals; NaN when the sensor has no pressure channel.</summary>
        public double PressureHectopascals;
    }

    /// <summary>
    /// A climate sensor (a BME280 on the device, a model in the simulator). Adapters translate only:
    /// they return the fresh reading or a failure status, never a stale value.
    /// </summary>
    public interface IClimateSensor
    {
        /// <summary>Triggers and reads one measurement.</summary>
        SensorReadStatus TryRead(out ClimateReading reading);

        /// <summary>
        /// Asks the adapter to recover the bus (for I2C: nine clock pulses and a STOP, then re-initialise
        /// the device). Called by the core after repeated bus errors; must return quickly.
        /// </summary>
        void RecoverBus();
    }
}
