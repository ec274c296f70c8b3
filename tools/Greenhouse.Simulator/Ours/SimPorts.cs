using Greenhouse.Ports;
using Greenhouse.Simulator.Physics;

namespace Greenhouse.Simulator.Ours;

/// <summary>The simulation time as the core's clock: uptime from the start of the run, wall time always synced.</summary>
public sealed class SimClock : IClock
{
    private SimWorld? _world;

    /// <summary>Uptime the board already had when the run starts, ms (a board boots before it controls).</summary>
    public long BootUptimeMs { get; init; } = 5000;

    public void Attach(SimWorld world) => _world = world;

    /// <summary>Simulated second of the last (re)start: a power cut restarts uptime from the boot value.</summary>
    public long RestartSecond { get; set; }

    public long UptimeMilliseconds => BootUptimeMs + ((_world?.Second ?? 0) - RestartSecond) * 1000L;

    public bool TryGetUtcNow(out DateTime utcNow)
    {
        if (_world == null)
        {
            utcNow = default;
            return false;
        }

        utcNow = _world.UtcNow;
        return true;
    }
}

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

/// <summary>A relay output; the simulation reads its state after each tick.</summary>
public sealed class SimRelay : IRelay
{
    public bool Energised { get; private set; }
    public long Operations { get; private set; }

    /// <summary>Power lost: the relay drops without the core knowing.</summary>
    public void Drop() => Energised = false;

    public void Set(bool energised)
    {
        if (energised != Energised)
        {
            Operations++;
        }

        Energised = energised;
    }
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

/// <summary>Settings blobs kept in memory for the run.</summary>
public sealed class MemorySettingsStore : ISettingsStore
{
    private readonly Dictionary<string, byte[]> _blobs = new(StringComparer.Ordinal);

    public bool TryRead(string name, out byte[] content)
    {
        if (_blobs.TryGetValue(name, out var found))
        {
            content = (byte[])found.Clone();
            return true;
        }

        content = Array.Empty<byte>();
        return false;
    }

    public bool Write(string name, byte[] content)
    {
        _blobs[name] = (byte[])content.Clone();
        return true;
    }

    public bool Delete(string name)
    {
        _blobs.Remove(name);
        return true;
    }
}

/// <summary>Forwards the core's log lines (the technician's serial log) to the simulator's output.</summary>
public sealed class CallbackLogSink(Action<string> write) : ILogSink
{
    public void WriteLine(string line) => write(line);
}
