using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using Greenhouse.Footprint.Rig;

namespace Greenhouse.Footprint
{
    /// <summary>
    /// One grower command end to end inside the controller: an MQTT <c>/set</c> message posted to the inbox (as the
    /// adapter's receive thread does), one tick that drains it, applies it and publishes the ack. The topic and
    /// payload are prepared once (in the device they come from the MQTT client). "Changing" alternates the target
    /// between 88 and 89, so every command also logs the change, republishes the retained applied value and
    /// (at most every 2 s) a state document, and later saves the settings; "unchanged" sends the current value
    /// (ack only).
    /// </summary>
    [MemoryDiagnoser]
    public class CommandBenchmarks
    {
        private SteadyStateRig _rig;
        private string _topic;
        private byte[] _payload88;
        private byte[] _payload89;
        private bool _flip;
        private string _ackTopic;

        [GlobalSetup]
        public void SetUp()
        {
            _rig = SteadyStateRig.FourZones(HumidityProfile.Wiggle);
            _topic = _rig.BaseTopic + "/zone/1/target_rh/set";
            _payload88 = Encoding.ASCII.GetBytes("88");
            _payload89 = Encoding.ASCII.GetBytes("89");
            _ackTopic = _rig.AckTopic;
            int mark = _rig.Link.Count;
            SetChanging();
            int acks = _rig.AcksSince(_ackTopic, mark);
            if (acks != 1)
            {
                throw new InvalidOperationException("the command rig did not ack: " + acks + " acks");
            }
        }

        [GlobalCleanup]
        public void CheckAcks()
        {
            // One ack per command is part of the contract; a benchmark of a path that stopped acking is worthless.
            string lastAck = _rig.Link.LastPayload(_ackTopic, 0);
            if (lastAck == null || lastAck.IndexOf("\"ok\":true", StringComparison.Ordinal) < 0)
            {
                throw new InvalidOperationException("last ack was not ok: " + (lastAck ?? "none"));
            }
        }

        [Benchmark(Description = "Command /set (value changes): inbox, tick, ack")]
        public long SetChanging()
        {
            _flip = !_flip;
            _rig.Controller.Inbox.PostMqtt(_topic, _flip ? _payload88 : _payload89, false);
            _rig.Step();
            return _rig.Link.Count;
        }

        [Benchmark(Description = "Command /set (same value): inbox, tick, ack")]
        public long SetUnchanged()
        {
            _rig.Controller.Inbox.PostMqtt(_topic, _payload88, false);
            _rig.Step();
            return _rig.Link.Count;
        }
    }
}
