using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Cli;

/// <summary>The command line (System.CommandLine 2.0): <c>run</c>, <c>benchmark</c>, <c>fleet</c> and <c>soak</c> with their options.</summary>
public static class CliApp
{
    public static readonly string[] Controllers = { "ours", "timer", "cycle", "hygrostat", "oracle" };

    public static RootCommand Build(TextWriter? output = null, TextWriter? error = null, bool progress = true, TextReader? input = null, CancellationToken cancel = default)
    {
        var weather = new Option<string?>("--weather") { Description = "weather CSV (minute,outside_temp_c,outside_rh_pct,solar_w_m2,wind_m_s)", HelpName = "FILE" };
        var scenario = new Option<string?>("--scenario") { Description = $"built-in day: {Scenarios.Names} (default {RunExecutor.DefaultScenario}); or week: {string.Join(", ", Weeks.All.Select(w => w.Name))}", HelpName = "NAME" };
        var weatherSeed = new Option<int?>("--weather-seed") { Description = "held-out weather: days drawn from the Wangqing climate facts with this seed (never the built-in days)", HelpName = "N" };
        var weatherDay = new Option<int>("--weather-day") { Description = "first day of the held-out sequence (with --weather-seed)", DefaultValueFactory = _ => 0, HelpName = "K" };
        var days = new Option<int>("--days") { Description = "number of simulated days", DefaultValueFactory = _ => 1, HelpName = "N" };
        var startTime = new Option<string>("--start-time") { Description = "local time of day the run starts", DefaultValueFactory = _ => "00:00", HelpName = "HH:MM" };
        var controller = new Option<string>("--controller") { Description = "ours, timer, cycle, hygrostat or oracle (perfect knowledge, the limit to measure against)", DefaultValueFactory = _ => "ours" };
        var settings = new Option<string?>("--settings") { Description = "key=value settings file (the device's settings; sim.* keys set baselines and scoring)", HelpName = "FILE" };
        var house = new Option<string?>("--house") { Description = "key=value house file (HouseParameters property names; see examples/houses)", HelpName = "FILE" };
        var speed = new Option<string>("--speed") { Description = "max = as fast as possible; N = N times real time", DefaultValueFactory = _ => "max", HelpName = "max|N" };
        var broker = new Option<string>("--broker") { Description = "MQTT: none, embedded or HOST:PORT", DefaultValueFactory = _ => "embedded", HelpName = "none|embedded|HOST:PORT" };
        var deviceId = new Option<string?>("--device-id") { Description = "device id in MQTT topics", HelpName = "ID" };
        var seed = new Option<int>("--seed") { Description = "seed of the sensor noise and offset (and day-to-day weather variation)", DefaultValueFactory = _ => 1, HelpName = "N" };
        var metrics = new Option<string?>("--metrics") { Description = "write the metrics JSON here", HelpName = "FILE" };
        var trace = new Option<string?>("--trace") { Description = "write one CSV row per simulated minute here", HelpName = "FILE.csv" };
        var plot = new Option<string?>("--plot") { Description = "draw RH, band, temperatures and mist pulses to a PNG", HelpName = "FILE.png" };
        var logFile = new Option<string?>("--log") { Description = "write the controller's serial log here instead of the console", HelpName = "FILE" };
        var console = new Option<bool>("--console") { Description = "technician console on standard input (help, status, get, set ...); runs at --speed 1 unless given; exit or end of input stops" };
        var faults = new Option<string?>("--faults") { Description = "inject faults (ours only): KIND[#SENSOR][:PARAM]@WHEN,... or random (seeded by --seed)", HelpName = "SPEC|random" };
        faults.Validators.Add(r =>
        {
            string? spec = r.GetValueOrDefault<string?>();
            if (spec != null && !spec.Trim().Equals("random", StringComparison.OrdinalIgnoreCase) &&
                !Greenhouse.Faults.FaultSchedule.TryParse(spec, out _, out string message))
            {
                r.AddError("--faults: " + message);
            }
        });

        controller.AcceptOnlyFromAmong(Controllers);
        days.Validators.Add(r =>
        {
            int d = r.GetValueOrDefault<int>();
            if (d < 1 || d > 366)
            {
                r.AddError("--days must be 1..366");
            }
        });
        startTime.Validators.Add(r =>
        {
            if (!TryParseClock(r.GetValueOrDefault<string>(), out _))
            {
                r.AddError("--start-time must be HH:MM (00:00..23:59)");
            }
        });
        speed.Validators.Add(r =>
        {
            if (!TryParseSpeed(r.GetValueOrDefault<string>(), out _))
            {
                r.AddError("--speed must be max or a positive number");
            }
        });
        broker.Validators.Add(r =>
        {
            if (!BrokerOption.TryParse(r.GetValueOrDefault<string>(), out _, out string message))
            {
                r.AddError(message);
            }
        });

        var run = new Command("run", "simulate a house with a controller and measure it");
        foreach (Option o in new Option[] { weather, scenario, weatherSeed, weatherDay, days, startTime, controller, settings, house, speed, broker, deviceId, seed, metrics, trace, plot, logFile, console, faults })
        {
            run.Options.Add(o);
        }

        run.Validators.Add(r =>
        {
            int sources = (r.GetResult(weather) != null ? 1 : 0) + (r.GetResult(scenario) != null ? 1 : 0) + (r.GetResult(weatherSeed) != null ? 1 : 0);
            if (sources > 1)
            {
                r.AddError("use one of --weather FILE, --scenario NAME or --weather-seed N");
            }

            if (r.GetResult(weatherDay) is { Implicit: false } && r.GetResult(weatherSeed) == null)
            {
                r.AddError("--weather-day needs --weather-seed");
            }
        });

        run.SetAction(parse =>
        {
            TryParseClock(parse.GetValue(startTime)!, out var start);
            TryParseSpeed(parse.GetValue(speed)!, out var speedValue);
            bool withConsole = parse.GetValue(console);
            if (withConsole && (parse.GetResult(speed) is null || parse.GetResult(speed)!.Implicit))
            {
                speedValue = 1; // a technician types in real time
            }

            BrokerOption.TryParse(parse.GetValue(broker), out var brokerValue, out _);
            var request = new RunRequest
            {
                WeatherFile = parse.GetValue(weather),
                ScenarioName = parse.GetValue(scenario),
                WeatherSeed = parse.GetValue(weatherSeed),
                WeatherDay = parse.GetValue(weatherDay),
                Days = parse.GetValue(days),
                StartTime = start,
                Controller = parse.GetValue(controller)!,
                SettingsFile = parse.GetValue(settings),
                HouseFile = parse.GetValue(house),
                Speed = speedValue,
                Broker = brokerValue,
                DeviceId = parse.GetValue(deviceId),
                Seed = parse.GetValue(seed),
                MetricsFile = parse.GetValue(metrics),
                TraceFile = parse.GetValue(trace),
                PlotFile = parse.GetValue(plot),
                LogFile = parse.GetValue(logFile),
                Progress = progress,
                Console = withConsole,
                Input = input,
                Faults = parse.GetValue(faults),
                Cancel = cancel,
            };
            return RunExecutor.Execute(request, output ?? Console.Out, error ?? Console.Error);
        });

        var benchDays = new Option<int>("--days") { Description = "simulated days per run of a built-in or held-out day (weeks are 7 days)", DefaultValueFactory = _ => 1, HelpName = "N" };
        var benchSeed = new Option<int>("--seed") { Description = "seed of every run", DefaultValueFactory = _ => 1, HelpName = "N" };
        var benchSettings = new Option<string?>("--settings") { Description = "settings file applied to every run", HelpName = "FILE" };
        var benchMarkdown = new Option<string?>("--markdown") { Description = "write the tables here", HelpName = "FILE.md" };
        var benchJson = new Option<string?>("--json") { Description = "write every run's metrics and the goals here", HelpName = "FILE.json" };
        var benchHouses = new Option<string[]>("--house") { Description = "house files to run each scenario in (default: the default house)", HelpName = "FILE", AllowMultipleArgumentsPerToken = true };
        var benchScenarios = new Option<string[]>("--scenario") { Description = $"built-in days or weeks to run (default: {Scenarios.Names}, {string.Join(", ", Weeks.All.Select(w => w.Name))})", HelpName = "NAME", AllowMultipleArgumentsPerToken = true };
        var benchControllers = new Option<string[]>("--controllers") { Description = $"controllers to run (default: {string.Join(", ", Controllers)})", HelpName = "NAME", AllowMultipleArgumentsPerToken = true };
        var benchHeldOut = new Option<int>("--held-out") { Description = "held-out days to add (days 0, 7, 14 ... of --weather-seed), reported apart", DefaultValueFactory = _ => 4, HelpName = "N" };
        var benchWeatherSeed = new Option<int>("--weather-seed") { Description = "seed of the held-out weather", DefaultValueFactory = _ => 7, HelpName = "N" };
        var benchHours = new Option<double?>("--hours") { Description = "run only the first H hours of every run (quick checks, not the benchmark)", HelpName = "H" };
        benchDays.Validators.Add(r =>
        {
            int d = r.GetValueOrDefault<int>();
            if (d < 1 || d > 366)
            {
                r.AddError("--days must be 1..366");
            }
        });
        benchHeldOut.Validators.Add(r =>
        {
            int n = r.GetValueOrDefault<int>();
            if (n < 0 || n > 100)
            {
                r.AddError("--held-out must be 0..100");
            }
        });
        benchHours.Validators.Add(r =>
        {
            double? h = r.GetValueOrDefault<double?>();
            if (h is { } v && !(v > 0 && v <= 24 * 366))
            {
                r.AddError("--hours must be a positive number of hours");
            }
        });
        benchControllers.AcceptOnlyFromAmong(Controllers);
        var bench = new Command("benchmark", "every controller on every built-in day, week and house, and held-out days, at --speed max; prints Markdown tables with the goals for ours");
        foreach (Option o in new Option[] { benchDays, benchSeed, benchSettings, benchMarkdown, benchJson, benchHouses, benchScenarios, benchControllers, benchHeldOut, benchWeatherSeed, benchHours })
        {
            bench.Options.Add(o);
        }

        bench.SetAction(parse => Benchmark.Execute(new BenchmarkOptions
        {
            Days = parse.GetValue(benchDays),
            Seed = parse.GetValue(benchSeed),
            SettingsFile = parse.GetValue(benchSettings),
            MarkdownFile = parse.GetValue(benchMarkdown),
            JsonFile = parse.GetValue(benchJson),
            Houses = parse.GetValue(benchHouses) ?? Array.Empty<string>(),
            Scenarios = parse.GetValue(benchScenarios) ?? Array.Empty<string>(),
            Controllers = parse.GetValue(benchControllers) ?? Array.Empty<string>(),
            HeldOut = parse.GetValue(benchHeldOut),
            WeatherSeed = parse.GetValue(benchWeatherSeed),
            Hours = parse.GetValue(benchHours),
        }, output ?? Console.Out, error ?? Console.Error));

        var fleet = BuildFleet(output, error, cancel);
        var weatherCommand = BuildWeatherExport(output, error);

        var root = new RootCommand("Greenhouse simulator: the wood-ear controller core against a physical model of a hanging-bag house");
        root.Subcommands.Add(run);
        root.Subcommands.Add(bench);
        root.Subcommands.Add(fleet);
        root.Subcommands.Add(SoakCommand.Build(output, error));
        root.Subcommands.Add(weatherCommand);
        return root;
    }

