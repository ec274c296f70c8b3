using Greenhouse.Control;
using Greenhouse.Diagnostics;

namespace Greenhouse.Actuation
{
    /// <summary>The ventilation relay as control's decisions drive it: switches on change, logs why, keeps the reason.</summary>
    public sealed class FanDrive
    {
        private const long Never = long.MinValue / 4;

        private readonly RelayChannel _fan;
        private readonly Logger _log;

        public FanDrive(RelayChannel fan, Logger log)
        {
            _fan = fan;
            _log = log;
            ChangedMs = Never;
            Code = ReasonCode.Start;
        }

        public RelayChannel Relay
        {
            get { return _fan; }
        }

        /// <summary>Uptime of the last switch (for minimum on and off times).</summary>
        public long ChangedMs { get; private set; }

        /// <summary>Why the fan is in its state (code and values, text by <see cref="Reasons"/>).</summary>
        public ReasonCode Code { get; private set; }
        public double A { get; private set; }
        public double B { get; private set; }

        public string Reason
        {
            get { return Reasons.Text(Code, A, B); }
        }

        /// <summary>Keeps the state, updates why.</summary>
        public void Show(ReasonCode code, double a, double b)
        {
            Code = code;
            A = a;
            B = b;
        }

        /// <summary>Switches to the wanted state (if it differs) and says why. Returns true when it switched.</summary>
        public bool Set(bool on, long nowMs, ReasonCode code, double a, double b)
        {
            Show(code, a, b);
            if (on == _fan.IsOn)
            {
                return false;
            }

            string text = Reasons.Text(code, a, b);
            _fan.Set(on, nowMs, text);
            ChangedMs = nowMs;
            _log.Info("fan", on ? "on" : "off", "reason=\"" + text + "\"");
            return true;
        }

        /// <summary>Off without a decision (start, reboot).</summary>
        public void ForceOff(ReasonCode code)
        {
            _fan.ForceOff(Reasons.Text(code, 0, 0));
            Show(code, 0, 0);
        }
    }
}
