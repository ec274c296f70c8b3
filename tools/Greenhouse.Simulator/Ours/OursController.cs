using Greenhouse.App;
using Greenhouse.Faults;
using Greenhouse.Ports;
using Greenhouse.TestSupport;

namespace Greenhouse.Simulator.Ours;

/// <summary>
/// Our core (<see cref="Controller"/>) behind simulated ports: the BME280 model of zone 1 as sensor 1 and the
/// optional second one (<see cref="SimWorld.SecondSensor"/>) as sensor 2, relays that
/// drive the physics (pump, valves 1..4, fan), the tank switch, a clock that follows the simulated time and an in-memory
/// settings store (the plain ports are the shared fakes of tests/Greenhouse.TestSupport). <see cref="Step"/> calls
/// <see cref="Controller.Tick"/> once per simulated second.
/// </summary>
public sealed class OursController : ISimController
{
    /// <summary>Firmware version the simulated board reports.</summary>
    public const string FirmwareVersion = "sim";

    /// <summary>MAC address of the simulated board (locally administered); the default device id is "gh-" + its
    /// last 6 hex digits, here gh-51ac01.</summary>
    public const string SimMacAddress = "02:00:00:51:AC:01";

    /// <summary>Uptime the board already has when its controller starts, ms (a board boots before it controls).</summary>
    public const long BootUptimeMs = 5000;

    // Unsynced until the run starts; then the simulated wall time, advanced by each step.
    private readonly FakeClock _clock = new() { Uptime = BootUptimeMs };
    private long _clockSecond;
    private readonly SimTankSwitch _tank = new();
    private readonly FakeRelay _pump = new();
    private readonly FakeRelay _fan = new();
    private readonly FakeRelay[] _valves = { new(), new(), new(), new() };
    private readonly ControllerPorts _ports;
    private readonly ControllerPorts _corePorts;
    private readonly FaultInjector? _faults;
    private readonly InvariantMonitor? _monitor;
    private readonly Action<string> _log;
    private SimWorld? _world;
    private long _alarmSequence;
    private readonly HashSet<string> _alarmCodes = new(StringComparer.Ordinal);

    /// <param name="log">Receives each log line of the core.</param>
    /// <param name="mqtt">The MQTT link, or null to run without network.</param>
    /// <param name="secondSensor">Whether the board has its second BME280 (unfitted ports are null for the core).</param>
    /// <param name="faults">Fault schedule to inject (null = none); the ports are then wrapped by Greenhouse.Faults,
    /// the safety invariants are checked every tick (<see cref="Monitor"/>) and power cuts restart the core.</param>
    /// <param name="invariants">Options of that monitor (null = defaults).</param>
    /// <param name="wifi">The house's Wi-Fi (networks in reach, the board's station), or null for no Wi-Fi model; it gates
    /// the MQTT link like the wifi-down fault, so it needs <paramref name="faults"/> (an empty schedule will do).</param>
    public OursController(Action<string> log, IMqttLink? mqtt = null, bool secondSensor = false, FaultInjector? faults = null, InvariantOptions? invariants = null,
        SimulatedWifi? wifi = null)
    {
        if (wifi != null && faults == null)
        {
            throw new ArgumentException("the Wi-Fi model works through the fault decorators: give a FaultInjector too", nameof(wifi));
        }

        _log = log;
        _faults = faults;
        Log = new FakeLog(16) { Echo = line => log(line) };
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
            Store = new FakeSettingsStore(),
            Mqtt = mqtt!,
            Wifi = wifi!,
            MacAddress = SimMacAddress,
            Log = Log,
        };
        _corePorts = faults != null ? FaultPorts.Wrap(_ports, faults, up => Core?.Inbox.PostConnection(up)) : _ports;
        if (faults != null)
        {
            _monitor = new InvariantMonitor(invariants);
        }

