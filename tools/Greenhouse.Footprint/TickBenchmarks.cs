using BenchmarkDotNet.Attributes;
using Greenhouse.Footprint.Rig;

namespace Greenhouse.Footprint
{
    /// <summary>
    /// One control tick of a warmed-up controller (four zones, both sensors, tank switch). Each operation is one
    /// simulated second: the rig moves the sensor values, then Controller.Tick runs. "No broker": no MQTT host is
    /// configured, so the tick is control only. "Broker up": the MQTT interface runs its per-tick upkeep and
    /// publishes a state document every 60 ticks, whose cost is amortised over the 60 (see TelemetryBenchmarks
    /// for one document). <see cref="InputsOnly"/> measures the rig's own share so it can be subtracted.
    /// </summary>
    [MemoryDiagnoser]
    public class TickBenchmarks
    {
        private SteadyStateRig _offline;
        private SteadyStateRig _wiggle;
        private SteadyStateRig _cycle;
        private SteadyStateRig _inputs;

        [GlobalSetup(Target = nameof(SteadyStateTickWithoutBroker))]
        public void SetUpOffline()
        {
            _offline = SteadyStateRig.FourZonesWithoutBroker(HumidityProfile.Wiggle);
        }

        /// <summary>Humidity moves inside the dead band, no MQTT: read, validate, derive, decide; no relay switches.</summary>
        [Benchmark(Description = "Tick, steady state, no broker")]
        public long SteadyStateTickWithoutBroker()
        {
            _offline.Step();
            return _offline.Controller.Status.TickCount;
        }

        [GlobalSetup(Target = nameof(SteadyStateTick))]
        public void SetUpWiggle()
        {
            _wiggle = SteadyStateRig.FourZones(HumidityProfile.Wiggle);
        }

        [GlobalSetup(Target = nameof(MistCycleTick))]
        public void SetUpCycle()
        {
            _cycle = SteadyStateRig.FourZones(HumidityProfile.MistCycle);
        }

        [GlobalSetup(Target = nameof(InputsOnly))]
        public void SetUpInputs()
        {
            _inputs = SteadyStateRig.FourZones(HumidityProfile.Wiggle);
        }

        /// <summary>Humidity moves inside the dead band: read, derive, decide every tick, no relay switches.</summary>
        [Benchmark(Description = "Tick, steady state, broker up (state doc every 60 ticks)")]
        public long SteadyStateTick()
        {
            _wiggle.Step();
            return _wiggle.Controller.Status.TickCount;
        }

        /// <summary>Humidity sweeps 85..92 % over 600 ticks: two valve/pump switch events per 600 ticks, amortised.</summary>
        [Benchmark(Description = "Tick, mist cycle, broker up (switches 2x per 600 ticks)")]
        public long MistCycleTick()
        {
            _cycle.Step();
            return _cycle.Controller.Status.TickCount;
        }

        /// <summary>The rig's input step alone (two sines, clock advance), to subtract from the tick figures.</summary>
        [Benchmark(Description = "Rig input step only (overhead)")]
        public long InputsOnly()
        {
            _inputs.PrepareInputs();
            return _inputs.Steps;
        }
    }
}
