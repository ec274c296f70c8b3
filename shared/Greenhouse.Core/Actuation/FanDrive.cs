using Greenhouse.Control;
using Greenhouse.Diagnostics;

namespace Greenhouse.Actuation
{
    /// <summary>Applies the ventilation decision to the fan relay: switches when it says so and logs why.</summary>
    public sealed class FanDrive
    {
        private const long Never = long.MinValue / 4;

        private readonly RelayChannel _fan;
        private readonly Logger _log;
        private long _switchedMs = Never;

        public FanDrive(RelayChannel fan, Logger log)
        {
            _fan = fan;
            _log = log;
        }

        public RelayChannel Relay
        {
            get { return _fan; }
        }

        /// <summary>Milliseconds since the fan was last switched by a decision (for minimum on and off times).</summary>
        public long SinceSwitchMs(long nowMs)
        {
            return nowMs - _switchedMs;
        }

        /// <summary>Applies the decision; returns true when the fan switched.</summary>
        public bool Apply(Ventilation decision, long nowMs)
        {
            if (!decision.Switch || decision.On == _fan.IsOn)
            {
                return false;
            }

            string text = Reasons.Text(decision.Code, decision.A, decision.B);
            _fan.Set(decision.On, nowMs, text);
            _switchedMs = nowMs;
            _log.Info("fan", decision.On ? "on" : "off", "reason=\"" + text + "\"");
            return true;
        }

        /// <summary>Off without a decision (start, reboot).</summary>
        public void ForceOff(ReasonCode code)
        {
            _fan.ForceOff(Reasons.Text(code, 0, 0));
        }
    }
}