        Core = new Controller(_corePorts, FirmwareVersion);
    }

    /// <summary>Called with the core after it started, and again with the new core after each power cut.</summary>
    public Action<Controller>? AfterStart { get; set; }

    /// <summary>The invariant monitor of a faulty run (null without <c>--faults</c>).</summary>
    public InvariantMonitor? Monitor => _monitor;

    public FaultInjector? Faults => _faults;

    /// <summary>Power cuts survived (restarts of the core).</summary>
    public int Restarts { get; private set; }

    public string Name => "ours";
    /// <summary>The running core; a power cut replaces it (read it again after each step).</summary>
    public Controller Core { get; private set; }
    public ControllerPorts Ports => _ports;
    /// <summary>The core's log sink: counts the lines and forwards each to the simulator's log.</summary>
    public FakeLog Log { get; }
    /// <summary>The pump, valve 1..4 and fan relays the core drives.</summary>
    public FakeRelay Pump => _pump;
    public IReadOnlyList<FakeRelay> Valves => _valves;
    public FakeRelay Fan => _fan;
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
        Greenhouse.Commands.CommandResult result = Core.Commands.ApplySetting(key, value, source);
        error = result.Error;
        if (!result.Ok)
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
        _clock.Utc = world.UtcNow;
        _clock.Synced = true;
        _clockSecond = world.Second;
        _tank.Attach(world);
        if (_applied.Count > 0 && _ports.Store.TryRead(Greenhouse.Persistence.SettingsPersistence.SlotA, out _) == false)
        {
            // The settings file is what the device has stored: put it in the store as the device's first saved copy,
            // so the core loads it at start and again after every power cut. (Values applied before the start stay
            // in memory, and the core would otherwise see nothing to save.)
            byte[] stored = System.Text.Encoding.UTF8.GetBytes(Greenhouse.Persistence.SettingsFile.Format(Core.Status.Settings, 1));
            _ports.Store.Write(Greenhouse.Persistence.SettingsPersistence.SlotA, stored);
        }

        Core.Start();
        foreach (var (key, value, source) in _applied)
        {
            if (Core.Commands.ApplySetting(key, value, source) is { Ok: false } refused && refused.Error is string error)
            {
                throw new InvalidOperationException($"setting {key} accepted before start but refused after: {error}");
            }
        }

        _alarmSequence = Core.Status.Alarms.LastSequence;
        AfterStart?.Invoke(Core);
    }

    public void Step(SimWorld world, SimOutputs outputs)
    {
        _clock.Advance((world.Second - _clockSecond) * 1000L);
        _clockSecond = world.Second;
        TimeSpan elapsed = default;
        DateTime local = default;
        if (_faults != null)
        {
            elapsed = TimeSpan.FromSeconds(world.Second);
            local = world.LocalNow;
            var events = _faults.Update(elapsed, local);
            for (int i = 0; i < events.Count; i++)
            {
                _log("sim: fault " + events[i]);
            }

            if (_faults.IsActive(FaultKind.TankEmpty))
            {
                world.TankFull = false; // the tank really runs dry, not only its float switch
            }

            if (_faults.PowerCutDue)
            {
                PowerCut(world, elapsed, local);
            }
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        Core.Tick();
        LastStepAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        _monitor?.Observe(Core, new GroundTruth(elapsed, local, world.Houses[0].AirTempC, world.TankFull));

        Greenhouse.Diagnostics.AlarmTransition? t;
        while ((t = Core.Status.Alarms.TransitionAfter(_alarmSequence)) != null)
        {
            _alarmSequence = t.Sequence;
            if (t.Raised)
            {
                AlarmCount++;
                _alarmCodes.Add(t.Code);
            }
        }

        for (int z = 0; z < outputs.ValveOpen.Length; z++)
        {
            outputs.ValveOpen[z] = z < _valves.Length && _valves[z].Energised;
        }

        outputs.Pump = _pump.Energised;
        outputs.Vent = _fan.Energised;
    }

    /// <summary>
    /// A power cut: relays drop, the network session ends, uptime starts again, and a new core starts over the same
    /// (wrapped) ports and settings store, as the board does after power returns.
    /// </summary>
    private void PowerCut(SimWorld world, TimeSpan elapsed, DateTime local)
    {
        string[] snapshot = InvariantMonitor.SnapshotSettings(Core.Status.Settings);
        _pump.Drop();
        _fan.Drop();
        foreach (var valve in _valves)
        {
            valve.Drop();
        }

        try
        {
            _ports.Mqtt?.Disconnect();
        }
        catch (Exception)
        {
            // The link is gone with the power anyway.
        }

        _clock.Reboot(BootUptimeMs);
        Restarts++;
        _log($"sim: power cut at {local:yyyy-MM-dd HH:mm:ss}; the controller restarts from its stored settings");
        Core = new Controller(_corePorts, FirmwareVersion);
        Core.Start();
        _monitor!.CheckSettingsSurvived(snapshot, Core.Status.Settings, elapsed, local);
        _alarmSequence = Core.Status.Alarms.LastSequence;
        AfterStart?.Invoke(Core);
    }
}
