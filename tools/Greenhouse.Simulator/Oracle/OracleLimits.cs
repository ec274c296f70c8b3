using Greenhouse.Control;
using Greenhouse.Settings;
using Greenhouse.Simulator.Cli;

namespace Greenhouse.Simulator.Oracle;

/// <summary>
/// The limits the oracle obeys: the same settings ours runs with (defaults and the <c>--settings</c> file, read
/// through the core's own catalogue) and the same compiled-in hard limits (<see cref="HardLimits"/>), so the oracle
/// is what perfect knowledge can do on the same hardware under the same rules, not a controller with more water or
/// a hotter lockout.
/// </summary>
public sealed class OracleLimits
{
    /// <summary>Per zone: longest continuous valve opening, s (<c>max_mist_s</c>, ≤ 900 hard limit).</summary>
    public double[] MaxMistSeconds { get; init; } = { 120 };
    /// <summary>Per zone: shortest valve pause, s (<c>min_off_s</c>).</summary>
    public double[] MinOffSeconds { get; init; } = { 60 };
    /// <summary>Per zone: valve-open time over a rolling hour and day, s (<c>budget_hour_s</c> ≤ 1800,
    /// <c>budget_day_s</c> ≤ 14400).</summary>
    public double[] BudgetHourSeconds { get; init; } = { 900 };
    public double[] BudgetDaySeconds { get; init; } = { 3600 };
    /// <summary>Per zone: the high lockout min(<c>lockout.high_c</c>, <c>profile.&lt;stage&gt;.max_temp_c</c>, 35 °C).</summary>
    public double[] HighLockoutC { get; init; } = { 28 };
    /// <summary>Frost lockout max(<c>lockout.low_c</c>, 1 °C) and the release margin <c>lockout.hyst_c</c>.</summary>
    public double LowLockoutC { get; init; } = 4;
    public double LockoutHysteresisC { get; init; } = 1;
    /// <summary>Pump before a valve and after the last one, s (<c>pump.prerun_s</c>, <c>pump.postrun_s</c>).</summary>
    public double PrerunSeconds { get; init; } = 2;
    public double PostrunSeconds { get; init; }
    /// <summary>Valves open at once (<c>max_open_valves</c>).</summary>
    public int MaxOpenValves { get; init; } = 1;
    /// <summary>Fan relay in use and its shortest run and pause, s (<c>fan.enabled</c>, <c>fan.min_on_s</c>, <c>fan.min_off_s</c>).</summary>
    public bool FanEnabled { get; init; } = true;
    public double FanMinOnSeconds { get; init; } = 120;
    public double FanMinOffSeconds { get; init; } = 120;

    public static OracleLimits FromSettings(RunConfiguration config)
    {
        var s = config.Settings;
        int zones = config.Zones;
        double Number(string key) => RunConfiguration.ReadNumber(s, key);
        string Zone(int z, string item) => "zone" + (z + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + item;

        var high = new double[zones];
        for (int z = 0; z < zones; z++)
        {
            int stage = Array.IndexOf(CoreSettings.Stages, RunConfiguration.ReadText(s, Zone(z, CoreSettings.Stage)));
            double h = Number(ControlSettings.LockoutHigh);
            if (ControlSettings.IsWateredStage(stage))
            {
                h = Math.Min(h, Number(ControlSettings.Profile(stage, "max_temp_c")));
            }

            high[z] = Math.Min(h, HardLimits.MaxMistingTemperatureCelsius);
        }

        return new OracleLimits
        {
            MaxMistSeconds = PerZone(zones, z => Math.Min(Number(Zone(z, CoreSettings.MaxMistSeconds)), HardLimits.MaxContinuousMistSeconds)),
            MinOffSeconds = PerZone(zones, z => Number(Zone(z, ControlSettings.MinOffSeconds))),
            BudgetHourSeconds = PerZone(zones, z => Math.Min(Number(Zone(z, ControlSettings.BudgetHourSeconds)), HardLimits.MaxMistSecondsPerHour)),
            BudgetDaySeconds = PerZone(zones, z => Math.Min(Number(Zone(z, ControlSettings.BudgetDaySeconds)), HardLimits.MaxMistSecondsPerDay)),
            HighLockoutC = high,
            LowLockoutC = Math.Max(Number(ControlSettings.LockoutLow), HardLimits.MinMistingTemperatureCelsius),
            LockoutHysteresisC = Number(ControlSettings.LockoutHysteresis),
            PrerunSeconds = Number(ControlSettings.PumpPreRun),
            PostrunSeconds = Number(ControlSettings.PumpPostRun),
            MaxOpenValves = (int)Number(ControlSettings.MaxOpenValves),
            FanEnabled = RunConfiguration.ReadText(s, ControlSettings.FanEnabled) is "on" or "true" or "1",
            FanMinOnSeconds = Number(ControlSettings.FanMinOnSeconds),
            FanMinOffSeconds = Number(ControlSettings.FanMinOffSeconds),
        };
    }

    private static double[] PerZone(int zones, Func<int, double> value) => Enumerable.Range(0, zones).Select(value).ToArray();
}
