using Greenhouse.Ports;

namespace Greenhouse.Tests
{
    /// <summary>
    /// The dead-man circuit as the core sees it: a heartbeat output and the relay supply read back. Each rising edge
    /// powers the relay supply for <see cref="TimeoutMs"/>; faults keep it on (shorted switch) or off (open switch).
    /// </summary>
    public sealed class FakeDeadMan
    {
        public long TimeoutMs = 4100;
        public bool ShortedSwitch;
        public bool OpenSwitch;
        public bool Readable = true;
        public readonly FakeClock Clock;
        public readonly HeartbeatPin Heartbeat;
        public readonly SupplyPin Supply;
        public bool Level;
        public bool HasRise;
        public long LastRiseMs;
        public int Writes;
        public int Rises;

        public FakeDeadMan(FakeClock clock)
        {
            Clock = clock;
            Heartbeat = new HeartbeatPin(this);
            Supply = new SupplyPin(this);
        }

        /// <summary>A warm reboot: the last heartbeat edge came shortly before the board restarted.</summary>
        public void EdgeBeforeBoot(long msBeforeNow)
        {
            HasRise = true;
            LastRiseMs = Clock.Uptime - msBeforeNow;
        }

        public bool SupplyOn
        {
            get
            {
                if (ShortedSwitch)
                {
                    return true;
                }

                return !OpenSwitch && HasRise && Clock.Uptime - LastRiseMs < TimeoutMs;
            }
        }

        public sealed class HeartbeatPin : IDigitalOutput
        {
            private readonly FakeDeadMan _owner;

            public HeartbeatPin(FakeDeadMan owner)
            {
                _owner = owner;
            }

            public bool TryWrite(bool high)
            {
                _owner.Writes++;
                if (high && !_owner.Level)
                {
                    _owner.Rises++;
                    _owner.HasRise = true;
                    _owner.LastRiseMs = _owner.Clock.Uptime;
                }

                _owner.Level = high;
                return true;
            }
        }

        public sealed class SupplyPin : IDigitalInput
        {
            private readonly FakeDeadMan _owner;

            public SupplyPin(FakeDeadMan owner)
            {
                _owner = owner;
            }

            public bool TryRead(out bool high)
            {
                high = _owner.SupplyOn;
                return _owner.Readable;
            }
        }
    }

    /// <summary>A relay that remembers whether it was ever energised, and whether it was written while the relay supply was on.</summary>
    public sealed class WatchedRelay : IRelay
    {
        private readonly FakeDeadMan _deadMan;
        public bool Energised;
        public int Writes;
        public int WritesWithSupplyOn;
        public int FirstWriteSupplyOn = -1;
        public bool EverEnergised;

        public WatchedRelay(FakeDeadMan deadMan)
        {
            _deadMan = deadMan;
        }

        public void Set(bool energised)
        {
            if (Writes == 0)
            {
                FirstWriteSupplyOn = _deadMan.SupplyOn ? 1 : 0;
            }

            Writes++;
            if (_deadMan.SupplyOn)
            {
                WritesWithSupplyOn++;
            }

            Energised = energised;
            EverEnergised = EverEnergised || energised;
        }
    }

    /// <summary>A log sink that throws while armed, to make a controller tick fail half-way.</summary>
    public sealed class ThrowingLog : ILogSink
    {
        public bool ThrowOnWrite;
        public int Count;

        public void WriteLine(string line)
        {
            if (ThrowOnWrite)
            {
                throw new System.InvalidOperationException("sink failed");
            }

            Count++;
        }
    }
}
