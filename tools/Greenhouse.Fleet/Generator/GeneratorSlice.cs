using System.Diagnostics;

namespace Greenhouse.Fleet;

/// <summary>
/// The devices of one generator process (device i of the fleet runs in process i mod P) and the one thread that ticks
/// them at real time. Every device ticks once a second at its own phase (chosen at random, as boards boot at random
/// times), on a grid of 100 slots of 10 ms; the tick's lateness against its slot is recorded per phase of the run.
/// The process's <see cref="ProcessProbe"/> runs beside it.
/// </summary>
internal sealed class GeneratorSlice : IDisposable
{
    public const int Slots = 100;
    public const double SlotMs = 1000.0 / Slots;

    /// <summary>
    /// The ramp switches a device on only while this process's links hold fewer queued publishes than this, and while
    /// fewer than <see cref="MaxDevicesInBurst"/> of its devices are still in their connect-time burst. Each device hands
    /// 136 retained publishes to its link when it first connects (status, every setting, discovery, state); at a fixed
    /// rate the ramp would pile them up faster than a busy machine sends them, keep-alives would time out behind the
    /// queues, and the setup would measure its own backlog. The ramp is setup, not a measurement; the broker restart's
    /// storm is not paced.
    /// </summary>
    public const int MaxRampBacklog = 3000;

    /// <summary>Devices of one process that may be switched on and not yet have handed their first state document (the
    /// end of their burst) to their link.</summary>
    public const int MaxDevicesInBurst = 250;

    /// <summary>Publishes a device queues in its first tick (the core hands at most 16 per tick to the link), counted
    /// against the backlog until the next count.</summary>
    private const int FirstTickPublishes = 16;

    private readonly FleetOptions _options;
    private readonly FleetDevice[] _devices;
    private readonly double[] _switchOnMs;
    private readonly List<int>[] _slots = new List<int>[Slots];
    private readonly Latency[] _lateness = new Latency[FleetPhases.Count];
    private readonly double[] _tickWorkMs = new double[FleetPhases.Count];
    private readonly double[] _tickCpuS = new double[FleetPhases.Count];
    private readonly long[] _phaseTicks = new long[FleetPhases.Count];
    private readonly object _gate = new();
    private readonly Thread _thread;
    private long _epoch;
    private volatile bool _running;
    private volatile int _phase;
    private long _ticks;
    private long _skippedTicks;
    private int _started;
    private int _backlog;
    private int _inBurst;

    public GeneratorSlice(FleetOptions options, int processIndex, int processCount)
    {
        _options = options;
        IFleetHouses houses = options.Houses?.Invoke(options) ?? throw new InvalidOperationException("the fleet needs a house model (FleetOptions.Houses)");
        Counters = new LinkCounters();
        var indices = new List<int>();
        for (int i = processIndex; i < options.Devices; i += processCount)
        {
            indices.Add(i);
        }

        _devices = new FleetDevice[indices.Count];
        _switchOnMs = new double[indices.Count];
        for (int s = 0; s < Slots; s++)
        {
            _slots[s] = new List<int>();
        }

        for (int p = 0; p < _lateness.Length; p++)
        {
            _lateness[p] = new Latency();
        }

        for (int d = 0; d < _devices.Length; d++)
        {
            int index = indices[d];
            var random = new Random(unchecked(options.Seed * 7919 + index * 104729 + 1));
            _devices[d] = new FleetDevice(index, options, houses.Build(index), houses.StartUtc, Counters, random);
            _switchOnMs[d] = index * 1000.0 / options.ConnectRatePerSecond;
            _slots[random.Next(Slots)].Add(d);
        }

        Probe = new ProcessProbe();
        _thread = new Thread(Run) { IsBackground = true, Name = "fleet-ticks", Priority = ThreadPriority.AboveNormal };
    }

    public LinkCounters Counters { get; }
    public ProcessProbe Probe { get; }
    public int DeviceCount => _devices.Length;
    public int Started => Volatile.Read(ref _started);
    public int ConnectedCount => _devices.Count(d => d.Connected);

    /// <summary>Starts ticking; run ms are measured from <paramref name="epochTimestamp"/> (a Stopwatch timestamp, the
    /// same monotonic clock in every process of the machine).</summary>
    public void Start(long epochTimestamp)
    {
        _epoch = epochTimestamp;
        _running = true;
        Probe.Start();
        _thread.Start();
    }

    public void SetPhase(FleetPhase phase)
    {
        _phase = (int)phase;
        Probe.Phase = phase;
    }

