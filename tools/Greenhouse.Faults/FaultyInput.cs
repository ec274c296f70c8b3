using System;
using Greenhouse.Ports;

namespace Greenhouse.Faults
{
    /// <summary>
    /// The tank float switch with injected faults: during tank-empty it reads low (readable, high = false). Only the
    /// switch is affected; a runner that models the water should also empty its tank while
    /// <c>IsActive(FaultKind.TankEmpty)</c> so the ground truth agrees.
    /// </summary>
    public sealed class FaultyInput : IDigitalInput
    {
        private readonly IDigitalInput _inner;
        private readonly IFaultState _faults;

        public FaultyInput(IDigitalInput inner, IFaultState faults)
        {
            _inner = inner ?? throw new ArgumentNullException(nameof(inner));
            _faults = faults ?? throw new ArgumentNullException(nameof(faults));
        }

        public bool TryRead(out bool high)
        {
            if (_faults.IsActive(FaultKind.TankEmpty))
            {
                high = false;
                return true;
            }

            return _inner.TryRead(out high);
        }
    }
}
