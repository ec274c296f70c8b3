using System.Globalization;
using Greenhouse.Faults;
using Greenhouse.Soak;

// soak [--days N] [--seed N] [--density X] [--warmup-days N] [--zones N] [--faults SPEC] [--metrics FILE]
int days = 150, seed = 1, zones = 2;
int? warmupOption = null;
double density = 1.5;
string? metrics = null;
string? spec = null;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--days": days = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--density": density = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--warmup-days": warmupOption = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--zones": zones = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--faults": spec = Next(); break;
        case "--metrics": metrics = Next(); break;
        case "-h":
        case "--help":
            Console.WriteLine("soak [--days 150] [--seed 1] [--density 1.5] [--warmup-days 20] [--zones 2] [--faults SPEC] [--metrics FILE]");
            return 0;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

// The retained heap settles in about 20 simulated days (tiered JIT, the invariant monitor's bounded lists filling up).
int warmup = warmupOption ?? (days >= 60 ? 20 : Math.Max(1, days / 5));
var options = new SoakOptions
{
    Days = days,
    Seed = seed,
    Density = density,
    WarmupDays = warmup,
    Zones = zones,
    Schedule = spec == null ? null : FaultSchedule.Parse(spec),
};
var runner = new SoakRunner(options);
Console.Error.WriteLine($"soak: {days} days, seed {seed}, {runner.Schedule.Items.Count} fault items");
runner.Run(line => Console.Error.WriteLine(line));
var report = SoakReport.Build(runner, options);
Console.WriteLine(SoakReport.Summary(report));
if (metrics != null)
{
    File.WriteAllText(metrics, report.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
}

return runner.Ok ? 0 : 1;