    public SliceStats Stats()
    {
        double lateMax;
        lock (_gate)
        {
            lateMax = _lateness[_phase].Max ?? 0;
        }

        return new SliceStats
        {
            Devices = _devices.Length,
            Started = Started,
            Connected = ConnectedCount,
            Published = Interlocked.Read(ref Counters.Published),
            State = Interlocked.Read(ref Counters.State),
            Ticks = Interlocked.Read(ref _ticks),
            CpuS = ProcessProbe.CpuSeconds(),
            PhaseTickLateMaxMs = lateMax,
            Backlog = Backlog(),
        };
    }

    private double RunMs() => Stopwatch.GetElapsedTime(_epoch).TotalMilliseconds;

    /// <summary>Devices switched on that have not yet handed their first state document to their link.</summary>
    private int InBurst()
    {
        int count = 0;
        foreach (FleetDevice device in _devices)
        {
            if (device.Started && Volatile.Read(ref device.Link.StateSent) == 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Publishes queued in the links of the devices switched on so far.</summary>
    private int Backlog()
    {
        int total = 0;
        foreach (FleetDevice device in _devices)
        {
            if (device.Started)
            {
                total += device.Link.Pending;
            }
        }

        return total;
    }

    private void Run()
    {
        double round = 0;
        int slot = 0;
        double? threadCpu = ProcStat.ThreadCpuSeconds();
        int cpuPhase = _phase;
        while (_running)
        {
            double scheduled = round + slot * SlotMs;
            double wait = scheduled - RunMs();
            while (wait > 0 && _running)
            {
                Thread.Sleep(Math.Max(1, (int)wait));
                wait = scheduled - RunMs();
            }

            if (slot % 10 == 0 && Started < _devices.Length)
            {
                _backlog = Backlog();
                _inBurst = InBurst();
            }

            int phase = _phase;
            if (slot == 0 || phase != cpuPhase)
            {
                // This thread's own CPU: the devices' ticks (core and house model) whatever else the machine runs.
                double? cpu = ProcStat.ThreadCpuSeconds();
                if (cpu is { } now1 && threadCpu is { } before)
                {
                    lock (_gate)
                    {
                        _tickCpuS[cpuPhase] += now1 - before;
                    }
                }

                threadCpu = cpu;
                cpuPhase = phase;
            }

            double workStart = RunMs();
            double now = workStart;
            List<int> devices = _slots[slot];
            lock (_gate)
            {
                Latency lateness = _lateness[phase];
                for (int k = 0; k < devices.Count; k++)
                {
                    int d = devices[k];
                    FleetDevice device = _devices[d];
                    now = RunMs();
                    if (!device.Started)
                    {
                        if (now < _switchOnMs[d] || _backlog > MaxRampBacklog || _inBurst >= MaxDevicesInBurst)
                        {
                            continue;
                        }

                        device.Start(now);
                        Interlocked.Increment(ref _started);
                        _backlog += FirstTickPublishes;
                        _inBurst++;
                    }

                    device.Tick(now);
                    lateness.Record(now - scheduled);
                    _ticks++;
                    _phaseTicks[phase]++;
                }

                _tickWorkMs[phase] += RunMs() - workStart;
            }

            slot++;
            if (slot == Slots)
            {
                slot = 0;
                round += 1000;
            }

            // More than a whole second behind: those devices would tick late, not twice. Jump to the present slot and
            // count the ticks that did not happen.
            double behind = RunMs() - (round + slot * SlotMs);
            if (behind > 1000)
            {
                int skippedSlots = (int)(behind / SlotMs);
                for (int s = 0; s < skippedSlots; s++)
                {
                    Interlocked.Add(ref _skippedTicks, _slots[(slot + s) % Slots].Count);
                }

                long target = (long)((round + slot * SlotMs + skippedSlots * SlotMs) / SlotMs);
                round = target / Slots * 1000.0;
                slot = (int)(target % Slots);
            }
        }
    }

    /// <summary>
    /// Stops ticking, waits (up to <paramref name="drain"/>) until the links have sent what they queued, and reports.
    /// </summary>
    public async Task<SliceReport> StopAsync(TimeSpan drain)
    {
        _running = false;
        if (_thread.IsAlive)
        {
            _thread.Join(TimeSpan.FromSeconds(10));
        }

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < drain && _devices.Any(d => d.Connected && d.Link.Pending > 0))
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        Probe.Dispose();
        return BuildReport();
    }

    private SliceReport BuildReport()
    {
        var report = new SliceReport
        {
            Pid = Environment.ProcessId,
            Devices = _devices.Length,
            Started = Started,
            ConnectedAtEnd = ConnectedCount,
            Published = Interlocked.Read(ref Counters.Published),
            State = Interlocked.Read(ref Counters.State),
            Acks = Interlocked.Read(ref Counters.Acks),
            Refused = Interlocked.Read(ref Counters.Refused),
            ConnectAttempts = Interlocked.Read(ref Counters.ConnectAttempts),
            NotSent = Interlocked.Read(ref Counters.NotSent),
            Unconfirmed = Interlocked.Read(ref Counters.Unconfirmed),
            Ticks = Interlocked.Read(ref _ticks),
            SkippedTicks = Interlocked.Read(ref _skippedTicks),
            TickExceptions = _devices.Sum(d => d.TickExceptions),
            InboxDropped = _devices.Sum(d => (long)d.Controller.Inbox.Dropped),
            LogLines = _devices.Sum(d => (long)d.Log.Count),
            FirstError = _devices.Select(d => d.LastException).FirstOrDefault(e => e != null),
            Probe = Probe.Report(),
            DeviceIndex = _devices.Select(d => d.Index).ToArray(),
            StateSent = _devices.Select(d => d.Link.StateSent).ToArray(),
            StateNotSent = _devices.Select(d => d.Link.StateNotSent).ToArray(),
            StateUnconfirmed = _devices.Select(d => d.Link.StateUnconfirmed).ToArray(),
            Connects = _devices.Select(d => d.Connects).ToArray(),
            FirstUpMs = _devices.Select(d => Rounded(d.FirstUpMs)).ToArray(),
            LastUpMs = _devices.Select(d => Rounded(d.LastUpMs)).ToArray(),
        };
        lock (_gate)
        {
            report.TickLateness = _lateness.Select(l => l.Encode()).ToArray();
            report.TickWorkMs = (double[])_tickWorkMs.Clone();
            report.TickCpuS = (double[])_tickCpuS.Clone();
            report.PhaseTicks = (long[])_phaseTicks.Clone();
        }

        return report;
    }

    private static double Rounded(double ms) => double.IsNaN(ms) ? -1 : Math.Round(ms, 1);

    /// <summary>Stops ticking and probing but leaves the connections to close with the process (a worker's exit: 5,000
    /// clean disconnects would take longer than the run's drain, and the broker sees the sockets close either way).</summary>
    public void Abandon()
    {
        _running = false;
        Probe.Dispose();
    }

    public void Dispose()
    {
        _running = false;
        Probe.Dispose();
        Parallel.ForEach(_devices.Where(d => d != null), new ParallelOptions { MaxDegreeOfParallelism = 16 }, d =>
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
}

/// <summary>A generator process's running totals (for progress lines).</summary>
public sealed class SliceStats
{
    public int Devices { get; set; }
    public int Started { get; set; }
    public int Connected { get; set; }
    public long Published { get; set; }
    public long State { get; set; }
    public long Ticks { get; set; }
    public double CpuS { get; set; }
    public double PhaseTickLateMaxMs { get; set; }
    /// <summary>Publishes queued in this process's links.</summary>
    public int Backlog { get; set; }
}

/// <summary>Everything one generator process measured, sent to the coordinator at the end.</summary>
public sealed class SliceReport
{
    public int Pid { get; set; }
    public int Devices { get; set; }
    public int Started { get; set; }
    public int ConnectedAtEnd { get; set; }
    public long Published { get; set; }
    public long State { get; set; }
    public long Acks { get; set; }
    public long Refused { get; set; }
    public long ConnectAttempts { get; set; }
    public long NotSent { get; set; }
    public long Unconfirmed { get; set; }
    public long Ticks { get; set; }
    public long SkippedTicks { get; set; }
    public long TickExceptions { get; set; }
    public long InboxDropped { get; set; }
    public long LogLines { get; set; }
    public string FirstError { get; set; }
    /// <summary>Per phase (see <see cref="FleetPhase"/>): encoded tick lateness histograms, ms of ticking work.</summary>
    public string[] TickLateness { get; set; }
    public double[] TickWorkMs { get; set; }
    /// <summary>Per phase: CPU seconds of the ticking thread itself, and ticks.</summary>
    public double[] TickCpuS { get; set; }
    public long[] PhaseTicks { get; set; }
    public ProbeReport[] Probe { get; set; }
    public int[] DeviceIndex { get; set; }
    public int[] StateSent { get; set; }
    public int[] StateNotSent { get; set; }
    public int[] StateUnconfirmed { get; set; }
    public int[] Connects { get; set; }
    /// <summary>Run ms of each device's first and latest connection (-1 = never).</summary>
    public double[] FirstUpMs { get; set; }
    public double[] LastUpMs { get; set; }
}
