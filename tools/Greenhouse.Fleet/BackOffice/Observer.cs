using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Greenhouse.Fleet;

/// <summary>
/// The county's back office as the fleet measures it: one MQTTnet client with a persistent session (clean session
/// off, QoS 1, as docs/county-deployment.md §3 recommends for ingestion) subscribed to every device's live state
/// documents, status and acks, and to the broker's $SYS figures. It counts state documents per device, knows which
/// devices are online from their live (non-retained) status, times each device's return after a broker restart, and
/// hands acks to the <see cref="CommandBook"/>. Retained copies are ignored: they repeat, they are not new.
/// </summary>
internal sealed class Observer : IAsyncDisposable
{
    private readonly string _prefix;
    private readonly Func<double> _runMs;
    private readonly CommandBook _book;
    private readonly int[] _stateReceived;
    private readonly HashSet<long>[] _stateSeen;
    private readonly int[] _online;
    private readonly double[] _backOnlineMs;
    private readonly double[] _inServiceMs;
    private readonly ConcurrentDictionary<string, string> _sys = new(StringComparer.Ordinal);
    private readonly BackOfficeClient _client;
    private readonly string _host;
    private readonly int _port;
    private readonly string _clientId;
    private double _stormFromMs = double.NaN;
    private int _onlineCount;
    private int _backCount;
    private int _inServiceCount;
    private long _states;
    private long _stateDuplicates;
    private long _stateUnreadable;
    private long _statusMessages;
    private long _retainedRedeliveries;
    private long _handlerErrors;
    private string _firstHandlerError;
    private double _replayUntilMs = double.PositiveInfinity;

    public Observer(FleetOptions options, string host, int port, string runId, Func<double> runMs, CommandBook book)
    {
        _prefix = options.TopicPrefix;
        _runMs = runMs;
        _book = book;
        _stateReceived = new int[options.Devices];
        _stateSeen = new HashSet<long>[options.Devices];
        _online = new int[options.Devices];
        _backOnlineMs = new double[options.Devices];
        Array.Fill(_backOnlineMs, double.NaN);
        _inServiceMs = new double[options.Devices];
        Array.Fill(_inServiceMs, double.NaN);
        _host = host;
        _port = port;
        _clientId = "fleet-observer-" + runId;
        _client = new BackOfficeClient(host, port, _clientId, persistentSession: true, SubscribeAsync);
        _client.Client.ApplicationMessageReceivedAsync += e =>
        {
            try
            {
                OnMessage(e.ApplicationMessage);
            }
            catch (Exception ex)
            {
                // Never let a message escape unacknowledged: MQTTnet sends no PUBACK for a message whose handler threw,
                // and each one would hold one of the broker's in-flight slots for this session until it reconnects.
                Interlocked.Increment(ref _handlerErrors);
                Interlocked.CompareExchange(ref _firstHandlerError, ex.GetType().Name + ": " + ex.Message + " (" + e.ApplicationMessage.Topic + ")", null);
            }

            return Task.CompletedTask;
        };
    }

    public int OnlineCount => Volatile.Read(ref _onlineCount);
    public long HandlerErrors => Interlocked.Read(ref _handlerErrors);
    public string FirstHandlerError => _firstHandlerError;
    /// <summary>Distinct state documents received (a device's document is identified by its uptime_s).</summary>
    public long StateDocuments => Interlocked.Read(ref _states);
    /// <summary>State documents received again (QoS 1 redelivery, or a retained copy of one already counted).</summary>
    public long StateDuplicates => Interlocked.Read(ref _stateDuplicates);
    public long StateUnreadable => Interlocked.Read(ref _stateUnreadable);
    /// <summary>Retained-flagged messages that were not a replay after subscribing: messages the broker queued for this
    /// persistent session and delivered after a restart with their retain flag set.</summary>
    public long RetainedRedeliveries => Interlocked.Read(ref _retainedRedeliveries);
    public long StatusMessages => Interlocked.Read(ref _statusMessages);
    /// <summary>Devices whose live "online" arrived since the storm began.</summary>
    public int BackCount => Volatile.Read(ref _backCount);

    /// <summary>
    /// Devices in service: their state document arrived (since the storm began: after their "online"). A device sends
    /// it after its connect-time burst of status, retained settings and discovery, so this is the burst done.
    /// </summary>
    public int InServiceCount => Volatile.Read(ref _inServiceCount);

    public int Disconnects => _client.Disconnects;

    public bool IsOnline(int device) => Volatile.Read(ref _online[device]) != 0;

    public int StateReceived(int device) => Volatile.Read(ref _stateReceived[device]);

    /// <summary>Run ms at which each device was back online after the storm began (NaN = not yet).</summary>
    public double[] BackOnlineMs() => (double[])_backOnlineMs.Clone();

    /// <summary>Run ms at which each device was in service: its first state document, or since the storm began its
    /// first one after its "online" (NaN = not yet).</summary>
    public double[] InServiceMs() => (double[])_inServiceMs.Clone();

    /// <summary>The latest $SYS values (topic without the "$SYS/broker/" part → payload).</summary>
    public IReadOnlyDictionary<string, string> Sys => _sys;

    public Task ConnectAsync(CancellationToken token) => _client.ConnectAsync(token);

