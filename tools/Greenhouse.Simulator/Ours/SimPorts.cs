using Greenhouse.Ports;
using Greenhouse.Simulator.Physics;

namespace Greenhouse.Simulator.Ours;

// The ports that read the physical model. The plain ones (relays, clock, settings store, log) are the shared fakes of
// tests/Greenhouse.TestSupport, driven by OursController.

/// <summary>A BME280 port over the sensor model of one zone.</summary>
public sealed class SimClimateSensor : IClimateSensor
{
    private readonly Func<Bme280Model?> _model;

    public SimClimateSensor(Func<Bme280Model?> model) => _model = model;

    public int RecoverCount { get; private set; }

    public SensorReadStatus TryRead(out ClimateReading reading)
    {
        var m = _model();
        if (m == null || !m.Present)
        {
            reading = default;
            return SensorReadStatus.NotPresent;
        }

        reading = new ClimateReading
        {
            TemperatureCelsius = m.TemperatureC,
            RelativeHumidityPercent = m.RelativeHumidityPct,
            PressureHectopascals = m.PressureHpa,
        };
        return SensorReadStatus.Ok;
    }

    public void RecoverBus() => RecoverCount++;
}

/// <summary>The tank float switch: high while the simulated tank holds water.</summary>
public sealed class SimTankSwitch : IDigitalInput
{
    private SimWorld? _world;

    public void Attach(SimWorld world) => _world = world;

    public bool TryRead(out bool high)
    {
        high = _world?.TankFull ?? true;
        return true;
    }
}
