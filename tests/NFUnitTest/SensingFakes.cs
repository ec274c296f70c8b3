using Greenhouse.Ports;

namespace Greenhouse.Tests
{
    /// <summary>A sensor whose next reads the test scripts: a steady value plus a number of failing reads first.</summary>
    public sealed class ScriptedSensor : IClimateSensor
    {
        public double Temperature = 22;
        public double Humidity = 85;
        public double Pressure = 1000;
        /// <summary>Status of every read (after the scripted failures are used up).</summary>
        public SensorReadStatus Status = SensorReadStatus.Ok;
        /// <summary>The next this many reads fail with <see cref="FailStatus"/>.</summary>
        public int FailNext;
        public SensorReadStatus FailStatus = SensorReadStatus.BusError;
        public int Reads;
        public int RecoverRequests;

        public SensorReadStatus TryRead(out ClimateReading reading)
        {
            Reads++;
            reading = new ClimateReading();
            reading.TemperatureCelsius = Temperature;
            reading.RelativeHumidityPercent = Humidity;
            reading.PressureHectopascals = Pressure;
            if (FailNext > 0)
            {
                FailNext--;
                return FailStatus;
            }

            return Status;
        }

        public void RecoverBus()
        {
            RecoverRequests++;
        }
    }

    /// <summary>An adapter that breaks its contract by throwing.</summary>
    public sealed class ThrowingSensor : IClimateSensor
    {
        public int Reads;
        public int RecoverRequests;

        public SensorReadStatus TryRead(out ClimateReading reading)
        {
            Reads++;
            throw new System.InvalidOperationException("i2c driver fault");
        }

        public void RecoverBus()
        {
            RecoverRequests++;
            throw new System.InvalidOperationException("recovery fault");
        }
    }
}
