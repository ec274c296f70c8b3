using System;

namespace Greenhouse.Faults
{
    /// <summary>What happened to a fault item in one <see cref="FaultInjector.Update"/>.</summary>
    public enum FaultEventKind
    {
        /// <summary>A window opened.</summary>
        Started,
        /// <summary>A window closed.</summary>
        Ended,
        /// <summary>An instantaneous fault (clock-jump, power-cut) happened.</summary>
        Fired,
    }

    /// <summary>One start, end or firing of a fault item, stamped with the simulated time of the Update that saw it.</summary>
    public sealed class FaultEvent
    {
        public FaultEvent(FaultEventKind kind, FaultItem item, TimeSpan elapsed, DateTime local)
        {
            Kind = kind;
            Item = item;
            Elapsed = elapsed;
            Local = local;
        }

        public FaultEventKind Kind { get; }
        public FaultItem Item { get; }
        /// <summary>Simulated time since run start.</summary>
        public TimeSpan Elapsed { get; }
        /// <summary>Simulated local time (ground truth, not the faulty clock).</summary>
        public DateTime Local { get; }

        /// <summary>"2026-04-02 06:00 started sensor-stuck#1@06:00-10:00".</summary>
        public override string ToString()
        {
            string what = Kind == FaultEventKind.Started ? "started" : Kind == FaultEventKind.Ended ? "ended" : "fired";
            return Local.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " " + what + " " + Item;
        }
    }
}
