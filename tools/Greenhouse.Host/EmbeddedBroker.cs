using System.Net;
using System.Net.Sockets;
using MQTTnet.Server;

namespace Greenhouse.Host;

/// <summary>An in-process MQTT broker (MQTTnet.Server) on loopback, for the simulator and tests without Mosquitto.</summary>
public sealed class EmbeddedBroker : IAsyncDisposable
{
    private readonly MqttServer _server;

    private EmbeddedBroker(MqttServer server, int port)
    {
        _server = server;
        Port = port;
    }

    /// <summary>The TCP port the broker listens on.</summary>
    public int Port { get; }

    /// <summary>Starts a broker on the given port, or on a free one when port is 0.</summary>
    public static async Task<EmbeddedBroker> StartAsync(int port = 0)
    {
        if (port == 0)
        {
            port = FreeTcpPort();
        }

        MqttServerOptions options = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(port)
            .Build();
        MqttServer server = new MqttServerFactory().CreateMqttServer(options);
        await server.StartAsync().ConfigureAwait(false);
        return new EmbeddedBroker(server, port);
    }

    /// <summary>
    /// Drops a client's connection as if its network or power were lost (no DISCONNECT from the client), so the broker
    /// publishes the client's last will. For demos and tests of what others see when a device dies.
    /// </summary>
    public Task DropClientAsync(string clientId) => _server.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptions());

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreeTcpPort()
    {
        TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync().ConfigureAwait(false);
        _server.Dispose();
    }
}
