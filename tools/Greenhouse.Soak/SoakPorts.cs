using Greenhouse.Ports;

namespace Greenhouse.Soak;

/// <summary>The board's clock in the soak: uptime restarts at a power cut, wall time is the simulation's (always synced;
/// clock faults come from the FaultyClock decorator around it).</summary>
public sealed class SoakClock : IClock
{
    /// <summary>Uptime a board has when its controller starts, ms.</summary>
    public const long BootMs = 5000;

    private long _second;
    private long _bootSecond;

    public DateTime StartLocal { get; init; }
    public int UtcOffsetHours { get; init; } = Greenhouse.Simulator.SimWorld.LocalUtcOffsetHours;

    public void SetSecond(long second) => _second = second;

    /// <summary>A power cut: uptime starts again from the boot time.</summary>
    public void Reboot() => _bootSecond = _second;

    public long UptimeMilliseconds => BootMs + (_second - _bootSecond) * 1000L;

    public bool TryGetUtcNow(out DateTime utcNow)
    {
        utcNow = DateTime.SpecifyKind(StartLocal.AddSeconds(_second).AddHours(-UtcOffsetHours), DateTimeKind.Utc);
        return true;
    }
}

/// <summary>
/// An MQTT link to a broker that is always there (publishes are counted and dropped, nothing is received). The
/// broker-down and wifi-down faults come from the FaultyMqttLink decorator around it.
/// </summary>
public sealed class LoopbackMqttLink : IMqttLink
{
    public bool IsConnected { get; private set; }
    public long Connects { get; private set; }
    public long Publishes { get; private set; }
    public long PublishedBytes { get; private set; }

    public bool BeginConnect(MqttConnectOptions options)
    {
        Connects++;
        IsConnected = true;
        return true;
    }

    public bool Publish(string topic, byte[] payload, bool retain)
    {
        if (!IsConnected)
        {
            return false;
        }

        Publishes++;
        PublishedBytes += payload.Length;
        return true;
    }

    public bool Subscribe(string[] topicFilters) => IsConnected;

    public void Disconnect() => IsConnected = false;
}
