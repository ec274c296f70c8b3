using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Greenhouse.EndToEnd.Tests;

/// <summary>One received message.</summary>
public sealed record Received(string Topic, string Payload, bool Retain, DateTime At);

/// <summary>A grower's client (MQTTnet) that records everything it receives.</summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<Received> _received = new();

    private TestClient(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var m = e.ApplicationMessage;
            _received.Enqueue(new Received(m.Topic, Encoding.UTF8.GetString(m.Payload.ToArray()), m.Retain, DateTime.UtcNow));
            return Task.CompletedTask;
        };
    }

    public static Task<TestClient> ConnectAsync(string host, int port, string clientId, params string[] filters) =>
        ConnectAsync(host, port, clientId, null, null, filters);

    public static async Task<TestClient> ConnectAsync(string host, int port, string clientId, string user, string password, params string[] filters)
    {
        var client = new TestClient(new MqttClientFactory().CreateMqttClient());
        var builder = new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId(clientId).WithCleanSession(true);
        if (user != null)
        {
            builder = builder.WithCredentials(user, password);
        }

        var options = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client._client.ConnectAsync(options, timeout.Token);
        foreach (string filter in filters)
        {
            await client._client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        }

        return client;
    }

    /// <summary>Subscribes to one more filter; the broker's answer (e.g. GrantedQoS1, or UnspecifiedError when its ACL refuses).</summary>
    public async Task<MqttClientSubscribeResultCode> SubscribeAsync(string filter)
    {
        MqttClientSubscribeResult result = await _client.SubscribeAsync(new MqttClientFactory().CreateSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)).Build());
        return result.Items.First().ResultCode;
    }

    public Received[] All => _received.ToArray();

    public Task PublishAsync(string topic, string payload, bool retain = false) => PublishAsync(topic, Encoding.UTF8.GetBytes(payload), retain);

    public async Task PublishAsync(string topic, byte[] payload, bool retain = false)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        await _client.PublishAsync(message);
    }

    /// <summary>Waits for the first message after index <paramref name="from"/> matching the predicate.</summary>
    public async Task<Received> WaitForAsync(Func<Received, bool> match, int from = 0, double seconds = 15, string what = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            Received[] all = All;
            for (int i = from; i < all.Length; i++)
            {
                if (match(all[i]))
                {
                    return all[i];
                }
            }

            await Task.Delay(20);
        }

        Assert.Fail("timed out waiting for " + (what ?? "a message") + "; received: " + string.Join(" | ", All.Select(r => r.Topic + "=" + r.Payload)));
        return null;
    }

    public int Count => _received.Count;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync();
            }
        }
        finally
        {
            _client.Dispose();
        }
    }
}
