namespace Greenhouse.Fleet;

/// <summary>
/// The broker's and the machine's side, sampled once a second from /proc and kept per phase: the broker process's CPU
/// (as a share of one core: Mosquitto runs its network loop on one thread, so near 100 % is saturation), resident
/// memory and open files; the whole machine's CPU; the generator processes' CPU; and what is left, the CPU of
/// everything else on the machine (other engineers' builds on a shared machine).
/// </summary>
internal sealed class HostProbe : IDisposable
{
    private readonly Func<int?> _brokerPid;
    private readonly Func<IReadOnlyList<int>> _generatorPids;
    private readonly Stats[] _phases = new Stats[FleetPhases.Count];
    private readonly object _gate = new();
    private readonly Thread _thread;
    private volatile bool _running;
    private volatile int _phase;

    public HostProbe(Func<int?> brokerPid, Func<IReadOnlyList<int>> generatorPids)
    {
        _brokerPid = brokerPid;
        _generatorPids = generatorPids;
        for (int i = 0; i < _phases.Length; i++)
        {
            _phases[i] = new Stats();
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "fleet-host-probe" };
    }

    public FleetPhase Phase
    {
        set => _phase = (int)value;
    }

    /// <summary>Broker CPU over the last second, percent of one core (for progress lines).</summary>
    public double LastBrokerCpuPercent { get; private set; }
    public double LastMachineBusyPercent { get; private set; }
    /// <summary>CPU of the fleet's processes over the last second, percent of one core.</summary>
    public double LastGeneratorCpuPercent { get; private set; }

    public void Start()
    {
        _running = true;
        _thread.Start();
    }

    public HostReport[] Report()
    {
        lock (_gate)
        {
            return _phases.Select(s => s.ToReport()).ToArray();
        }
    }

    private void Run()
    {
        var lastMachine = ProcStat.MachineCpu();
        var lastCpu = new Dictionary<int, double>();
        double? lastBroker = null;
        int? lastBrokerPid = null;
        var brokerWindow = new Queue<double>();
        long clock = System.Diagnostics.Stopwatch.GetTimestamp();
        int sample = 0;
        while (_running)
        {
            Thread.Sleep(1000);
            long now = System.Diagnostics.Stopwatch.GetTimestamp();
            double seconds = System.Diagnostics.Stopwatch.GetElapsedTime(clock, now).TotalSeconds;
            clock = now;
            sample++;

            var machine = ProcStat.MachineCpu();
            double? machineBusy = null;
            if (machine is { } m && lastMachine is { } lm && m.Total > lm.Total)
            {
                // Percent of all cores; times Environment.ProcessorCount it is percent of one core like the others.
                machineBusy = 100.0 * (m.Busy - lm.Busy) / (m.Total - lm.Total);
            }

            lastMachine = machine;

            int? pid = _brokerPid();
            double? brokerCpu = pid is { } bp ? ProcStat.CpuSeconds(bp) : null;
            double? brokerPercent = null;
            if (brokerCpu is { } bc && lastBroker is { } lb && pid == lastBrokerPid && bc >= lb)
            {
                brokerPercent = (bc - lb) / seconds * 100.0;
            }

            lastBroker = brokerCpu;
            lastBrokerPid = pid;

            double generators = 0;
            foreach (int g in _generatorPids())
            {
                if (ProcStat.CpuSeconds(g) is { } cpu)
                {
                    if (lastCpu.TryGetValue(g, out double before) && cpu >= before)
                    {
                        generators += (cpu - before) / seconds * 100.0;
                    }

                    lastCpu[g] = cpu;
                }
            }

            double? rss = pid is { } p1 ? ProcStat.ResidentMb(p1) : null;
            int? files = pid is { } p2 && sample % 5 == 0 ? ProcStat.OpenFiles(p2) : null;
            double? load = ProcStat.LoadAverage();
            lock (_gate)
            {
                Stats s = _phases[_phase];
                s.Seconds += seconds;
                if (machineBusy is { } busy)
                {
                    double busyOneCore = busy * Environment.ProcessorCount;
                    s.MachineBusy.Record(busy);
                    s.GeneratorCpu.Record(generators);
                    s.OthersCpu.Record(Math.Max(0, busyOneCore - generators - (brokerPercent ?? 0)));
                    LastMachineBusyPercent = busy;
                    LastGeneratorCpuPercent = generators;
                }

                if (brokerPercent is { } b)
                {
                    s.BrokerCpu.Record(b);
                    s.BrokerCpuS += b / 100.0 * seconds;
                    LastBrokerCpuPercent = b;
                    brokerWindow.Enqueue(b);
                    if (brokerWindow.Count > 5)
                    {
                        brokerWindow.Dequeue();
                    }

                    if (brokerWindow.Count == 5)
                    {
                        s.BrokerCpu5sMax = Math.Max(s.BrokerCpu5sMax, brokerWindow.Average());
                    }
                }

                if (rss is { } r)
                {
                    s.BrokerRssMaxMb = Math.Max(s.BrokerRssMaxMb, r);
                }

                if (files is { } f)
                {
                    s.BrokerFilesMax = Math.Max(s.BrokerFilesMax, f);
                }

                if (load is { } l)
                {
                    s.LoadMax = Math.Max(s.LoadMax, l);
                    s.LoadSum += l;
                    s.LoadSamples++;
                }
            }
        }
    }