    /// <summary>Parses and runs; returns the exit code (0 ok, 1 usage error from the parser, 2 bad input).</summary>
    public static int Invoke(string[] args, TextWriter? output = null, TextWriter? error = null, bool progress = true, TextReader? input = null, CancellationToken cancel = default)
    {
        var root = Build(output, error, progress, input, cancel);
        var parsed = root.Parse(args);
        var config = new InvocationConfiguration();
        if (output != null)
        {
            config.Output = output;
        }

        if (error != null)
        {
            config.Error = error;
        }

        return parsed.Invoke(config);
    }

    /// <summary><c>fleet</c>: N real controllers in this process against one broker (Greenhouse.Fleet).</summary>
    private static Command BuildFleet(TextWriter? output, TextWriter? error, CancellationToken cancel)
    {
        var devices = new Option<int>("--devices") { Description = "number of controllers", Required = true, HelpName = "N" };
        var minutes = new Option<double>("--minutes") { Description = "wall-clock minutes to run", Required = true, HelpName = "M" };
        var broker = new Option<string>("--broker") { Description = "MQTT broker", Required = true, HelpName = "HOST:PORT" };
        var metrics = new Option<string?>("--metrics") { Description = "write the fleet metrics JSON here", HelpName = "FILE" };
        var seed = new Option<int>("--seed") { Description = "seed of the devices and grower commands", DefaultValueFactory = _ => 1, HelpName = "N" };
        devices.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--devices must be at least 1");
            }
        });
        minutes.Validators.Add(r =>
        {
            double m = r.GetValueOrDefault<double>();
            if (!(m > 0) || !double.IsFinite(m))
            {
                r.AddError("--minutes must be a positive number");
            }
        });
        broker.Validators.Add(r =>
        {
            if (!TryParseFleetBroker(r.GetValueOrDefault<string>(), out _, out _, out string message))
            {
                r.AddError(message);
            }
        });
        var fleet = new Command("fleet", "N controllers in one process against one broker, with random grower commands; prints the fleet metrics");
        foreach (Option o in new Option[] { devices, minutes, broker, metrics, seed })
        {
            fleet.Options.Add(o);
        }

        fleet.SetAction(parse =>
        {
            TryParseFleetBroker(parse.GetValue(broker), out string host, out int port, out _);
            var options = new Greenhouse.Fleet.FleetOptions
            {
                Devices = parse.GetValue(devices),
                Minutes = parse.GetValue(minutes),
                BrokerHost = host,
                BrokerPort = port,
                MetricsFile = parse.GetValue(metrics),
                Seed = parse.GetValue(seed),
                Progress = output ?? Console.Out,
            };
            try
            {
                var result = Greenhouse.Fleet.FleetRunner.RunAsync(options, cancel).GetAwaiter().GetResult();
                (output ?? Console.Out).WriteLine(result.ToJson());
                if (options.MetricsFile != null)
                {
                    (output ?? Console.Out).WriteLine($"sim: fleet metrics written to {options.MetricsFile}");
                }

                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                (error ?? Console.Error).WriteLine("error: " + e.Message);
                return 2;
            }
        });
        return fleet;
    }

    /// <summary><c>weather</c>: writes built-in or held-out weather as a CSV for <c>run --weather FILE</c>.</summary>
    private static Command BuildWeatherExport(TextWriter? output, TextWriter? error)
    {
        var scenario = new Option<string?>("--scenario") { Description = "built-in day or week", HelpName = "NAME" };
        var weatherSeed = new Option<int?>("--weather-seed") { Description = "held-out weather of this seed", HelpName = "N" };
        var weatherDay = new Option<int>("--weather-day") { Description = "first held-out day", DefaultValueFactory = _ => 0, HelpName = "K" };
        var days = new Option<int>("--days") { Description = "days to write", DefaultValueFactory = _ => 1, HelpName = "N" };
        var outFile = new Option<string>("--out") { Description = "CSV file to write", Required = true, HelpName = "FILE.csv" };
        days.Validators.Add(r =>
        {
            int d = r.GetValueOrDefault<int>();
            if (d < 1 || d > 366)
            {
                r.AddError("--days must be 1..366");
            }
        });
        var command = new Command("weather", "write built-in or held-out weather as a CSV (one row per minute) for run --weather FILE");
        foreach (Option o in new Option[] { scenario, weatherSeed, weatherDay, days, outFile })
        {
            command.Options.Add(o);
        }

        command.Validators.Add(r =>
        {
            if ((r.GetResult(scenario) != null) == (r.GetResult(weatherSeed) != null))
            {
                r.AddError("give exactly one of --scenario NAME or --weather-seed N");
            }
        });
        command.SetAction(parse =>
        {
            try
            {
                var request = new RunRequest { ScenarioName = parse.GetValue(scenario), WeatherSeed = parse.GetValue(weatherSeed), WeatherDay = parse.GetValue(weatherDay) };
                IWeather w = RunExecutor.BuildWeather(request, out _);
                string path = parse.GetValue(outFile)!;
                using (var writer = new StreamWriter(path, false) { NewLine = "\n" })
                {
                    CsvWeather.Write(w, parse.GetValue(days) * 1440, writer);
                }

                if (w is DaySequenceWeather sequence)
                {
                    for (int d = 0; d < parse.GetValue(days); d++)
                    {
                        (output ?? Console.Out).WriteLine($"day {d + 1}: {sequence.Day(d).Description}");
                    }
                }

                (output ?? Console.Out).WriteLine($"sim: weather written to {path}");
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                (error ?? Console.Error).WriteLine("error: " + e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>HOST:PORT for <c>fleet</c> (a broker is required there: none and embedded are not accepted).</summary>
    public static bool TryParseFleetBroker(string? text, out string host, out int port, out string error)
    {
        host = "";
        port = 0;
        if (!BrokerOption.TryParse(text, out var option, out error))
        {
            return false;
        }

        if (option.Kind != BrokerKind.External)
        {
            error = "--broker: fleet needs HOST:PORT of a running broker";
            return false;
        }

        host = option.Host;
        port = option.Port;
        return true;
    }

    public static bool TryParseClock(string? text, out TimeSpan time)
    {
        time = default;
        if (text == null)
        {
            return false;
        }

        string[] p = text.Split(':');
        if (p.Length != 2 || p[0].Length is < 1 or > 2 || p[1].Length != 2 ||
            !int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h) ||
            !int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m) || h > 23 || m > 59)
        {
            return false;
        }

        time = new TimeSpan(h, m, 0);
        return true;
    }

    /// <summary>"max" gives null (no pacing); a positive number gives the real-time multiple.</summary>
    public static bool TryParseSpeed(string? text, out double? speed)
    {
        speed = null;
        if (text == null || text.Equals("max", StringComparison.OrdinalIgnoreCase))
        {
            return text != null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v))
        {
            speed = v;
            return true;
        }

        return false;
    }
}
