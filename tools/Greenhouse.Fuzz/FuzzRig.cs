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
    public sealed class FuzzRig
    {
        public const string Mac = "A4:CF:12:A1:B2:C3";
        /// <summary>Log lines kept per step for the oracles (the ring keeps the last ones).</summary>
        public const int LogLinesPerStep = 512;
        public readonly FakeClock Clock = new FakeClock(new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc)) { Uptime = 1000 };
        public readonly FakeSensor Sensor1 = new FakeSensor(22, 80);
        public readonly FakeSensor Sensor2 = new FakeSensor(22, 80);
        public readonly FakeRelay Pump;
        public readonly FakeRelay Fan;
        public readonly FakeRelay[] Valves = new FakeRelay[4];
        public readonly FakeInput Tank = new FakeInput();
        public readonly FakeSettingsStore Store;
        public readonly FakeMqttLink Link = new FakeMqttLink { AutoConnect = true, RecordRefused = true };
        public readonly FakeLog Log = new FakeLog(LogLinesPerStep);
        public Controller Controller;

        public FuzzRig(FakeSettingsStore store)
        {
            Store = store ?? new FakeSettingsStore();
            Pump = new FakeRelay(Clock);
            Fan = new FakeRelay(Clock);
            for (int i = 0; i < Valves.Length; i++)
            {
                Valves[i] = new FakeRelay(Clock);
            }

            Controller = Build();
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
            ControllerPorts ports = new ControllerPorts();
            ports.Sensors[0] = Sensor1;
            ports.Sensors[1] = Sensor2;
            ports.Pump = Pump;
            ports.Fan = Fan;
            for (int i = 0; i < Valves.Length; i++)
            {
                ports.Valves[i] = Valves[i];
            }

            ports.TankSwitch = Tank;
            ports.Clock = Clock;
            ports.Store = Store;
            ports.Mqtt = Link;
            ports.MacAddress = Mac;
            ports.Log = Log;
            Controller = new Controller(ports, "fuzz");
            return Controller;
        }
    }
}
