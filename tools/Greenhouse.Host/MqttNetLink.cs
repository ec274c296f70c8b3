using System.Buffers;
using System.Threading.Channels;
using System.Security.Cryptography.X509Certificates;
using Greenhouse.App;
using Greenhouse.Ports;
using MQTTnet;
using MQTTnet.Protocol;

namespace Greenhouse.Host;

/// <summary>
/// IMqttLink over MQTTnet 5 for the simulator and the tests. Nothing here blocks the caller: connecting runs on a
/// background task, publishes and subscriptions go through one bounded, ordered queue drained by a sender task, and received messages and
/// connection changes are posted to the controller's inbox (the tick applies them).
/// </summary>
public sealed class MqttNetLink : IMqttLink, IDisposable
{
    /// <summary>Publishes waiting at most; further publishes are refused (Publish returns false).</summary>
    public const int QueueCapacity = 256;

    private volatile Inbox _inbox;
    private readonly IMqttClient _client;
    // An async channel rather than a blocking collection: a waiting sender holds no thread, so a fleet of
    // thousands of links in one process needs a handful of pool threads instead of one each.
    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sender;
    private int _connecting;
    private volatile bool _connected;

    /// <summary>Creates the link; call <see cref="Attach"/> with the controller's inbox before the controller starts.</summary>
    public MqttNetLink() : this(null)
    {
    }

    public MqttNetLink(Inbox inbox)
    {
        _inbox = inbox;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            MqttApplicationMessage m = e.ApplicationMessage;
            _inbox?.PostMqtt(m.Topic, m.Payload.ToArray(), m.Retain);
            return Task.CompletedTask;
        };
        _client.ConnectedAsync += _ =>
        {
            _connected = true;
            _inbox?.PostConnection(true);
            return Task.CompletedTask;
        };
        _client.DisconnectedAsync += _ =>
        {
            bool was = _connected;
            _connected = false;
            if (was)
            {
                _inbox?.PostConnection(false);
            }

            return Task.CompletedTask;
        };
        _sender = Task.Run(SendLoop);
    }

    /// <summary>Connects the link to the controller's inbox (the controller is built with the link in its ports).</summary>
    public void Attach(Inbox inbox) => _inbox = inbox;

    /// <summary>
    /// Called on the sender task with the topic of each queued publish that got no acknowledgement from the broker:
    /// <c>false</c> when it was skipped because the session was already down when its turn came (it never left this
    /// process), <c>true</c> when it was sent and the publish failed (the broker may or may not have it). The core is
    /// not told (a device cannot know either); a load test uses this to account for every message. Null = not reported.
    /// </summary>
    public Action<string, bool> NotDelivered { get; set; }

    /// <summary>
    /// MQTT version of the next connection. MQTTnet's default is 5.0; the firmware's M2Mqtt client speaks 3.1.1, so a
    /// load test that must look to the broker like the devices sets <see cref="MQTTnet.Formatter.MqttProtocolVersion.V311"/>.
    /// </summary>
    public MQTTnet.Formatter.MqttProtocolVersion ProtocolVersion { get; set; } = MQTTnet.Formatter.MqttProtocolVersion.V500;

    /// <summary>Publishes and subscriptions waiting in the send queue.</summary>
    public int Pending => _queue.Reader.Count;

    /// <summary>Last connection error text (for diagnostics; never contains the password).</summary>
    public string LastError { get; private set; }

    public bool IsConnected => _connected && _client.IsConnected;

    public bool BeginConnect(MqttConnectOptions options)
    {
        if (Interlocked.CompareExchange(ref _connecting, 1, 0) != 0)
        {
            return false;
        }

        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(options.ClientId)
            .WithProtocolVersion(ProtocolVersion)
            .WithCleanSession(options.CleanSession)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(options.KeepAliveSeconds))
            .WithWillTopic(options.WillTopic)
            .WithWillPayload(options.WillPayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(options.UserName))
        {
            builder = builder.WithCredentials(options.UserName, options.Password);
        }

        if (options.UseTls)
        {
            string pem = options.CaCertificatePem;
            builder = builder.WithTlsOptions(tls =>
            {
                tls.UseTls();
                if (!string.IsNullOrEmpty(pem))
                {
                    // Trust exactly the configured CA (as the device does), and still require the host name to match.
                    X509Certificate2 ca = X509Certificate2.CreateFromPem(pem);
                    tls.WithCertificateValidationHandler(context => ValidateAgainst(ca, context.Certificate, context.SslPolicyErrors));
                }
            });
        }

        MqttClientOptions built = builder.Build();
        _ = Task.Run(async () =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(15));
                MqttClientConnectResult result = await _client.ConnectAsync(built, timeout.Token).ConfigureAwait(false);
                LastError = result.ResultCode == MqttClientConnectResultCode.Success ? null : "connect refused: " + result.ResultCode;
            }
            catch (Exception ex)
            {
                LastError = ex.GetType().Name + ": " + ex.Message;
            }
            finally
            {
                Interlocked.Exchange(ref _connecting, 0);
            }
        });
        return true;
    }

    /// <summary>True when the server certificate chains to the given CA and its name matched.</summary>
    public static bool ValidateAgainst(X509Certificate2 ca, X509Certificate certificate, System.Net.Security.SslPolicyErrors errors)
    {
        if (certificate == null || (errors & System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch) != 0
            || (errors & System.Net.Security.SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }

    public bool Publish(string topic, byte[] payload, bool retain)
    {
        if (!IsConnected)
        {
            return false;
        }

        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        return _queue.Writer.TryWrite(message);
    }

    public bool Subscribe(string[] topicFilters)
    {
        if (!IsConnected)
        {
            return false;
        }

        MqttClientSubscribeOptionsBuilder builder = new MqttClientFactory().CreateSubscribeOptionsBuilder();
        foreach (string filter in topicFilters)
        {
            builder = builder.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        // Through the same ordered queue as publishes: what the core publishes after subscribing (status online)
        // reaches the broker only after the SUBACK, so a client that sees "online" can send commands at once.
        return _queue.Writer.TryWrite(builder.Build());
    }

    public void Disconnect()
    {
        _connected = false;
        try
        {
            // A clean DISCONNECT: the broker drops the last will.
            _client.DisconnectAsync().Wait(TimeSpan.FromSeconds(2));
        }
        catch (Exception ex)
        {
            LastError = ex.GetType().Name + ": " + ex.Message;
        }
    }

    private async Task SendLoop()
    {
        try
        {
            await foreach (object item in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    if (!_client.IsConnected)
                    {
                        if (item is MqttApplicationMessage skipped)
                        {
                            NotDelivered?.Invoke(skipped.Topic, false);
                        }

                        continue;
                    }

                    if (item is MqttApplicationMessage message)
                    {
                        await _client.PublishAsync(message, _stop.Token).ConfigureAwait(false);
                    }
                    else if (item is MqttClientSubscribeOptions subscribe)
                    {
                        await _client.SubscribeAsync(subscribe, _stop.Token).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (!_stop.IsCancellationRequested)
                {
                    // Also a cancellation that is not ours (the session dropped under a publish): the loop must go on,
                    // or the link would never send again after the reconnect.
                    LastError = ex.GetType().Name + ": " + ex.Message;
                    if (item is MqttApplicationMessage failed)
                    {
                        NotDelivered?.Invoke(failed.Topic, true);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _sender.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }

        try
        {
            if (_client.IsConnected)
            {
                _client.DisconnectAsync().Wait(TimeSpan.FromSeconds(2));
            }
        }
        catch (Exception)
        {
        }

        _client.Dispose();
    }
}
