using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Greenhouse.Simulator.Metrics;
using Greenhouse.Simulator.Physics;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Cli;

/// <summary>What <c>benchmark</c> was asked to run.</summary>
public sealed class BenchmarkOptions
{
    public int Days { get; init; } = 1;
    public int Seed { get; init; } = 1;
    public string? SettingsFile { get; init; }
    public string? MarkdownFile { get; init; }
    public string? JsonFile { get; init; }
    /// <summary>House files; empty = the default house.</summary>
    public IReadOnlyList<string> Houses { get; init; } = Array.Empty<string>();
    /// <summary>Built-in days and weeks by name; empty = every built-in day and every week.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = Array.Empty<string>();
    /// <summary>Controllers; empty = all of <see cref="CliApp.Controllers"/>.</summary>
    public IReadOnlyList<string> Controllers { get; init; } = Array.Empty<string>();
    /// <summary>Held-out days (days 0, 7, 14, ... of <see cref="WeatherSeed"/>, one per week of the sequence).</summary>
    public int HeldOut { get; init; } = 4;
    public int WeatherSeed { get; init; } = 7;
    /// <summary>Only the first hours of every run (quick checks); null = whole days.</summary>
    public double? Hours { get; init; }
}

/// <summary>
/// Every controller on every scenario and house, side by side, with the goals of issue 14 for ours. Three groups,
/// reported apart: the built-in days (<c>--days</c> each), the built-in weeks (7 days, the growth calendar with its
/// dry days) and held-out days the project never tuned on (<see cref="HeldOutWeather"/>). Each cell is an ordinary
/// <c>run</c> at <c>--speed max</c> without network, so a row can be reproduced with
/// <c>run --controller C --scenario S|--weather-seed N --weather-day K --house H --seed N</c>.
/// </summary>
public static class Benchmark
{
    private sealed record Case(string Group, string Scenario, Func<IWeather> Weather, int Days);

    private sealed record Cell(Case Case, string House, string Controller, JsonObject Doc, double RunSeconds);

