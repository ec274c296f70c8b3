using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Greenhouse.Fleet;

/// <summary>One generator process as the coordinator drives it (in its own process, or a child process).</summary>
internal interface IGenerator : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Completes when the devices are built.</summary>
    Task ReadyAsync(CancellationToken token);

    void Start(long epochTimestamp);

    void SetPhase(FleetPhase phase);

    /// <summary>The latest running totals (null before the first).</summary>
    SliceStats Latest { get; }

    Task<SliceReport> StopAsync(TimeSpan drain, CancellationToken token);
}

/// <summary>JSON settings of the coordinator-worker messages.</summary>
internal static class WireFormat
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}

/// <summary>The first line a worker reads: the run's options and which share of the fleet is its own.</summary>
public sealed class WorkerPlan
{
    public FleetOptions Options { get; set; }
    public int ProcessIndex { get; set; }
    public int ProcessCount { get; set; }
}

/// <summary>A line a worker writes: <c>ready</c>, <c>stats</c>, <c>final</c> or <c>error</c>.</summary>
public sealed class WorkerMessage
{
    public string Type { get; set; }
    public SliceStats Stats { get; set; }
    public SliceReport Report { get; set; }
    public string Error { get; set; }
}

/// <summary>The devices in the coordinating process (tests and small runs).</summary>
internal sealed class InProcessGenerator : IGenerator
{
    private readonly FleetOptions _options;
    private GeneratorSlice _slice;

    public InProcessGenerator(FleetOptions options)
    {
        _options = options;
    }

    public string Name => "in-process";

    public SliceStats Latest => _slice?.Stats();

    public async Task ReadyAsync(CancellationToken token)
    {
        _slice = await Task.Run(() => new GeneratorSlice(_options, 0, 1), token).ConfigureAwait(false);
    }

    public void Start(long epochTimestamp) => _slice.Start(epochTimestamp);

    public void SetPhase(FleetPhase phase) => _slice.SetPhase(phase);

    public Task<SliceReport> StopAsync(TimeSpan drain, CancellationToken token) => _slice.StopAsync(drain);

    public ValueTask DisposeAsync()
    {
        _slice?.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A child process running <see cref="FleetWorker"/> (the program given by <see cref="FleetOptions.WorkerCommand"/>).
/// Commands go to its standard input, one per line; it answers with JSON lines on its standard output. A worker whose
/// input closes stops, so no worker outlives its coordinator.
/// </summary>
internal sealed class WorkerProcess : IGenerator
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SliceReport> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _stderr = new();
    private readonly Task _reader;
    private volatile SliceStats _latest;

    public WorkerProcess(FleetOptions options, int index, int count)
    {
        Name = "worker-" + index.ToString(CultureInfo.InvariantCulture);
        ProcessStartInfo info = options.WorkerCommand?.Invoke() ?? throw new InvalidOperationException("generator processes need FleetOptions.WorkerCommand");
        info.UseShellExecute = false;
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        foreach (KeyValuePair<string, string> setting in GcSettings)
        {
            info.Environment.TryAdd(setting.Key, setting.Value);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start a generator process");
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data == null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.Enqueue(e.Data);
                if (_stderr.Count > 20)
                {
                    _stderr.Dequeue();
                }
            }
        };
        _process.BeginErrorReadLine();
        var plan = new WorkerPlan { Options = options.CloneForWorker(), ProcessIndex = index, ProcessCount = count };
        Send(JsonSerializer.Serialize(plan, WireFormat.Json));
        _reader = Task.Run(ReadLoop);
    }

    /// <summary>
    /// Runtime settings of a generator process. A larger first generation: thousands of controllers and MQTT clients
    /// allocate steadily (messages, state documents), and with the small default budget the process spends its time in
    /// gen-0 collections that each scan the cards of a large older heap. Measured effect in the fleet README.
    /// </summary>
    public static readonly Dictionary<string, string> GcSettings = new()
    {
        ["DOTNET_GCgen0size"] = "0x4000000",
    };

    public string Name { get; }

    public int Pid => _process.Id;

    public SliceStats Latest => _latest;

    public async Task ReadyAsync(CancellationToken token) => await _ready.Task.WaitAsync(token).ConfigureAwait(false);

    public void Start(long epochTimestamp) => Send("start " + epochTimestamp.ToString(CultureInfo.InvariantCulture));

    public void SetPhase(FleetPhase phase) => Send("phase " + ((int)phase).ToString(CultureInfo.InvariantCulture));

