using System.Globalization;

namespace Greenhouse.Fleet;

/// <summary>Everything a finished run hands to <see cref="FleetReportBuilder"/>.</summary>
internal sealed class FleetReportInput
{
    public FleetOptions Options;
    public SliceReport[] Reports;
    public CommandBook Book;
    public Observer Observer;
    public Growers Growers;
    public RoundTripProbe RoundTrip;
    public HostReport[] Host;
    public ProbeReport[] BackOffice;
    public double[] PhaseStartS;
    public double[] PhaseEndS;
    public bool[] PhaseSeen;
    public RestartTimes Restart;
    public OwnMosquitto Broker;
    public double DurationS;
    public double? LoadAverageStart;
    public double? LoadAverageEnd;
    public string StartedUtc;
    public List<int> Pids;
}

/// <summary>Turns what the probes, the back office and the generator processes measured into <see cref="FleetMetrics"/>.</summary>
internal static class FleetReportBuilder
{
    public static FleetMetrics Build(FleetReportInput x)
    {
        FleetOptions o = x.Options;
        SliceReport[] reports = x.Reports;
        Latency allAcks = x.Book.AllLatency();
        LatencySummary ack = allAcks.Summary();
        var metrics = new FleetMetrics
        {
            Devices = o.Devices,
            MessagesPublished = reports.Sum(r => r.Published),
            CommandsSent = x.Book.Sent,
            AcksReceived = x.Book.Acks,
            AckP50Ms = FleetMetrics.Round(ack.P50Ms),
            AckP99Ms = FleetMetrics.Round(ack.P99Ms),
            Lost = x.Book.Lost + x.Book.CutByRestart,
            DevicesEverConnected = reports.Sum(r => r.FirstUpMs.Count(ms => ms >= 0)),
            DevicesConnectedAtEnd = reports.Sum(r => r.ConnectedAtEnd),
            FirstError = x.Observer.FirstHandlerError ?? x.Growers.FirstError ?? reports.Select(r => r.FirstError).FirstOrDefault(e => e != null),
        };

        metrics.Commands = new CommandReport
        {
            Sent = x.Book.Sent,
            Invalid = x.Book.Invalid,
            Acks = x.Book.Acks,
            LostOutsideRestart = x.Book.Lost,
            CutByRestart = x.Book.CutByRestart,
            LateAcks = x.Book.LateAcks,
            LateAckMaxMs = FleetMetrics.Round(x.Book.LateLatency().Max),
            OkMismatches = x.Book.Mismatches,
            UnmatchedAcks = x.Book.Unmatched,
            SkippedNoDevice = x.Growers.SkippedNoDevice,
            SkippedOffline = x.Growers.SkippedOffline,
            PublishErrors = x.Growers.PublishErrors,
            BackOfficeDisconnects = x.Observer.Disconnects + x.Growers.Disconnects,
            Ack = RoundSummary(ack),
            AckTimeoutS = o.AckTimeout.TotalSeconds,
        };
        metrics.State = StateAccount(reports, x.Observer);
        metrics.Storm = StormAccount(x, reports);
        metrics.Phases = new Dictionary<string, PhaseReport>();
        var judged = new List<SaturationReport>();
        for (int p = 0; p < FleetPhases.Count; p++)
        {
            if (!x.PhaseSeen[p])
            {
                continue;
            }

            var phase = (FleetPhase)p;
            var lateness = new Latency();
            foreach (SliceReport r in reports)
            {
                lateness.Add(Latency.Decode(r.TickLateness[p]));
            }

            double seconds = Math.Max(0.001, x.PhaseEndS[p] - x.PhaseStartS[p]);
            LatencySummary tick = lateness.Summary();
            List<ProbeReport> generators = reports.Length == 1 && reports[0].Pid == Environment.ProcessId
                ? new List<ProbeReport>()
                : reports.Select(r => r.Probe[p]).ToList();
            SaturationReport saturation = Saturation.Judge(tick, generators, x.BackOffice[p], x.Host[p]);
            judged.Add(saturation);
            metrics.Phases[FleetPhases.Names[p]] = new PhaseReport
            {
                StartS = Math.Round(x.PhaseStartS[p], 1),
                EndS = Math.Round(x.PhaseEndS[p], 1),
                CommandsSent = x.Book.SentIn(phase),
                CommandsLost = x.Book.LostIn(phase),
                Ack = RoundSummary(x.Book.LatencyOf(phase).Summary()),
                BrokerRoundTrip = RoundSummary(x.RoundTrip.Summary(phase)),
                TickLateness = RoundSummary(tick),
                TickWorkPercent = Math.Round(reports.Sum(r => r.TickWorkMs[p]) / (seconds * 1000) * 100, 2),
                TickCpuMicros = reports.Sum(r => r.PhaseTicks[p]) is > 0 and long n ? Math.Round(reports.Sum(r => r.TickCpuS[p]) * 1e6 / n, 2) : null,
                Saturation = saturation,
                Host = x.Host[p],
                BackOffice = x.BackOffice[p],
                GeneratorProcesses = generators,
            };
        }

        var overall = new SaturationReport
        {
            Generator = judged.Any(s => s.Generator),
            Broker = judged.Any(s => s.Broker),
            Machine = judged.Any(s => s.Machine),
            Reasons = judged.SelectMany(s => s.Reasons).Distinct().ToList(),
        };
        metrics.Saturated = Saturation.Sides(overall);
        metrics.FiguresMeasure = Saturation.FiguresMeasure(overall);
        metrics.Goals = Goals(metrics);
        metrics.Verdict = Verdict(metrics, overall);
        metrics.Generator = new GeneratorReport
        {
            Processes = reports.Length == 1 && reports[0].Pid == Environment.ProcessId ? 0 : reports.Length,
            Pids = x.Pids,
            Ticks = reports.Sum(r => r.Ticks),
            SkippedTicks = reports.Sum(r => r.SkippedTicks),
            TickExceptions = reports.Sum(r => r.TickExceptions),
            InboxDropped = reports.Sum(r => r.InboxDropped),
            PublishRefused = reports.Sum(r => r.Refused),
            ConnectAttempts = reports.Sum(r => r.ConnectAttempts),
            NotSent = reports.Sum(r => r.NotSent),
            Unconfirmed = reports.Sum(r => r.Unconfirmed),
            LogLines = reports.Sum(r => r.LogLines),
            PeakWorkingSetMb = Math.Round(reports.Sum(r => r.Probe.Max(p => p.PeakWorkingSetMb)), 1),
            CpuS = Math.Round(reports.Sum(r => r.Probe.Sum(p => p.CpuS)), 1),
        };
        metrics.Broker = new BrokerReport
        {
            Kind = x.Broker != null ? "private mosquitto" : "external",
            Address = o.BrokerHost + ":" + o.BrokerPort.ToString(CultureInfo.InvariantCulture),
            OpenFileLimit = x.Broker?.OpenFileLimit,
            CpuS = Math.Round(x.Host.Sum(h => h.BrokerCpuS), 1),
            Sys = x.Observer.Sys.Where(kv => InterestingSys(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value),
            LogTail = x.Broker?.LogTail(10),
            Configuration = x.Broker == null ? null : string.Join("\n", OwnMosquitto.Configuration(x.Broker.Port, "<temp>")),
        };
        metrics.Run = new RunReport
        {
            DurationS = Math.Round(x.DurationS, 1),
            Seed = o.Seed,
            TelemetryS = o.TelemetrySeconds,
            CommandsPerS = o.CommandsPerSecond,
            BurstSize = o.BurstSize,
            BurstEveryS = o.BurstEverySeconds,
            ConnectRatePerS = o.ConnectRatePerSecond,
            RestartAtMin = o.RestartAtMinutes,
            Scenario = o.Scenario,
            StartTime = o.StartTime,
            LoadAverageStart = x.LoadAverageStart,
            LoadAverageEnd = x.LoadAverageEnd,
            StartedUtc = x.StartedUtc,
        };
        return metrics;
    }

    private static bool InterestingSys(string key) => key is "clients/connected" or "clients/maximum" or "heap/current" or "heap/maximum"
        or "retained messages/count" or "store/messages/count" or "messages/received" or "messages/sent" or "uptime" or "version"
        or "load/messages/received/1min" or "load/messages/sent/1min" or "subscriptions/count";

    private static StateReport StateAccount(SliceReport[] reports, Observer observer)
    {
        var state = new StateReport();
        foreach (SliceReport r in reports)
        {
            for (int k = 0; k < r.DeviceIndex.Length; k++)
            {
                int received = observer.StateReceived(r.DeviceIndex[k]);
                int sent = r.StateSent[k];
                int notSent = r.StateNotSent[k];
                int unconfirmed = r.StateUnconfirmed[k];
                state.Sent += sent;
                state.Received += received;
                state.NotSentSessionDown += notSent;
                int missing = sent - notSent - received;
                if (missing < 0)
                {
                    state.Extra += -missing;
                    missing = 0;
                }

                int inFlight = Math.Min(missing, unconfirmed);
                state.LostInFlightAtRestart += inFlight;
                state.LostOther += missing - inFlight;
                if (missing + notSent > 0)
                {
                    state.DevicesWithLoss++;
                }
            }
        }

        state.Lost = state.NotSentSessionDown + state.LostInFlightAtRestart + state.LostOther;
        state.Duplicates = observer.StateDuplicates;
        state.RetainedRedeliveries = observer.RetainedRedeliveries;
        state.Unreadable = observer.StateUnreadable;
        return state;
    }

    private static StormReport StormAccount(FleetReportInput x, SliceReport[] reports)
    {
        if (x.Restart == null)
        {
            return null;
        }

        double stop = x.Restart.StopMs;
        var back = new Latency();
        int within = 0;
        int notBack = 0;
        foreach (double ms in x.Observer.BackOnlineMs())
        {
            if (double.IsNaN(ms))
            {
                notBack++;
                continue;
            }

            back.Record(ms - stop);
            if (ms - stop <= 120_000)
            {
                within++;
            }
        }

        var inService = new Latency();
        int notInService = 0;
        foreach (double ms in x.Observer.InServiceMs())
        {
            if (double.IsNaN(ms))
            {
                notInService++;
            }
            else
            {
                inService.Record(ms - stop);
            }
        }

        var linkUp = new Latency();
        foreach (SliceReport r in reports)
        {
            foreach (double ms in r.LastUpMs)
            {
                if (ms > stop)
                {
                    linkUp.Record(ms - stop);
                }
            }
        }

        return new StormReport
        {
            StopS = Math.Round(stop / 1000, 2),
            ExitedS = Math.Round(x.Restart.ExitedMs / 1000, 2),
            ListeningS = Math.Round(x.Restart.ListeningMs / 1000, 2),
            DownS = Math.Round((x.Restart.ListeningMs - stop) / 1000, 2),
            BackOnline = RoundSummary(back.Summary()),
            BackWithin2Min = within,
            NotBack = notBack,
            LinkUp = RoundSummary(linkUp.Summary()),
            AllBackS = notBack == 0 && back.Max is { } max ? Math.Round(max / 1000, 2) : null,
            BackInService = RoundSummary(inService.Summary()),
            NotInService = notInService,
            AllInServiceS = notInService == 0 && inService.Max is { } last ? Math.Round(last / 1000, 2) : null,
        };
    }

    private static GoalReport Goals(FleetMetrics m)
    {
        var goals = new GoalReport
        {
            AckP99Under1S = m.AckP99Ms is { } p99 && p99 < 1000 && m.CommandsSent > 0,
            NoLostCommands = m.Lost == 0 && m.CommandsSent > 0,
            NoLostStateDocuments = m.State.Lost == 0 && m.State.Sent > 0,
            AllBackWithin2Min = m.Storm == null ? null : m.Storm.NotBack == 0 && m.Storm.BackWithin2Min == m.Devices,
        };
        goals.AllMet = goals.AckP99Under1S && goals.NoLostCommands && goals.NoLostStateDocuments && goals.AllBackWithin2Min != false;
        return goals;
    }

    private static string Verdict(FleetMetrics m, SaturationReport s)
    {
        string saturation = m.FiguresMeasure switch
        {
            "generator" => "GENERATOR SATURATED: the latencies measure the load generator, not the broker",
            "machine" => "MACHINE SATURATED: every process waited for a core; the latencies measure the machine, not the broker",
            _ => s.Broker ? "broker saturated (generator and machine had headroom): the figures are the broker's limit"
                : "nothing saturated: the figures are the broker's and the network stack's",
        };
        return saturation + "; goals " + (m.Goals.AllMet ? "met" : "NOT met");
    }

    private static LatencySummary RoundSummary(LatencySummary s) => new()
    {
        Count = s.Count,
        P50Ms = FleetMetrics.Round(s.P50Ms, 2),
        P99Ms = FleetMetrics.Round(s.P99Ms, 2),
        P999Ms = FleetMetrics.Round(s.P999Ms, 2),
        MaxMs = FleetMetrics.Round(s.MaxMs, 2),
    };
}