    public void Dispose()
    {
        _running = false;
        if (_thread.IsAlive)
        {
            _thread.Join(2000);
        }
    }

    private sealed class Stats
    {
        public double Seconds;
        public readonly Latency MachineBusy = new(); // percent of all cores (recorded as "ms")
        public readonly Latency BrokerCpu = new(); // percent of one core
        public readonly Latency GeneratorCpu = new(); // percent of one core, all generator processes together
        public readonly Latency OthersCpu = new(); // percent of one core
        public double BrokerCpuS;
        public double BrokerCpu5sMax;
        public double BrokerRssMaxMb;
        public int BrokerFilesMax;
        public double LoadMax;
        public double LoadSum;
        public int LoadSamples;

        public HostReport ToReport() => new()
        {
            Seconds = Seconds,
            MachineBusyMeanPercent = MachineBusy.Mean,
            MachineBusyP90Percent = MachineBusy.Percentile(90),
            MachineBusyMaxPercent = MachineBusy.Max,
            BrokerCpuMeanPercent = BrokerCpu.Mean,
            BrokerCpuMaxPercent = BrokerCpu.Max,
            BrokerCpu5sMaxPercent = BrokerCpu.Count >= 5 ? BrokerCpu5sMax : null,
            BrokerCpuS = BrokerCpuS,
            BrokerRssMaxMb = BrokerRssMaxMb > 0 ? BrokerRssMaxMb : null,
            BrokerOpenFilesMax = BrokerFilesMax > 0 ? BrokerFilesMax : null,
            GeneratorCpuMeanPercent = GeneratorCpu.Mean,
            GeneratorCpuMaxPercent = GeneratorCpu.Max,
            OthersCpuMeanPercent = OthersCpu.Mean,
            OthersCpuMaxPercent = OthersCpu.Max,
            LoadAverageMean = LoadSamples > 0 ? LoadSum / LoadSamples : null,
            LoadAverageMax = LoadSamples > 0 ? LoadMax : null,
        };
    }
}

/// <summary>What <see cref="HostProbe"/> saw in one phase. CPU percentages are of one core unless named "machine".</summary>
public sealed class HostReport
{
    public double Seconds { get; set; }
    public double? MachineBusyMeanPercent { get; set; }
    public double? MachineBusyP90Percent { get; set; }
    public double? MachineBusyMaxPercent { get; set; }
    public double? BrokerCpuMeanPercent { get; set; }
    public double? BrokerCpuMaxPercent { get; set; }
    /// <summary>Highest broker CPU averaged over five consecutive seconds.</summary>
    public double? BrokerCpu5sMaxPercent { get; set; }
    public double BrokerCpuS { get; set; }
    public double? BrokerRssMaxMb { get; set; }
    public int? BrokerOpenFilesMax { get; set; }
    public double? GeneratorCpuMeanPercent { get; set; }
    public double? GeneratorCpuMaxPercent { get; set; }
    /// <summary>CPU of everything that is neither the broker nor the fleet's processes.</summary>
    public double? OthersCpuMeanPercent { get; set; }
    public double? OthersCpuMaxPercent { get; set; }
    public double? LoadAverageMean { get; set; }
    public double? LoadAverageMax { get; set; }
}
