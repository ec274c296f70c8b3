using System;
using System.Globalization;

namespace Greenhouse.Faults
{
    /// <summary>The safety invariants the <see cref="InvariantMonitor"/> checks.</summary>
    public enum InvariantKind
    {
        /// <summary>Pump on while the tank (ground truth) is empty.</summary>
        PumpDry,
        /// <summary>A valve open longer than the hard continuous limit or the zone's max_mist_s.</summary>
        ValveTooLong,
        /// <summary>A zone misted more than HardLimits.MaxMistSecondsPerDay in one local day.</summary>
        DailyMistExceeded,
        /// <summary>A valve open while the air (ground truth) is above HardLimits.MaxMistingTemperatureCelsius.</summary>
        MistingTooHot,
        /// <summary>A valve open while the air (ground truth) is below HardLimits.MinMistingTemperatureCelsius.</summary>
        MistingTooCold,
        /// <summary>A valve open for a zone beyond the "zones" setting or in mode off.</summary>
        DisabledZoneValve,
        /// <summary>More valves open at once than allowed.</summary>
        TooManyValves,
        /// <summary>Settings differ after a restart from what they were before it.</summary>
        SettingsLost,
    }

    /// <summary>Stable codes of the invariants for reports and metrics.</summary>
    public static class InvariantKinds
    {
        public static readonly InvariantKind[] All = (InvariantKind[])Enum.GetValues(typeof(InvariantKind));

        public static string Code(InvariantKind kind)
        {
            switch (kind)
            {
                case InvariantKind.PumpDry: return "pump_dry";
                case InvariantKind.ValveTooLong: return "valve_too_long";
                case InvariantKind.DailyMistExceeded: return "daily_mist_exceeded";
                case InvariantKind.MistingTooHot: return "misting_too_hot";
                case InvariantKind.MistingTooCold: return "misting_too_cold";
                case InvariantKind.DisabledZoneValve: return "disabled_zone_valve";
                case InvariantKind.TooManyValves: return "too_many_valves";
                case InvariantKind.SettingsLost: return "settings_lost";
                default: throw new ArgumentOutOfRangeException(nameof(kind));
            }
        }
    }

    /// <summary>One recorded violation: what, which zone (0 = device), when, and a sentence with the numbers.</summary>
    public sealed class InvariantViolation
    {
        public InvariantViolation(InvariantKind kind, int zone, TimeSpan elapsed, DateTime local, string text)
        {
            Kind = kind;
            Zone = zone;
            Elapsed = elapsed;
            Local = local;
            Text = text;
        }

        public InvariantKind Kind { get; }
        public int Zone { get; }
        public TimeSpan Elapsed { get; }
        public DateTime Local { get; }
        public string Text { get; }

        /// <summary>"2026-04-02 06:15:00 valve_too_long zone 1: valve open 905 s, limit 900 s".</summary>
        public override string ToString()
        {
            return Local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + InvariantKinds.Code(Kind) + (Zone > 0 ? " zone " + Zone : "") + ": " + Text;
        }
    }

    /// <summary>An alarm that appeared or cleared between two observations.</summary>
    public sealed class AlarmChange
    {
        public AlarmChange(string code, int zone, bool raised, TimeSpan elapsed, DateTime local, string detail)
        {
            Code = code;
            Zone = zone;
            Raised = raised;
            Elapsed = elapsed;
            Local = local;
            Detail = detail;
        }

        public string Code { get; }
        public int Zone { get; }
        public bool Raised { get; }
        public TimeSpan Elapsed { get; }
        public DateTime Local { get; }
        public string Detail { get; }

        public override string ToString()
        {
            return Local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + (Raised ? "raised " : "cleared ") + Code + (Zone > 0 ? " zone " + Zone : "") + (Raised && Detail != null ? " (" + Detail + ")" : "");
        }
    }

    /// <summary>What the simulation knows to be true at an observation (not what the controller sees).</summary>
    public struct GroundTruth
    {
        public GroundTruth(TimeSpan elapsed, DateTime local, double airTemperatureCelsius, bool tankHasWater)
        {
            Elapsed = elapsed;
            Local = local;
            AirTemperatureCelsius = airTemperatureCelsius;
            TankHasWater = tankHasWater;
        }

        /// <summary>Simulated time since run start (monotonic across power cuts).</summary>
        public TimeSpan Elapsed;
        /// <summary>True simulated local time (days for the daily budget are counted in it).</summary>
        public DateTime Local;
        /// <summary>Actual air temperature, °C.</summary>
        public double AirTemperatureCelsius;
        /// <summary>Actual tank state: true when there is water for the pump.</summary>
        public bool TankHasWater;
    }

    /// <summary>Tunables of the <see cref="InvariantMonitor"/>.</summary>
    public sealed class InvariantOptions
    {
        /// <summary>Most valves allowed open at once (default: all four, i.e. not checked).</summary>
        public int MaxOpenValves = Greenhouse.Settings.ControllerSettings.MaxZones;

        /// <summary>
        /// Slack on the duration limits for tick granularity: a valve the controller closes on the first tick at or after
        /// its limit is open for at most one tick longer than the limit. Default 2 s (1 s ticks).
        /// </summary>
        public TimeSpan DurationTolerance = TimeSpan.FromSeconds(2);

        /// <summary>Slack on the temperature limits, °C (default 0: strictly above the maximum or below the minimum).</summary>
        public double TemperatureMarginCelsius;

        /// <summary>Violations and alarm changes kept in the lists (all are counted).</summary>
        public int MaxRecorded = 10000;
    }
}
