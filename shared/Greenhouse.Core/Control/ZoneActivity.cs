namespace Greenhouse.Control
{
    /// <summary>What a zone is doing; "off by choice" and "off by fault" are different states.</summary>
    public enum ZoneActivity
    {
        /// <summary>Turned off by the grower (mode off) or zone not wired.</summary>
        Off = 0,
        /// <summary>Automatic, humidity in range, waiting.</summary>
        Idle = 1,
        /// <summary>Valve open.</summary>
        Misting = 2,
        /// <summary>Would mist but a lockout, window or budget forbids it.</summary>
        Blocked = 3,
        /// <summary>Off because of a fault (no trustworthy humidity, empty tank).</summary>
        Fault = 4
    }
}
