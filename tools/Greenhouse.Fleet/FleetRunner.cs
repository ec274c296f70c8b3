using System.Diagnostics;
using System.Globalization;

namespace Greenhouse.Fleet;

/// <summary>
/// Runs a fleet: starts the private broker (or uses the given loopback one), the back office (observer, growers,
/// round-trip probe), the generator processes; switches the devices on at the ramp rate; once every device is online
/// the measured window of <see cref="FleetOptions.Minutes"/> begins: commands, the broker restart when asked (and the
/// reconnect storm it causes); at the end drains acks and queued publishes and returns what was measured (also written
/// to <see cref="FleetOptions.MetricsFile"/>).
/// </summary>
public static class FleetRunner
{
    /// <summary>
    /// How long past its planned end the ramp may wait for every device to come online before the measured window
    /// begins anyway (at least this, or as long as the planned ramp itself).
    /// </summary>
    public static readonly TimeSpan RampGrace = TimeSpan.FromSeconds(120);

    public static async Task<FleetMetrics> RunAsync(FleetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Houses == null)
        {
            throw new ArgumentException("the fleet needs a house model (FleetOptions.Houses)");
        }

        int processes = options.EffectiveProcesses;
        if (processes == 0)
        {
            FileLimits.Require(options.Devices + 256L, "the fleet process");
        }

