using BenchmarkDotNet.Attributes;
using Greenhouse.Footprint.Rig;
using Greenhouse.Messaging;

namespace Greenhouse.Footprint
{
    /// <summary>
    /// One telemetry document: the retained <c>&lt;base&gt;/state</c> JSON built exactly as the MQTT interface
    /// builds it for publishing (StateDocument.Write into a reused JsonWriter, then the text, then UTF-8 bytes),
    /// from a warmed-up controller with one or four zones in use.
    /// </summary>
    [MemoryDiagnoser]
    public class TelemetryBenchmarks
    {
        private SteadyStateRig _rig;
        private JsonWriter _json;

        [Params(1, 4)]
        public int Zones;

        [GlobalSetup]
        public void SetUp()
        {
            _rig = new SteadyStateRig(HumidityProfile.Wiggle, SteadyStateRig.WithBroker(new[] { "zones", Zones.ToString() }), SteadyStateRig.DefaultWarmUpTicks);
            _json = new JsonWriter(1024);
            StateDocument.Write(_json, _rig.Controller.Status, _rig.Clock, _rig.Clock.Uptime);
        }

        [Benchmark(Description = "State document (build + text + UTF-8)")]
        public byte[] StateDocumentBytes()
        {
            StateDocument.Write(_json, _rig.Controller.Status, _rig.Clock, _rig.Clock.Uptime);
            return System.Text.Encoding.UTF8.GetBytes(_json.ToString());
        }

        /// <summary>The build alone, into the reused buffer: what a byte-writing JsonWriter would cost.</summary>
        [Benchmark(Description = "State document (build only)")]
        public int StateDocumentBuildOnly()
        {
            StateDocument.Write(_json, _rig.Controller.Status, _rig.Clock, _rig.Clock.Uptime);
            return _json.Length;
        }
    }
}
