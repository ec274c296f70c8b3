using System.Globalization;
using Greenhouse.Settings;
using Greenhouse.Simulator.Baselines;
using Greenhouse.Simulator.Metrics;

namespace Greenhouse.Simulator.Cli;

/// <summary>
/// The settings file split into the core's settings (validated against the core's own catalogue, even
/// for baseline runs, so a bad file fails the same way everywhere) and the simulator's <c>sim.*</c> keys.
/// The scoring plan for every controller comes from the core's settings (target, band) plus the
/// <c>sim.score.*</c> keys, so baselines are scored against the same target and windows as ours.
/// </summary>
public sealed class RunConfiguration
{
    public List<SettingLine> CoreLines { get; } = new();
    public ScoringPlan[] Plans { get; private set; } = { new() };
    public int Zones { get; private set; } = 1;

    // Baseline set-up (defaults documented in tools/Greenhouse.Simulator/README.md).
    public TimeWindow[]? TimerProgram { get; private set; }
    public double CycleOnMinutes { get; private set; } = 5;
    public double CycleOffMinutes { get; private set; } = 25;
    public double? HygrostatTarget { get; private set; }
    public double HygrostatDryTolerance { get; private set; } = 3;
    public double HygrostatWetTolerance { get; private set; } = 3;
    public int HygrostatMinCycleSeconds { get; private set; } = 60;
    public double? TankEmptyFromMinute { get; private set; }
    public bool VaryDays { get; private set; }

    /// <summary>Keys the simulator understands (besides the core's).</summary>
    public static readonly string[] SimKeys =
    {
        "sim.score.windows", "sim.score.lockout_c", "sim.score.wet_days", "sim.score.dry_days",
        "sim.timer.program", "sim.cycle.on_min", "sim.cycle.off_min",
        "sim.hygrostat.target", "sim.hygrostat.dry_tolerance", "sim.hygrostat.wet_tolerance", "sim.hygrostat.min_cycle_s",
        "sim.tank_empty_from_min", "sim.vary_days",
    };

    public static RunConfiguration Build(IReadOnlyList<SettingLine> lines, string? deviceId)
    {
        var config = new RunConfiguration();
        var probe = new ControllerSettings(SettingsCatalog.All());
        TimeWindow[] windows = ScoringPlan.DefaultWindows;
        double lockout = 28.0;
        int wetDays = 0, dryDays = 0;

        foreach (var line in lines)
        {
            string where = $"settings line {line.LineNumber} ({line.Key})";
            if (line.Key.StartsWith(SettingsFile.SimPrefix, StringComparison.Ordinal))
            {
                try
                {
                    switch (line.Key)
                    {
                        case "sim.score.windows": windows = ParseWindows(line.Value); break;
                        case "sim.score.lockout_c": lockout = Number(line.Value, -10, 60); break;
                        case "sim.score.wet_days": wetDays = (int)Number(line.Value, 0, 60); break;
                        case "sim.score.dry_days": dryDays = (int)Number(line.Value, 0, 60); break;
                        case "sim.timer.program":
                            config.TimerProgram = ParseWindows(line.Value);
                            if (config.TimerProgram.Length * 2 > TimerBaseline.MaxEvents)
                            {
                                throw new FormatException($"a KG316T holds at most {TimerBaseline.MaxEvents / 2} on/off sessions");
                            }

                            break;
                        case "sim.cycle.on_min": config.CycleOnMinutes = Number(line.Value, 0.1, 999); break;
                        case "sim.cycle.off_min": config.CycleOffMinutes = Number(line.Value, 0.1, 999); break;
                        case "sim.hygrostat.target": config.HygrostatTarget = Number(line.Value, 1, 100); break;
                        case "sim.hygrostat.dry_tolerance": config.HygrostatDryTolerance = Number(line.Value, 0, 50); break;
                        case "sim.hygrostat.wet_tolerance": config.HygrostatWetTolerance = Number(line.Value, 0, 50); break;
                        case "sim.hygrostat.min_cycle_s": config.HygrostatMinCycleSeconds = (int)Number(line.Value, 0, 86400); break;
                        case "sim.tank_empty_from_min": config.TankEmptyFromMinute = Number(line.Value, 0, 1e7); break;
                        case "sim.vary_days": config.VaryDays = Flag(line.Value); break;
                        default:
                            throw new FormatException($"unknown simulator key; known: {string.Join(", ", SimKeys)}");
                    }
                }
                catch (FormatException e)
                {
                    throw new SettingsFileException($"{where}: {e.Message}");
                }

                continue;
            }

            if (!probe.TrySet(line.Key, line.Value, out string error))
            {
                throw new SettingsFileException($"{where}: {error}");
            }

            config.CoreLines.Add(line);
        }

        if (!string.IsNullOrEmpty(deviceId))
        {
            if (!probe.TrySet(CoreSettings.DeviceId, deviceId, out string error))
            {
                throw new SettingsFileException($"--device-id: {error}");
            }

            config.CoreLines.Add(new SettingLine(0, CoreSettings.DeviceId, deviceId));
        }

        config.Zones = (int)ReadNumber(probe, CoreSettings.ZoneCount);
        config.Plans = new ScoringPlan[config.Zones];
        for (int z = 0; z < config.Zones; z++)
        {
            string prefix = "zone" + (z + 1).ToString(CultureInfo.InvariantCulture) + ".";
            config.Plans[z] = new ScoringPlan
            {
                TargetRhPct = ReadNumber(probe, prefix + CoreSettings.TargetRh),
                BandRhPct = ReadNumber(probe, prefix + CoreSettings.Band),
                LockoutTempC = lockout,
                Windows = windows,
                WetDays = wetDays,
                DryDays = dryDays,
            };
        }

        return config;
    }

    private static double ReadNumber(ControllerSettings settings, string key)
    {
        if (!settings.TryGetText(key, out string text, out string error) ||
            !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new InvalidOperationException($"core setting {key} is not readable: {error}");
        }

        return value;
    }

    private static TimeWindow[] ParseWindows(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new FormatException("expected HH:MM-HH:MM[,HH:MM-HH:MM...]");
        }

        return parts.Select(TimeWindow.Parse).ToArray();
    }

    private static double Number(string text, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v < min || v > max)
        {
            throw new FormatException($"'{text}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return v;
    }

    private static bool Flag(string text) => text.Trim().ToLowerInvariant() switch
    {
        "1" or "on" or "true" or "yes" => true,
        "0" or "off" or "false" or "no" => false,
        _ => throw new FormatException($"'{text}' must be on or off"),
    };
}
