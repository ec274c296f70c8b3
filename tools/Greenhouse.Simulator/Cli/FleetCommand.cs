using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Greenhouse.Fleet;
using Greenhouse.Simulator.Fleet;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Cli;

/// <summary>
/// <c>fleet</c>: the county at real time against one broker (Greenhouse.Fleet), with this simulator's house model
/// behind every device; and the hidden <c>fleet-worker</c>, one generator process of such a run (started by
/// <c>fleet</c>, talks JSON lines on standard input and output).
/// </summary>
public static class FleetCommand
{
    public const string WorkerName = "fleet-worker";

    public static Command Build(TextWriter? output, TextWriter? error, CancellationToken cancel)
    {
        var devices = new Option<int>("--devices") { Description = $"number of controllers (1..{FleetOptions.MaxDevices})", Required = true, HelpName = "N" };
        var minutes = new Option<double>("--minutes") { Description = $"wall-clock minutes to run (at most {FleetOptions.MaxMinutes})", Required = true, HelpName = "M" };
        var broker = new Option<string>("--broker") { Description = "mosquitto = a private Mosquitto started (and restartable) for the run; or HOST:PORT of a loopback broker", Required = true, HelpName = "mosquitto|HOST:PORT" };
        var metrics = new Option<string?>("--metrics") { Description = "write the fleet metrics JSON here", HelpName = "FILE" };
        var seed = new Option<int>("--seed") { Description = "seed of tick phases, sensor units and grower commands", DefaultValueFactory = _ => 1, HelpName = "N" };
        var processes = new Option<int?>("--processes") { Description = $"generator processes (default one per {FleetOptions.DefaultDevicesPerProcess} devices; 0 = all in this process)", HelpName = "N" };
        var restartAt = new Option<double?>("--restart-at") { Description = "restart the private broker at this minute of the run (a reconnect storm)", HelpName = "MIN" };
        var brokerDown = new Option<double>("--broker-down") { Description = "seconds the broker stays down in the restart", DefaultValueFactory = _ => 0, HelpName = "S" };
        var brokerPid = new Option<int?>("--broker-pid") { Description = "process id of an external broker, for its CPU and memory", HelpName = "PID" };
        var telemetry = new Option<int>("--telemetry-s") { Description = "mqtt.telemetry_s of every device", DefaultValueFactory = _ => 60, HelpName = "S" };
        var rate = new Option<double>("--commands-per-s") { Description = "steady grower commands per second", DefaultValueFactory = _ => 20, HelpName = "R" };
        var burst = new Option<int>("--burst") { Description = "commands sent at one instant to one village", DefaultValueFactory = _ => 200, HelpName = "N" };
        var burstEvery = new Option<double>("--burst-every") { Description = "seconds between bursts", DefaultValueFactory = _ => 60, HelpName = "S" };
        var connectRate = new Option<double>("--connect-rate") { Description = "devices switched on per second at the start", DefaultValueFactory = _ => 100, HelpName = "R" };
        var scenario = new Option<string>("--scenario") { Description = $"weather day of the house model: {Scenarios.Names}", DefaultValueFactory = _ => "typical-june", HelpName = "NAME" };
        var startTime = new Option<string>("--start-time") { Description = "local time of day the run starts", DefaultValueFactory = _ => "07:00", HelpName = "HH:MM" };
        devices.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > FleetOptions.MaxDevices)
            {
                r.AddError($"--devices must be 1..{FleetOptions.MaxDevices}");
            }
        });
        minutes.Validators.Add(r =>
        {
            double m = r.GetValueOrDefault<double>();
            if (!(m > 0) || m > FleetOptions.MaxMinutes)
            {
                r.AddError($"--minutes must be a positive number up to {FleetOptions.MaxMinutes}");
            }
        });
        broker.Validators.Add(r =>
        {
            if (!TryParseBroker(r.GetValueOrDefault<string>(), out _, out _, out _, out string message))
            {
                r.AddError(message);
            }
        });

        var fleet = new Command("fleet", "the county at real time: N controllers (the real core against the house model) across generator processes against one broker, with grower commands and an optional broker restart; reports which side was saturated");
        foreach (Option o in new Option[] { devices, minutes, broker, metrics, seed, processes, restartAt, brokerDown, brokerPid, telemetry, rate, burst, burstEvery, connectRate, scenario, startTime })
        {
            fleet.Options.Add(o);
        }

        fleet.SetAction(parse =>
        {
            TextWriter @out = output ?? Console.Out;
            TextWriter err = error ?? Console.Error;
            TryParseBroker(parse.GetValue(broker), out bool own, out string host, out int port, out _);
            var options = new FleetOptions
            {
                Devices = parse.GetValue(devices),
                Minutes = parse.GetValue(minutes),
                OwnBroker = own,
                BrokerHost = own ? "127.0.0.1" : host,
                BrokerPort = own ? 1883 : port,
                BrokerPid = parse.GetValue(brokerPid),
                Processes = parse.GetValue(processes),
                RestartAtMinutes = parse.GetValue(restartAt),
                BrokerDownSeconds = parse.GetValue(brokerDown),
                MetricsFile = parse.GetValue(metrics),
                Seed = parse.GetValue(seed),
                TelemetrySeconds = parse.GetValue(telemetry),
                CommandsPerSecond = parse.GetValue(rate),
                BurstSize = parse.GetValue(burst),
                BurstEverySeconds = parse.GetValue(burstEvery),
                ConnectRatePerSecond = parse.GetValue(connectRate),
                Scenario = parse.GetValue(scenario)!,
                StartTime = parse.GetValue(startTime)!,
                Houses = o => new SimulatedHouses(o),
                WorkerCommand = WorkerStart,
                Progress = @out,
            };
            // Ctrl+C or a service manager's SIGTERM ends the run early but still reports, stops the generator processes
            // and removes the private broker.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
            using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            try
            {
                FleetMetrics result = FleetRunner.RunAsync(options, stop.Token).GetAwaiter().GetResult();
                foreach (string line in FleetSummary.Lines(result))
                {
                    @out.WriteLine(line);
                }

                if (options.MetricsFile != null)
                {
                    @out.WriteLine($"sim: fleet metrics written to {options.MetricsFile}");
                }
                else
                {
                    @out.WriteLine(result.ToJson());
                }

                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or OperationCanceledException)
            {
                err.WriteLine("error: " + e.Message);
                return 2;
            }
        });
        return fleet;
    }

    /// <summary>The hidden generator-process command.</summary>
    public static Command BuildWorker()
    {
        var worker = new Command(WorkerName, "one generator process of a fleet run (started by fleet; JSON lines on standard input and output)") { Hidden = true };
        worker.SetAction(_ => FleetWorker.Run(Console.In, Console.Out, o => new SimulatedHouses(o)));
        return worker;
    }

    /// <summary>How to start a generator process: this program (its apphost, or dotnet with its assembly) with the hidden
    /// worker command.</summary>
    public static ProcessStartInfo WorkerStart()
    {
        string assembly = typeof(FleetCommand).Assembly.Location;
        string apphost = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null)!;
        ProcessStartInfo info;
        if (File.Exists(apphost))
        {
            info = new ProcessStartInfo(apphost);
        }
        else
        {
            string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (string.IsNullOrEmpty(host) || !File.Exists(host))
            {
                host = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
            }

            info = new ProcessStartInfo(host);
            info.ArgumentList.Add(assembly);
        }

        info.ArgumentList.Add(WorkerName);
        return info;
    }

    /// <summary>mosquitto (a private broker for the run) or HOST:PORT on loopback; none and embedded are refused.</summary>
    public static bool TryParseBroker(string? text, out bool own, out string host, out int port, out string error)
    {
        own = false;
        host = "";
        port = 0;
        if (string.Equals(text?.Trim(), "mosquitto", StringComparison.OrdinalIgnoreCase))
        {
            own = true;
            error = "";
            return true;
        }

        if (!BrokerOption.TryParse(text, out var option, out error))
        {
            return false;
        }

        if (option.Kind != BrokerKind.External)
        {
            error = "--broker: fleet needs mosquitto (a private broker) or HOST:PORT of a running loopback broker";
            return false;
        }

        if (!FleetOptions.IsLoopback(option.Host))
        {
            error = $"--broker: fleet runs connect only on loopback (127.0.0.0/8), not {option.Host}";
            return false;
        }

        host = option.Host;
        port = option.Port;
        return true;
    }
}
