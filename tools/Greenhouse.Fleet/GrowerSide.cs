using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MQTTnet;
using MQTTnet.Protocol;

namespace Greenhouse.Fleet;

/// <summary>
/// The growers and the back office: a few MQTTnet clients that send random valid and invalid /set commands to
/// random online devices at a fixed rate; an observer on "prefix/+/ack" and "prefix/+/status" (QoS 1) that matches
/// acks to commands (by the command topic the ack echoes; a device has at most one open command at a time, so the
/// topic is unique) and learns which devices are online from their live status messages; and optionally a counter on
/// "prefix/+/state" that counts the state documents the broker delivered.
/// </summary>
internal sealed class GrowerSide : IAsyncDisposable
{
    private sealed class Pending
    {
        public int Device;
        public long SentTimestamp;
        public bool ExpectOk;
    }

    private readonly FleetOptions _options;
    private readonly int _devices;
    private readonly string _prefix;
    private readonly Random _random;
    private readonly IMqttClient _observer;
    private readonly IMqttClient _counter;
    private readonly IMqttClient[] _growers;
    private readonly int[] _online;
    private readonly int[] _busy;
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    // Commands counted lost whose device stays reserved until their late ack arrives, so a late ack can never be
    // taken for the answer to a newer command on the same topic.
    private readonly ConcurrentDictionary<string, Pending> _timedOut = new(StringComparer.Ordinal);
    // Moving a command from open to timed out and matching an ack happen under this lock, so an ack that arrives
    // just as its command times out is either on time or late, never neither.
    private readonly object _match = new();
    private readonly List<double> _latencies = new();
    private readonly List<double> _lateLatencies = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<int, bool> _deviceConnected;
    private Task _loop;

    private long _commandsSent;
    private long _invalidSent;
    private long _acks;
    private long _lost;
    private long _mismatches;
    private long _unmatched;
    private long _lateAcks;
    private long _observedState;
    private long _publishErrors;
    private string _firstError;

