using System.Globalization;
using Greenhouse.Faults;
using Greenhouse.Soak;

// soak [--days N] [--seed N] [--density X] [--warmup-days N] [--zones N] [--faults SPEC] [--metrics FILE]
int days = 150, seed = 1, warmup = 3, zones = 2;
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
        case "--warmup-days": warmup = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--zones": zones = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--faults": spec = Next(); break;
        case "--metrics": metrics = Next(); break;
        case "-h":
        case "--help":
            Console.WriteLine("soak [--days 150] [--seed 1] [--density 1.5] [--warmup-days 3] [--zones 2] [--faults SPEC] [--metrics FILE]");
            return 0;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}");
            return 2;
    }
}

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

return runner.Monitor.Ok ? 0 : 1;
