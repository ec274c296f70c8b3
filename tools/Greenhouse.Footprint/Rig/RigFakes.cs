using System;
using Greenhouse.Ports;

namespace Greenhouse.Footprint.Rig
{
    // Port fakes for footprint measurements. Unlike the test fakes they never allocate after construction:
    // whatever they record goes into fields or preallocated arrays, so every byte the measurement sees
    // comes from the core.

    /// <summary>A sensor returning whatever the rig set last.</summary>
    public sealed class RigSensor : IClimateSensor
    {
        public SensorReadStatus Status = SensorReadStatus.Ok;
        public double Temperature = 22;
        public double Humidity = 88;
        public double Pressure = 1005;

        public SensorReadStatus TryRead(out ClimateReading reading)
        {
            reading = new ClimateReading();
            reading.TemperatureCelsius = Temperature;
            reading.RelativeHumidityPercent = Humidity;
            reading.PressureHectopascals = Pressure;
            return Status;
        }

        public void RecoverBus()
        {
        }
    }

    /// <summary>A relay that remembers its state and counts writes.</summary>
    public sealed class RigRelay : IRelay
    {
        public bool Energised;
        public long Writes;

        public void Set(bool energised)
        {
            Energised = energised;
            Writes++;
        }
    }

    /// <summary>A float switch that always reads "water present".</summary>
    public sealed class RigInput : IDigitalInput
    {
        public bool High = true;

        public bool TryRead(out bool high)
        {
            high = High;
            return true;
        }
    }

    /// <summary>A clock the rig advances; synced to a fixed UTC start so timestamps are realistic.</summary>
    public sealed class RigClock : IClock
    {
        public long Uptime;
        public bool Synced = true;
        public long UtcStartTicks = new DateTime(2026, 6, 1, 4, 0, 0, DateTimeKind.Utc).Ticks;

        public long UptimeMilliseconds
        {
            get { return Uptime; }
        }

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = new DateTime(UtcStartTicks + Uptime * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
            return Synced;
        }
    }

    /// <summary>Counts log lines and keeps the last one (a reference, no copy).</summary>
    public sealed class RigLog : ILogSink
    {
        public long Lines;
        public string Last;

        public void WriteLine(string line)
        {
            Lines++;
            Last = line;
        }
    }

    /// <summary>An in-memory settings store with a fixed number of named blobs.</summary>
    public sealed class RigStore : ISettingsStore
    {
        private readonly string[] _names = new string[16];
        private readonly byte[][] _contents = new byte[16][];
        public long Writes;
        /// <summary>Name and size of the last blob written.</summary>
        public string LastWriteName;
        public int LastWriteBytes;

        public bool TryRead(string name, out byte[] content)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] == name)
                {
                    content = _contents[i];
                    return true;
                }
            }

            content = null;
            return false;
        }

        public bool Write(string name, byte[] content)
        {
            Writes++;
            LastWriteName = name;
            LastWriteBytes = content == null ? 0 : content.Length;
            int free = -1;
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] == name)
                {
                    _contents[i] = content;
                    return true;
                }

                if (free < 0 && _names[i] == null)
                {
                    free = i;
                }
            }

            if (free < 0)
            {
                return false;
            }

            _names[free] = name;
            _contents[free] = content;
            return true;
        }

        public bool Delete(string name)
        {
            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] == name)
                {
                    _names[i] = null;
                    _contents[i] = null;
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// An MQTT link that is "connected" and records publishes into a ring (references only): the topic and
    /// payload of the last publish, counts and total payload bytes. A connect attempt succeeds at once while
    /// <see cref="Reachable"/> is true (the controller sees the session on its next tick).
    /// </summary>
    public sealed class RigMqtt : IMqttLink
    {
        public const int Keep = 64;
        public bool Connected = true;
        public bool Reachable = true;
        public long ConnectAttempts;
        public readonly string[] Topics = new string[Keep];
        public readonly byte[][] Payloads = new byte[Keep][];
        public long Published;
        public long PublishedBytes;
        /// <summary>Publishes on a topic ending in /ack, and the last ack payload.</summary>
        public long Acks;
        public byte[] LastAck;
        public string[] Subscribed;

        public bool IsConnected
        {
            get { return Connected; }
        }

        public bool BeginConnect(MqttConnectOptions options)
        {
            ConnectAttempts++;
            if (Reachable)
            {
                Connected = true;
            }

            return true;
        }

        public bool Publish(string topic, byte[] payload, bool retain)
        {
            int slot = (int)(Published % Keep);
            Topics[slot] = topic;
            Payloads[slot] = payload;
            Published++;
            PublishedBytes += payload == null ? 0 : payload.Length;
            if (topic != null && topic.EndsWith("/ack", StringComparison.Ordinal))
            {
                Acks++;
                LastAck = payload;
            }

            return Connected;
        }

        public bool Subscribe(string[] topicFilters)
        {
            Subscribed = topicFilters;
            return true;
        }

        public void Disconnect()
        {
            Connected = false;
        }

        /// <summary>Index into the ring of the n-th publish from the end (0 = last), or -1.</summary>
        public int SlotFromEnd(int n)
        {
            if (n >= Published || n >= Keep)
            {
                return -1;
            }

            return (int)((Published - 1 - n) % Keep);
        }
    }
}
