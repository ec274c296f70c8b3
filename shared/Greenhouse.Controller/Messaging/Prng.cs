namespace Greenhouse.Messaging
{
    /// <summary>
    /// Small seeded pseudo-random generator (xorshift32) for reconnect jitter and discovery delays. Deterministic
    /// for a given seed, so tests can replay a sequence; the firmware seeds it from the MAC and uptime.
    /// Not for anything security-related.
    /// </summary>
    public sealed class Prng
    {
        private uint _state;

        public Prng(uint seed)
        {
            _state = seed == 0 ? 0x9E3779B9u : seed;
        }

        /// <summary>Next raw 32-bit value.</summary>
        public uint NextUInt()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>Uniform-ish value in [0, exclusiveMax); 0 when exclusiveMax is 0 or less.</summary>
        public long Next(long exclusiveMax)
        {
            if (exclusiveMax <= 0)
            {
                return 0;
            }

            return (long)(NextUInt() % (ulong)exclusiveMax);
        }

        /// <summary>A seed from any text (FNV-1a of its characters), e.g. the MAC address.</summary>
        public static uint SeedFrom(string text, long salt)
        {
            uint hash = 2166136261u;
            if (text != null)
            {
                for (int i = 0; i < text.Length; i++)
                {
                    hash ^= text[i];
                    hash *= 16777619u;
                }
            }

            hash ^= (uint)salt;
            hash *= 16777619u;
            return hash;
        }
    }
}
