using Greenhouse.App;
using Greenhouse.Ports;

namespace Greenhouse.Simulator.Ours;

/// <summary>
/// Our core (<see cref="Controller"/>) behind simulated ports: the BME280 model of zone 1 as sensor 1 and the
/// optional second one (<see cref="SimWorld.SecondSensor"/>) as sensor 2, relays that
/// drive the physics (pump, valves 1..4, fan), the tank switch, the simulation clock and an in-memory
/// settings store. <see cref="Step"/> calls <see cref="Controller.Tick"/> once per simulated second.
/// </summary>
public sealed class OursController : ISimController
{
    /// <summary>Firmware version the simulated board reports.</summary>
    public const string FirmwareVersion = "sim";

    /// <summary>MAC address of the simulated board (locally administered); the default device id is "gh-" + its
    /// last 6 hex digits, here gh-51ac01.</summary>
    public const string SimMacAddress = "02:00:00:51:AC:01";

    private readonly SimClock _clock = new();
    private readonly SimTankSwitch _tank = new();
    private readonly SimRelay _pump = new();
    private readonly SimRelay _fan = new();
    private readonly SimRelay[] _valves = { new(), new(), new(), new() };
    private readonly ControllerPorts _ports;
    private SimWorld? _world;
    private int _alarmVersion;
    private readonly HashSet<string> _alarmCodes = new(StringComparer.Ordinal);

    /// <param name="log">Receives each log line of the core.</param>
    /// <param name="mqtt">The MQTT link, or null to run without network.</param>
    /// <param name="secondSensor">Whether the board has its second BME280 (unfitted ports are null for the core).</param>
    public OursController(Action<string> log, IMqttLink? mqtt = null, bool secondSensor = false)
    {
        _ports = new ControllerPorts
        {
            Sensors = new IClimateSensor[]
            {
                new SimClimateSensor(() => _world?.Sensors[0]),
                secondSensor ? new SimClimateSensor(() => _world?.SecondSensor) : null!,
            },
            Pump = _pump,
            Valves = _valves,
            Fan = _fan,
            TankSwitch = _tank,
            Clock = _clock,
            Store = new MemorySettingsStore(),
            Mqtt = mqtt!,
            MacAddress = SimMacAddress,
            Log = new CallbackLogSink(log),
        };
        Core = new Controller(_ports, FirmwareVersion);
    }

    public string Name => "ours";
    public Controller Core { get; }
    public ControllerPorts Ports => _ports;
    public int AlarmCount { get; private set; }
    public IReadOnlyCollection<string> AlarmCodesSeen => _alarmCodes;
    public long LastStepAllocatedBytes { get; private set; }

    private readonly List<(string Key, string Value, string Source)> _applied = new();

    /// <summary>
    /// Applies one setting the way the settings file does (validated, logged with the source). Accepted
    /// settings are applied again right after <see cref="Controller.Start"/>, which loads the (empty) store.
    /// </summary>
    public bool ApplySetting(string key, string value, string source, out string error)
    {
        if (!Core.ApplySetting(key, value, source, out error))
        {
            return false;
        }

        _applied.Add((key, value, source));
        return true;
    }

    public void Start(SimWorld world)
    {
        if ((_ports.Sensors[1] != null) != (world.SecondSensor != null))
        {
            throw new InvalidOperationException("the world and the controller disagree on the second sensor");
        }

        _world = world;
        _clock.Attach(world);
        _tank.Attach(world);
        Core.Start();
        foreach (var (key, value, source) in _applied)
        {
            if (!Core.ApplySetting(key, value, source, out string error))
            {
                throw new InvalidOperationException($"setting {key} accepted before start but refused after: {error}");
            }
        }

        _alarmVersion = Core.Alarms.Version;
    }

    public void Step(SimWorld world, SimOutputs outputs)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Core.Tick();
        LastStepAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        int version = Core.Alarms.Version;
        if (version != _alarmVersion)
        {
            _alarmVersion = version;
            if (Core.Alarms.LastChangeRaised)
            {
                AlarmCount++;
                _alarmCodes.Add(Core.Alarms.LastChangedCode);
            }
        }

        for (int z = 0; z < outputs.ValveOpen.Length; z++)
        {
            outputs.ValveOpen[z] = z < _valves.Length && _valves[z].Energised;
        }

        outputs.Pump = _pump.Energised;
        outputs.Vent = _fan.Energised;
    }
}
