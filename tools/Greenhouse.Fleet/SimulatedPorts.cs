using Greenhouse.Ports;

namespace Greenhouse.Fleet;

/// <summary>A device clock set by the worker that ticks it: boot offset + compression × wall time since start.</summary>
internal sealed class SimClock : IClock
{
    private static readonly DateTime Epoch = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public long UptimeMilliseconds { get; set; }

    public bool TryGetUtcNow(out DateTime utcNow)
    {
        utcNow = Epoch.AddMilliseconds(UptimeMilliseconds);
        return true;
    }
}

/// <summary>
/// Cheap climate of one house: temperature follows a daily sine, humidity falls towards the outside air and rises
/// while the zone-1 valve is open. Enough to make the controller mist, publish changes and keep its sensors
/// from looking stuck; not a physical model (the simulator has that).
/// </summary>
internal sealed class ClimateModel
{
    private readonly Random _random;
    private readonly SimRelay _valve;
    private readonly double _phase;
    private long _lastMs = -1;

    public ClimateModel(Random random, SimRelay valve)
    {
        _random = random;
        _valve = valve;
        _phase = random.NextDouble() * 2 * Math.PI;
        RelativeHumidity = 80 + random.NextDouble() * 10;
    }

    public double Temperature { get; private set; } = 24;
    public double RelativeHumidity { get; private set; }

    public void Advance(long nowMs)
    {
        if (_lastMs < 0)
        {
            _lastMs = nowMs;
        }

        double dt = (nowMs - _lastMs) / 1000.0;
        _lastMs = nowMs;
        double day = nowMs / 86_400_000.0 * 2 * Math.PI;
        Temperature = 23 + 5 * Math.Sin(day + _phase);
        const double outside = 70;
        // Drying with a 20-minute time constant; misting adds about 0.3 %/s.
        double rh = RelativeHumidity + (outside - RelativeHumidity) * Math.Min(1, dt / 1200.0);
        if (_valve.On)
        {
            rh += 0.3 * dt;
        }

        RelativeHumidity = Math.Clamp(rh, 40, 99);
    }

    public double Noise() => (_random.NextDouble() - 0.5) * 0.4;
}

internal sealed class SimSensor : IClimateSensor
{
    private readonly ClimateModel _model;
    private readonly double _offset;

    public SimSensor(ClimateModel model, double offset)
    {
        _model = model;
        _offset = offset;
    }

    public SensorReadStatus TryRead(out ClimateReading reading)
    {
        reading.TemperatureCelsius = _model.Temperature + _model.Noise() * 0.5;
        reading.RelativeHumidityPercent = Math.Clamp(_model.RelativeHumidity + _offset + _model.Noise(), 0, 100);
        reading.PressureHectopascals = 1005 + _model.Noise();
        return SensorReadStatus.Ok;
    }

    public void RecoverBus()
    {
    }
}

internal sealed class SimRelay : IRelay
{
    public bool On;

    public void Set(bool energised) => On = energised;
}

/// <summary>Settings blobs in memory (the controller's persistence writes here after commands change a setting).</summary>
internal sealed class MemoryStore : ISettingsStore
{
    private readonly Dictionary<string, byte[]> _blobs = new();

    public bool TryRead(string name, out byte[] content) => _blobs.TryGetValue(name, out content);

    public bool Write(string name, byte[] content)
    {
        _blobs[name] = (byte[])content.Clone();
        return true;
    }

    public bool Delete(string name) => _blobs.Remove(name);
}

/// <summary>Drops log lines, counting them (the fleet has no console).</summary>
internal sealed class CountingLogSink : ILogSink
{
    public long Lines;

    public void WriteLine(string line) => Lines++;
}

/// <summary>Counters shared by every device's link (written with Interlocked from the worker threads).</summary>
internal sealed class LinkCounters
{
    public long Published;
    public long State;
    public long Acks;
    public long Refused;
    public long ConnectAttempts;
}

/// <summary>
/// Counts what the core hands to the real link (publishes the link accepted, by kind). The link itself is the host
/// library's MqttNetLink (or a test's); this wrapper only exists because the controller needs its link before the
/// link can be built around the controller's inbox.
/// </summary>
internal sealed class CountingLink : IMqttLink
{
    private readonly LinkCounters _counters;

    public CountingLink(LinkCounters counters)
    {
        _counters = counters;
    }

    public IMqttLink Inner { get; set; }

    public bool IsConnected => Inner != null && Inner.IsConnected;

    public bool BeginConnect(MqttConnectOptions options)
    {
        if (Inner == null || !Inner.BeginConnect(options))
        {
            return false;
        }

        Interlocked.Increment(ref _counters.ConnectAttempts);
        return true;
    }

    public bool Publish(string topic, byte[] payload, bool retain)
    {
        if (Inner == null || !Inner.Publish(topic, payload, retain))
        {
            Interlocked.Increment(ref _counters.Refused);
            return false;
        }

        Interlocked.Increment(ref _counters.Published);
        if (topic.EndsWith("/state", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _counters.State);
        }
        else if (topic.EndsWith("/ack", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _counters.Acks);
        }

        return true;
    }

    public bool Subscribe(string[] topicFilters) => Inner != null && Inner.Subscribe(topicFilters);

    public void Disconnect() => Inner?.Disconnect();
}
