using System.Diagnostics;

namespace Greenhouse.Fleet;

/// <summary>
/// A few dedicated threads that tick the fleet: worker w owns devices w, w+W, w+2W, ... and every TickIntervalMs
/// starts the devices whose ramp time has come and ticks every started one (each at the current wall-clock time).
/// </summary>
internal sealed class TickWorkers
{
    private readonly FleetOptions _options;
    private readonly FleetDevice[] _devices;
    private readonly Stopwatch _clock;
    private readonly Thread[] _threads;
    private readonly List<double>[] _passes;
    private volatile bool _running;
    private long _ticks;
    private int _started;

    public TickWorkers(FleetOptions options, FleetDevice[] devices, Stopwatch clock)
    {
        _options = options;
        _devices = devices;
        _clock = clock;
        int count = Math.Min(options.Workers, devices.Length);
        _threads = new Thread[count];
        _passes = new List<double>[count];
        for (int w = 0; w < count; w++)
        {
            int worker = w;
            _passes[w] = new List<double>();
            _threads[w] = new Thread(() => Run(worker)) { IsBackground = true, Name = "fleet-tick-" + w };
        }
    }

    public long Ticks => Interlocked.Read(ref _ticks);
    public int Started => Volatile.Read(ref _started);

    public double PassMaxMs
    {
        get
        {
            double max = 0;
            foreach (List<double> passes in _passes)
            {
                lock (passes)
                {
                    foreach (double p in passes)
                    {
                        max = Math.Max(max, p);
                    }
                }
            }

            return max;
        }
    }

    public double PassPercentile(double p)
    {
        var all = new List<double>();
        foreach (List<double> passes in _passes)
        {
            lock (passes)
            {
                all.AddRange(passes);
            }
        }

        return FleetMetrics.Percentile(all, p) ?? 0;
    }

    public void Start()
    {
        _running = true;
        foreach (Thread thread in _threads)
        {
            thread.Start();
        }
    }

    public void Stop()
    {
        _running = false;
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }
    }

    private void Run(int worker)
    {
        int stride = _threads.Length;
        double startSpacingMs = 1000.0 / _options.ConnectRatePerSecond;
        long interval = _options.TickIntervalMs;
        long nextPass = _clock.ElapsedMilliseconds;
        List<double> passes = _passes[worker];
        while (_running)
        {
            long passStart = Stopwatch.GetTimestamp();
            long ticks = 0;
            for (int i = worker; i < _devices.Length; i += stride)
            {
                FleetDevice device = _devices[i];
                long now = _clock.ElapsedMilliseconds;
                if (!device.Started)
                {
                    if (now < (long)(i * startSpacingMs))
                    {
                        break;
                    }

                    device.Start(now);
                    Interlocked.Increment(ref _started);
                }

                device.Tick(now);
                ticks++;
            }

            Interlocked.Add(ref _ticks, ticks);
            double passMs = (Stopwatch.GetTimestamp() - passStart) * 1000.0 / Stopwatch.Frequency;
            lock (passes)
            {
                passes.Add(passMs);
            }

            nextPass += interval;
            long wait = nextPass - _clock.ElapsedMilliseconds;
            if (wait > 0)
            {
                Thread.Sleep((int)wait);
            }
            else if (wait < -interval)
            {
                // Running late by more than a pass: do not try to catch up with a burst.
                nextPass = _clock.ElapsedMilliseconds;
            }
        }
    }
}
