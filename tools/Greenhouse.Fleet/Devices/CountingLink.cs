using Greenhouse.Ports;

namespace Greenhouse.Fleet;

/// <summary>Counters of one generator process, shared by its devices' links (written with Interlocked).</summary>
internal sealed class LinkCounters
{
    public long Published;
    public long State;
    public long Acks;
    public long Refused;
    public long ConnectAttempts;
    public long NotSent;
    public long Unconfirmed;
}

/// <summary>
/// Counts what the core hands to the real link (publishes the link accepted, by kind) and, per device, the state
/// documents that left and those the link reports as never acknowledged. The link itself is the host library's
/// MqttNetLink (or a test's); this wrapper exists because the controller needs its link before the link can be built
/// around the controller's inbox.
/// </summary>
internal sealed class CountingLink : IMqttLink
{
    private readonly LinkCounters _counters;
    private IMqttLink _inner;

    public CountingLink(LinkCounters counters)
    {
        _counters = counters;
    }

    /// <summary>State documents this device's link accepted.</summary>
    public int StateSent;
    /// <summary>State documents skipped because the session was down when their turn came (never left the process).</summary>
    public int StateNotSent;
    /// <summary>State documents sent whose publish failed (the broker may or may not have them).</summary>
    public int StateUnconfirmed;

    public IMqttLink Inner
    {
        get => _inner;
        set
        {
            _inner = value;
            if (value is Greenhouse.Host.MqttNetLink real)
            {
                real.NotDelivered = OnNotDelivered;
            }
        }
    }

    public bool IsConnected => _inner != null && _inner.IsConnected;

    public bool BeginConnect(MqttConnectOptions options)
    {
        if (_inner == null || !_inner.BeginConnect(options))
        {
            return false;
        }

        Interlocked.Increment(ref _counters.ConnectAttempts);
        return true;
    }

    public bool Publish(string topic, byte[] payload, bool retain)
    {
        if (_inner == null || !_inner.Publish(topic, payload, retain))
        {
            Interlocked.Increment(ref _counters.Refused);
            return false;
        }

        Interlocked.Increment(ref _counters.Published);
        if (IsState(topic))
        {
            Interlocked.Increment(ref _counters.State);
            Interlocked.Increment(ref StateSent);
        }
        else if (topic.EndsWith("/ack", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _counters.Acks);
        }

        return true;
    }

    public bool Subscribe(string[] topicFilters) => _inner != null && _inner.Subscribe(topicFilters);

    public void Disconnect() => _inner?.Disconnect();

    /// <summary>Publishes and subscriptions still queued in the link (0 when the link cannot tell).</summary>
    public int Pending => _inner is Greenhouse.Host.MqttNetLink real ? real.Pending : 0;

    private void OnNotDelivered(string topic, bool attempted)
    {
        bool state = IsState(topic);
        if (attempted)
        {
            Interlocked.Increment(ref _counters.Unconfirmed);
            if (state)
            {
                Interlocked.Increment(ref StateUnconfirmed);
            }
        }
        else
        {
            Interlocked.Increment(ref _counters.NotSent);
            if (state)
            {
                Interlocked.Increment(ref StateNotSent);
            }
        }
    }

    private static bool IsState(string topic) => topic.EndsWith("/state", StringComparison.Ordinal);
}
