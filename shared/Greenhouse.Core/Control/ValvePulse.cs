namespace Greenhouse.Control
{
    /// <summary>
    /// A zone's valve as its decisions know it: open or closed and since when, the kind and planned length of the
    /// running pulse, when the valve last closed and until when humidity is left to settle after it. Told by the
    /// water path (actuation) whenever it opens or closes the valve, so control never reads a relay.
    /// </summary>
    public sealed class ValvePulse
    {
        private const long Never = long.MinValue / 4;

        private long _openedAtMs;

        public ValvePulse()
        {
            LastCloseMs = Never;
            SettleUntilMs = Never;
        }

        /// <summary>True while the valve is open.</summary>
        public bool Open { get; private set; }

        /// <summary>Milliseconds the valve has been open at nowMs (0 when closed).</summary>
        public long OpenForMs(long nowMs)
        {
            return Open ? nowMs - _openedAtMs : 0;
        }

        /// <summary>Kind of the pulse while the valve is open (the last one after it closed).</summary>
        public PulseKind Kind { get; private set; }

        /// <summary>Planned length of the running pulse.</summary>
        public long PulseMs { get; private set; }

        public long LastCloseMs { get; private set; }

        /// <summary>Humidity is not acted on before this uptime (settle_s after the last pulse).</summary>
        public long SettleUntilMs { get; private set; }

        public void Opened(long nowMs, PulseKind kind, long pulseMs)
        {
            Open = true;
            _openedAtMs = nowMs;
            Kind = kind;
            PulseMs = pulseMs;
        }

        /// <summary>The valve closed after a pulse; returns the kind of the pulse that ended.</summary>
        public PulseKind Closed(long nowMs, long settleMs)
        {
            PulseKind ended = Kind;
            Open = false;
            LastCloseMs = nowMs;
            SettleUntilMs = nowMs + settleMs;
            Kind = PulseKind.None;
            return ended;
        }

        /// <summary>The valve was dropped without a decision (start, reboot, tank empty): no settling, nothing learned.</summary>
        public void ForcedOff()
        {
            Open = false;
        }
    }
}
