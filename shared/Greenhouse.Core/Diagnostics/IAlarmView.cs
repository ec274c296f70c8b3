namespace Greenhouse.Diagnostics
{
    /// <summary>The alarms as readers see them (implemented by <see cref="AlarmSet"/>, their one owner).</summary>
    public interface IAlarmView
    {
        /// <summary>Incremented whenever an alarm is raised or cleared.</summary>
        int Version { get; }

        int ActiveCount { get; }

        bool IsActive(string code, int zone);

        /// <summary>Number of slots to iterate with <see cref="TryGet"/>.</summary>
        int SlotCount { get; }

        /// <summary>Reads one slot; false when that slot holds no active alarm.</summary>
        bool TryGet(int slot, out string code, out int zone, out string detail, out long sinceMs);

        /// <summary>Sequence number of the newest transition (0 before the first).</summary>
        long LastSequence { get; }

        /// <summary>The oldest kept transition newer than <paramref name="sequence"/>, or null.</summary>
        AlarmTransition TransitionAfter(long sequence);
    }
}
