using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Protocol;

namespace Greenhouse.Fleet;

/// <summary>
/// The broker's own latency, apart from the devices' one-second tick: one client publishes a numbered QoS 1 message
/// to a topic of its own four times a second and times its return through the broker, per phase.
/// </summary>
internal sealed class RoundTripProbe : IAsyncDisposable
{
    private readonly string _topic;
    private readonly Func<double> _runMs;
    private readonly BackOfficeClient _client;
    private readonly ConcurrentDictionary<long, double> _sent = new();
    private readonly Latency[] _latency = new Latency[FleetPhases.Count];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop;
    private long _next;
    private long _lost;
    private volatile int _phase;

    public RoundTripProbe(string host, int port, string runId, Func<double> runMs)
    {
        _topic = "fleet-probe/" + runId;
        _runMs = runMs;
        for (int i = 0; i < _latency.Length; i++)
        {
            _latency[i] = new Latency();
        }

        _client = new BackOfficeClient(host, port, "fleet-probe-" + runId, false, async (client, _) =>
        {
            await client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(_topic).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build()).ConfigureAwait(false);
        });
        _client.Client.ApplicationMessageReceivedAsync += e =>
        {
            ReadOnlySequence<byte> payload = e.ApplicationMessage.Payload;
            if (payload.Length == 8)
            {
                Span<byte> bytes = stackalloc byte[8];
                payload.CopyTo(bytes);
                if (_sent.TryRemove(BinaryPrimitives.ReadInt64LittleEndian(bytes), out double sentMs))
                {
                    Latency latency = _latency[_phase];
                    lock (latency)
                    {
                        latency.Record(_runMs() - sentMs);
                    }
                }
            }

            return Task.CompletedTask;
        };
    }

    public FleetPhase Phase
    {
        set => _phase = (int)value;
    }

    /// <summary>Probes without an echo within 10 s (or while the broker was down).</summary>
    public long Lost => Interlocked.Read(ref _lost);

    public async Task StartAsync(CancellationToken token)
    {
        await _client.ConnectAsync(token).ConfigureAwait(false);
        _loop = Task.Run(Loop);
    }

    private async Task Loop()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(250, _stop.Token).ConfigureAwait(false);
                double now = _runMs();
                foreach (KeyValuePair<long, double> old in _sent)
                {
                    if (now - old.Value > 10_000 && _sent.TryRemove(old.Key, out _))
                    {
                        Interlocked.Increment(ref _lost);
                    }
                }

                if (!_client.IsConnected)
                {
                    continue;
                }

                long n = Interlocked.Increment(ref _next);
                byte[] payload = new byte[8];
                BinaryPrimitives.WriteInt64LittleEndian(payload, n);
                _sent[n] = now;
                _ = PublishAsync(new MqttApplicationMessageBuilder().WithTopic(_topic).WithPayload(payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PublishAsync(MqttApplicationMessage message)
    {
        try
        {
            await _client.Client.PublishAsync(message, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Counted as lost by the sweep if it never comes back.
        }
    }

    public LatencySummary Summary(FleetPhase phase)
    {
        Latency latency = _latency[(int)phase];
        lock (latency)
        {
            return latency.Summary();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_loop != null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await _client.DisposeAsync().ConfigureAwait(false);
    }
}