    public static int Execute(BenchmarkOptions o, TextWriter output, TextWriter error)
    {
        try
        {
            var lines = o.SettingsFile != null ? RunSettingsFile.Load(o.SettingsFile) : new List<SettingLine>();
            var config = RunConfiguration.Build(lines, null);
            var houses = o.Houses.Count == 0
                ? new List<(string Name, HouseParameters House)> { ("default", new HouseParameters()) }
                : o.Houses.Select(h => (Path.GetFileNameWithoutExtension(h), HouseFile.Load(h))).ToList();
            string[] controllers = o.Controllers.Count == 0 ? CliApp.Controllers : o.Controllers.ToArray();
            foreach (string c in controllers)
            {
                if (Array.IndexOf(CliApp.Controllers, c) < 0)
                {
                    throw new ArgumentException($"unknown controller '{c}'; use {string.Join(", ", CliApp.Controllers)}");
                }
            }

            var cases = Cases(o, config);
            var cells = new List<Cell>();
            var results = new JsonArray();
            foreach (var group in cases.GroupBy(c => c.Group))
            {
                output.WriteLine($"## {group.Key}");
                output.WriteLine(MetricsHeader);
                foreach (var @case in group)
                {
                    foreach (var (houseName, house) in houses)
                    {
                        var row = new List<Cell>();
                        foreach (string name in controllers)
                        {
                            var cell = RunOne(@case, houseName, house, name, config, o);
                            row.Add(cell);
                            cells.Add(cell);
                            results.Add(cell.Doc);
                        }

                        foreach (var cell in row)
                        {
                            output.WriteLine(MetricsRow(cell, row));
                        }
                    }
                }
            }

            var goals = new JsonArray();
            var markdown = new StringBuilder();
            int passed = 0, failed = 0;
            var perGoal = BenchmarkGoals.Names.ToDictionary(n => n, _ => new int[3]);
            foreach (var group in cells.GroupBy(c => c.Case.Group))
            {
                markdown.AppendLine($"### {group.Key}").AppendLine();
                markdown.AppendLine(MetricsHeader);
                foreach (var row in group.GroupBy(c => (c.Case.Scenario, c.House)))
                {
                    foreach (var cell in row)
                    {
                        markdown.AppendLine(MetricsRow(cell, row.ToList()));
                    }
                }

                markdown.AppendLine();
                if (!controllers.Contains("ours"))
                {
                    continue;
                }

                markdown.AppendLine($"Goals for ours ({group.Key}):").AppendLine();
                markdown.AppendLine("| scenario | house | " + string.Join(" | ", BenchmarkGoals.Names) + " |");
                markdown.AppendLine("|---|---|" + string.Concat(BenchmarkGoals.Names.Select(_ => "---|")));
                foreach (var row in group.GroupBy(c => (c.Case.Scenario, c.House)))
                {
                    JsonNode? Total(string controller) => row.FirstOrDefault(c => c.Controller == controller)?.Doc["total"];
                    var first = row.First();
                    int daysRun = o.Hours is { } hours ? (int)Math.Ceiling(Math.Min(hours / 24.0, first.Case.Days)) : first.Case.Days;
                    bool dryDays = Enumerable.Range(0, daysRun).Any(d => config.Plans.Any(p => !p.IsWetDay(d)));
                    var judged = BenchmarkGoals.Judge(Total("ours")!, Total("oracle"), Total("timer"), Total("cycle"), dryDays);
                    passed += judged.Count(g => g.Pass == true);
                    failed += judged.Count(g => g.Pass == false);
                    foreach (var g in judged)
                    {
                        perGoal[g.Name][g.Pass switch { true => 0, false => 1, null => 2 }]++;
                    }

                    markdown.AppendLine($"| {first.Case.Scenario} | {first.House} | " + string.Join(" | ", judged.Select(BenchmarkGoals.Cell)) + " |");
                    var goalObject = new JsonObject { ["group"] = first.Case.Group, ["scenario"] = first.Case.Scenario, ["house"] = first.House };
                    var items = new JsonObject();
                    foreach (var g in judged)
                    {
                        items[g.Name] = new JsonObject { ["pass"] = g.Pass, ["detail"] = g.Detail };
                    }

                    goalObject["goals"] = items;
                    goals.Add(goalObject);
                }

                markdown.AppendLine();
            }

            string summary = controllers.Contains("ours") ? $"goals for ours: {passed} passed, {failed} failed (n/a not counted)" : "";
            if (summary.Length > 0)
            {
                markdown.AppendLine("| goal for ours | pass | fail | n/a |").AppendLine("|---|---:|---:|---:|");
                foreach (var (name, counts) in perGoal)
                {
                    markdown.AppendLine($"| {name} | {counts[0]} | {counts[1]} | {counts[2]} |");
                }

                markdown.AppendLine().AppendLine(summary);
            }

            output.WriteLine();
            output.WriteLine(markdown.ToString());
            if (o.MarkdownFile != null)
            {
                File.WriteAllText(o.MarkdownFile, markdown.ToString());
            }

            if (o.JsonFile != null)
            {
                File.WriteAllText(o.JsonFile, MetricsCollector.ToJson(new JsonObject { ["runs"] = results, ["goals"] = goals }) + "\n");
            }

            return 0;
        }
        catch (Exception e) when (e is RunSettingsFileException or HouseFileException or ArgumentException or IOException)
        {
            error.WriteLine("error: " + e.Message);
            return 2;
        }
    }

    /// <summary>The groups and their runs: built-in days, built-in weeks, held-out days.</summary>
    private static List<Case> Cases(BenchmarkOptions o, RunConfiguration config)
    {
        var cases = new List<Case>();
        var names = o.Scenarios.Count > 0 ? o.Scenarios : Weather.Scenarios.All.Select(s => s.Name).Concat(Weeks.All.Select(w => w.Name)).ToList();
        foreach (string name in names)
        {
            if (Weather.Scenarios.Find(name) is { } day)
            {
                cases.Add(new Case("built-in days", day.Name, () => new ScenarioWeather(day, 0, config.VaryDays, o.Seed), o.Days));
            }
            else if (Weeks.Find(name) is { } week)
            {
                cases.Add(new Case("week: growth calendar over 7 days", week.Name, () => week.Weather(), week.Days.Length));
            }
            else
            {
                throw new ArgumentException($"unknown scenario '{name}'; built in: {Weather.Scenarios.Names}, {string.Join(", ", Weeks.All.Select(w => w.Name))}");
            }
        }

        for (int i = 0; i < o.HeldOut; i++)
        {
            int day = i * 7;
            int seed = o.WeatherSeed;
            cases.Add(new Case($"held-out weather (seed {seed.ToString(CultureInfo.InvariantCulture)}, never tuned on)",
                HeldOutWeather.Name(seed, day), () => HeldOutWeather.Create(seed, day), o.Days));
        }

        return cases;
    }

