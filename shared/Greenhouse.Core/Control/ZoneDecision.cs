namespace Greenhouse.Control
{
    /// <summary>What kind of pulse a zone runs or wants.</summary>
    public enum PulseKind
    {
        None = 0,
        /// <summary>Pulse-and-settle on measured humidity.</summary>
        Auto = 1,
        /// <summary>Fallback program without trustworthy humidity or temperature.</summary>
        Degraded = 2,
        /// <summary>Protective minimum in a dry phase or rest.</summary>
        Protective = 3,
        /// <summary>Mist-now request.</summary>
        Manual = 4,
        /// <summary>Top-up of the ears' water film from its estimated balance.</summary>
        Film = 5
    }

    /// <summary>
    /// A zone's decision, the value control hands to actuation each tick: what the zone shows (activity and reason),
    /// whether its valve must close now (and why), and the pulse it wants (kind, length, since when it waits). Filled
    /// in place by <see cref="MistZone"/>; the water path applies it. Reasons are a code plus two numbers, turned
    /// into text only when read, so deciding allocates nothing.
    /// </summary>
    public sealed class ZoneDecision
    {
        private string _text = "start";
        private ReasonCode _textCode = ReasonCode.Start;
        private double _textA;
        private double _textB;

        public ZoneDecision()
        {
            Activity = ZoneActivity.Off;
            Code = ReasonCode.Start;
        }

        /// <summary>What the zone is doing.</summary>
        public ZoneActivity Activity { get; private set; }

        /// <summary>Why, as a code with up to two values (see <see cref="Reasons"/>).</summary>
        public ReasonCode Code { get; private set; }
        public double A { get; private set; }
        public double B { get; private set; }

        /// <summary>True when the valve must close this tick; <see cref="CloseCode"/> says why.</summary>
        public bool Close { get; private set; }
        public ReasonCode CloseCode { get; private set; }
        public double CloseA { get; private set; }
        public double CloseB { get; private set; }

        /// <summary>True when the zone wants its valve opened (granted by the water path: slots, pump pre-run, tank).</summary>
        public bool WantsValve { get; private set; }

        /// <summary>Uptime since the zone has been waiting for its valve (fair turn-taking).</summary>
        public long WantSinceMs { get; private set; }
        public PulseKind WantKind { get; private set; }
        public long WantPulseMs { get; private set; }
        public ReasonCode WantCode { get; private set; }
        public double WantA { get; private set; }
        public double WantB { get; private set; }

        /// <summary>The reason as text ("mist on: rh 82.1 &lt; 87.0"); built only after a change.</summary>
        public string Reason
        {
            get
            {
                if (Code != _textCode || A != _textA || B != _textB)
                {
                    _text = Reasons.Text(Code, A, B);
                    _textCode = Code;
                    _textA = A;
                    _textB = B;
                }

                return _text;
            }
        }

        /// <summary>Starts a tick's decision: nothing to close, no wish yet (the shown state carries over).</summary>
        internal void Begin()
        {
            Close = false;
            WantsValve = false;
        }

        internal void Show(ZoneActivity activity, ReasonCode code, double a, double b)
        {
            Activity = activity;
            Code = code;
            A = a;
            B = b;
        }

        /// <summary>The valve must close (a no-op for actuation when it is closed already).</summary>
        internal void CloseValve(ReasonCode code, double a, double b)
        {
            Close = true;
            CloseCode = code;
            CloseA = a;
            CloseB = b;
        }

        /// <summary>Asks for a pulse; the zone shows that it waits for its valve until the water path opens it.</summary>
        internal void Want(bool wasWanting, long now, PulseKind kind, long pulseMs, ReasonCode code, double a, double b)
        {
            if (!wasWanting)
            {
                WantSinceMs = now;
            }

            WantsValve = true;
            WantKind = kind;
            WantPulseMs = pulseMs;
            WantCode = code;
            WantA = a;
            WantB = b;
            Show(ZoneActivity.Idle, ReasonCode.WaitingForValveSlot, 0, 0);
        }

        /// <summary>The wish was granted (or dropped): the zone no longer waits.</summary>
        internal void Granted()
        {
            WantsValve = false;
        }
    }
}
