using System;
using Greenhouse.Ports;
using Greenhouse.Text;

namespace Greenhouse.NanoClr.Replay
{
    /// <summary>Where the replay writes what the controller did, one line each (the runtimes' lines are compared).</summary>
    public interface IReplayOutput
    {
        void Line(string text);
    }

    /// <summary>A BME280 position of the board, read from the replayed world.</summary>
    public sealed class ReplaySensor : IClimateSensor
    {
        private readonly ReplayWorld _world;
        private readonly int _position;
        private readonly IReplayOutput _output;

        public ReplaySensor(ReplayWorld world, int position, IReplayOutput output)
        {
            _world = world;
            _position = position;
            _output = output;
        }

        public SensorReadStatus TryRead(out ClimateReading reading)
        {
            return _position == 1 ? _world.ReadSensor1(out reading) : _world.ReadSensor2(out reading);
        }

        public void RecoverBus()
        {
            _output.Line("B " + _world.Second.ToString() + " sensor" + _position.ToString() + " recover");
        }
    }

    /// <summary>A relay output: each change of state is one line ("R second name on|off").</summary>
    public sealed class ReplayRelay : IRelay
    {
        private readonly ReplayWorld _world;
        private readonly string _name;
        private readonly IReplayOutput _output;
        private bool _known;
        private bool _energised;

        public ReplayRelay(ReplayWorld world, string name, IReplayOutput output)
        {
            _world = world;
            _name = name;
            _output = output;
        }

        /// <summary>Changes of state so far.</summary>
        public int Transitions;

        public void Set(bool energised)
        {
            if (_known && energised == _energised)
            {
                return;
            }

            _known = true;
            _energised = energised;
            Transitions++;
            _output.Line("R " + _world.Second.ToString() + " " + _name + (energised ? " on" : " off"));
        }
    }

    public sealed class ReplayTank : IDigitalInput
    {
        private readonly ReplayWorld _world;

        public ReplayTank(ReplayWorld world)
        {
            _world = world;
        }

        public bool TryRead(out bool high)
        {
            return _world.ReadTank(out high);
        }
    }

    public sealed class ReplayClock : IClock
    {
        private readonly ReplayWorld _world;

        public ReplayClock(ReplayWorld world)
        {
            _world = world;
        }

        public long UptimeMilliseconds
        {
            get { return _world.UptimeMilliseconds; }
        }

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            return _world.TryGetUtcNow(out utcNow);
        }
    }

    /// <summary>The technician's serial log: every line the core writes ("L line").</summary>
    public sealed class ReplayLog : ILogSink
    {
        private readonly IReplayOutput _output;

        public ReplayLog(IReplayOutput output)
        {
            _output = output;
        }

        public int Lines;

        public void WriteLine(string line)
        {
            Lines++;
            _output.Line("L " + line);
        }
    }

    /// <summary>Flash storage in memory; each write is one line with its length and a checksum of the bytes.</summary>
    public sealed class ReplayStore : ISettingsStore
    {
        private const int Slots = 16;
        private readonly string[] _names = StringArray.New(Slots);
        private readonly byte[][] _blobs = new byte[Slots][];
        private readonly ReplayWorld _world;
        private readonly IReplayOutput _output;

        public ReplayStore(ReplayWorld world, IReplayOutput output)
        {
            _world = world;
            _output = output;
        }

        public bool TryRead(string name, out byte[] content)
        {
            int i = Find(name);
            content = i < 0 ? null : Copy(_blobs[i]);
            return i >= 0;
        }

        public bool Write(string name, byte[] content)
        {
            int i = Find(name);
            if (i < 0)
            {
                i = Find(null);
            }

            if (i < 0)
            {
                _output.Line("W " + _world.Second.ToString() + " " + name + " refused: store full");
                return false;
            }

            _names[i] = name;
            _blobs[i] = Copy(content);
            _output.Line("W " + _world.Second.ToString() + " " + name + " " + content.Length.ToString() + " " + Sum(content).ToString());
            return true;
        }

        public bool Delete(string name)
        {
            int i = Find(name);
            if (i >= 0)
            {
                _names[i] = null;
                _blobs[i] = null;
            }

            return true;
        }

        private int Find(string name)
        {
            for (int i = 0; i < Slots; i++)
            {
                if (_names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private static byte[] Copy(byte[] source)
        {
            byte[] copy = new byte[source.Length];
            for (int i = 0; i < source.Length; i++)
            {
                copy[i] = source[i];
            }

            return copy;
        }

        private static uint Sum(byte[] bytes)
        {
            uint sum = 2166136261;
            for (int i = 0; i < bytes.Length; i++)
            {
                sum = (sum ^ bytes[i]) * 16777619;
            }

            return sum;
        }
    }
}