    private async Task SubscribeAsync(IMqttClient client, bool sessionPresent)
    {
        _replayUntilMs = double.PositiveInfinity;
        if (sessionPresent)
        {
            // The broker kept the subscriptions (and queued what came while we were away); subscribing again would
            // only replay every retained state and status document.
            return;
        }

        var subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(_prefix + "/+/status").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(_prefix + "/+/ack").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(_prefix + "/+/state").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic("$SYS/broker/#").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce))
            .Build();
        _replayUntilMs = double.PositiveInfinity;
        await client.SubscribeAsync(subscribe).ConfigureAwait(false);
        // The broker replays its retained copies right after the SUBACK; give it a few seconds.
        _replayUntilMs = _runMs() + ReplayWindowMs;
    }

    /// <summary>How long after subscribing retained messages count as the broker's replay of its store.</summary>
    public const double ReplayWindowMs = 5000;

    /// <summary>
    /// The broker is going down: every device counts as offline for the growers until its live "online" arrives, and
    /// each device's return is timed from <paramref name="stopMs"/>.
    /// </summary>
    public void BeginStorm(double stopMs)
    {
        _stormFromMs = stopMs;
        Volatile.Write(ref _backCount, 0);
        Volatile.Write(ref _inServiceCount, 0);
        for (int i = 0; i < _online.Length; i++)
        {
            _backOnlineMs[i] = double.NaN;
            _inServiceMs[i] = double.NaN;
            if (Interlocked.Exchange(ref _online[i], 0) != 0)
            {
                Interlocked.Decrement(ref _onlineCount);
            }
        }
    }

    private void OnMessage(MqttApplicationMessage message)
    {
        string topic = message.Topic;
        if (topic.StartsWith("$SYS/broker/", StringComparison.Ordinal))
        {
            _sys[topic.Substring("$SYS/broker/".Length)] = Encoding.UTF8.GetString(message.Payload);
            return;
        }

        if (!TryDevice(topic, out int device, out string rest))
        {
            return;
        }

        if (message.Retain)
        {
            // A replay of the broker's retained store just after subscribing says nothing new. Otherwise a retained flag
            // means a message queued for this persistent session and delivered after a restart (Mosquitto keeps the
            // publisher's retain flag on those): it is a live message.
            if (_runMs() <= _replayUntilMs)
            {
                return;
            }

            Interlocked.Increment(ref _retainedRedeliveries);
        }

        switch (rest)
        {
            case "state":
                CountState(device, message.Payload);
                break;
            case "ack":
                _book.OnAck(message.Payload);
                break;
            case "status":
                Interlocked.Increment(ref _statusMessages);
                bool online = IsText(message.Payload, "online");
                int was = Interlocked.Exchange(ref _online[device], online ? 1 : 0);
                if (online && was == 0)
                {
                    Interlocked.Increment(ref _onlineCount);
                }
                else if (!online && was != 0)
                {
                    Interlocked.Decrement(ref _onlineCount);
                }

                if (online && !double.IsNaN(_stormFromMs) && double.IsNaN(_backOnlineMs[device]))
                {
                    _backOnlineMs[device] = _runMs();
                    Interlocked.Increment(ref _backCount);
                }

                break;
        }
    }

    /// <summary>Counts a state document once per device and uptime_s (which the core writes in every document).</summary>
    private void CountState(int device, ReadOnlySequence<byte> payload)
    {
        long uptime = -1;
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(payload);
            bool next = false;
            while (reader.Read() && reader.CurrentDepth <= 1)
            {
                if (reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
                {
                    next = reader.ValueTextEquals("uptime_s");
                }
                else if (next && reader.TokenType == System.Text.Json.JsonTokenType.Number)
                {
                    uptime = reader.GetInt64();
                    break;
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        if (uptime < 0)
        {
            Interlocked.Increment(ref _stateUnreadable);
            return;
        }

        HashSet<long> seen = _stateSeen[device] ??= new HashSet<long>();
        bool added;
        lock (seen)
        {
            added = seen.Add(uptime);
        }

        if (!added)
        {
            Interlocked.Increment(ref _stateDuplicates);
            return;
        }

        Interlocked.Increment(ref _stateReceived[device]);
        Interlocked.Increment(ref _states);
        // Since the storm began only a document after the device's own "online" counts: documents the broker queued for
        // this session before the stop arrive first, when the back office reconnects.
        if (double.IsNaN(_inServiceMs[device]) && (double.IsNaN(_stormFromMs) || !double.IsNaN(_backOnlineMs[device])))
        {
            _inServiceMs[device] = _runMs();
            Interlocked.Increment(ref _inServiceCount);
        }
    }

    /// <summary>Parses "prefix/dev-NNNNN/rest".</summary>
    private bool TryDevice(string topic, out int device, out string rest)
    {
        device = -1;
        rest = null;
        if (!topic.StartsWith(_prefix, StringComparison.Ordinal) || topic.Length < _prefix.Length + 6 || topic[_prefix.Length] != '/')
        {
            return false;
        }

        int start = _prefix.Length + 1;
        int slash = topic.IndexOf('/', start);
        if (slash < 0 || !topic.AsSpan(start).StartsWith("dev-")
            || !int.TryParse(topic.AsSpan(start + 4, slash - start - 4), NumberStyles.None, CultureInfo.InvariantCulture, out device)
            || device < 0 || device >= _online.Length)
        {
            return false;
        }

        rest = topic.Substring(slash + 1);
        return true;
    }

    private static bool IsText(ReadOnlySequence<byte> payload, string expected)
    {
        if (payload.Length != expected.Length)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[expected.Length];
        payload.CopyTo(bytes);
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)expected[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Disconnects and, so that an external broker keeps no queue for a client that never returns, connects
    /// once more with a clean session to drop the persistent one.</summary>
    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync().ConfigureAwait(false);
        try
        {
            await using var forget = new BackOfficeClient(_host, _port, _clientId, persistentSession: false, (_, _) => Task.CompletedTask);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await forget.ConnectAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The broker is gone already (a private one at the end of the run): nothing to forget.
        }
    }
}
