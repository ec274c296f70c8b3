using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;

namespace Greenhouse.Fleet;

/// <summary>
/// The growers and extension officers: a few MQTTnet clients that send /set commands to online devices, a steady
/// stream (<see cref="FleetOptions.CommandsPerSecond"/>) plus bursts (<see cref="FleetOptions.BurstSize"/> commands at
/// one instant to one village's devices, i.e. consecutive device numbers). Valid commands set zone 1's target humidity
/// (85..95) or band (2..5); <see cref="FleetOptions.InvalidCommandFraction"/> are refused values or names, which must be
/// answered with ok=false. A command goes only to a device seen online with no open command.
/// </summary>
internal sealed class Growers : IAsyncDisposable
{
    private readonly FleetOptions _options;
    private readonly Observer _observer;
    private readonly CommandBook _book;
    private readonly Func<double> _runMs;
    private readonly Random _random;
    private readonly BackOfficeClient[] _clients;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop;
    private long _skippedNoDevice;
    private long _skippedOffline;
    private long _publishErrors;
    private string _firstError;
    private int _next;

    public Growers(FleetOptions options, string host, int port, string runId, Observer observer, CommandBook book, Func<double> runMs)
    {
        _options = options;
        _observer = observer;
        _book = book;
        _runMs = runMs;
        _random = new Random(unchecked(options.Seed * 7919 + 17));
        _clients = new BackOfficeClient[options.GrowerClients];
        for (int i = 0; i < _clients.Length; i++)
        {
            _clients[i] = new BackOfficeClient(host, port, "fleet-grower-" + i.ToString(CultureInfo.InvariantCulture) + "-" + runId, false, (_, _) => Task.CompletedTask);
        }
    }

    /// <summary>The phase new commands are booked under.</summary>
    public FleetPhase Phase { get; set; }

    /// <summary>Commands not sent because no online device without an open command was found.</summary>
    public long SkippedNoDevice => Interlocked.Read(ref _skippedNoDevice);
    /// <summary>Commands not sent because every grower client was offline (broker down).</summary>
    public long SkippedOffline => Interlocked.Read(ref _skippedOffline);
    public long PublishErrors => Interlocked.Read(ref _publishErrors);
    /// <summary>Times a grower client lost its connection.</summary>
    public int Disconnects => _clients.Sum(c => c.Disconnects);
    public string FirstError => _firstError;

    public async Task ConnectAsync(CancellationToken token)
    {
        foreach (BackOfficeClient client in _clients)
        {
            await client.ConnectAsync(token).ConfigureAwait(false);
        }
    }

    /// <summary>Starts sending; the first burst comes half a burst period from now.</summary>
    public void Start()
    {
        _loop = Task.Run(Loop);
    }

    public async Task StopAsync()
    {
        _stop.Cancel();
        if (_loop != null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private async Task Loop()
    {
        double start = _runMs();
        double rate = _options.CommandsPerSecond;
        double nextBurst = start + _options.BurstEverySeconds * 500.0;
        long due = 0;
        double lastSweep = start;
        while (!_stop.IsCancellationRequested)
        {
            double now = _runMs();
            if (now - lastSweep >= 100)
            {
                lastSweep = now;
                _book.Sweep();
            }

            long target = (long)((now - start) / 1000.0 * rate);
            while (due < target && !_stop.IsCancellationRequested)
            {
                due++;
                SendOne(PickRandom());
            }

            if (_options.BurstSize > 0 && now >= nextBurst)
            {
                nextBurst += _options.BurstEverySeconds * 1000.0;
                SendBurst();
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

    private int PickRandom()
    {
        for (int attempt = 0; attempt < 64; attempt++)
        {
            int candidate = _random.Next(_options.Devices);
            if (_observer.IsOnline(candidate) && !_book.IsBusy(candidate))
            {
                return candidate;
            }
        }

        return -1;
    }

    /// <summary>One village: consecutive device numbers from a random start, skipping offline and busy devices.</summary>
    private void SendBurst()
    {
        int devices = _options.Devices;
        int first = _random.Next(devices);
        int sent = 0;
        for (int k = 0; k < devices && sent < _options.BurstSize; k++)
        {
            int device = (first + k) % devices;
            if (_observer.IsOnline(device) && !_book.IsBusy(device))
            {
                SendOne(device);
                sent++;
            }
        }

        Interlocked.Add(ref _skippedNoDevice, _options.BurstSize - sent);
    }

    private void SendOne(int device)
    {
        if (device < 0)
        {
            Interlocked.Increment(ref _skippedNoDevice);
            return;
        }

        BackOfficeClient client = null;
        for (int i = 0; i < _clients.Length && client == null; i++)
        {
            BackOfficeClient candidate = _clients[(_next + i) % _clients.Length];
            if (candidate.IsConnected)
            {
                client = candidate;
            }
        }

        _next++;
        if (client == null)
        {
            Interlocked.Increment(ref _skippedOffline);
            return;
        }

        (string topic, string value, bool valid) = Command(device);
        if (!_book.TryBegin(device, topic, valid, Phase))
        {
            Interlocked.Increment(ref _skippedNoDevice);
            return;
        }

        MqttApplicationMessage message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.ASCII.GetBytes(value))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        _ = PublishAsync(client, message);
    }

    private (string Topic, string Value, bool Valid) Command(int device)
    {
        string baseTopic = _options.TopicPrefix + "/" + FleetDevice.DeviceId(device);
        if (_random.NextDouble() >= _options.InvalidCommandFraction)
        {
            return _random.Next(4) == 0
                ? (baseTopic + "/zone/1/band/set", (2 + _random.Next(4)).ToString(CultureInfo.InvariantCulture), true)
                : (baseTopic + "/zone/1/target_rh/set", (85 + _random.Next(11)).ToString(CultureInfo.InvariantCulture), true);
        }

        return _random.Next(5) switch
        {
            0 => (baseTopic + "/zone/1/target_rh/set", "120", false),
            1 => (baseTopic + "/zone/1/target_rh/set", "ninety", false),
            2 => (baseTopic + "/zone/1/target_rh/set", "40", false),
            3 => (baseTopic + "/zone/7/target_rh/set", "90", false),
            _ => (baseTopic + "/zone/1/no_such_setting/set", "1", false),
        };
    }

    private async Task PublishAsync(BackOfficeClient client, MqttApplicationMessage message)
    {
        try
        {
            await client.Client.PublishAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Not connected after all (the broker went away between the check and the send): never sent. Any other
            // failure: the broker may have it, so the command stays booked and its ack may still come.
            if (!client.IsConnected)
            {
                _book.Abandon(message.Topic);
            }

            Interlocked.Increment(ref _publishErrors);
            Interlocked.CompareExchange(ref _firstError, "grower publish: " + ex.GetType().Name + ": " + ex.Message, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        foreach (BackOfficeClient client in _clients)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }
}
