using System.Diagnostics;
using System.Globalization;

namespace Greenhouse.Fleet;

/// <summary>
/// Runs a fleet: builds the devices, connects the growers' clients and the observer, starts the devices at the
/// ramp rate from a few worker threads that tick them, sends commands for the run's length, drains the acks and
/// returns what was measured (also written to <see cref="FleetOptions.MetricsFile"/>).
/// </summary>
public static class FleetRunner
{
    public static async Task<FleetMetrics> RunAsync(FleetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var counters = new LinkCounters();
        var random = new Random(options.Seed);
        var devices = new FleetDevice[options.Devices];
        ThreadPool.GetMinThreads(out int minWorkers, out int minIo);
        if (options.RaiseThreadPoolMinimum && minWorkers < options.Devices + 64)
        {
            ThreadPool.SetMinThreads(options.Devices + 64, minIo);
        }

        try
        {
            for (int i = 0; i < devices.Length; i++)
            {
                devices[i] = new FleetDevice(i, options, counters, new Random(random.Next()));
            }

            await using var growers = new GrowerSide(options, i => devices[i].Connected);
            await growers.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return await RunConnectedAsync(options, devices, counters, growers, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DisposeAll(devices);
            if (options.RaiseThreadPoolMinimum)
            {
                ThreadPool.SetMinThreads(minWorkers, minIo);
            }
        }
    }

    private static async Task<FleetMetrics> RunConnectedAsync(FleetOptions options, FleetDevice[] devices, LinkCounters counters,
        GrowerSide growers, CancellationToken cancellationToken)
    {
        Process process = Process.GetCurrentProcess();
        TimeSpan cpuStart = process.TotalProcessorTime;
        int gen2Start = GC.CollectionCount(2);
        double? loadStart = FleetMetrics.ReadLoadAverage();
        var clock = Stopwatch.StartNew();
        double rampS = options.Devices / options.ConnectRatePerSecond;
        double windowS = options.Minutes * 60;
        // Steady window: after the last device started and one state period (plus a second) has passed, so the
        // connect-time bursts (settings, discovery) are over.
        double steadyStartS = rampS + options.StateIntervalRealSeconds + 1;
        if (steadyStartS > windowS * 0.8)
        {
            steadyStartS = Math.Min(rampS, windowS * 0.5);
        }

        var workers = new TickWorkers(options, devices, clock);
        workers.Start();
        bool commandsStarted = false;
        double commandStartS = options.CommandsFromStart ? 0 : steadyStartS;

        Snapshot steady = null;
        long peakWorkingSet = 0;
        int peakThreads = 0;
        double nextProgress = 10;
        try
        {
            while (clock.Elapsed.TotalSeconds < windowS)
            {
                if (!commandsStarted && clock.Elapsed.TotalSeconds >= commandStartS)
                {
                    commandsStarted = true;
                    growers.StartCommands();
                }

                double remaining = windowS - clock.Elapsed.TotalSeconds;
                await Task.Delay(TimeSpan.FromSeconds(Math.Clamp(remaining, 0.001, 0.5)), cancellationToken).ConfigureAwait(false);
                double now = clock.Elapsed.TotalSeconds;
                if (steady == null && now >= steadyStartS)
                {
                    steady = Snapshot.Take(now, counters, growers);
                }

                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakThreads = Math.Max(peakThreads, process.Threads.Count);
                if (options.Progress != null && now >= nextProgress)
                {
                    nextProgress += 10;
                    options.Progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"fleet t={now:F0}s started={workers.Started} connected={devices.Count(d => d.Connected)} online={growers.OnlineCount} published={Interlocked.Read(ref counters.Published)} state={Interlocked.Read(ref counters.State)} commands={growers.CommandsSent} acks={growers.Acks} lost={growers.Lost} pass_max_ms={workers.PassMaxMs:F0} load={FleetMetrics.ReadLoadAverage():F1}"));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        double end = clock.Elapsed.TotalSeconds;
        Snapshot last = Snapshot.Take(end, counters, growers);
        TimeSpan cpuEnd = process.TotalProcessorTime;
        double? loadEnd = FleetMetrics.ReadLoadAverage();
        process.Refresh();
        peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
        int connectedAtEnd = devices.Count(d => d.Connected);

        // Devices keep ticking while the last acks come in.
        await growers.StopAndDrainAsync().ConfigureAwait(false);
        workers.Stop();

        steady ??= new Snapshot();
        double steadyS = Math.Max(0.001, last.AtS - steady.AtS);
        var connectTimes = devices.Where(d => d.FirstConnectedRealMs >= 0).Select(d => (double)(d.FirstConnectedRealMs - d.StartRealMs)).ToList();
        var latencies = growers.LatenciesSnapshot();
        var late = growers.LateLatenciesSnapshot();
        var metrics = new FleetMetrics
        {
            Devices = options.Devices,
            MessagesPublished = Interlocked.Read(ref counters.Published),
            CommandsSent = growers.CommandsSent,
            AcksReceived = growers.Acks,
            AckP50Ms = FleetMetrics.Percentile(latencies, 50),
            AckP99Ms = FleetMetrics.Percentile(latencies, 99),
            AckMaxMs = latencies.Count == 0 ? null : latencies.Max(),
            Lost = growers.Lost,
            AckMismatches = growers.Mismatches,
            UnmatchedAcks = growers.Unmatched,
            LateAcks = growers.LateAcks,
            LateAckMaxMs = late.Count == 0 ? null : late.Max(),
            InvalidCommandsSent = growers.InvalidSent,
            StateMessages = Interlocked.Read(ref counters.State),
            AckMessages = Interlocked.Read(ref counters.Acks),
            PublishRefused = Interlocked.Read(ref counters.Refused),
            StateMessagesPerS = (last.State - steady.State) / steadyS,
            MessagesPerS = (last.Published - steady.Published) / steadyS,
            BrokerStateMessagesObserved = options.BrokerStateCounter ? growers.ObservedState : null,
            BrokerStateMessagesPerS = options.BrokerStateCounter ? (last.ObservedState - steady.ObservedState) / steadyS : null,
            ConnectAttempts = Interlocked.Read(ref counters.ConnectAttempts),
            DevicesEverConnected = connectTimes.Count,
            DevicesConnectedAtEnd = connectedAtEnd,
            Disconnects = devices.Sum(d => (long)d.Disconnects),
            ConnectP50Ms = FleetMetrics.Percentile(connectTimes, 50),
            ConnectMaxMs = connectTimes.Count == 0 ? null : connectTimes.Max(),
            RampS = rampS,
            CommandStartS = commandStartS,
            DurationS = end,
            SteadyS = steadyS,
            TimeCompression = options.TimeCompression,
            TelemetryS = options.TelemetrySeconds,
            StateIntervalRealS = options.StateIntervalRealSeconds,
            TickIntervalMs = options.TickIntervalMs,
            Workers = options.Workers,
            Ticks = workers.Ticks,
            TickPassMaxMs = workers.PassMaxMs,
            TickPassP99Ms = workers.PassPercentile(99),
            TickExceptions = devices.Sum(d => d.TickExceptions),
            InboxDropped = devices.Sum(d => (long)d.Controller.Inbox.Dropped),
            CpuS = (cpuEnd - cpuStart).TotalSeconds,
            CpuPercent = (cpuEnd - cpuStart).TotalSeconds / end * 100,
            PeakWorkingSetMb = peakWorkingSet / (1024.0 * 1024.0),
            PeakThreads = peakThreads,
            Gen2Collections = GC.CollectionCount(2) - gen2Start,
            LoadAverageStart = loadStart,
            LoadAverageEnd = loadEnd,
            FirstError = growers.FirstError ?? devices.Select(d => d.LastException).FirstOrDefault(e => e != null),
        };
        metrics.ConnectFailures = Math.Max(0, metrics.ConnectAttempts - devices.Sum(d => (long)d.Connects));
        metrics.EquivalentHousesAt1Min = metrics.StateMessagesPerS * 60;
        if (options.MetricsFile != null)
        {
            metrics.WriteJson(options.MetricsFile);
        }

        return metrics;
    }

    private static void DisposeAll(FleetDevice[] devices)
    {
        Parallel.ForEach(devices.Where(d => d != null), new ParallelOptions { MaxDegreeOfParallelism = 32 }, d =>
        {
            try
            {
                d.Dispose();
            }
            catch (Exception)
            {
            }
        });
    }

    private sealed class Snapshot
    {
        public double AtS;
        public long Published;
        public long State;
        public long ObservedState;

        public static Snapshot Take(double atS, LinkCounters counters, GrowerSide growers) => new()
        {
            AtS = atS,
            Published = Interlocked.Read(ref counters.Published),
            State = Interlocked.Read(ref counters.State),
            ObservedState = growers.ObservedState,
        };
    }
}
