using System.Globalization;
using System.Text.Json.Nodes;

namespace Greenhouse.Simulator.Cli;

/// <summary>One goal of issue 14 for ours on one scenario × house: passed, failed, or not applicable (null).</summary>
public sealed record GoalResult(string Name, bool? Pass, string Detail);

/// <summary>
/// The goals of issue 14 for <c>ours</c>, judged from the metrics of the same scenario and house run with the
/// oracle, the timer and the cycle relay:
/// <list type="number">
/// <item>film wet in scored minutes ≥ 95 % of the oracle's;</item>
/// <item>at least the timer's wherever the timer stayed out of hot air (timer hot_wet_min = 0 and no mist above the
/// lockout; otherwise not applicable);</item>
/// <item>water ≤ 1.5 × the water floor and ≤ 1.25 × the oracle's;</item>
/// <item>runoff ≤ 10 % of the water;</item>
/// <item>0 s of mist above the lockout;</item>
/// <item>hot_wet_min = 0;</item>
/// <item>stagnant_min ≤ the timer's;</item>
/// <item>valve cycles ≤ the cycle relay's;</item>
/// <item>on runs with dry-phase days: no minute with the film wet on a dry day (only protective pulses).</item>
/// </list>
/// A goal whose reference run is missing (that controller not benchmarked) is not applicable.
/// </summary>
public static class BenchmarkGoals
{
    public static readonly string[] Names =
    {
        "wet ≥ 95 % of oracle", "wet ≥ timer (timer out of heat)", "water ≤ 1.5 floor, 1.25 oracle", "runoff ≤ 10 %",
        "0 s above lockout", "hot_wet_min = 0", "stagnant ≤ timer", "cycles ≤ cycle relay", "dry days dry",
    };

    public static List<GoalResult> Judge(JsonNode ours, JsonNode? oracle, JsonNode? timer, JsonNode? cycle, bool hasDryDays)
    {
        var c = CultureInfo.InvariantCulture;
        double? Wet(JsonNode? n) => Number(n?["surface_wet_pct"]);
        double Get(JsonNode n, string key) => Number(n[key]) ?? 0.0;
        string F(double v) => v.ToString(v >= 100 ? "F0" : "0.##", c);
        var results = new List<GoalResult>();

        double? oursWet = Wet(ours);
        double? oracleWet = Wet(oracle);
        if (oursWet is { } ow && oracleWet is { } orw)
        {
            results.Add(new GoalResult(Names[0], ow >= 0.95 * orw - 1e-9, $"{F(ow)} vs {F(0.95 * orw)}"));
        }
        else
        {
            results.Add(new GoalResult(Names[0], null, "no oracle run or nothing scored"));
        }

        if (timer != null && oursWet is { } w2 && Wet(timer) is { } tw)
        {
            bool timerOutOfHeat = Get(timer, "hot_wet_min") == 0 && Get(timer, "mist_s_above_lockout") == 0;
            results.Add(timerOutOfHeat
                ? new GoalResult(Names[1], w2 >= tw - 1e-9, $"{F(w2)} vs {F(tw)}")
                : new GoalResult(Names[1], null, $"timer wet in hot air ({F(Get(timer, "hot_wet_min"))} min)"));
        }
        else
        {
            results.Add(new GoalResult(Names[1], null, "no timer run or nothing scored"));
        }

        double water = Get(ours, "water_l");
        double floor = Get(ours, "water_floor_l");
        if (oracle != null)
        {
            double oracleWater = Get(oracle, "water_l");
            bool pass = water <= 1.5 * floor + 1e-9 && water <= 1.25 * oracleWater + 1e-9;
            results.Add(new GoalResult(Names[2], pass, $"{F(water)} L vs {F(1.5 * floor)} / {F(1.25 * oracleWater)}"));
        }
        else
        {
            results.Add(new GoalResult(Names[2], water <= 1.5 * floor + 1e-9 ? null : false, $"{F(water)} L vs floor × 1.5 {F(1.5 * floor)}; no oracle run"));
        }

        double runoff = Get(ours, "runoff_l");
        results.Add(new GoalResult(Names[3], runoff <= 0.10 * water + 1e-9, water > 0 ? $"{F(100 * runoff / water)} %" : "no water"));
        double above = Get(ours, "mist_s_above_lockout");
        results.Add(new GoalResult(Names[4], above == 0, $"{F(above)} s"));
        double hotWet = Get(ours, "hot_wet_min");
        results.Add(new GoalResult(Names[5], hotWet == 0, $"{F(hotWet)} min"));
        double stagnant = Get(ours, "stagnant_min");
        results.Add(timer != null
            ? new GoalResult(Names[6], stagnant <= Get(timer, "stagnant_min") + 1e-9, $"{F(stagnant)} vs {F(Get(timer, "stagnant_min"))} min")
            : new GoalResult(Names[6], null, "no timer run"));
        double cycles = Get(ours, "valve_cycles");
        results.Add(cycle != null
            ? new GoalResult(Names[7], cycles <= Get(cycle, "valve_cycles"), $"{F(cycles)} vs {F(Get(cycle, "valve_cycles"))}")
            : new GoalResult(Names[7], null, "no cycle run"));
        double dryWet = Get(ours, "dry_day_wet_min");
        results.Add(hasDryDays
            ? new GoalResult(Names[8], dryWet == 0, $"{F(dryWet)} min wet")
            : new GoalResult(Names[8], null, "no dry day in the run"));
        return results;
    }

    /// <summary>A metric as a number whatever JSON type holds it (counts are integers, the rest doubles); null if absent.</summary>
    public static double? Number(JsonNode? node)
    {
        if (node is not JsonValue v)
        {
            return null;
        }

        if (v.TryGetValue(out double d))
        {
            return d;
        }

        if (v.TryGetValue(out long l))
        {
            return l;
        }

        return v.TryGetValue(out int i) ? i : null;
    }

    public static string Cell(GoalResult g) => g.Pass switch
    {
        true => "pass (" + g.Detail + ")",
        false => "**FAIL** (" + g.Detail + ")",
        null => "n/a",
    };
}
