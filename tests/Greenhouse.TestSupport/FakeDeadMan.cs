using Greenhouse.Ports;

namespace Greenhouse.TestSupport
{
    /// <summary>
    /// The dead-man circuit as the core sees it: a heartbeat output and the relay supply (JD-VCC) read back. Each rising
    /// edge powers the relay supply for <see cref="TimeoutMs"/>; faults keep it on (<see cref="ShortedSwitch"/>, or
    /// leakage as a longer time-out), keep it off (<see cref="OpenSwitch"/>) or make the read-back fail
    /// (<see cref="Readable"/>). <see cref="CreateRelay"/> gives relays that note whether they were written with the
    /// supply on (opening an output with the supply on can pulse an active-low relay).
    /// </summary>
    public sealed class FakeDeadMan
    {
        /// <summary>How long the supply stays on after a rising edge (the circuit is built for about 4.1 s).</summary>
        public long TimeoutMs = 4100;
        public bool ShortedSwitch;
        public bool OpenSwitch;
        public bool Readable = true;
        public readonly FakeClock Clock;
        public readonly HeartbeatPin Heartbeat;
        public readonly SupplyPin Supply;
        /// <summary>The heartbeat output's level.</summary>
        public bool Level;
        public bool HasRise;
        public long LastRiseMs;
        /// <summary>Heartbeat writes and rising edges.</summary>
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

        /// <summary>True while the relay coils are powered.</summary>
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

        /// <summary>A relay on this circuit's supply.</summary>
        public WatchedRelay CreateRelay()
        {
            return new WatchedRelay(this);
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

        /// <summary>A relay that remembers whether it was ever energised, and whether it was written while the supply was on.</summary>
        public sealed class WatchedRelay : IRelay
        {
            private readonly FakeDeadMan _owner;
            public bool Energised;
            public int Writes;
            public int WritesWithSupplyOn;
            /// <summary>-1 before the first write (the output was never opened), else 1 when the supply was on at it.</summary>
            public int FirstWriteSupplyOn = -1;
            public bool EverEnergised;

            public WatchedRelay(FakeDeadMan owner)
            {
                _owner = owner;
            }

            public void Set(bool energised)
            {
                if (Writes == 0)
                {
                    FirstWriteSupplyOn = _owner.SupplyOn ? 1 : 0;
                }

                Writes++;
                if (_owner.SupplyOn)
                {
                    WritesWithSupplyOn++;
                }

                Energised = energised;
                EverEnergised = EverEnergised || energised;
            }
        }
    }
}
