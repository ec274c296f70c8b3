using Greenhouse.Settings;

namespace Greenhouse.Control
{
    /// <summary>What the engine knows about this tick, shared with every zone (filled in place, never reallocated).</summary>
    public sealed class ControlContext
    {
        public long NowMs;
        /// <summary>Milliseconds since the previous tick (0 on the first).</summary>
        public long DeltaMs;
        public bool ClockSynced;
        /// <summary>Local minute of day, valid when ClockSynced.</summary>
        public int MinuteOfDay;
        /// <summary>Day boundaries crossed since the previous tick (local midnight, or 24 h of uptime when unsynced).</summary>
        public int DayCrossings;
        public bool TankHasWater;
        /// <summary>Summer (night-only) mode active.</summary>
        public bool Summer;
        /// <summary>Cold (midday-only) mode active.</summary>
        public bool Cold;
        /// <summary>The fan runs (as actuation last applied it).</summary>
        public bool FanOn;
    }
}
