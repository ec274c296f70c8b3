using System.Globalization;

namespace Greenhouse.Fleet;

/// <summary>
/// Which side was saturated in a phase, from what the probes measured. The thresholds are chosen against the goals:
/// a command waits for its device's next tick (up to a second) anyway, so a generator whose ticks run 100 ms late at
/// p99 is adding its own delay to every figure; a broker that burns 90 % of its one core for five seconds has no
/// headroom left; a machine that is 95 % busy makes every process wait for a core.
/// </summary>
public static class Saturation
{
    /// <summary>Device ticks later than this at p99 mean the generator could not keep real time.</summary>
    public const double TickLateP99Ms = 100;
    /// <summary>A generator or back-office thread waking this late at p99 was starved of CPU.</summary>
    public const double WakeLateP99Ms = 50;
    /// <summary>A work item queued on a process's thread pool waiting longer than this at p99: every MQTT continuation
    /// of that process (sends, acknowledgements, received messages) waits as long.</summary>
    public const double PoolDelayP99Ms = 50;
    /// <summary>Share of the phase spent in GC pauses beyond this, percent.</summary>
    public const double GcPausePercent = 5;
    /// <summary>Broker CPU over five seconds beyond this, percent of its one core.</summary>
    public const double BrokerCpuPercent = 90;
    /// <summary>Machine busy (all cores) at the 90th percentile of one-second samples beyond this, percent.</summary>
    public const double MachineBusyPercent = 95;

    public static SaturationReport Judge(LatencySummary tickLateness, IEnumerable<ProbeReport> generators, ProbeReport backOffice, HostReport host)
    {
        var report = new SaturationReport();
        if (tickLateness?.P99Ms is { } late && late > TickLateP99Ms)
        {
            report.Generator = true;
            report.Reasons.Add("generator: device ticks late, p99 " + F(late) + " ms (limit " + F(TickLateP99Ms) + ")");
        }

        var processes = generators.Select((p, i) => ("generator process " + (i + 1).ToString(CultureInfo.InvariantCulture), p)).ToList();
        processes.Add(("back office", backOffice));
        foreach ((string who, ProbeReport p) in processes)
        {
            if (p == null || p.WallS <= 0)
            {
                continue;
            }

            if (p.WakeLateP99Ms is { } wake && wake > WakeLateP99Ms)
            {
                report.Generator = true;
                report.Reasons.Add(who + ": threads wake late, p99 " + F(wake) + " ms (limit " + F(WakeLateP99Ms) + ")");
            }

            if (p.PoolDelayP99Ms is { } delay && delay > PoolDelayP99Ms)
            {
                report.Generator = true;
                report.Reasons.Add(who + ": thread-pool work waits p99 " + F(delay) + " ms (limit " + F(PoolDelayP99Ms) + "; queue p99 " + F(p.PoolQueueP99 ?? 0) + ")");
            }

            if (p.GcPausePercent > GcPausePercent)
            {
                report.Generator = true;
                report.Reasons.Add(who + ": GC pauses " + F(p.GcPausePercent) + " % of the time (limit " + F(GcPausePercent) + ")");
            }
        }

        if (host?.BrokerCpu5sMaxPercent is { } broker && broker > BrokerCpuPercent)
        {
            report.Broker = true;
            report.Reasons.Add("broker: CPU " + F(broker) + " % of its core over 5 s (limit " + F(BrokerCpuPercent) + ")");
        }

        if (host?.MachineBusyP90Percent is { } busy && busy > MachineBusyPercent)
        {
            report.Machine = true;
            report.Reasons.Add("machine: " + F(busy) + " % busy at p90 (limit " + F(MachineBusyPercent) + "); others used "
                + F(host.OthersCpuMeanPercent ?? 0) + " % of one core on average, the fleet " + F(host.GeneratorCpuMeanPercent ?? 0)
                + " %, the broker " + F(host.BrokerCpuMeanPercent ?? 0) + " %");
        }

        return report;
    }

    /// <summary>The saturated sides joined with "+" ("generator+machine"), or "none".</summary>
    public static string Sides(SaturationReport s)
    {
        var sides = new List<string>();
        if (s.Generator)
        {
            sides.Add("generator");
        }

        if (s.Machine)
        {
            sides.Add("machine");
        }

        if (s.Broker)
        {
            sides.Add("broker");
        }

        return sides.Count == 0 ? "none" : string.Join("+", sides);
    }

    /// <summary>What the latencies of a phase measure: the broker and network only when neither the generator nor the
    /// machine ran out of CPU (a starved generator or machine hides the broker behind its own delay).</summary>
    public static string FiguresMeasure(SaturationReport s) => s.Generator ? "generator" : s.Machine ? "machine" : "broker";

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
