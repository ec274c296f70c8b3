using System.Globalization;
using Greenhouse.Host;
using Greenhouse.Simulator;
using Greenhouse.Simulator.Cli;
using Greenhouse.Simulator.Ours;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Dashboard.Demo;

/// <summary>
/// <c>--demo</c>: the embedded MQTTnet broker on 127.0.0.1 and a few simulated houses, each the real controller core
/// (<see cref="OursController"/>) on the simulator's house model and weather, paced at <see cref="DashboardOptions.DemoSpeed"/>
/// simulated seconds per second, talking to the broker through <see cref="MqttNetLink"/> as a board does. A house
/// can be switched off and on: off stops its controller and drops its connection without goodbye, so the broker
/// publishes its last will ("offline"), as when a board loses power.
/// </summary>
public sealed class DemoHouses : IAsyncDisposable
{
    /// <summary>One simulated house: id, built-in weather scenario, zones and the stages they start in.</summary>
    public sealed record Plan(string Id, string Scenario, string[] Stages, TimeSpan StartTime);

    public static readonly Plan[] Plans =
    {
        new("gh-demo01", "typical-june", new[] { "growth" }, new TimeSpan(5, 30, 0)),
        new("gh-demo02", "hot-july", new[] { "early_growth" }, new TimeSpan(8, 0, 0)),
        new("gh-demo03", "cool-spring", new[] { "growth", "pinning" }, new TimeSpan(6, 0, 0)),
        new("gh-demo04", "rainy", new[] { "rest" }, new TimeSpan(7, 0, 0)),
    };

    private readonly EmbeddedBroker _broker;
    private readonly List<DemoHouse> _houses = new();

    private DemoHouses(EmbeddedBroker broker)
    {
        _broker = broker;
    }

    public int BrokerPort => _broker.Port;

    public IReadOnlyList<DemoHouse> Houses => _houses;

    public DemoHouse? Find(string id) => _houses.FirstOrDefault(h => h.Id == id);

    /// <summary>Starts the broker (a free loopback port) and <paramref name="count"/> houses (at most <see cref="Plans"/>).</summary>
    public static async Task<DemoHouses> StartAsync(int count, double speed, string prefix)
    {
        EmbeddedBroker broker = await EmbeddedBroker.StartAsync(0).ConfigureAwait(false);
        var demo = new DemoHouses(broker);
        foreach (Plan plan in Plans.Take(Math.Clamp(count, 1, Plans.Length)))
        {
            var house = new DemoHouse(plan, broker, speed, prefix);
            demo._houses.Add(house);
            house.Start();
        }

        return demo;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (DemoHouse house in _houses)
        {
            house.Dispose();
        }

        await _broker.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>One simulated house of the demo: the simulation thread and its power switch.</summary>
public sealed class DemoHouse : IDisposable
{
    private readonly DemoHouses.Plan _plan;
    private readonly EmbeddedBroker _broker;
    private readonly double _speed;
    private readonly string _prefix;
    private readonly CancellationTokenSource _stop = new();
    private readonly MqttNetLink _link = new();
    private readonly PowerSwitch _switch;
    private Thread? _thread;

    internal DemoHouse(DemoHouses.Plan plan, EmbeddedBroker broker, double speed, string prefix)
    {
        _plan = plan;
        _broker = broker;
        _speed = speed;
        _prefix = prefix;
        var lines = new List<SettingLine>
        {
            new(0, "zones", plan.Stages.Length.ToString(CultureInfo.InvariantCulture)),
            new(0, "mqtt.host", "127.0.0.1"),
            new(0, "mqtt.port", broker.Port.ToString(CultureInfo.InvariantCulture)),
            new(0, "mqtt.prefix", prefix),
            new(0, Greenhouse.Settings.CoreSettings.DeviceId, plan.Id),
        };
        for (int z = 0; z < plan.Stages.Length; z++)
        {
            lines.Add(new SettingLine(0, $"zone{z + 1}.stage", plan.Stages[z]));
        }

        Config = RunConfiguration.Build(lines, plan.Id);
        var core = (OursController)RunExecutor.BuildController("ours", Config, _ => { }, _link);
        core.AfterStart = c => _link.Attach(c.Inbox);
        _switch = new PowerSwitch(core);
    }

    public string Id => _plan.Id;
    public string Scenario => _plan.Scenario;
    public bool PoweredOn => _switch.On;
    internal RunConfiguration Config { get; }

    internal void Start()
    {
        Scenario scenario = Greenhouse.Simulator.Weather.Scenarios.Find(_plan.Scenario) ?? throw new InvalidOperationException(_plan.Scenario);
        var setup = new SimulationSetup
        {
            Weather = new ScenarioWeather(scenario, (int)_plan.StartTime.TotalSeconds, vary: true, seed: _plan.Id.Sum(c => c)),
            Days = 365,
            StartLocal = new DateTime(2026, 6, 15) + _plan.StartTime,
            Zones = Config.Zones,
            Speed = _speed,
        };
        var simulation = new Simulation(setup);
        _thread = new Thread(() =>
        {
            try
            {
                simulation.Run(_switch, Config.Plans, cancel: _stop.Token);
            }
            catch (Exception e) when (_stop.IsCancellationRequested || e is ObjectDisposedException)
            {
                // Shutting down.
            }
        })
        {
            IsBackground = true,
            Name = "demo " + _plan.Id,
        };
        _thread.Start();
    }

    /// <summary>Switches the board off (relays drop, the broker publishes its last will) or on again (it reconnects).</summary>
    public async Task SetPowerAsync(bool on)
    {
        if (on == _switch.On)
        {
            return;
        }

        _switch.On = on;
        if (!on)
        {
            await _broker.DropClientAsync(_plan.Id).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join(TimeSpan.FromSeconds(5));
        _link.Dispose();
    }

    /// <summary>
    /// The controller behind a power switch: while off it is not ticked and every relay is open, the house model goes
    /// on with the weather. Turned on again, the same core carries on from where it stopped (its clock jumped), sees
    /// its MQTT session gone and reconnects, as after a network outage.
    /// </summary>
    private sealed class PowerSwitch : ISimController
    {
        private readonly OursController _core;

        public PowerSwitch(OursController core)
        {
            _core = core;
        }

        public volatile bool On = true;

        public string Name => _core.Name;
        public int AlarmCount => _core.AlarmCount;
        public long LastStepAllocatedBytes => _core.LastStepAllocatedBytes;

        public void Start(SimWorld world) => _core.Start(world);

        public void Step(SimWorld world, SimOutputs outputs)
        {
            if (On)
            {
                _core.Step(world, outputs);
                return;
            }

            outputs.Pump = false;
            outputs.Vent = false;
            for (int z = 0; z < outputs.ValveOpen.Length; z++)
            {
                outputs.ValveOpen[z] = false;
            }
        }
    }
}
