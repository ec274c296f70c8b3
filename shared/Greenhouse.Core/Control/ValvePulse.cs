namespace Greenhouse.Control
{
    /// <summary>
    /// The pulse a zone's valve runs or last ran: its kind and planned length, when the valve last closed, and
    /// until when humidity is left to settle after it. Told by the water path when the valve opens and closes.
    /// </summary>
    public sealed class ValvePulse
    {
        private const long Never = long.MinValue / 4;

        public ValvePulse()
        {
            LastCloseMs = Never;
            SettleUntilMs = Never;
        }

        /// <summary>Kind of the pulse while the valve is open, None when closed.</summary>
        public PulseKind Kind { get; private set; }

        /// <summary>Planned length of the running pulse.</summary>
        public long PulseMs { get; private set; }

        public long LastCloseMs { get; private set; }

        /// <summary>Humidity is not acted on before this uptime (settle_s after the last pulse).</summary>
        public long SettleUntilMs { get; private set; }

        public void Opened(PulseKind kind, long pulseMs)
        {
            Kind = kind;
            PulseMs = pulseMs;
        }

        /// <summary>The valve closed; returns the kind of the pulse that ended.</summary>
        public PulseKind Closed(long nowMs, long settleMs)
        {
            PulseKind ended = Kind;
            LastCloseMs = nowMs;
            SettleUntilMs = nowMs + settleMs;
            Kind = PulseKind.None;
            return ended;
        }
    }
}
