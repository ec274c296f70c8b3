using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Greenhouse.Faults;

namespace Greenhouse.Simulator.Soak;

/// <summary>The soak's figures as JSON (the --metrics file) and a short text summary.</summary>
public static class SoakReport
{
    /// <summary>Least-squares slope of y over x (0 with fewer than two points).</summary>
    public static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        int n = x.Count;
        if (n < 2)
        {
            return 0;
        }

        double mx = x.Average(), my = y.Average(), num = 0, den = 0;
        for (int i = 0; i < n; i++)
        {
            num += (x[i] - mx) * (y[i] - my);
            den += (x[i] - mx) * (x[i] - mx);
        }

        return den == 0 ? 0 : num / den;
    }

    /// <summary>Retained bytes per simulated day after the warm-up (slope of the daily GC.GetTotalMemory(true) samples).</summary>
    public static double RetainedSlope(SoakRunner runner, int warmupDays)
    {
        var steady = runner.DaysRun.Where(d => d.Day >= warmupDays).ToList();
        return Slope(steady.Select(d => (double)d.Day).ToList(), steady.Select(d => (double)d.RetainedBytes).ToList());
    }

    public static JsonObject Build(SoakRunner runner, SoakOptions options)
    {
        var monitor = runner.Monitor;
        var days = runner.DaysRun;
        int zones = options.Zones;
        var steady = days.Where(d => d.Day >= options.WarmupDays).ToList();

        // Counters: per day and zone, the engine's valve-open time against the simulation's own relay time.
        double maxDev = 0, sumAbsDev = 0, maxTodayDev = 0, maxTodayDevClean = 0;
        string maxTodayDevCleanAt = "";
        int cleanZoneDays = 0;
        string maxDevAt = "", maxTodayDevAt = "";
        long simValve = 0, simWater = 0, budget = 0, maxDayValve = 0;
        double engine = 0;
        int daysOverBudget = 0;
        foreach (var d in days)
        {
            for (int z = 0; z < zones; z++)
            {
                double dev = d.EngineSeconds[z] - d.SimValveSeconds[z];
                sumAbsDev += Math.Abs(dev);
                if (Math.Abs(dev) > Math.Abs(maxDev))
                {
                    maxDev = dev;
                    maxDevAt = $"day {d.Day} zone {z + 1} ({d.Restarts} restart(s) that day)";
                }

                double todayDev = d.EngineTodayAtEndSeconds[z] - d.SimValveSeconds[z];
                bool clockClean = d.ClockOffsetMinutes == 0 && d.ClockUnsyncedSeconds == 0
                    && (d.Day == 1 || (days[d.Day - 2].ClockOffsetMinutes == 0 && days[d.Day - 2].ClockUnsyncedSeconds == 0));
                if (clockClean && Math.Abs(todayDev) > Math.Abs(maxTodayDevClean))
                {
                    maxTodayDevClean = todayDev;
                    maxTodayDevCleanAt = $"day {d.Day} zone {z + 1} ({d.Restarts} restart(s) that day)";
                }

                if (clockClean)
                {
                    cleanZoneDays++;
                }

                if (Math.Abs(todayDev) > Math.Abs(maxTodayDev))
                {
                    maxTodayDev = todayDev;
                    maxTodayDevAt = $"day {d.Day} zone {z + 1} ({d.Restarts} restart(s) that day)";
                }

                simValve += d.SimValveSeconds[z];
                simWater += d.SimWaterSeconds[z];
                engine += d.EngineSeconds[z];
                budget += d.BudgetSeconds[z];
                maxDayValve = Math.Max(maxDayValve, d.SimValveSeconds[z]);
                if (d.SimValveSeconds[z] > d.BudgetSeconds[z])
                {
                    daysOverBudget++;
                }
            }
        }

        var alarms = new JsonObject();
        foreach (string code in monitor.AlarmsRaisedByCode.Keys.Concat(monitor.AlarmsClearedByCode.Keys).Distinct().OrderBy(c => c, StringComparer.Ordinal))
        {
            alarms[code] = new JsonObject
            {
                ["appeared"] = monitor.AlarmsRaisedByCode.GetValueOrDefault(code),
                ["cleared"] = monitor.AlarmsClearedByCode.GetValueOrDefault(code),
            };
        }

        var violations = new JsonArray();
        foreach (InvariantViolation v in monitor.Violations)
        {
            violations.Add(new JsonObject
            {
                ["kind"] = InvariantKinds.Code(v.Kind),
                ["zone"] = v.Zone,
                ["elapsed"] = v.Elapsed.ToString("c", CultureInfo.InvariantCulture),
                ["local"] = v.Local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ["text"] = v.Text,
            });
        }

        var faults = new JsonObject();
        foreach (var pair in runner.FaultsByKind.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            faults[pair.Key] = pair.Value;
        }

        double slope = RetainedSlope(runner, options.WarmupDays);
        double allocSlope = Slope(steady.Select(d => (double)d.Day).ToList(), steady.Select(d => (double)d.AllocatedBytes).ToList());
        var daily = new JsonArray();
        foreach (var d in days)
        {
            daily.Add(new JsonObject
            {
                ["day"] = d.Day,
                ["scenario"] = d.Scenario,
                ["restarts"] = d.Restarts,
                ["clock_offset_min"] = d.ClockOffsetMinutes,
                ["clock_unsynced_s"] = d.ClockUnsyncedSeconds,
                ["sim_valve_s"] = new JsonArray(d.SimValveSeconds.Select(x => (JsonNode)x).ToArray()),
                ["sim_water_s"] = new JsonArray(d.SimWaterSeconds.Select(x => (JsonNode)x).ToArray()),
                ["engine_s"] = new JsonArray(d.EngineSeconds.Select(x => (JsonNode)x).ToArray()),
                ["engine_today_at_end_s"] = new JsonArray(d.EngineTodayAtEndSeconds.Select(x => (JsonNode)x).ToArray()),
                ["budget_day_s"] = new JsonArray(d.BudgetSeconds.Select(x => (JsonNode)x).ToArray()),
                ["retained_bytes"] = d.RetainedBytes,
                ["allocated_bytes"] = d.AllocatedBytes,
            });
        }

        double wall = runner.WallTime.TotalSeconds;
        return new JsonObject
        {
            ["date_utc"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            ["machine"] = $"{Environment.MachineName}, {Environment.ProcessorCount} CPU, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            ["days"] = options.Days,
            ["seed"] = options.Seed,
            ["density"] = options.Density,
            ["zones"] = zones,
            ["warmup_days"] = options.WarmupDays,
            ["fault_schedule"] = runner.Schedule.ToString(),
            ["ticks"] = runner.Ticks,
            ["wall_s"] = Math.Round(wall, 2),
            ["ticks_per_s"] = Math.Round(runner.Ticks / Math.Max(wall, 1e-9)),
            ["invariant_violations"] = monitor.ViolationCount,
            ["violations"] = violations,
            ["other_zone_temperature_violations"] = new JsonArray(runner.OtherZoneTemperatureViolations.Select(x => (JsonNode)x!).ToArray()),
            ["max_zone_air_difference_c"] = Math.Round(runner.MaxZoneAirDifferenceC, 2),
            ["restarts"] = runner.Restarts,
            ["monitor_restarts"] = monitor.Restarts,
            ["faults_by_kind"] = faults,
            ["alarm_appearances"] = monitor.AlarmAppearances,
            ["alarm_clearances"] = monitor.AlarmClearances,
            ["alarms_dropped_by_restart"] = monitor.AlarmsDroppedByRestart,
            ["alarms_by_code"] = alarms,
            ["water"] = new JsonObject
            {
                ["sim_valve_s"] = simValve,
                ["sim_water_delivered_s"] = simWater,
                ["engine_counted_s"] = Math.Round(engine, 3),
                ["sum_of_daily_budgets_s"] = budget,
                ["max_zone_day_valve_s"] = maxDayValve,
                ["zone_days_over_budget"] = daysOverBudget,
                ["max_day_deviation_s"] = maxDev,
                ["max_day_deviation_at"] = maxDevAt,
                ["mean_abs_day_deviation_s"] = Math.Round(sumAbsDev / Math.Max(1, days.Count * zones), 3),
                ["max_today_counter_deviation_s"] = maxTodayDev,
                ["max_today_counter_deviation_at"] = maxTodayDevAt,
                ["max_today_counter_deviation_clock_ok_s"] = maxTodayDevClean,
                ["max_today_counter_deviation_clock_ok_at"] = maxTodayDevCleanAt,
                ["zone_days_with_clock_ok"] = cleanZoneDays,
                ["engine_ms_lost_by_restarts"] = runner.CounterMsLostByRestarts,
            },
            ["memory"] = new JsonObject
            {
                ["retained_first_steady_bytes"] = steady.Count > 0 ? steady[0].RetainedBytes : 0,
                ["retained_last_bytes"] = days.Count > 0 ? days[^1].RetainedBytes : 0,
                ["retained_min_bytes"] = steady.Count > 0 ? steady.Min(d => d.RetainedBytes) : 0,
                ["retained_max_bytes"] = steady.Count > 0 ? steady.Max(d => d.RetainedBytes) : 0,
                ["retained_slope_bytes_per_day"] = Math.Round(slope, 1),
                ["allocated_bytes_per_day"] = Math.Round(allocSlope),
                ["alloc_bytes_per_tick_steady"] = runner.SteadyTicks > 0 ? Math.Round((double)runner.SteadyAllocatedBytes / runner.SteadyTicks, 2) : 0,
                ["core_alloc_bytes_per_tick_steady"] = runner.SteadyTicks > 0 ? Math.Round((double)runner.SteadyCoreAllocatedBytes / runner.SteadyTicks, 2) : 0,
                ["core_ticks_that_allocated"] = runner.TicksThatAllocated,
                ["gen0_collections"] = runner.Gen[0],
                ["gen1_collections"] = runner.Gen[1],
                ["gen2_collections"] = runner.Gen[2],
                ["forced_gen0_collections"] = runner.ForcedGen[0],
                ["forced_gen1_collections"] = runner.ForcedGen[1],
                ["forced_gen2_collections"] = runner.ForcedGen[2],
                ["natural_gen0_collections"] = runner.Gen[0] - runner.ForcedGen[0],
                ["natural_gen1_collections"] = runner.Gen[1] - runner.ForcedGen[1],
                ["natural_gen2_collections"] = runner.Gen[2] - runner.ForcedGen[2],
                ["daily_samples"] = days.Count,
                ["fault_history_events"] = runner.Faults?.History.Count ?? 0,
            },
            ["mqtt"] = new JsonObject
            {
                ["connects"] = runner.Link.ConnectAttempts,
                ["publishes"] = runner.Link.Count,
                ["published_bytes"] = runner.Link.PublishedBytes,
            },
            ["log_lines"] = runner.LogLines,
            ["simulation"] = runner.Metrics?.DeepClone(),
            ["daily"] = daily,
        };
    }

    public static string Summary(JsonObject r)
    {
        var t = new StringBuilder();
        var water = r["water"]!.AsObject();
        var memory = r["memory"]!.AsObject();
        t.AppendLine($"season soak: {r["days"]} days, seed {r["seed"]}, {r["ticks"]} ticks in {r["wall_s"]} s ({r["ticks_per_s"]} ticks/s)");
        t.AppendLine($"invariant violations: {r["invariant_violations"]} (monitor) + {r["other_zone_temperature_violations"]!.AsArray().Count} (misting temperature in zones 2..); largest air difference between zones {r["max_zone_air_difference_c"]} °C");
        foreach (var v in r["violations"]!.AsArray())
        {
            t.AppendLine($"  {v!["local"]} (+{v["elapsed"]}) {v["kind"]} zone {v["zone"]}: {v["text"]}");
        }

        foreach (var v in r["other_zone_temperature_violations"]!.AsArray())
        {
            t.AppendLine($"  {v} (misting temperature, judged on that zone's house)");
        }

        t.AppendLine($"restarts (power cuts): {r["restarts"]}");
        t.AppendLine($"faults by kind: {r["faults_by_kind"]!.ToJsonString()}");
        t.AppendLine($"alarms: {r["alarm_appearances"]} appeared, {r["alarm_clearances"]} cleared, {r["alarms_dropped_by_restart"]} dropped by restarts; {r["alarms_by_code"]!.ToJsonString()}");
        t.AppendLine($"water: sim valve {water["sim_valve_s"]} s, engine {water["engine_counted_s"]} s, budgets {water["sum_of_daily_budgets_s"]} s; " +
            $"max day deviation {water["max_day_deviation_s"]} s ({water["max_day_deviation_at"]}), 'today' counter max deviation {water["max_today_counter_deviation_s"]} s ({water["max_today_counter_deviation_clock_ok_s"]} s on days with a correct clock); " +
            $"max zone-day {water["max_zone_day_valve_s"]} s, {water["zone_days_over_budget"]} zone-days over budget");
        t.AppendLine($"memory: retained {memory["retained_first_steady_bytes"]} -> {memory["retained_last_bytes"]} bytes, slope {memory["retained_slope_bytes_per_day"]} B/day; " +
            $"allocated {memory["allocated_bytes_per_day"]} B/day ({memory["alloc_bytes_per_tick_steady"]} B/tick with the harness, {memory["core_alloc_bytes_per_tick_steady"]} B/tick inside Controller.Tick); GC gen0/1/2 {memory["gen0_collections"]}/{memory["gen1_collections"]}/{memory["gen2_collections"]} (of which forced by the daily samples {memory["forced_gen0_collections"]}/{memory["forced_gen1_collections"]}/{memory["forced_gen2_collections"]})");
        return t.ToString();
    }
}
