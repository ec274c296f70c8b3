using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Cli;

/// <summary>
/// Every controller on every built-in scenario, side by side (the README's benchmark table). Each cell is
/// an ordinary <c>run</c> at <c>--speed max</c> without network, so a row can be reproduced with
/// <c>run --controller C --scenario S --seed N</c>.
/// </summary>
public static class Benchmark
{
    public static int Execute(int days, int seed, string? settingsFile, string? markdownFile, string? jsonFile, TextWriter output, TextWriter error)
    {
        try
        {
            var lines = settingsFile != null ? RunSettingsFile.Load(settingsFile) : new List<SettingLine>();
            var config = RunConfiguration.Build(lines, null);
            var results = new JsonArray();
            var table = new StringBuilder();
            table.AppendLine($"| scenario | controller | in band % | surface wet % | water L | floor L | water/floor | runoff L | valve cycles | pump starts | fan s | mist s > lockout | max mist s | RH min-max | T max °C | alarms | run s |");
            table.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|");
            foreach (var scenario in Scenarios.All)
            {
                foreach (string name in CliApp.Controllers)
                {
                    var weather = new ScenarioWeather(scenario, 0, config.VaryDays, seed);
                    var sim = new Simulation(new SimulationSetup
                    {
                        Weather = weather,
                        Days = days,
                        StartLocal = RunExecutor.StartDate,
                        Seed = seed,
                        Zones = config.Zones,
                        TankEmptyFromMinute = config.TankEmptyFromMinute,
                        SecondSensor = config.SecondSensor,
                    });
                    var controller = RunExecutor.BuildController(name, config, _ => { }, null);
                    var doc = sim.Run(controller, config.Plans, runInfo: new Dictionary<string, object?>
                    {
                        ["controller"] = name,
                        ["weather"] = scenario.Name,
                        ["days"] = days,
                        ["seed"] = seed,
                    });
                    results.Add(doc);
                    var t = doc["total"]!;
                    double water = (double)t["water_l"]!;
                    double floor = (double)t["water_floor_l"]!;
                    string ratio = floor > 0 ? (water / floor).ToString("F2", CultureInfo.InvariantCulture) : "-";
                    string row = $"| {scenario.Name} | {name} | {t["time_in_band_pct"]} | {t["surface_wet_pct"]} | {water.ToString("F0", CultureInfo.InvariantCulture)} | {floor.ToString("F0", CultureInfo.InvariantCulture)} | {ratio} | {((double)t["runoff_l"]!).ToString("F0", CultureInfo.InvariantCulture)} | {t["valve_cycles"]} | {t["pump_cycles"]} | {t["vent_s"]} | {t["mist_s_above_lockout"]} | {t["max_continuous_mist_s"]} | {((double)t["rh_min"]!).ToString("F0", CultureInfo.InvariantCulture)}-{((double)t["rh_max"]!).ToString("F0", CultureInfo.InvariantCulture)} | {((double)t["temp_max"]!).ToString("F1", CultureInfo.InvariantCulture)} | {t["alarms"]} | {sim.WallTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} |";
                    table.AppendLine(row);
                    output.WriteLine(row);
                }
            }

            if (markdownFile != null)
            {
                File.WriteAllText(markdownFile, table.ToString());
            }

            if (jsonFile != null)
            {
                File.WriteAllText(jsonFile, Metrics.MetricsCollector.ToJson(new JsonObject { ["runs"] = results }) + "\n");
            }

            return 0;
        }
        catch (Exception e) when (e is RunSettingsFileException or ArgumentException or IOException)
        {
            error.WriteLine("error: " + e.Message);
            return 2;
        }
    }
}
