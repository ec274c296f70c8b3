using System.Globalization;

namespace Greenhouse.Fleet;

/// <summary>The few lines a person reads after a run: verdict, goals, the figures per phase, the storm.</summary>
public static class FleetSummary
{
    public static IEnumerable<string> Lines(FleetMetrics m)
    {
        yield return "fleet: " + m.Verdict;
        yield return Invariant($"fleet: goals: ack p99 < 1 s {Mark(m.Goals.AckP99Under1S)} ({Ms(m.AckP99Ms)}), 0 lost commands {Mark(m.Goals.NoLostCommands)} ({m.Lost}: {m.Commands.LostOutsideRestart} outside the restart, {m.Commands.CutByRestart} cut by it), 0 lost state documents {Mark(m.Goals.NoLostStateDocuments)} ({m.State.Lost} of {m.State.Sent}), all back online within 2 min {(m.Goals.AllBackWithin2Min is { } b ? Mark(b) : "n/a (no restart)")}");
        yield return Invariant($"fleet: {m.Devices} devices ({m.DevicesEverConnected} connected, {m.DevicesConnectedAtEnd} at the end), {m.Generator.Processes} generator processes; {m.MessagesPublished} publishes; {m.CommandsSent} commands, {m.AcksReceived} acks (p50 {Ms(m.AckP50Ms)}, p99 {Ms(m.AckP99Ms)}, max {Ms(m.Commands.Ack.MaxMs)}); state documents {m.State.Sent} sent, {m.State.Received} received");
        foreach (KeyValuePair<string, PhaseReport> entry in m.Phases)
        {
            PhaseReport p = entry.Value;
            HostReport h = p.Host;
            yield return Invariant($"fleet: {entry.Key,-9} {p.StartS,6:F0}-{p.EndS,-6:F0}s ack p50/p99 {Ms(p.Ack.P50Ms)}/{Ms(p.Ack.P99Ms)} ({p.CommandsSent} sent, {p.CommandsLost} lost) | broker rtt p99 {Ms(p.BrokerRoundTrip.P99Ms)} | tick late p99/max {Ms(p.TickLateness.P99Ms)}/{Ms(p.TickLateness.MaxMs)} | CPU % of one core: fleet {Pct(h.GeneratorCpuMeanPercent)} (max {Pct(h.GeneratorCpuMaxPercent)}), broker {Pct(h.BrokerCpuMeanPercent)} (5 s max {Pct(h.BrokerCpu5sMaxPercent)}), others {Pct(h.OthersCpuMeanPercent)}; machine busy {Pct(h.MachineBusyMeanPercent)} of all cores; saturated: {Saturation.Sides(p.Saturation)}");
            foreach (string reason in p.Saturation.Reasons)
            {
                yield return "fleet:           " + reason;
            }
        }

        if (m.Storm is { } s)
        {
            yield return Invariant($"fleet: restart: broker stopped at {s.StopS:F1} s, listening again {s.DownS:F1} s later; back online p50/p99/max {Sec(s.BackOnline.P50Ms)}/{Sec(s.BackOnline.P99Ms)}/{Sec(s.BackOnline.MaxMs)} after the stop, {s.BackWithin2Min} of {m.Devices} within 2 min, {s.NotBack} not back; through their connect-time burst p50/p99/max {Sec(s.BackInService.P50Ms)}/{Sec(s.BackInService.P99Ms)}/{Sec(s.BackInService.MaxMs)}, {s.NotInService} not");
        }

        if (m.FirstError != null)
        {
            yield return "fleet: first error: " + m.FirstError;
        }
    }

    private static string Mark(bool ok) => ok ? "MET" : "NOT MET";

    private static string Ms(double? ms) => ms is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) + " ms" : "-";

    private static string Sec(double? ms) => ms is { } v ? (v / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s" : "-";

    private static string Pct(double? p) => p is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
