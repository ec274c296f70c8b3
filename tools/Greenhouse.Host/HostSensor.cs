using Greenhouse.Ports;

namespace Greenhouse.Host;

/// <summary>A climate sensor whose values the host sets (thread-safe enough for tests: plain doubles).</summary>
public sealed class HostSensor : IClimateSensor
{
    public volatile bool Present = true;
    public double Temperature = 22;
    public double Humidity = 85;
    public double Pressure = 1005;

    public SensorReadStatus TryRead(out ClimateReading reading)
    {
        reading = new ClimateReading
        {
            TemperatureCelsius = Temperature,
            RelativeHumidityPercent = Humidity,
            PressureHectopascals = Pressure,
        };
        return Present ? SensorReadStatus.Ok : SensorReadStatus.NotPresent;
    }

    public void RecoverBus()
    {
    }
}

/// <summary>A relay that only remembers its state.</summary>
public sealed class HostRelay : IRelay
{
    public volatile bool Energised;

    public void Set(bool energised) => Energised = energised;
}