    public GrowerSide(FleetOptions options, Func<int, bool> deviceConnected)
    {
        _options = options;
        _devices = options.Devices;
        _prefix = options.TopicPrefix;
        _random = new Random(options.Seed * 7919 + 17);
        _deviceConnected = deviceConnected;
        _online = new int[_devices];
        _busy = new int[_devices];
        var factory = new MqttClientFactory();
        _observer = factory.CreateMqttClient();
        _observer.ApplicationMessageReceivedAsync += e =>
        {
            OnMessage(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        _counter = factory.CreateMqttClient();
        _counter.ApplicationMessageReceivedAsync += e =>
        {
            OnCounted(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        _growers = new IMqttClient[options.GrowerClients];
        for (int i = 0; i < _growers.Length; i++)
        {
            _growers[i] = factory.CreateMqttClient();
        }
    }

    public long CommandsSent => Interlocked.Read(ref _commandsSent);
    public long InvalidSent => Interlocked.Read(ref _invalidSent);
    public long Acks => Interlocked.Read(ref _acks);
    public long Lost => Interlocked.Read(ref _lost);
    public long Mismatches => Interlocked.Read(ref _mismatches);
    public long Unmatched => Interlocked.Read(ref _unmatched);
    public long LateAcks => Interlocked.Read(ref _lateAcks);
    public long ObservedState => Interlocked.Read(ref _observedState);
    public long PublishErrors => Interlocked.Read(ref _publishErrors);
    public string FirstError => _firstError;
    public int OnlineCount => _online.Count(x => x != 0);

    public List<double> LatenciesSnapshot()
    {
        lock (_latencies)
        {
            return new List<double>(_latencies);
        }
    }

    /// <summary>Latencies of acks that came after the timeout (their commands are counted lost).</summary>
    public List<double> LateLatenciesSnapshot()
    {
        lock (_latencies)
        {
            return new List<double>(_lateLatencies);
        }
    }

    /// <summary>Connects the observer (subscribed before any device starts) and the grower clients.</summary>
    public async Task ConnectAsync(CancellationToken token)
    {
        string run = _options.Seed.ToString(CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        // Acks and status at QoS 1 on narrow filters (a few messages per second: the broker's per-client queue limit
        // is never reached); state documents on a second client that only counts (optional, see
        // FleetOptions.BrokerStateCounter), so that traffic can never delay or push out an ack.
        await _observer.ConnectAsync(Options("fleet-observer-" + run), token).ConfigureAwait(false);
        var subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(_prefix + "/+/ack").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .WithTopicFilter(f => f.WithTopic(_prefix + "/+/status").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        await _observer.SubscribeAsync(subscribe, token).ConfigureAwait(false);
        for (int i = 0; i < _growers.Length; i++)
        {
            await _growers[i].ConnectAsync(Options("fleet-grower-" + i.ToString(CultureInfo.InvariantCulture) + "-" + run), token).ConfigureAwait(false);
        }
        if (!_options.BrokerStateCounter)
        {
            return;
        }

        await _counter.ConnectAsync(Options("fleet-counter-" + run), token).ConfigureAwait(false);
        var everything = new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(_prefix + "/+/state").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        await _counter.SubscribeAsync(everything, token).ConfigureAwait(false);
    }

    private MqttClientOptions Options(string clientId) => new MqttClientOptionsBuilder()
        .WithTcpServer(_options.BrokerHost, _options.BrokerPort)
        .WithClientId(clientId)
        .WithCleanSession(true)
        .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
        .WithTimeout(TimeSpan.FromSeconds(20))
        .Build();

    /// <summary>Starts sending commands at the configured rate (times are wall clock from now).</summary>
    public void StartCommands()
    {
        _loop = Task.Run(CommandLoop);
    }

    /// <summary>Stops sending, waits for open commands up to the ack timeout, then counts what is left as lost.</summary>
    public async Task StopAndDrainAsync()
    {
        _stop.Cancel();
        if (_loop != null)
        {
            await _loop.ConfigureAwait(false);
        }

        var deadline = Stopwatch.StartNew();
        while (!_pending.IsEmpty && deadline.Elapsed < _options.AckTimeout + TimeSpan.FromMilliseconds(500))
        {
            Sweep(Stopwatch.GetTimestamp());
            await Task.Delay(50).ConfigureAwait(false);
        }

        lock (_match)
        {
            foreach (string topic in _pending.Keys.ToArray())
            {
                if (_pending.TryRemove(topic, out Pending p))
                {
                    Interlocked.Increment(ref _lost);
                    _timedOut[topic] = p;
                }
            }
        }
    }

    private async Task CommandLoop()
    {
        double rate = _options.CommandsPerSecond;
        var clock = Stopwatch.StartNew();
        long due = 0;
        long lastSweep = 0;
        while (!_stop.IsCancellationRequested)
        {
            long now = Stopwatch.GetTimestamp();
            if (clock.ElapsedMilliseconds - lastSweep >= 100)
            {
                lastSweep = clock.ElapsedMilliseconds;
                Sweep(now);
            }

            if (rate > 0)
            {
                long target = (long)(clock.Elapsed.TotalSeconds * rate);
                while (due < target && !_stop.IsCancellationRequested)
                {
                    due++;
                    SendOne((int)(due % _growers.Length));
                }
            }

            try
            {
                await Task.Delay(10, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private void SendOne(int grower)
    {
        int device = -1;
        for (int attempt = 0; attempt < 64; attempt++)
        {
            int candidate = _random.Next(_devices);
            if (Volatile.Read(ref _online[candidate]) != 0 && _deviceConnected(candidate)
                && Interlocked.CompareExchange(ref _busy[candidate], 1, 0) == 0)
            {
                device = candidate;
                break;
            }
        }

        if (device < 0)
        {
            return;
        }

        string baseTopic = _prefix + "/" + FleetDevice.DeviceId(device);
        bool valid = _random.NextDouble() >= _options.InvalidCommandFraction;
        string topic;
        string value;
        if (valid)
        {
            if (_random.Next(4) == 0)
            {
                topic = baseTopic + "/zone/1/band/set";
                value = (2 + _random.Next(4)).ToString(CultureInfo.InvariantCulture);
            }
            else
            {
                topic = baseTopic + "/zone/1/target_rh/set";
                value = (85 + _random.Next(11)).ToString(CultureInfo.InvariantCulture);
            }
        }
        else
        {
            switch (_random.Next(5))
            {
                case 0:
                    topic = baseTopic + "/zone/1/target_rh/set";
                    value = "120";
                    break;
                case 1:
                    topic = baseTopic + "/zone/1/target_rh/set";
                    value = "ninety";
                    break;
                case 2:
                    topic = baseTopic + "/zone/1/target_rh/set";
                    value = "40";
                    break;
                case 3:
                    topic = baseTopic + "/zone/7/target_rh/set";
                    value = "90";
                    break;
                default:
                    topic = baseTopic + "/zone/1/no_such_setting/set";
                    value = "1";
                    break;
            }
        }

        var pending = new Pending { Device = device, ExpectOk = valid, SentTimestamp = Stopwatch.GetTimestamp() };
        if (!_pending.TryAdd(topic, pending))
        {
            Volatile.Write(ref _busy[device], 0);
            return;
        }

        Interlocked.Increment(ref _commandsSent);
        if (!valid)
        {
            Interlocked.Increment(ref _invalidSent);
        }

        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.ASCII.GetBytes(value))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        _ = PublishAsync(_growers[grower], message);
    }

    private async Task PublishAsync(IMqttClient client, MqttApplicationMessage message)
    {
        try
        {
            await client.PublishAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Interlocked.Increment(ref _publishErrors);
            Interlocked.CompareExchange(ref _firstError, "grower publish: " + ex.GetType().Name + ": " + ex.Message, null);
        }
    }

    private void Sweep(long now)
    {
        long limit = (long)(_options.AckTimeout.TotalSeconds * Stopwatch.Frequency);
        foreach (KeyValuePair<string, Pending> entry in _pending)
        {
            if (now - entry.Value.SentTimestamp <= limit)
            {
                continue;
            }

            lock (_match)
            {
                if (_pending.TryRemove(entry.Key, out Pending p))
                {
                    Interlocked.Increment(ref _lost);
                    _timedOut[entry.Key] = p;
                }
            }
        }
    }

    private void OnMessage(MqttApplicationMessage message)
    {
        long now = Stopwatch.GetTimestamp();
        string topic = message.Topic;
        if (message.Retain)
        {
            // Replays of the broker's store (e.g. from an earlier run) say nothing about this run.
            return;
        }

        if (!TryDevice(topic, out int device, out string rest))
        {
            return;
        }

        switch (rest)
        {
            case "status":
                Volatile.Write(ref _online[device], IsText(message.Payload, "online") ? 1 : 0);
                break;
            case "ack":
                OnAck(message.Payload, now);
                break;
        }
    }

    private void OnCounted(MqttApplicationMessage message)
    {
        if (message.Retain)
        {
            return;
        }

        Interlocked.Increment(ref _observedState);
    }

    private void OnAck(ReadOnlySequence<byte> payload, long now)
    {
        string commandTopic = null;
        bool ok = false;
        try
        {
            var reader = new Utf8JsonReader(payload);
            string property = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    property = reader.GetString();
                }
                else if (property == "topic" && reader.TokenType == JsonTokenType.String)
                {
                    commandTopic = reader.GetString();
                }
                else if (property == "ok" && (reader.TokenType == JsonTokenType.True || reader.TokenType == JsonTokenType.False))
                {
                    ok = reader.GetBoolean();
                }
            }
        }
        catch (JsonException)
        {
            commandTopic = null;
        }

        Pending late;
        Pending p;
        lock (_match)
        {
            if (commandTopic == null || !_timedOut.TryRemove(commandTopic, out late))
            {
                late = null;
            }

            if (late != null || commandTopic == null || !_pending.TryRemove(commandTopic, out p))
            {
                p = null;
            }
        }

        if (late != null)
        {
            double lateMs = (now - late.SentTimestamp) * 1000.0 / Stopwatch.Frequency;
            lock (_latencies)
            {
                _lateLatencies.Add(lateMs);
            }

            Interlocked.Increment(ref _lateAcks);
            Volatile.Write(ref _busy[late.Device], 0);
            return;
        }

        if (p == null)
        {
            Interlocked.Increment(ref _unmatched);
            return;
        }

        double ms = (now - p.SentTimestamp) * 1000.0 / Stopwatch.Frequency;
        lock (_latencies)
        {
            _latencies.Add(ms);
        }

        Interlocked.Increment(ref _acks);
        if (ok != p.ExpectOk)
        {
            Interlocked.Increment(ref _mismatches);
        }

        Volatile.Write(ref _busy[p.Device], 0);
    }

    private bool TryDevice(string topic, out int device, out string rest)
    {
        device = -1;
        rest = null;
        int start = _prefix.Length + 1;
        if (topic.Length <= start || !topic.StartsWith(_prefix, StringComparison.Ordinal) || topic[start - 1] != '/')
        {
            return false;
        }

        int slash = topic.IndexOf('/', start);
        if (slash < 0)
        {
            return false;
        }

        ReadOnlySpan<char> id = topic.AsSpan(start, slash - start);
        if (!id.StartsWith("dev-") || !int.TryParse(id.Slice(4), NumberStyles.None, CultureInfo.InvariantCulture, out device) || device >= _devices)
        {
            device = -1;
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

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        foreach (IMqttClient client in _growers.Append(_observer).Append(_counter))
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync().ConfigureAwait(false);
                }
            }
            catch (Exception)
            {
            }

            client.Dispose();
        }
    }
}
