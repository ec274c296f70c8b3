using Greenhouse.Ports;

namespace Greenhouse.TestSupport
{
    /// <summary>
    /// A relay that records what it was told: its state, every write, and every change of state (contact
    /// operations). Given a clock it also knows how long it has been energised without a break. Never allocates.
    /// </summary>
    public sealed class FakeRelay : IRelay
    {
        private readonly IClock _clock;

        public bool Energised;
        /// <summary>Calls of <see cref="Set"/>.</summary>
        public int Writes;
        /// <summary>Changes of state (what wears the contacts).</summary>
        public int Operations;
        /// <summary>Uptime when the relay was last energised (kept only with a clock).</summary>
        public long OnSinceMs;

        public FakeRelay()
        {
        }

        /// <param name="clock">Clock whose uptime times how long the relay stays energised.</param>
        public FakeRelay(IClock clock)
        {
            _clock = clock;
        }

        /// <summary>Milliseconds energised without a break, 0 when off or without a clock.</summary>
        public long OnForMs
        {
            get { return Energised && _clock != null ? _clock.UptimeMilliseconds - OnSinceMs : 0; }
        }

        public void Set(bool energised)
        {
            Writes++;
            if (energised != Energised)
            {
                Operations++;
                if (energised && _clock != null)
                {
                    OnSinceMs = _clock.UptimeMilliseconds;
                }
            }

            Energised = energised;
        }

        /// <summary>Power lost: the relay drops without the core being told.</summary>
        public void Drop()
        {
            Energised = false;
        }
    }
}
