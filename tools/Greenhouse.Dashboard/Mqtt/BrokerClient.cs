using System.Security.Cryptography.X509Certificates;
using Greenhouse.Dashboard.Houses;
using Greenhouse.Host;
using MQTTnet;
using MQTTnet.Protocol;

namespace Greenhouse.Dashboard.Mqtt;

/// <summary>
/// The dashboard's one MQTT session (MQTTnet): subscribes to the houses' topics, feeds the registry, and publishes
/// commands on the documented <c>/set</c> topics (never retained, QoS 1). Reconnects with a growing delay. The broker
/// credentials stay here, on the server.
/// </summary>
public sealed class BrokerClient : IHostedService, IAsyncDisposable
{
    private readonly MqttOptions _options;
    private readonly HouseRegistry _registry;
    private readonly ILogger<BrokerClient> _log;
    private readonly IMqttClient _client;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public BrokerClient(MqttOptions options, HouseRegistry registry, ILogger<BrokerClient> log)
    {
        _options = options;
        _registry = registry;
        _log = log;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e =>
        {
            _registry.Handle(e.ApplicationMessage.Topic, System.Buffers.BuffersExtensions.ToArray(e.ApplicationMessage.Payload), DateTime.UtcNow);
            return Task.CompletedTask;
        };
    }

    public bool Connected => _client.IsConnected;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stop.Token));
        return Task.CompletedTask;
    }

    /// <summary>Publishes one command (not retained, QoS 1). False when the session is down or the publish failed.</summary>
    public async Task<bool> PublishCommandAsync(string topic, string payload, CancellationToken cancel)
    {
        if (!_client.IsConnected)
        {
            return false;
        }

        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(false)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            MqttClientPublishResult result = await _client.PublishAsync(message, cancel).ConfigureAwait(false);
            return result.IsSuccess;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.LogWarning("publish to {Topic} failed: {Error}", topic, e.Message);
            return false;
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        TimeSpan delay = TimeSpan.FromSeconds(1);
        while (!stop.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    await _client.ConnectAsync(BuildOptions(), stop).ConfigureAwait(false);
                    MqttClientSubscribeOptionsBuilder subscribe = new MqttClientFactory().CreateSubscribeOptionsBuilder();
                    foreach (string filter in _registry.SubscriptionFilters())
                    {
                        subscribe = subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
                    }

                    await _client.SubscribeAsync(subscribe.Build(), stop).ConfigureAwait(false);
                    _log.LogInformation("connected to MQTT broker {Host}:{Port}, prefix {Prefix}", _options.Host, _options.Port, _options.Prefix);
                    delay = TimeSpan.FromSeconds(1);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    _log.LogWarning("MQTT broker {Host}:{Port} not reachable ({Error}); retrying in {Delay} s", _options.Host, _options.Port, e.Message,
                        delay.TotalSeconds);
                    try
                    {
                        await Task.Delay(delay, stop).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
                    continue;
                }
            }

            try
            {
                await Task.Delay(500, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private MqttClientOptions BuildOptions()
    {
        MqttClientOptionsBuilder builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            // A unique suffix: two dashboards (or a restart before the broker noticed) must not take over each other's session.
            .WithClientId(_options.ClientId + "-" + Guid.NewGuid().ToString("N").Substring(0, 8))
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(_options.User))
        {
            builder = builder.WithCredentials(_options.User, _options.Password);
        }

        if (_options.Tls)
        {
            X509Certificate2? ca = string.IsNullOrEmpty(_options.CaFile) ? null : X509Certificate2.CreateFromPemFile(_options.CaFile);
            builder = builder.WithTlsOptions(tls =>
            {
                tls.UseTls();
                if (ca != null)
                {
                    // Trust exactly this CA, as the controllers do (Greenhouse.Host.MqttNetLink.ValidateAgainst).
                    tls.WithCertificateValidationHandler(context => MqttNetLink.ValidateAgainst(ca, context.Certificate, context.SslPolicyErrors));
                }
            });
        }

        return builder.Build();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stop.Cancel();
        if (_loop != null)
        {
            await _loop.ConfigureAwait(false);
        }

        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // Shutting down.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _client.Dispose();
    }
}
