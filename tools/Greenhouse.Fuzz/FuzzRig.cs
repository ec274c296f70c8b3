using System;
using System.Collections.Generic;
using Greenhouse.App;
using Greenhouse.TestSupport;

namespace Greenhouse.Fuzz
{
    /// <summary>One publish attempt the controller handed to the link.</summary>
    public struct Publish
    {
        public string Topic;
        public byte[] Payload;
        public bool Retain;
        /// <summary>False when the link was down (the controller was told the publish failed).</summary>
        public bool Accepted;
    }

    /// <summary>
    /// A controller on the shared port fakes (tests/Greenhouse.TestSupport), as the targets drive it. The link records
    /// every publish and subscribe attempt, refused ones too, so the oracles see acks even when the session just dropped;
    /// the targets clear it and the log before each step. Relays time how long they stay energised.
    /// </summary>
    public sealed class FuzzRig : FakeBoard
    {
        /// <summary>Log lines kept per step for the oracles (the ring keeps the last ones).</summary>
        public const int LogLinesPerStep = 512;

        public FuzzRig(FakeSettingsStore store) : base(4)
        {
            Clock.Utc = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);
            Clock.Synced = true;
            Clock.Uptime = 1000;
            Sensor = new FakeSensor(22, 80);
            Sensor2 = new FakeSensor(22, 80);
            Store = store ?? new FakeSettingsStore();
            Link = new FakeMqttLink { RecordRefused = true };
            Log = new FakeLog(LogLinesPerStep);
            MacAddress = DefaultMac;
            Build();
        }

        /// <summary>Every publish attempt recorded since the link was last cleared.</summary>
        public IEnumerable<Publish> Publishes
        {
            get
            {
                for (int i = Link.Oldest; i < Link.Count; i++)
                {
                    yield return new Publish { Topic = Link.TopicAt(i), Payload = Link.PayloadAt(i), Retain = Link.RetainAt(i), Accepted = Link.AcceptedAt(i) };
                }
            }
        }

        /// <summary>The log lines kept since the log was last cleared.</summary>
        public IEnumerable<string> LogLines
        {
            get
            {
                for (int i = Log.Oldest; i < Log.Count; i++)
                {
                    yield return Log.Line(i);
                }
            }
        }

        /// <summary>A new controller on the same ports (a reboot: the store keeps what was saved).</summary>
        public Controller Build()
        {
            return Build("fuzz");
        }
    }
}
