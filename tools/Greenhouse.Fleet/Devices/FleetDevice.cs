using System.Globalization;
using Greenhouse.App;
using Greenhouse.Host;
using Greenhouse.Ports;
using Greenhouse.TestSupport;

namespace Greenhouse.Fleet;

/// <summary>
/// One house: the real core <see cref="Controller"/> with the simulator's house model behind its sensor and relay
/// ports, a real-time clock, and its own MQTT connection (the host library's MqttNetLink unless a test supplies a link).
/// Only the thread that owns it calls <see cref="Start"/> and <see cref="Tick"/> (the controller is single-threaded).
/// </summary>
internal sealed class FleetDevice : IDisposable
{
    public const string FirmwareVersion = "fleet";

    // The shared fake clock, set to real time before each tick (the core reads the clock only in its tick): uptime is
    // the boot time plus the wall-clock milliseconds since the device was switched on; UTC runs from the run's start.
    private readonly FakeClock _clock;
    private readonly DateTime _startUtc;
    private readonly IFleetHouse _house;
    private readonly CountingLink _link;
    private readonly long _bootMs;
    private bool _wasConnected;

    public FleetDevice(int index, FleetOptions options, IFleetHouse house, DateTime startUtc, LinkCounters counters, Random random)
    {
        Index = index;
        Id = DeviceId(index);
        _house = house;
        _startUtc = startUtc;
        _clock = new FakeClock(startUtc);
        // A board has been up a few seconds (Wi-Fi, SNTP) before the controller starts.
        _bootMs = 3000 + random.Next(5000);
        // The shared fakes: a store in memory, and a log that counts every line and keeps the last few (a fleet has no
        // serial console; the last lines help when a device misbehaves).
        Log = new FakeLog(4);
        _link = new CountingLink(counters);
        var ports = new ControllerPorts
        {
            Clock = _clock,
            Log = Log,
            Store = new FakeSettingsStore(),
            Mqtt = _link,
            MacAddress = MacAddress(index),
        };
        house.Fit(ports);
        Controller = new Controller(ports, FirmwareVersion);
        Configure("device.id", Id);
        Configure("mqtt.prefix", options.TopicPrefix);
        Configure("mqtt.host", options.BrokerHost);
        Configure("mqtt.port", options.BrokerPort.ToString(CultureInfo.InvariantCulture));
        Configure("mqtt.telemetry_s", options.TelemetrySeconds.ToString(CultureInfo.InvariantCulture));
        // MQTT 3.1.1, as the firmware's M2Mqtt client speaks (MQTTnet would default to 5.0).
        Func<Inbox, IMqttLink> factory = options.LinkFactory ?? (inbox => new MqttNetLink(inbox) { ProtocolVersion = MQTTnet.Formatter.MqttProtocolVersion.V311 });
        _link.Inner = factory(Controller.Inbox);
    }

    public int Index { get; }
    public string Id { get; }
    public Controller Controller { get; }
    public FakeLog Log { get; }
    public CountingLink Link => _link;

    /// <summary>Run ms at which the device was switched on, or NaN before.</summary>
    public double SwitchedOnMs { get; private set; } = double.NaN;
    public bool Started => !double.IsNaN(SwitchedOnMs);
    public bool Connected => _wasConnected;

    /// <summary>Run ms of the first and of the latest tick that saw the session come up (NaN = never).</summary>
    public double FirstUpMs { get; private set; } = double.NaN;
    public double LastUpMs { get; private set; } = double.NaN;
    public int Connects { get; private set; }
    public int Disconnects { get; private set; }
    public long TickExceptions { get; private set; }
    public string LastException { get; private set; }

    public static string DeviceId(int index) => "dev-" + index.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>A locally administered MAC per device (the core seeds its reconnect jitter from it).</summary>
    public static string MacAddress(int index) => "02:00:00:" + (index >> 16 & 0xff).ToString("X2", CultureInfo.InvariantCulture) + ":"
        + (index >> 8 & 0xff).ToString("X2", CultureInfo.InvariantCulture) + ":" + (index & 0xff).ToString("X2", CultureInfo.InvariantCulture);

    /// <summary>Switches the device on at run ms <paramref name="runMs"/> (the controller loads its settings).</summary>
    public void Start(double runMs)
    {
        SwitchedOnMs = runMs;
        SetClock(runMs);
        _house.AdvanceTo(runMs / 1000.0);
        Controller.Start();
    }

    /// <summary>The house moves on to now, then the controller runs one tick at the current wall-clock time.</summary>
    public void Tick(double runMs)
    {
        try
        {
            _house.AdvanceTo(runMs / 1000.0);
            SetClock(runMs);
            Controller.Tick();
        }
        catch (Exception ex)
        {
            TickExceptions++;
            LastException = ex.GetType().Name + ": " + ex.Message;
        }

        bool up = _link.IsConnected;
        if (up && !_wasConnected)
        {
            Connects++;
            LastUpMs = runMs;
            if (double.IsNaN(FirstUpMs))
            {
                FirstUpMs = runMs;
            }
        }
        else if (!up && _wasConnected)
        {
            Disconnects++;
        }

        _wasConnected = up;
    }

    private void SetClock(double runMs)
    {
        long uptime = _bootMs + (long)(runMs - SwitchedOnMs);
        if (uptime > _clock.Uptime)
        {
            _clock.Uptime = uptime;
        }

        _clock.Utc = _startUtc.AddMilliseconds(runMs);
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
