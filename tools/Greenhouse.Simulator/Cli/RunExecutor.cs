using System.Globalization;
using Greenhouse.Faults;
using Greenhouse.Simulator.Baselines;
using Greenhouse.Simulator.Metrics;
using Greenhouse.Simulator.Ours;
using Greenhouse.Simulator.Weather;
using Spectre.Console;

namespace Greenhouse.Simulator.Cli;

/// <summary>Everything <c>run</c> was asked to do.</summary>
public sealed class RunRequest
{
    public string? WeatherFile { get; init; }
    public string? ScenarioName { get; init; }
    /// <summary>Held-out weather of this seed (<see cref="HeldOutWeather"/>); null = not held-out.</summary>
    public int? WeatherSeed { get; init; }
    /// <summary>First day of the held-out sequence (with <see cref="WeatherSeed"/>).</summary>
    public int WeatherDay { get; init; }
    public int Days { get; init; } = 1;
    public TimeSpan StartTime { get; init; }
    public string Controller { get; init; } = "ours";
    public string? SettingsFile { get; init; }
    /// <summary>House description (<c>--house</c>, key=value of <see cref="Physics.HouseParameters"/>); null = the default house.</summary>
    public string? HouseFile { get; init; }
    /// <summary>Null = as fast as possible.</summary>
    public double? Speed { get; init; }
    public BrokerOption Broker { get; init; } = BrokerOption.None;
    public string? DeviceId { get; init; }
    public int Seed { get; init; } = 1;
    public string? MetricsFile { get; init; }
    public string? TraceFile { get; init; }
    public string? PlotFile { get; init; }
    public string? LogFile { get; init; }
    /// <summary>Show a progress bar (only on an interactive console).</summary>
    public bool Progress { get; init; } = true;
    /// <summary>Technician console on <see cref="Input"/> (standard input): lines go to the core's interpreter.</summary>
    public bool Console { get; init; }
    /// <summary>Where console lines come from (null = <see cref="System.Console.In"/>).</summary>
    public TextReader? Input { get; init; }
    /// <summary>Fault spec (Greenhouse.Faults syntax) or "random"; null = no faults.</summary>
    public string? Faults { get; init; }
    /// <summary>Stops the run early (as Ctrl+C does); the outputs then cover the part that ran.</summary>
    public CancellationToken Cancel { get; init; }
}

/// <summary>Carries out a <see cref="RunRequest"/>: builds weather, world and controller, runs, writes outputs.</summary>
public static class RunExecutor
{
    public const string DefaultScenario = "typical-june";
    public static readonly DateTime StartDate = new(2026, 6, 15);