        OwnMosquitto broker = null;
        var run = new FleetRun(options);
        try
        {
            if (options.OwnBroker)
            {
                // Devices, growers, observer, round-trip probe.
                broker = await OwnMosquitto.StartAsync(options.Devices + options.GrowerClients + 2, options.MosquittoPath, cancellationToken).ConfigureAwait(false);
                options = options.CloneForWorker();
                options.BrokerHost = "127.0.0.1";
                options.BrokerPort = broker.Port;
                run.Options = options;
                options.Progress?.WriteLine("fleet: private mosquitto on 127.0.0.1:" + broker.Port.ToString(CultureInfo.InvariantCulture)
                    + " (pid " + broker.Pid?.ToString(CultureInfo.InvariantCulture) + ", open files " + broker.OpenFileLimit?.ToString(CultureInfo.InvariantCulture) + ")");
            }

            run.Broker = broker;
            return await run.ExecuteAsync(processes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await run.DisposeAsync().ConfigureAwait(false);
            if (broker != null)
            {
                await broker.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>The state of one run (see <see cref="FleetRunner"/>).</summary>
internal sealed class FleetRun : IAsyncDisposable
{
    private readonly string _runId;
    private readonly List<IGenerator> _generators = new();
    private readonly double[] _phaseStartS = new double[FleetPhases.Count];
    private readonly double[] _phaseEndS = new double[FleetPhases.Count];
    private readonly bool[] _phaseSeen = new bool[FleetPhases.Count];
    private long _epoch = Stopwatch.GetTimestamp();
    private CommandBook _book;
    private Observer _observer;
    private Growers _growers;
    private RoundTripProbe _rtt;
    private HostProbe _host;
    private ProcessProbe _self;
    private FleetPhase _phase = FleetPhase.Ramp;
    private RestartTimes _restart;
    private Task<RestartTimes> _restarting;

    public FleetRun(FleetOptions options)
    {
        Options = options;
        _runId = options.Seed.ToString(CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture)
            + "-" + (Stopwatch.GetTimestamp() % 1_000_000).ToString(CultureInfo.InvariantCulture);
    }

    public FleetOptions Options { get; set; }
    public OwnMosquitto Broker { get; set; }

    private double RunMs() => Stopwatch.GetElapsedTime(_epoch).TotalMilliseconds;

    public async Task<FleetMetrics> ExecuteAsync(int processes, CancellationToken token)
    {
        FleetOptions o = Options;
        TextWriter progress = o.Progress;
        double? loadStart = ProcStat.LoadAverage();
        string startedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        _book = new CommandBook(o.Devices, o.AckTimeout, RunMs);
        _observer = new Observer(o, o.BrokerHost, o.BrokerPort, _runId, RunMs, _book);
        await _observer.ConnectAsync(token).ConfigureAwait(false);
        _growers = new Growers(o, o.BrokerHost, o.BrokerPort, _runId, _observer, _book, RunMs);
        await _growers.ConnectAsync(token).ConfigureAwait(false);
        _rtt = new RoundTripProbe(o.BrokerHost, o.BrokerPort, _runId, RunMs);

        if (processes == 0)
        {
            _generators.Add(new InProcessGenerator(o));
        }
        else
        {
            for (int p = 0; p < processes; p++)
            {
                _generators.Add(new WorkerProcess(o, p, processes));
            }
        }

        progress?.WriteLine("fleet: building " + o.Devices.ToString(CultureInfo.InvariantCulture) + " devices in "
            + (processes == 0 ? "this process" : processes.ToString(CultureInfo.InvariantCulture) + " generator processes"));
        using (var ready = CancellationTokenSource.CreateLinkedTokenSource(token))
        {
            ready.CancelAfter(TimeSpan.FromMinutes(10));
            await Task.WhenAll(_generators.Select(g => g.ReadyAsync(ready.Token))).ConfigureAwait(false);
        }

        _self = new ProcessProbe();
        _host = new HostProbe(() => Broker?.Pid ?? o.BrokerPid, GeneratorPids);
        _epoch = Stopwatch.GetTimestamp();
        foreach (IGenerator g in _generators)
        {
            g.Start(_epoch);
        }

        _self.Start();
        _host.Start();
        await _rtt.StartAsync(token).ConfigureAwait(false);
        SetPhase(FleetPhase.Ramp);

        // The measured window (o.Minutes) begins once every device is online, or when the ramp ran out of time.
        double rampLimitMs = o.RampLimit.TotalMilliseconds;
        double windowStartMs = double.NaN;
        double nextProgress = 10_000;
        try
        {
            while (double.IsNaN(windowStartMs) || RunMs() < windowStartMs + o.Minutes * 60_000)
            {
                await Task.Delay(250, token).ConfigureAwait(false);
                double now = RunMs();
                // Every device has sent its connect-time burst (its first state document comes last) or time is up.
                if (_phase == FleetPhase.Ramp && (_observer.InServiceCount >= o.Devices || now > rampLimitMs))
                {
                    windowStartMs = now;
                    SetPhase(FleetPhase.Steady);
                    _growers.Start();
                    progress?.WriteLine(Line(_observer.InServiceCount >= o.Devices ? "every device online and through its connect-time burst: the measured window begins"
                        : "the ramp ran out of time with devices not yet in service: the measured window begins"));
                }

                if (o.RestartAtMinutes is { } at && _restarting == null && !double.IsNaN(windowStartMs) && now >= windowStartMs + at * 60_000)
                {
                    SetPhase(FleetPhase.Storm);
                    _book.MarkOpenAsCutByRestart();
                    _observer.BeginStorm(now);
                    progress?.WriteLine(Line("restarting the broker"));
                    _restarting = Broker.RestartAsync(TimeSpan.FromSeconds(o.BrokerDownSeconds), RunMs, token);
                }

                if (_restarting is { IsCompleted: true } && _restart == null)
                {
                    _restart = await _restarting.ConfigureAwait(false);
                    progress?.WriteLine(Line("broker listening again after " + ((_restart.ListeningMs - _restart.StopMs) / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " s"));
                }

                if (_phase == FleetPhase.Storm && _restart != null && _observer.InServiceCount >= o.Devices)
                {
                    SetPhase(FleetPhase.Recovered);
                    progress?.WriteLine(Line("every device back online and through its connect-time burst"));
                }

                if (progress != null && now >= nextProgress)
                {
                    nextProgress += 10_000;
                    progress.WriteLine(Line(null));
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            progress?.WriteLine("fleet: cancelled; reporting what ran");
        }

        if (_restarting != null && _restart == null)
        {
            try
            {
                _restart = await _restarting.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                progress?.WriteLine("fleet: cancelled during the broker restart");
            }
        }

        double endMs = RunMs();
        _phaseEndS[(int)_phase] = endMs / 1000;

        // Drain: no new commands; the devices keep ticking until the open ones are answered or time out.
        await _growers.StopAsync().ConfigureAwait(false);
        var drain = Stopwatch.StartNew();
        while (_book.Open > 0 && drain.Elapsed < o.AckTimeout + TimeSpan.FromMilliseconds(500))
        {
            _book.Sweep();
            await Task.Delay(50, CancellationToken.None).ConfigureAwait(false);
        }

        _book.ExpireAll();
        progress?.WriteLine(Line("stopping the devices"));
        SliceReport[] reports = await Task.WhenAll(_generators.Select(g => g.StopAsync(TimeSpan.FromSeconds(10), CancellationToken.None))).ConfigureAwait(false);

        // The last state documents the links sent may still be on their way to the back office.
        long sent = reports.Sum(r => r.State - r.NotSent);
        var settle = Stopwatch.StartNew();
        long last = -1;
        while (settle.Elapsed < TimeSpan.FromSeconds(10) && _observer.StateDocuments < sent && _observer.StateDocuments != last)
        {
            last = _observer.StateDocuments;
            await Task.Delay(500, CancellationToken.None).ConfigureAwait(false);
        }

        _host.Dispose();
        _self.Dispose();
        var metrics = FleetReportBuilder.Build(new FleetReportInput
        {
            Options = o,
            Reports = reports,
            Book = _book,
            Observer = _observer,
            Growers = _growers,
            RoundTrip = _rtt,
            Host = _host.Report(),
            BackOffice = _self.Report(),
            PhaseStartS = _phaseStartS,
            PhaseEndS = _phaseEndS,
            PhaseSeen = _phaseSeen,
            Restart = _restart,
            Broker = Broker,
            DurationS = endMs / 1000,
            LoadAverageStart = loadStart,
            LoadAverageEnd = ProcStat.LoadAverage(),
            StartedUtc = startedUtc,
            Pids = GeneratorPids().ToList(),
        });
        if (o.MetricsFile != null)
        {
            metrics.WriteJson(o.MetricsFile);
        }

        return metrics;
    }

    private IReadOnlyList<int> GeneratorPids()
    {
        var pids = new List<int> { Environment.ProcessId };
        foreach (IGenerator g in _generators)
        {
            if (g is WorkerProcess w)
            {
                pids.Add(w.Pid);
            }
        }

        return pids;
    }

    private void SetPhase(FleetPhase phase)
    {
        double now = RunMs() / 1000;
        if (_phaseSeen[(int)_phase])
        {
            _phaseEndS[(int)_phase] = now;
        }

        _phase = phase;
        _phaseSeen[(int)phase] = true;
        _phaseStartS[(int)phase] = now;
        foreach (IGenerator g in _generators)
        {
            g.SetPhase(phase);
        }

        if (_host != null)
        {
            _host.Phase = phase;
        }

        if (_self != null)
        {
            _self.Phase = phase;
        }

        _rtt.Phase = phase;
        _growers.Phase = phase;
    }

    private string Line(string note)
    {
        var stats = _generators.Select(g => g.Latest).Where(s => s != null).ToList();
        string text = string.Create(CultureInfo.InvariantCulture,
            $"fleet t={RunMs() / 1000:F0}s {FleetPhases.Names[(int)_phase]} started={stats.Sum(s => s.Started)} connected={stats.Sum(s => s.Connected)} backlog={stats.Sum(s => s.Backlog)} online={_observer.OnlineCount} in_service={_observer.InServiceCount} state={stats.Sum(s => s.State)}/{_observer.StateDocuments} commands={_book.Sent} acks={_book.Acks} lost={_book.Lost} cut={_book.CutByRestart} open={_book.Open} office_drops={_observer.Disconnects + _growers.Disconnects} office_errors={_observer.HandlerErrors} tick_late_max={stats.Select(s => s.PhaseTickLateMaxMs).DefaultIfEmpty(0).Max():F0}ms fleet_cpu={_host?.LastGeneratorCpuPercent ?? 0:F0}% broker_cpu={_host?.LastBrokerCpuPercent ?? 0:F0}% broker_rx={SysValue("messages/received")} machine={_host?.LastMachineBusyPercent ?? 0:F0}% load={ProcStat.LoadAverage() ?? 0:F1}");
        return note == null ? text : text + " — " + note;
    }

    private string SysValue(string key) => _observer.Sys.TryGetValue(key, out string value) ? value : "-";

    public async ValueTask DisposeAsync()
    {
        foreach (IGenerator g in _generators)
        {
            try
            {
                await g.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
            }
        }

        if (_growers != null)
        {
            await _growers.DisposeAsync().ConfigureAwait(false);
        }

        if (_rtt != null)
        {
            await _rtt.DisposeAsync().ConfigureAwait(false);
        }

        if (_observer != null)
        {
            await _observer.DisposeAsync().ConfigureAwait(false);
        }

        _host?.Dispose();
        _self?.Dispose();
    }
}
