using System.CommandLine;
using System.Text.Json;
using Greenhouse.Faults;
using Greenhouse.Simulator.Soak;

namespace Greenhouse.Simulator.Cli;

/// <summary>
/// <c>soak</c>: the season soak (docs/reliability.md) on the simulator's own run: many simulated days of our core with
/// random faults, invariants checked every tick. Summary on standard output, one progress line per simulated day on
/// standard error; exit code 0 when every invariant held, <see cref="ViolationExitCode"/> when one was violated.
/// </summary>
public static class SoakCommand
{
    /// <summary>Exit code of a soak in which an invariant was violated (1 is the parser's usage error, 2 bad input).</summary>
    public const int ViolationExitCode = 3;

    public static Command Build(TextWriter? output, TextWriter? error)
    {
        var days = new Option<int>("--days") { Description = "simulated days", DefaultValueFactory = _ => 150, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "seed of the fault schedule, weather variation and sensor noise", DefaultValueFactory = _ => 1, HelpName = "N" };
        var density = new Option<double>("--density") { Description = "average random faults per simulated day (0 = none)", DefaultValueFactory = _ => 1.5, HelpName = "X" };
        var warmup = new Option<int?>("--warmup-days") { Description = "days before the memory samples count (default 20 for 60 days or more, else a fifth)", HelpName = "N" };
        var zones = new Option<int>("--zones") { Description = "misting zones, each its own house", DefaultValueFactory = _ => 2, HelpName = "N" };
        var faults = new Option<string?>("--faults") { Description = "replay an explicit fault schedule instead of the random one: KIND[#SENSOR][:PARAM]@WHEN,...", HelpName = "SPEC" };
        var metrics = new Option<string?>("--metrics") { Description = "write the soak's figures (JSON) here", HelpName = "FILE" };
        days.Validators.Add(r =>
        {
            int d = r.GetValueOrDefault<int>();
            if (d < 1 || d > 1000)
            {
                r.AddError("--days must be 1..1000");
            }
        });
        density.Validators.Add(r =>
        {
            double x = r.GetValueOrDefault<double>();
            if (!(x >= 0) || x > 100)
            {
                r.AddError("--density must be 0..100 faults per day");
            }
        });
        warmup.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } w && w < 0)
            {
                r.AddError("--warmup-days must be 0 or more");
            }
        });
        zones.Validators.Add(r =>
        {
            int z = r.GetValueOrDefault<int>();
            if (z < 1 || z > Greenhouse.Settings.ControllerSettings.MaxZones)
            {
                r.AddError($"--zones must be 1..{Greenhouse.Settings.ControllerSettings.MaxZones}");
            }
        });
        faults.Validators.Add(r =>
        {
            string? spec = r.GetValueOrDefault<string?>();
            if (spec != null && !FaultSchedule.TryParse(spec, out _, out string message))
            {
                r.AddError("--faults: " + message);
            }
        });

        var soak = new Command("soak", "the season soak: our core for many simulated days with random faults, invariants checked every tick (docs/reliability.md)");
        foreach (Option o in new Option[] { days, seed, density, warmup, zones, faults, metrics })
        {
            soak.Options.Add(o);
        }

        soak.SetAction(parse =>
        {
            TextWriter stdout = output ?? Console.Out;
            TextWriter stderr = error ?? Console.Error;
            int dayCount = parse.GetValue(days);
            string? spec = parse.GetValue(faults);
            var options = new SoakOptions
            {
                Days = dayCount,
                Seed = parse.GetValue(seed),
                Density = parse.GetValue(density),
                WarmupDays = parse.GetValue(warmup) ?? SoakOptions.DefaultWarmupDays(dayCount),
                Zones = parse.GetValue(zones),
                Schedule = spec == null ? null : FaultSchedule.Parse(spec),
            };
            string? metricsFile = parse.GetValue(metrics);
            string? metricsDir = metricsFile == null ? null : Path.GetDirectoryName(Path.GetFullPath(metricsFile));
            if (metricsDir != null && !Directory.Exists(metricsDir))
            {
                // Said before the run, not after hours of it.
                stderr.WriteLine($"error: --metrics: folder '{metricsDir}' does not exist");
                return 2;
            }

            try
            {
                var runner = new SoakRunner(options);
                stderr.WriteLine($"soak: {options.Days} days, seed {options.Seed}, {runner.Schedule.Items.Count} fault items");
                runner.Run(line => stderr.WriteLine(line));
                var report = SoakReport.Build(runner, options);
                stdout.Write(SoakReport.Summary(report));
                if (metricsFile != null)
                {
                    File.WriteAllText(metricsFile, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
                    stdout.WriteLine($"sim: soak figures written to {metricsFile}");
                }

                return runner.Ok ? 0 : ViolationExitCode;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine("error: " + e.Message);
                return 2;
            }
        });
        return soak;
    }
}
