using Greenhouse.Actuation;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Settings;

namespace Greenhouse.Status
{
    /// <summary>
    /// The read-only view of a running controller that every reader gets (the MQTT state document and topics, the
    /// console's status, the simulator, the tests): what was measured, decided and applied in the last tick. Nothing
    /// here changes anything; commands go through Greenhouse.Commands.ICommandPort. Reading allocates nothing.
    /// </summary>
    public interface IControllerStatus
    {
        string FirmwareVersion { get; }

        /// <summary>Uptime at the start of the current (or last) tick, ms.</summary>
        long NowMs { get; }

        /// <summary>Completed ticks since start.</summary>
        long TickCount { get; }

        /// <summary>Zones in use (setting zones).</summary>
        int ZoneCount { get; }

        ISettingsView Settings { get; }

        /// <summary>Changes that wait: a connection on trial, hardware changes waiting for confirmation.</summary>
        Greenhouse.Commands.IChangeGuardView Changes { get; }

        IAlarmView Alarms { get; }

        /// <summary>Climate sensor positions on the board (2).</summary>
        int SensorCount { get; }

        /// <summary>Sensor position 0..SensorCount-1.</summary>
        ISensorStatus Sensor(int index);

        /// <summary>Zone 1..4 (also the ones not in use).</summary>
        IZoneStatus Zone(int zone);

        /// <summary>Zone 1..4's valve relay (switch count, last reason).</summary>
        IRelayStatus Valve(int zone);

        IRelayStatus Pump { get; }

        IRelayStatus Fan { get; }

        /// <summary>Why the fan is in its state.</summary>
        string FanReason { get; }

        /// <summary>Tank float switch: true when water is present (or no switch fitted).</summary>
        bool TankHasWater { get; }

        /// <summary>True while the MQTT session is up.</summary>
        bool NetworkConnected { get; }

        /// <summary>Inbox messages dropped because it was full, since start.</summary>
        int InboxDropped { get; }

        /// <summary>Log lines suppressed by the repeat limiter since start.</summary>
        long LogSuppressed { get; }

        /// <summary>Local time as the log writes it ("2026-06-15T05:00:00", or "+12.0s" while unsynced).</summary>
        string Timestamp();
    }
}