    public static int Execute(RunRequest request, TextWriter output, TextWriter error)
    {
        TextWriter? logFile = null;
        try
        {
            IWeather weather = BuildWeather(request, out var config);
            Physics.HouseParameters house = request.HouseFile != null ? Physics.HouseFile.Load(request.HouseFile) : new Physics.HouseParameters();
            if (request.LogFile != null)
            {
                logFile = new StreamWriter(request.LogFile, false) { NewLine = "\n", AutoFlush = false };
            }

            bool interactive = request.Progress && !request.Console && !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
            Action<string> write = logFile != null
                ? line => logFile.WriteLine(line)
                : interactive
                    ? line => AnsiConsole.WriteLine(line)
                    : line => output.WriteLine(line);
            var logGate = new object();
            Action<string> log = line =>
            {
                // The console reader thread logs too.
                lock (logGate)
                {
                    write(line);
                }
            };

            var setup = new SimulationSetup
            {
                Weather = weather,
                Days = request.Days,
                StartLocal = StartDate + request.StartTime,
                Seed = request.Seed,
                Zones = config.Zones,
                House = house,
                TankEmptyFromMinute = config.TankEmptyFromMinute,
                SecondSensor = config.SecondSensor,
                Speed = request.Speed,
            };
            var sim = new Simulation(setup);

            FaultInjector? faults = null;
            if (request.Faults != null)
            {
                if (request.Controller != "ours")
                {
                    throw new ArgumentException("--faults needs --controller ours (the baselines have no ports to break)");
                }

                FaultSchedule schedule = request.Faults.Trim().Equals("random", StringComparison.OrdinalIgnoreCase)
                    ? FaultSchedule.Random(request.Seed, request.Days, RandomFaultDensity)
                    : FaultSchedule.Parse(request.Faults);
                faults = new FaultInjector(schedule, request.Seed);
                log($"sim: faults {schedule}");
            }

            if (request.Console && request.Controller != "ours")
            {
                throw new ArgumentException("--console needs --controller ours (the technician console is the core's)");
            }

            // Baselines have no network: no broker for them, whatever --broker says.
            var brokerOption = request.Controller == "ours" ? request.Broker : BrokerOption.None;
            using var broker = BrokerHookups.Current.Connect(brokerOption, request.DeviceId ?? "", log);
            ISimController controller = BuildController(request.Controller, config, log, broker.Link, faults, null, house);
            if (controller is OursController core)
            {
                core.AfterStart = c => broker.Attach(c);
            }

            using var trace = request.TraceFile != null ? TraceWriter.Create(request.TraceFile) : null;
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(request.Cancel);
            if (request.Console && controller is OursController consoleTarget)
            {
                StartConsoleReader(request.Input ?? Console.In, consoleTarget, cancel, log);
                log("sim: technician console on standard input: type help, status, get KEY, set KEY VALUE ...; exit or end of input stops the run");
            }

            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                // First Ctrl+C: stop after the current second and still write the outputs.
                if (!cancel.IsCancellationRequested)
                {
                    e.Cancel = true;
                    cancel.Cancel();
                }
            };
            Console.CancelKeyPress += onCancel;
            var info = new Dictionary<string, object?>
            {
                ["controller"] = controller.Name,
                ["weather"] = weather.Name,
                ["house"] = request.HouseFile != null ? Path.GetFileName(request.HouseFile) : "default",
                ["days"] = request.Days,
                ["start_time"] = $"{request.StartTime.Hours:00}:{request.StartTime.Minutes:00}",
                ["seed"] = request.Seed,
                ["zones_count"] = config.Zones,
                ["scoring"] = config.Plans[0].Describe(),
                ["sensor_offset_rh"] = Math.Round(sim.World.Sensors[0].OffsetRhPct, 2),
            };
            System.Text.Json.Nodes.JsonObject metrics;
            if (interactive)
            {
                System.Text.Json.Nodes.JsonObject? result = null;
                AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask($"{controller.Name} on {weather.Name}, {request.Days} day(s)", maxValue: 1.0);
                        result = sim.Run(controller, config.Plans, trace, p => task.Value = p, info, cancel.Token);
                    });
                metrics = result!;
            }
            else
            {
                metrics = sim.Run(controller, config.Plans, trace, null, info, cancel.Token);
            }

            Console.CancelKeyPress -= onCancel;

            if (controller is OursController ours)
            {
                metrics["alarm_codes"] = new System.Text.Json.Nodes.JsonArray(ours.AlarmCodesSeen.Select(c => (System.Text.Json.Nodes.JsonNode?)c).ToArray());
                if (ours.Monitor is { } monitor)
                {
                    metrics["faults"] = ours.Faults!.Schedule.ToString();
                    metrics["invariant_violations"] = monitor.ViolationCount;
                    metrics["restarts"] = ours.Restarts;
                    metrics["alarms_appeared"] = monitor.AlarmAppearances;
                    metrics["alarms_cleared"] = monitor.AlarmClearances;
                }
            }

            string json = MetricsCollector.ToJson(metrics);
            if (request.MetricsFile != null)
            {
                File.WriteAllText(request.MetricsFile, json + "\n");
            }

            if (request.PlotFile != null)
            {
                PlotWriter.Write(request.PlotFile, sim.Series, config.Plans[0],
                    $"{controller.Name} on {weather.Name}: zone 1, {request.Days} day(s) from {request.StartTime.Hours:00}:{request.StartTime.Minutes:00}, seed {request.Seed}");
            }

            var t = metrics["total"]!;
            if (sim.Interrupted)
            {
                output.WriteLine($"sim: interrupted after {(sim.World.Second / 3600.0).ToString("F2", CultureInfo.InvariantCulture)} simulated hours; the outputs cover that part");
            }

            output.WriteLine(
                $"sim: {controller.Name} on {weather.Name}, {request.Days} day(s) in {sim.WallTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s: " +
                $"in band {Show(t["time_in_band_pct"])} %, surface wet {Show(t["surface_wet_pct"])} %, water {t["water_l"]} L (floor {t["water_floor_l"]} L), " +
                $"runoff {t["runoff_l"]} L, valve cycles {t["valve_cycles"]}, mist above lockout {t["mist_s_above_lockout"]} s");
            if (controller is OursController { Monitor: { } summary })
            {
                output.WriteLine("sim: " + summary.Summary());
                foreach (var violation in summary.Violations.Take(20))
                {
                    output.WriteLine("sim: violation " + violation);
                }
            }

            if (request.MetricsFile != null)
            {
                output.WriteLine($"sim: metrics written to {request.MetricsFile}");
            }
            else
            {
                output.WriteLine(json);
            }

            if (request.TraceFile != null)
            {
                output.WriteLine($"sim: trace written to {request.TraceFile}");
            }

            if (request.PlotFile != null)
            {
                output.WriteLine($"sim: chart written to {request.PlotFile}");
            }

            return 0;
        }
        catch (Exception e) when (e is FaultSpecException or WeatherFormatException or RunSettingsFileException or Physics.HouseFileException or ArgumentException or FormatException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + e.Message);
            return 2;
        }
        finally
        {
            logFile?.Dispose();
        }
    }

    private static string Show(System.Text.Json.Nodes.JsonNode? node) => node?.ToJsonString() ?? "-";

    /// <summary>The house's total nozzle flow as the core's <c>zoneN.nozzle_flow_l_min</c> value.</summary>
    public static string NozzleFlowSetting(Physics.HouseParameters house) =>
        (house.MistFlowKgS * 60.0).ToString("F1", CultureInfo.InvariantCulture);

    public static IWeather BuildWeather(RunRequest request, out RunConfiguration config)
    {
        var lines = request.SettingsFile != null ? RunSettingsFile.Load(request.SettingsFile) : new List<SettingLine>();
        config = RunConfiguration.Build(lines, request.DeviceId);
        if ((request.WeatherFile != null ? 1 : 0) + (request.ScenarioName != null ? 1 : 0) + (request.WeatherSeed != null ? 1 : 0) > 1)
        {
            throw new ArgumentException("use one of --weather FILE, --scenario NAME or --weather-seed N");
        }

        if (request.WeatherFile != null)
        {
            return CsvWeather.Load(request.WeatherFile);
        }

        if (request.WeatherSeed is { } weatherSeed)
        {
            return HeldOutWeather.Create(weatherSeed, request.WeatherDay, (int)request.StartTime.TotalSeconds);
        }

        string name = request.ScenarioName ?? DefaultScenario;
        if (Weeks.Find(name) is { } week)
        {
            return week.Weather((int)request.StartTime.TotalSeconds);
        }

        var scenario = Scenarios.Find(name) ?? throw new ArgumentException($"unknown scenario '{name}'; built in: {Scenarios.Names}, {string.Join(", ", Weeks.All.Select(w => w.Name))}");
        return new ScenarioWeather(scenario, (int)request.StartTime.TotalSeconds, config.VaryDays, request.Seed);
    }

    /// <summary>Faults per day for <c>--faults random</c>.</summary>
    public const double RandomFaultDensity = 2;

    /// <summary>
    /// Reads technician lines on a background thread and posts them to the core's inbox (waiting while the inbox is
    /// nearly full, so nothing is dropped). <c>exit</c> or the end of input stops the run.
    /// </summary>
    private static void StartConsoleReader(TextReader input, OursController target, CancellationTokenSource cancel, Action<string> log)
    {
        var thread = new Thread(() =>
        {
            try
            {
                while (!cancel.IsCancellationRequested)
                {
                    string? line = input.ReadLine();
                    if (line == null || line.Trim().Equals("exit", StringComparison.OrdinalIgnoreCase))
                    {
                        log(line == null ? "sim: end of console input; stopping the run" : "sim: exit; stopping the run");
                        cancel.Cancel();
                        return;
                    }

                    while (target.Core.Inbox.Count >= Greenhouse.App.Inbox.Capacity - 2 && !cancel.IsCancellationRequested)
                    {
                        Thread.Sleep(5);
                    }

                    target.Core.Inbox.PostConsoleLine(line);
                }
            }
            catch (ObjectDisposedException)
            {
                // Input closed while the run ends.
            }
        })
        {
            IsBackground = true,
            Name = "sim console",
        };
        thread.Start();
    }

    /// <param name="invariants">Options of the invariant monitor of a faulty run of ours (null = defaults).</param>
    public static ISimController BuildController(string name, RunConfiguration config, Action<string> log, Greenhouse.Ports.IMqttLink? link,
        FaultInjector? faults = null, InvariantOptions? invariants = null, Physics.HouseParameters? house = null)
    {
        house ??= new Physics.HouseParameters();
        switch (name)
        {
            case "timer":
                return new TimerBaseline(config.TimerProgram);
            case "cycle":
                return new CycleBaseline(config.CycleOnMinutes, config.CycleOffMinutes);
            case "hygrostat":
                return new HygrostatBaseline(config.HygrostatTarget ?? config.Plans[0].TargetRhPct, config.HygrostatDryTolerance,
                    config.HygrostatWetTolerance, config.HygrostatMinCycleSeconds);
            case "oracle":
                return new Oracle.OracleController(Oracle.OracleLimits.FromSettings(config), config.Plans);
            case "ours":
                var ours = new OursController(log, link, config.SecondSensor ?? config.Zones >= 2, faults, invariants);
                // Tell the core the house's real nozzle flow (as a technician would), so its litres estimate
                // matches the model; the settings file may still override it.
                string flow = NozzleFlowSetting(house);
                for (int z = 1; z <= config.Zones; z++)
                {
                    if (!ours.ApplySetting($"zone{z}.{Greenhouse.Control.ControlSettings.NozzleFlow}", flow, "sim", out string flowError))
                    {
                        throw new Physics.HouseFileException(
                            $"the controller refuses the house's nozzle flow ({house.NozzleLines} lines x {house.NozzlesPerLine} nozzles x {house.NozzleFlowLh.ToString(CultureInfo.InvariantCulture)} L/h = {flow} L/min): {flowError}");
                    }
                }

                foreach (var line in config.CoreLines)
                {
                    string source = line.LineNumber > 0 ? "file" : "cli";
                    if (!ours.ApplySetting(line.Key, line.Value, source, out string error))
                    {
                        throw new RunSettingsFileException($"settings line {line.LineNumber} ({line.Key}): {error}");
                    }
                }

                return ours;
            default:
                throw new ArgumentException($"unknown controller '{name}'; use {string.Join(", ", CliApp.Controllers)}");
        }
    }
}
