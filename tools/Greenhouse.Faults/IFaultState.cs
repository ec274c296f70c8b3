using System;

namespace Greenhouse.Faults
{
    /// <summary>What the port decorators ask: which faults are active at the current simulated time.</summary>
    public interface IFaultState
    {
        /// <summary>
        /// True when an item of this kind is active now. For the sensor kinds, <paramref name="sensor"/> = 1 or 2 asks
        /// about that sensor (items without a selector apply to both); 0 asks "any item of this kind".
        /// Instantaneous kinds are never "active"; see <see cref="FaultInjector.PowerCutDue"/> and <see cref="ClockOffset"/>.
        /// </summary>
        bool IsActive(FaultKind kind, int sensor = 0);

        /// <summary>Decides whether this read of the given sensor fails with a bus error (seeded; draws only while i2c-errors is active).</summary>
        bool NextReadFails(int sensor);

        /// <summary>Sum of all clock jumps so far; the faulty clock adds it to the wall time.</summary>
        TimeSpan ClockOffset { get; }
    }
}
