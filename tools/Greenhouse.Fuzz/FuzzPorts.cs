using System;
using System.Collections.Generic;
using Greenhouse.App;
using Greenhouse.Ports;

namespace Greenhouse.Fuzz
{
    /// <summary>A climate sensor returning whatever the fuzzer set (values or a read status).</summary>
    public sealed class FuzzSensor : IClimateSensor
    {
        public SensorReadStatus Status = SensorReadStatus.Ok;
        public double Temperature = 22;
        public double Humidity = 80;
        public double Pressure = 1000;

        public SensorReadStatus TryRead(out ClimateReading reading)
        {
            reading = new ClimateReading { TemperatureCelsius = Temperature, RelativeHumidityPercent = Humidity, PressureHectopascals = Pressure };
            return Status;
        }

        public void RecoverBus()
        {
        }
    }

    /// <summary>A relay that remembers how long it has been energised without a break (uptime of the shared clock).</summary>
    public sealed class TimedRelay : IRelay
    {
        private readonly FuzzClock _clock;

        public TimedRelay(FuzzClock clock)
        {
            _clock = clock;
        }

        public bool Energised { get; private set; }
        public long OnSinceMs { get; private set; }

        /// <summary>Milliseconds energised without a break, 0 when off.</summary>
        public long OnForMs
        {
            get { return Energised ? _clock.UptimeMilliseconds - OnSinceMs : 0; }
        }

        public void Set(bool energised)
        {
            if (energised && !Energised)
            {
                OnSinceMs = _clock.UptimeMilliseconds;
            }

            Energised = energised;
        }
    }

    public sealed class FuzzInput : IDigitalInput
    {
        public bool High = true;
        public bool Readable = true;

        public bool TryRead(out bool high)
        {
            high = High;
            return Readable;
        }
    }

    public sealed class FuzzClock : IClock
    {
        public long Uptime = 1000;
        public bool Synced = true;
        public DateTime Utc = new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);

        public long UptimeMilliseconds
        {
            get { return Uptime; }
        }

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = Utc;
            return Synced;
        }

        public void Advance(long milliseconds)
        {
            Uptime += milliseconds;
            Utc = Utc.AddMilliseconds(milliseconds);
        }
    }

    /// <summary>The settings store as a dictionary of blobs; every read returns a copy (as flash would).</summary>
    public sealed class MemoryStore : ISettingsStore
    {
        public readonly Dictionary<string, byte[]> Blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        public int Writes;

        public bool TryRead(string name, out byte[] content)
        {
            byte[] stored;
            if (name != null && Blobs.TryGetValue(name, out stored))
            {
                content = (byte[])stored.Clone();
                return true;
            }

            content = null;
            return false;
        }

        public bool Write(string name, byte[] content)
        {
            Writes++;
            Blobs[name] = (byte[])content.Clone();
            return true;
        }

        public bool Delete(string name)
        {
            Blobs.Remove(name);
            return true;
        }
    }

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
    /// An MQTT link that connects as soon as asked and records every publish attempt since the last
    /// <see cref="Clear"/> (connected or not), so the oracle sees acks even when the session just dropped.
    /// </summary>
    public sealed class RecordingMqttLink : IMqttLink
    {
        public readonly List<Publish> Attempts = new List<Publish>(64);
        public bool Connected;
        public int Connects;
        public int Disconnects;
        public string[] LastFilters;
        public MqttConnectOptions LastOptions;

        public bool IsConnected
        {
            get { return Connected; }
        }

        public bool BeginConnect(MqttConnectOptions options)
        {
            Connects++;
            LastOptions = options;
            Connected = true;
            return true;
        }

        public bool Publish(string topic, byte[] payload, bool retain)
        {
            Attempts.Add(new Publish { Topic = topic, Payload = payload, Retain = retain, Accepted = Connected });
            return Connected;
        }

        public bool Subscribe(string[] topicFilters)
        {
            LastFilters = topicFilters;
            return Connected;
        }

        public void Disconnect()
        {
            Disconnects++;
            Connected = false;
        }

        public void Clear()
        {
            Attempts.Clear();
        }
    }

    /// <summary>Log sink that keeps the lines of the current step only (bounded), for the secret check.</summary>
    public sealed class StepLog : ILogSink
    {
        public const int MaxLines = 512;
        public readonly List<string> Lines = new List<string>(64);
        public long Total;

        public void WriteLine(string line)
        {
            Total++;
            if (Lines.Count < MaxLines)
            {
                Lines.Add(line);
            }
        }

        public void Clear()
        {
            Lines.Clear();
        }
    }

    /// <summary>A controller with fake ports, as the targets drive it.</summary>
    public sealed class FuzzRig
    {
        public const string Mac = "A4:CF:12:A1:B2:C3";
        public readonly FuzzClock Clock = new FuzzClock();
        public readonly FuzzSensor Sensor1 = new FuzzSensor();
        public readonly FuzzSensor Sensor2 = new FuzzSensor();
        public readonly TimedRelay Pump;
        public readonly TimedRelay Fan;
        public readonly TimedRelay[] Valves = new TimedRelay[4];
        public readonly FuzzInput Tank = new FuzzInput();
        public readonly MemoryStore Store;
        public readonly RecordingMqttLink Link = new RecordingMqttLink();
        public readonly StepLog Log = new StepLog();
        public Controller Controller;

        public FuzzRig(MemoryStore store)
        {
            Store = store ?? new MemoryStore();
            Pump = new TimedRelay(Clock);
            Fan = new TimedRelay(Clock);
            for (int i = 0; i < Valves.Length; i++)
            {
                Valves[i] = new TimedRelay(Clock);
            }

            Controller = Build();
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
