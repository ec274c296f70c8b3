using System;
using Greenhouse.Ports;

namespace Greenhouse.Faults
{
    /// <summary>
    /// The controller's clock with injected faults: uptime always passes through (it never jumps); the wall time is
    /// the inner wall time plus the sum of the clock jumps so far, and unavailable while clock-unsynced is active.
    /// </summary>
    public sealed class FaultyClock : IClock
    {
        private readonly IClock _inner;
        private readonly IFaultState _faults;

        public FaultyClock(IClock inner, IFaultState faults)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _faults = faults ?? throw new ArgumentNullException(nameof(faults));
        }

        public long UptimeMilliseconds => _inner.UptimeMilliseconds;

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            if (_faults.IsActive(FaultKind.ClockUnsynced) || !_inner.TryGetUtcNow(out utcNow))
            {
                utcNow = DateTime.MinValue;
                return false;
            }

            utcNow = utcNow + _faults.ClockOffset;
            return true;
        }
    }
}
