namespace Greenhouse.Actuation
{
    /// <summary>A relay as readers see it.</summary>
    public interface IRelayStatus
    {
        /// <summary>Name a technician recognises ("pump", "valve1", "fan").</summary>
        string Name { get; }

        /// <summary>True when a relay is wired to this channel.</summary>
        bool Fitted { get; }

        /// <summary>Commanded state.</summary>
        bool IsOn { get; }

        /// <summary>Milliseconds on continuously at nowMs (0 when off).</summary>
        long OnForMs(long nowMs);

        /// <summary>Off-to-on and on-to-off transitions (contact wear).</summary>
        long SwitchCount { get; }

        /// <summary>Short reason of the last change.</summary>
        string LastReason { get; }
    }
}
