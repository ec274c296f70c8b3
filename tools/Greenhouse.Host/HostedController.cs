using Greenhouse.App;
using Greenhouse.Ports;
using Greenhouse.TestSupport;

namespace Greenhouse.Host;

/// <summary>
/// A controller composed from host adapters (MqttNetLink, FileSettingsStore or a given store, SystemClock) and the
/// shared fakes for the hardware (a settable sensor and relays that remember their state, tests/Greenhouse.TestSupport),
/// with its tick running on one dedicated thread. Settings are applied before
/// Start through <see cref="Configure"/>, or later only through MQTT / the inbox (the controller is single-threaded).
/// </summary>
public sealed class HostedController : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _running;

    public HostedController(string macAddress, ISettingsStore store, int tickMilliseconds = 50, string firmwareVersion = "host")
    {
        TickMilliseconds = tickMilliseconds;
        Ports = new ControllerPorts
        {
            Clock = Clock,
            Log = Log,
            Store = store,
            MacAddress = macAddress,
            Pump = new FakeRelay(),
            Fan = new FakeRelay(),
        };
        Ports.Sensors[0] = Sensor;
        for (int i = 0; i < Ports.Valves.Length; i++)
        {
            Ports.Valves[i] = new FakeRelay();
        }

        Link = new MqttNetLink();
        Ports.Mqtt = Link;
        Controller = new Controller(Ports, firmwareVersion);
        Link.Attach(Controller.Inbox);
        _thread = new Thread(Run) { IsBackground = true, Name = "controller-tick" };
    }

    public int TickMilliseconds { get; }
    public SystemClock Clock { get; } = new();
    /// <summary>The log, read by other threads than the tick's, so a locked one (the shared FakeLog is single-threaded).</summary>
    public MemoryLogSink Log { get; } = new();
    public FakeSensor Sensor { get; } = new(22, 85) { Pressure = 1005 };
    public ControllerPorts Ports { get; }
    public Controller Controller { get; }
    public MqttNetLink Link { get; }

    /// <summary>Applies settings before start (e.g. mqtt.host, mqtt.port); throws on a refused value.</summary>
    public HostedController Configure(string key, string value)
    {
        if (_running)
        {
            throw new InvalidOperationException("configure before Start; afterwards use MQTT");
        }

        if (Controller.Commands.ApplySetting(key, value, "host") is { Ok: false } refused && refused.Error is string error)
        {
            throw new ArgumentException(error);
        }

        return this;
    }

    /// <summary>Starts the controller (loads stored settings) and its tick thread.</summary>
    public void Start()
    {
        Controller.Start();
        _running = true;
        _thread.Start();
    }

    private void Run()
    {
        while (_running)
        {
            Controller.Tick();
            Thread.Sleep(TickMilliseconds);
        }
    }

    public void Dispose()
    {
        _running = false;
        if (_thread.IsAlive)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }

        Link.Dispose();
    }
}
