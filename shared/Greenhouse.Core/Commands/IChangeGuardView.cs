namespace Greenhouse.Commands
{
    /// <summary>
    /// Changes that wait, as readers see them (the console's status, tests): a connection change on trial and hardware
    /// changes waiting for the technician's confirmation. Decided by the command port; reading allocates nothing.
    /// </summary>
    public interface IChangeGuardView
    {
        /// <summary>True while a connection change is on trial.</summary>
        bool TrialRunning { get; }

        /// <summary>The settings on trial ("mqtt.host, mqtt.port"), or "" when none.</summary>
        string TrialKeys { get; }

        /// <summary>Time left before the last working connection returns, ms (0 when no trial runs).</summary>
        long TrialRemainingMs { get; }

        /// <summary>True once a connection has worked (there is something to go back to).</summary>
        bool HasWorkingConnection { get; }

        /// <summary>Hardware changes waiting for confirmation.</summary>
        int PendingHardwareCount { get; }

        /// <summary>One waiting hardware change as "key old -> new" (0..PendingHardwareCount-1).</summary>
        string PendingHardware(int index);

        /// <summary>True when the waiting hardware changes were set before this start, so they may be confirmed now.</summary>
        bool PendingHardwareConfirmable { get; }
    }
}
