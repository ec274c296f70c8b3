using System;
using System.Collections.Generic;
using Greenhouse.App;
using Greenhouse.TestSupport;

namespace Greenhouse.Faults.Tests
{
    /// <summary>A fault state the test switches by hand.</summary>
    internal sealed class FakeFaultState : IFaultState
    {
        public readonly HashSet<(FaultKind, int)> Active = new HashSet<(FaultKind, int)>();
        public bool FailNextReads;
        public TimeSpan ClockOffset { get; set; }

        public bool IsActive(FaultKind kind, int sensor = 0)
        {
            foreach ((FaultKind k, int s) in Active)
            {
                if (k == kind && (s == 0 || sensor == 0 || s == sensor))
                {
                    return true;
                }
            }

            return false;
        }

        public bool NextReadFails(int sensor) => FailNextReads;
    }

    /// <summary>
    /// A small simulation around a real controller: one sensor, four valves, pump, fan, tank; humidity rises while a
    /// valve is open and falls otherwise. Ticks of <see cref="TickMs"/>; the monitor sees every tick.
    /// </summary>
    internal sealed class Rig : FakeBoard
    {
        public static readonly DateTime StartLocal = new DateTime(2026, 4, 1, 6, 0, 0);
        public readonly InvariantMonitor Monitor;
        public long TickMs = 1000;
        public TimeSpan Elapsed;
        public double AirTemperature = 20;
        public bool TankTruth = true;
        public bool ModelHumidity;
        /// <summary>Called after each controller tick and before the monitor: a "rogue engine" can force relays here.</summary>
        public Action<Rig> AfterTick;

        public Rig(InvariantOptions options = null, bool secondSensor = false) : base(4)
        {
            Monitor = new InvariantMonitor(options);
            Sensor2 = secondSensor ? new FakeSensor() : null;
            Store = new FakeSettingsStore();
            Clock.Utc = StartLocal.AddHours(-8);
            Clock.Synced = true;
            Ports = CreatePorts();
            Controller = new Controller(Ports, "test");
            Controller.Start();
        }

        public ControllerPorts Ports;

        public DateTime Local => StartLocal + Elapsed;

        public GroundTruth Truth => new GroundTruth(Elapsed, Local, AirTemperature, TankTruth);

        public void Set(string key, string value)
        {
            Greenhouse.Commands.CommandResult result = Controller.Commands.ApplySetting(key, value, "test");
            Assert(result.Ok, result.Error);
        }

        /// <summary>When set, driven before every tick the way the simulator's runner is expected to: Update, follow
        /// tank-empty in the ground truth, and on a power cut drop the relays and build a new controller.</summary>
        public FaultInjector Injector;
        /// <summary>The ports new controllers are built from (the fault-wrapped ones when faults are injected).</summary>
        public ControllerPorts ActivePorts;

        /// <summary>Replaces the controller as a power cut does: relays drop, uptime restarts, a new controller starts.</summary>
        public void PowerCut()
        {
            DropRelays();
            Clock.Uptime = 0;
            Controller = new Controller(ActivePorts ?? Ports, "test");
            Controller.Start();
        }

        public void Ticks(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Elapsed += TimeSpan.FromMilliseconds(TickMs);
                Clock.Advance(TickMs);
                if (Injector != null)
                {
                    Injector.Update(Elapsed, Local);
                    TankTruth = !Injector.IsActive(FaultKind.TankEmpty);
                    if (Injector.PowerCutDue)
                    {
                        PowerCut();
                    }
                }
                if (ModelHumidity)
                {
                    bool misting = Valves[0].Energised || Valves[1].Energised;
                    Sensor.Humidity = Math.Clamp(Sensor.Humidity + (misting ? 0.05 : -0.02) * TickMs / 1000.0, 30, 99);
                }

                Controller.Tick();
                AfterTick?.Invoke(this);
                Monitor.Observe(Controller, Truth);
            }
        }

        public void TicksFor(TimeSpan span) => Ticks((int)(span.Ticks / TimeSpan.TicksPerMillisecond / TickMs));

        /// <summary>Forces a valve (and the pump) on after the controller's decision, like a broken engine would.</summary>
        public void ForceOn(int zone)
        {
            // Behind the core's back: the relays' own state, as a faulty actuation would leave it.
            ((Greenhouse.Actuation.RelayChannel)Controller.Status.Valve(zone)).Set(true, Controller.Status.NowMs, "rogue");
            ((Greenhouse.Actuation.RelayChannel)Controller.Status.Pump).Set(true, Controller.Status.NowMs, "rogue");
        }

        private static void Assert(bool condition, string message)
        {
            if (!condition)
            {
                throw new InvalidOperationException(message);
            }
        }
    }
}
