namespace Greenhouse.Messaging
{
    /// <summary>
    /// Reconnect delays: exponential from <see cref="InitialMs"/> doubling up to <see cref="MaximumMs"/>, with
    /// "equal jitter" (half the step fixed, half random) so a fleet reconnecting after a broker restart does not
    /// arrive at once. The step resets only after a session stayed up for <see cref="StableMs"/>, so a broker that
    /// accepts and then drops at once does not cause a tight loop.
    /// </summary>
    public sealed class ReconnectBackoff
    {
        public const long InitialMs = 2000;
        public const long MaximumMs = 300000;
        public const long StableMs = 60000;

        private readonly Prng _random;
        private long _step = InitialMs;

        public ReconnectBackoff(Prng random)
        {
            _random = random;
        }

        /// <summary>Attempts since the last reset.</summary>
        public int Attempts { get; private set; }

        /// <summary>The delay before the next attempt: in [step/2, step], then the step doubles (capped).</summary>
        public long NextDelayMs()
        {
            long half = _step / 2;
            long delay = half + _random.Next(half + 1);
            Attempts++;
            _step = _step * 2;
            if (_step > MaximumMs)
            {
                _step = MaximumMs;
            }

            return delay;
        }

        /// <summary>Call after a session has been up for <see cref="StableMs"/>.</summary>
        public void Reset()
        {
            _step = InitialMs;
            Attempts = 0;
        }
    }
}