    public async Task<SliceReport> StopAsync(TimeSpan drain, CancellationToken token)
    {
        Send("stop " + ((long)drain.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        return await _final.Task.WaitAsync(drain + TimeSpan.FromSeconds(60), token).ConfigureAwait(false);
    }

    private void Send(string line)
    {
        try
        {
            lock (_process)
            {
                _process.StandardInput.WriteLine(line);
                _process.StandardInput.Flush();
            }
        }
        catch (IOException)
        {
            // The worker is gone; ReadLoop reports why.
        }
    }

    private async Task ReadLoop()
    {
        try
        {
            string line;
            while ((line = await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false)) != null)
            {
                WorkerMessage message;
                try
                {
                    message = JsonSerializer.Deserialize<WorkerMessage>(line, WireFormat.Json);
                }
                catch (JsonException)
                {
                    continue; // not ours (a stray line); the protocol lines are whole JSON objects
                }

                switch (message?.Type)
                {
                    case "ready":
                        _ready.TrySetResult();
                        break;
                    case "stats":
                        _latest = message.Stats;
                        break;
                    case "final":
                        _final.TrySetResult(message.Report);
                        break;
                    case "error":
                        Fail(message.Error);
                        break;
                }
            }

            Fail("exited (code " + (_process.WaitForExit(2000) ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "?") + ")");
        }
        catch (Exception ex)
        {
            Fail(ex.GetType().Name + ": " + ex.Message);
        }
    }

    private void Fail(string why)
    {
        string tail;
        lock (_stderr)
        {
            tail = string.Join(" | ", _stderr);
        }

        var error = new InvalidOperationException(Name + " (pid " + _process.Id.ToString(CultureInfo.InvariantCulture) + ") " + why + (tail.Length > 0 ? ": " + tail : ""));
        _ready.TrySetException(error);
        _final.TrySetException(error);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
        }

        if (!_process.WaitForExit(15000))
        {
            _process.Kill(entireProcessTree: true);
        }

        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception)
        {
        }

        _process.Dispose();
    }
}

/// <summary>
/// The entry point of a generator process (the simulator's hidden <c>fleet-worker</c> command): reads its plan, builds
/// its devices, ticks them from <c>start</c> to <c>stop</c>, writes stats every two seconds and its report at the end.
/// Ends when its input closes, so it never outlives the coordinator, and in any case after
/// <see cref="FleetOptions.MaxRunTime"/>.
/// </summary>
public static class FleetWorker
{
    /// <summary>Runs one generator process; reads its input on the calling thread (which it blocks) until <c>stop</c>
    /// or the end of the input. Returns the exit code.</summary>
    public static int Run(TextReader input, TextWriter output, Func<FleetOptions, IFleetHouses> houses)
    {
        var gate = new object();
        void Write(WorkerMessage message)
        {
            string line = JsonSerializer.Serialize(message, WireFormat.Json);
            lock (gate)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }

        GeneratorSlice slice = null;
        using var stop = new CancellationTokenSource();
        Timer deadline = null;
        try
        {
            WorkerPlan plan = JsonSerializer.Deserialize<WorkerPlan>(input.ReadLine() ?? "null", WireFormat.Json)
                ?? throw new InvalidOperationException("no plan on standard input");
            FleetOptions options = plan.Options;
            options.Houses = houses;
            options.Validate();
            // However the coordinator fares, this process ends after the longest the run can take.
            deadline = new Timer(_ => Environment.Exit(3), null, options.MaxRunTime, Timeout.InfiniteTimeSpan);
            FileLimits.Require(plan.ProcessCount == 0 ? options.Devices : (options.Devices + plan.ProcessCount - 1) / plan.ProcessCount + 64, "this generator process");
            // Every device's sends and receives are short continuations on the pool. Left alone, its hill climbing adds
            // threads whenever the machine is busy, and dozens of runnable threads per process take the CPU from the
            // broker's single thread, so the broker would look slow for the generator's sake. A saturated generator
            // should show as its own queue (thread-pool queue length, tick lateness), not as a starved broker.
            ThreadPool.GetMaxThreads(out _, out int io);
            ThreadPool.SetMaxThreads(Math.Max(4, 2 * Environment.ProcessorCount), io);
            slice = new GeneratorSlice(options, plan.ProcessIndex, plan.ProcessCount);
            Write(new WorkerMessage { Type = "ready" });
            Task statsLoop = null;
            string line;
            while ((line = input.ReadLine()) != null)
            {
                string[] words = line.Split(' ');
                if (words[0] == "start")
                {
                    slice.Start(long.Parse(words[1], CultureInfo.InvariantCulture));
                    statsLoop = StatsLoop(slice, Write, stop.Token);
                }
                else if (words[0] == "phase")
                {
                    slice.SetPhase((FleetPhase)int.Parse(words[1], CultureInfo.InvariantCulture));
                }
                else if (words[0] == "stop")
                {
                    SliceReport report = slice.StopAsync(TimeSpan.FromMilliseconds(long.Parse(words[1], CultureInfo.InvariantCulture))).GetAwaiter().GetResult();
                    stop.Cancel();
                    statsLoop?.GetAwaiter().GetResult();
                    Write(new WorkerMessage { Type = "final", Report = report });
                    break;
                }
            }

            return 0;
        }
        catch (Exception ex)
        {
            Write(new WorkerMessage { Type = "error", Error = ex.GetType().Name + ": " + ex.Message });
            return 2;
        }
        finally
        {
            deadline?.Dispose();
            slice?.Abandon();
        }
    }

    private static async Task StatsLoop(GeneratorSlice slice, Action<WorkerMessage> write, CancellationToken token)
    {
        try
        {
            while (!token.IsCancellationRequested)
            {
                await Task.Delay(2000, token).ConfigureAwait(false);
                write(new WorkerMessage { Type = "stats", Stats = slice.Stats() });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
