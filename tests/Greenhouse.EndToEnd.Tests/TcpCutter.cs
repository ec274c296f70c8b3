using System.Net;
using System.Net.Sockets;

namespace Greenhouse.EndToEnd.Tests;

/// <summary>
/// A loopback TCP forwarder between the controller and the broker. <see cref="Cut"/> drops every connection
/// without an MQTT DISCONNECT, as a power cut or a dead Wi-Fi link would: the broker then publishes the last will.
/// </summary>
public sealed class TcpCutter : IDisposable
{
    private readonly TcpListener _listener;
    private readonly string _host;
    private readonly int _port;
    private readonly List<TcpClient> _open = new();
    private readonly CancellationTokenSource _stop = new();

    public TcpCutter(string host, int port)
    {
        _host = host;
        _port = port;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>When true, new connections are refused (closed at once).</summary>
    public volatile bool Refuse;

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            if (Refuse)
            {
                inbound.Close();
                continue;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_host, _port);
            }
            catch (SocketException)
            {
                inbound.Close();
                continue;
            }

            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = Pump(inbound.GetStream(), outbound.GetStream());
            _ = Pump(outbound.GetStream(), inbound.GetStream());
        }
    }

    private static async Task Pump(NetworkStream from, NetworkStream to)
    {
        byte[] buffer = new byte[8192];
        try
        {
            int n;
            while ((n = await from.ReadAsync(buffer)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, n));
            }
        }
        catch (Exception)
        {
        }
    }

    /// <summary>Drops every open connection abruptly.</summary>
    public void Cut()
    {
        lock (_open)
        {
            foreach (TcpClient client in _open)
            {
                try
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Close();
                }
                catch (Exception)
                {
                }
            }

            _open.Clear();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        Cut();
    }
}