    private static Cell RunOne(Case @case, string houseName, HouseParameters house, string controller, RunConfiguration config, BenchmarkOptions o)
    {
        var weather = @case.Weather();
        var sim = new Simulation(new SimulationSetup
        {
            Weather = weather,
            Days = @case.Days,
            DurationSeconds = o.Hours is { } h ? (long)(h * 3600) : null,
            StartLocal = RunExecutor.StartDate,
            Seed = o.Seed,
            Zones = config.Zones,
            House = house,
            TankEmptyFromMinute = config.TankEmptyFromMinute,
            SecondSensor = config.SecondSensor,
        });
        var controllerUnderTest = RunExecutor.BuildController(controller, config, _ => { }, null, null, null, house);
        var doc = sim.Run(controllerUnderTest, config.Plans, runInfo: new Dictionary<string, object?>
        {
            ["controller"] = controller,
            ["weather"] = @case.Scenario,
            ["group"] = @case.Group,
            ["house"] = houseName,
            ["days"] = @case.Days,
            ["seed"] = o.Seed,
        });
        if (weather is DaySequenceWeather sequence && @case.Group.StartsWith("held-out", StringComparison.Ordinal))
        {
            doc["weather_description"] = sequence.Day(0).Description;
        }

        return new Cell(@case, houseName, controller, doc, sim.WallTime.TotalSeconds);
    }

    public const string MetricsHeader =
        "| scenario | house | controller | film wet % | ÷ oracle | ÷ timer | water L | floor L | ÷ floor | ÷ oracle | runoff L | runoff % | mist s > lockout | hot_wet_min | stagnant_min | valve cycles | crop cost | run s |\n" +
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    private static string MetricsRow(Cell cell, IReadOnlyList<Cell> row)
    {
        var c = CultureInfo.InvariantCulture;
        var t = cell.Doc["total"]!;
        JsonNode? Other(string name) => row.FirstOrDefault(x => x.Controller == name)?.Doc["total"];
        double? wet = BenchmarkGoals.Number(t["surface_wet_pct"]);
        double water = BenchmarkGoals.Number(t["water_l"]) ?? 0;
        double floor = BenchmarkGoals.Number(t["water_floor_l"]) ?? 0;
        double runoff = BenchmarkGoals.Number(t["runoff_l"]) ?? 0;
        string Ratio(double? a, double? b) => a is { } x && b is { } y && y > 0 ? (x / y).ToString("F2", c) : "-";
        double? WetOf(JsonNode? n) => BenchmarkGoals.Number(n?["surface_wet_pct"]);
        double? WaterOf(JsonNode? n) => BenchmarkGoals.Number(n?["water_l"]);
        return $"| {cell.Case.Scenario} | {cell.House} | {cell.Controller} | {(wet is { } wv ? wv.ToString("0.#", c) : "-")} | " +
               $"{Ratio(wet, WetOf(Other("oracle")))} | {Ratio(wet, WetOf(Other("timer")))} | {water.ToString("F0", c)} | {floor.ToString("F0", c)} | " +
               $"{Ratio(water, floor)} | {Ratio(water, WaterOf(Other("oracle")))} | {runoff.ToString("F0", c)} | " +
               $"{(water > 0 ? (100 * runoff / water).ToString("F1", c) : "-")} | {t["mist_s_above_lockout"]} | {t["hot_wet_min"]} | {t["stagnant_min"]} | " +
               $"{t["valve_cycles"]} | {(BenchmarkGoals.Number(t["crop_cost"]) ?? 0).ToString("F0", c)} | {cell.RunSeconds.ToString("F2", c)} |";
    }
}
