using System.Diagnostics;

namespace Greenhouse.Fleet;

/// <summary>
/// How hard this process works, sampled every 100 ms on its own thread and kept per phase: CPU time, thread-pool
/// queue length and the delay a work item queued there waits before it runs (what every MQTT continuation of the
/// process waits), GC pauses (total, and the most paused in one 100 ms window), collections, working set, pool threads,
/// and how late the probe itself wakes up (a process or machine starved of CPU wakes late). Each generator process and
/// the coordinator run one, so a report can tell a starved generator from a slow broker.
/// </summary>
public sealed class ProcessProbe : IDisposable
{
    public const int PeriodMs = 100;

    private readonly Thread _thread;
    private readonly Stats[] _phases = new Stats[FleetPhases.Count];
    private readonly object _gate = new();
    private volatile bool _running;
    private volatile int _phase;

    public ProcessProbe()
    {
        for (int i = 0; i < _phases.Length; i++)
        {
            _phases[i] = new Stats();
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "fleet-probe", Priority = ThreadPriority.AboveNormal };
    }

    public void Start()
    {
        _running = true;
        _thread.Start();
    }

    public FleetPhase Phase
    {
        get => (FleetPhase)_phase;
        set => _phase = (int)value;
    }

    /// <summary>CPU seconds this process used since it started.</summary>
    public static double CpuSeconds() => Environment.CpuUsage.TotalTime.TotalSeconds;

    public ProbeReport[] Report()
    {
        lock (_gate)
        {
            return _phases.Select(s => s.ToReport()).ToArray();
        }
    }

    private void Run()
    {
        long last = Stopwatch.GetTimestamp();
        double lastCpu = CpuSeconds();
        TimeSpan lastPause = GC.GetTotalPauseDuration();
        int[] lastGc = { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        double second = 0;
        double secondCpu = 0;
        while (_running)
        {
            Thread.Sleep(PeriodMs);
            long now = Stopwatch.GetTimestamp();
            double elapsedMs = Stopwatch.GetElapsedTime(last, now).TotalMilliseconds;
            last = now;
            double cpu = CpuSeconds();
            TimeSpan pause = GC.GetTotalPauseDuration();
            int[] gc = { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            lock (_gate)
            {
                Stats s = _phases[_phase];
                s.WallS += elapsedMs / 1000.0;
                s.CpuS += cpu - lastCpu;
                double pauseMs = (pause - lastPause).TotalMilliseconds;
                s.GcPauseMs += pauseMs;
                s.GcPauseWindowMaxMs = Math.Max(s.GcPauseWindowMaxMs, pauseMs);
                for (int g = 0; g < 3; g++)
                {
                    s.Collections[g] += gc[g] - lastGc[g];
                }

                s.PoolQueue.Record(ThreadPool.PendingWorkItemCount);
                long queued = Stopwatch.GetTimestamp();
                Stats phaseStats = s;
                ThreadPool.UnsafeQueueUserWorkItem(_ =>
                {
                    double waited = Stopwatch.GetElapsedTime(queued).TotalMilliseconds;
                    lock (_gate)
                    {
                        phaseStats.PoolDelayMs.Record(waited);
                    }
                }, null);
                s.WakeLateMs.Record(Math.Max(0, elapsedMs - PeriodMs));
                s.PeakWorkingSetMb = Math.Max(s.PeakWorkingSetMb, Environment.WorkingSet / (1024.0 * 1024.0));
                s.PeakPoolThreads = Math.Max(s.PeakPoolThreads, ThreadPool.ThreadCount);
                second += elapsedMs;
                secondCpu += cpu - lastCpu;
                if (second >= 1000)
                {
                    // CPU over the last second as a share of one core, percent.
                    s.CpuPerSecond.Record(secondCpu / (second / 1000.0) * 100.0);
                    second = 0;
                    secondCpu = 0;
                }
            }

            lastCpu = cpu;
            lastPause = pause;
            lastGc = gc;
        }
    }

    public void Dispose()
    {
        _running = false;
        if (_thread.IsAlive)
        {
            _thread.Join(1000);
        }
    }

    private sealed class Stats
    {
        public double WallS;
        public double CpuS;
        public double GcPauseMs;
        public double GcPauseWindowMaxMs;
        public readonly long[] Collections = new long[3];
        public readonly Latency PoolQueue = new(); // counts, recorded as "ms" (the histogram is unit-agnostic)
        public readonly Latency WakeLateMs = new();
        public readonly Latency PoolDelayMs = new();
        public readonly Latency CpuPerSecond = new(); // percent of one core, recorded as "ms"
        public double PeakWorkingSetMb;
        public int PeakPoolThreads;

        public ProbeReport ToReport() => new()
        {
            WallS = WallS,
            CpuS = CpuS,
            GcPauseMs = GcPauseMs,
            GcPauseWindowMaxMs = GcPauseWindowMaxMs,
            Gen0 = Collections[0],
            Gen1 = Collections[1],
            Gen2 = Collections[2],
            PoolQueueP99 = PoolQueue.Percentile(99),
            PoolQueueMax = PoolQueue.Max,
            PoolDelayP99Ms = PoolDelayMs.Percentile(99),
            PoolDelayMaxMs = PoolDelayMs.Max,
            WakeLateP99Ms = WakeLateMs.Percentile(99),
            WakeLateMaxMs = WakeLateMs.Max,
            CpuPerSecondP50 = CpuPerSecond.Percentile(50),
            CpuPerSecondMax = CpuPerSecond.Max,
            PeakWorkingSetMb = PeakWorkingSetMb,
            PeakPoolThreads = PeakPoolThreads,
        };
    }
}

/// <summary>What <see cref="ProcessProbe"/> saw in one phase.</summary>
public sealed class ProbeReport
{
    public double WallS { get; set; }
    public double CpuS { get; set; }
    public double GcPauseMs { get; set; }
    /// <summary>Most GC pause time inside one 100 ms sampling window (an upper bound of the longest single pause).</summary>
    public double GcPauseWindowMaxMs { get; set; }
    public long Gen0 { get; set; }
    public long Gen1 { get; set; }
    public long Gen2 { get; set; }
    public double? PoolQueueP99 { get; set; }
    public double? PoolQueueMax { get; set; }
    /// <summary>How long a work item queued on the thread pool waited before it ran (sampled every 100 ms).</summary>
    public double? PoolDelayP99Ms { get; set; }
    public double? PoolDelayMaxMs { get; set; }
    public double? WakeLateP99Ms { get; set; }
    public double? WakeLateMaxMs { get; set; }
    /// <summary>CPU over one-second windows as a share of one core, percent (200 = both cores of a 2-core machine).</summary>
    public double? CpuPerSecondP50 { get; set; }
    public double? CpuPerSecondMax { get; set; }
    public double PeakWorkingSetMb { get; set; }
    public int PeakPoolThreads { get; set; }

    /// <summary>CPU over the phase as a share of one core, percent.</summary>
    public double CpuPercent => WallS > 0 ? CpuS / WallS * 100.0 : 0;

    /// <summary>GC pause over the phase as a share of wall time, percent.</summary>
    public double GcPausePercent => WallS > 0 ? GcPauseMs / (WallS * 10.0) : 0;
}
