using MQTTnet;

namespace Greenhouse.Fleet;

/// <summary>
/// One MQTTnet client of the back office (observer, grower, latency probe) that comes back by itself: after the
/// connection drops it tries again every 200 ms (a server-side service, not a device with backoff), so it is back
/// before the first devices, whose first retry waits at least a second. <paramref name="onConnected"/> runs after
/// each connection with whether the broker kept the session (then the subscriptions are still there).
/// </summary>
internal sealed class BackOfficeClient : IAsyncDisposable
{
    private readonly MqttClientOptions _options;
    private readonly Func<IMqttClient, bool, Task> _onConnected;
    private readonly CancellationTokenSource _stop = new();
    private int _reconnecting;

    /// <summary>Send and receive buffer of each back-office socket.</summary>
    public const int SocketBufferBytes = 1 << 20;

    public BackOfficeClient(string host, int port, string clientId, bool persistentSession, Func<IMqttClient, bool, Task> onConnected)
    {
        _onConnected = onConnected;
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            // 3.1.1 like the devices and like a county's ingestion consumer (Telegraf); there a persistent session lasts
            // until a clean connect ends it (with MQTTnet's default 5.0 it would end at the first disconnect, since its
            // session expiry interval defaults to 0).
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
            .WithCleanSession(!persistentSession)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(20))
            .Build();
        // MQTTnet fixes both socket buffers at 8 KB, which switches off Linux's buffer autotuning. One consumer of the
        // whole county's telemetry then gets one small window at a time, and with Mosquitto's default Nagle
        // (set_tcp_nodelay false) each window waited for a delayed ACK: measured about 50 messages/s (30 KB/s) once
        // Mosquitto had more than a window to send, and it never caught up again.
        ((MqttClientTcpOptions)_options.ChannelOptions).BufferSize = SocketBufferBytes;
        Client = new MqttClientFactory().CreateMqttClient();
        Client.DisconnectedAsync += e =>
        {
            if (!_stop.IsCancellationRequested && Interlocked.CompareExchange(ref _reconnecting, 1, 0) == 0)
            {
                Disconnects++;
                _ = Task.Run(ReconnectLoop);
            }

            return Task.CompletedTask;
        };
    }

    public IMqttClient Client { get; }

    public bool IsConnected => Client.IsConnected;

    public int Disconnects { get; private set; }

    public string LastError { get; private set; }

    public async Task ConnectAsync(CancellationToken token)
    {
        MqttClientConnectResult result = await Client.ConnectAsync(_options, token).ConfigureAwait(false);
        await _onConnected(Client, result.IsSessionPresent).ConfigureAwait(false);
    }

    private async Task ReconnectLoop()
    {
        try
        {
            while (!_stop.IsCancellationRequested && !Client.IsConnected)
            {
                try
                {
                    await Task.Delay(200, _stop.Token).ConfigureAwait(false);
                    await ConnectAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
                {
                    LastError = ex.GetType().Name + ": " + ex.Message;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            Volatile.Write(ref _reconnecting, 0);
        }
    }

    /// <summary>Stops reconnecting and disconnects (a clean DISCONNECT).</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (Client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
        }

        Client.Dispose();
    }
}
