using Greenhouse.Ports;

namespace Greenhouse.Actuation
{
    /// <summary>
    /// A relay as the core drives it: remembers the commanded state, writes only on change, counts switching
    /// operations (contact wear) and how long it has been on. A null port is a relay that is not fitted.
    /// </summary>
    public sealed class RelayChannel : IRelayStatus
    {
        private readonly IRelay _port;
        private bool _on;
        private long _onSinceMs;

        public RelayChannel(string name, IRelay port)
        {
            Name = name;
            _port = port;
        }

        /// <summary>Name a technician recognises ("pump", "valve1", "fan").</summary>
        public string Name { get; private set; }

        /// <summary>True when a relay is wired to this channel.</summary>
        public bool Fitted
        {
            get { return _port != null; }
        }

        /// <summary>Commanded state.</summary>
        public bool IsOn
        {
            get { return _on; }
        }

        /// <summary>Off-to-on and on-to-off transitions since start (plus any restored count).</summary>
        public long SwitchCount { get; set; }

        /// <summary>Short reason of the last change ("mist on: rh 82.1 < 87").</summary>
        public string LastReason { get; private set; }

        /// <summary>Milliseconds the relay has been on continuously at nowMs (0 when off).</summary>
        public long OnForMs(long nowMs)
        {
            return _on ? nowMs - _onSinceMs : 0;
        }

        /// <summary>Drives the relay off unconditionally (start-up and faults): written even if already off.</summary>
        public void ForceOff(string reason)
        {
            if (_on)
            {
                SwitchCount++;
            }

            _on = false;
            LastReason = reason;
            if (_port != null)
            {
                _port.Set(false);
            }
        }

        /// <summary>Sets the state; writes to the port and counts only on change. Returns true when it changed.</summary>
        public bool Set(bool on, long nowMs, string reason)
        {
            if (on == _on)
            {
                return false;
            }

            _on = on;
            SwitchCount++;
            LastReason = reason;
            if (on)
            {
                _onSinceMs = nowMs;
            }

            if (_port != null)
            {
                _port.Set(on);
            }

            return true;
        }
    }
}
