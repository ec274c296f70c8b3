using System.Globalization;
using Greenhouse.App;
using Greenhouse.Ports;

namespace Greenhouse.Fleet;

/// <summary>
/// One simulated house: a real core <see cref="Controller"/> with simulated sensors, relays, store and clock, and its
/// own MQTT link. Only the worker thread that owns it calls <see cref="Tick"/> (the controller is single-threaded).
/// </summary>
internal sealed class FleetDevice : IDisposable
{
    public const string FirmwareVersion = "fleet";

    private readonly SimClock _clock = new();
    private readonly ClimateModel _climate;
    private readonly CountingLink _link;
    private readonly double _compression;
    private readonly long _bootOffsetMs;
    private long _startRealMs = -1;
    private bool _wasConnected;

    public FleetDevice(int index, FleetOptions options, LinkCounters counters, Random random)
    {
        Index = index;
        Id = DeviceId(index);
        _compression = options.TimeCompression;
        _bootOffsetMs = 5000 + random.Next(60_000);
        var valve = new SimRelay();
        _climate = new ClimateModel(random, valve);
        Log = new CountingLogSink();
        _link = new CountingLink(counters);
        var ports = new ControllerPorts
        {
            Clock = _clock,
            Log = Log,
            Store = new MemoryStore(),
            Mqtt = _link,
            Pump = new SimRelay(),
            Fan = new SimRelay(),
            MacAddress = "02:00:00:" + (index >> 16 & 0xff).ToString("X2", CultureInfo.InvariantCulture) + ":"
                + (index >> 8 & 0xff).ToString("X2", CultureInfo.InvariantCulture) + ":" + (index & 0xff).ToString("X2", CultureInfo.InvariantCulture),
        };
        ports.Sensors[0] = new SimSensor(_climate, 0);
        ports.Sensors[1] = new SimSensor(_climate, 0.5);
        ports.Valves[0] = valve;
        for (int i = 1; i < ports.Valves.Length; i++)
        {
            ports.Valves[i] = new SimRelay();
        }

        _clock.UptimeMilliseconds = _bootOffsetMs;
        Controller = new Controller(ports, FirmwareVersion);
        Configure("device.id", Id);
        Configure("mqtt.prefix", options.TopicPrefix);
        Configure("mqtt.host", options.BrokerHost);
        Configure("mqtt.port", options.BrokerPort.ToString(CultureInfo.InvariantCulture));
        Configure("mqtt.telemetry_s", options.TelemetrySeconds.ToString(CultureInfo.InvariantCulture));
        Func<Inbox, IMqttLink> factory = options.LinkFactory ?? DefaultLink.Create;
        _link.Inner = factory(Controller.Inbox);
    }

    public int Index { get; }
    public string Id { get; }
    public Controller Controller { get; }
    public CountingLogSink Log { get; }
    public IMqttLink Link => _link.Inner;

    public bool Started => _startRealMs >= 0;

    /// <summary>Wall-clock ms (since the run started) of the first connected tick, or -1.</summary>
    public long FirstConnectedRealMs { get; private set; } = -1;

    public long StartRealMs => _startRealMs;

    public bool Connected => _wasConnected;
    public int Disconnects { get; private set; }
    /// <summary>Times the link was seen coming up (first connection and reconnections).</summary>
    public int Connects { get; private set; }
    public long TickExceptions { get; private set; }
    public string LastException { get; private set; }

    public static string DeviceId(int index) => "dev-" + index.ToString("D5", CultureInfo.InvariantCulture);

    public void Start(long realMs)
    {
        _startRealMs = realMs;
        _clock.UptimeMilliseconds = _bootOffsetMs;
        _climate.Advance(_clock.UptimeMilliseconds);
        Controller.Start();
    }

    /// <summary>Advances the device clock to the given wall-clock time and runs one controller tick.</summary>
    public void Tick(long realMs)
    {
        long uptime = _bootOffsetMs + (long)((realMs - _startRealMs) * _compression);
        if (uptime > _clock.UptimeMilliseconds)
        {
            _clock.UptimeMilliseconds = uptime;
        }

        try
        {
            _climate.Advance(_clock.UptimeMilliseconds);
            Controller.Tick();
        }
        catch (Exception ex)
        {
            TickExceptions++;
            LastException = ex.GetType().Name + ": " + ex.Message;
        }

        bool up = _link.IsConnected;
        if (up && FirstConnectedRealMs < 0)
        {
            FirstConnectedRealMs = realMs;
        }

        if (up && !_wasConnected)
        {
            Connects++;
        }

        if (!up && _wasConnected)
        {
            Disconnects++;
        }

        _wasConnected = up;
    }

    private void Configure(string key, string value)
    {
        if (Controller.Commands.ApplySetting(key, value, "fleet") is { Ok: false } refused && refused.Error is string error)
        {
            throw new ArgumentException("fleet device setting " + key + "=" + value + " refused: " + error);
        }
    }

    public void Dispose()
    {
        try
        {
            _link.Inner?.Disconnect();
        }
        catch (Exception)
        {
        }

        (_link.Inner as IDisposable)?.Dispose();
    }
}
