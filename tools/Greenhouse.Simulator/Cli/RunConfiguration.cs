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
    /// <summary>The core's settings after the file (validated by the core's own catalogue and rules): what the oracle
    /// reads its limits from.</summary>
    public ControllerSettings Settings { get; private set; } = null!;
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
    /// <summary>Fit the second BME280 (null = only with two or more zones).</summary>
    public bool? SecondSensor { get; private set; }

    /// <summary>Keys the simulator understands (besides the core's).</summary>
    public static readonly string[] SimKeys =
    {
        "sim.score.windows", "sim.score.lockout_c", "sim.score.wet_days", "sim.score.dry_days",
        "sim.timer.program", "sim.cycle.on_min", "sim.cycle.off_min",
        "sim.hygrostat.target", "sim.hygrostat.dry_tolerance", "sim.hygrostat.wet_tolerance", "sim.hygrostat.min_cycle_s",
        "sim.tank_empty_from_min", "sim.vary_days", "sim.sensors",
    };

    public static RunConfiguration Build(IReadOnlyList<SettingLine> lines, string? deviceId)
    {
        var config = new RunConfiguration();
        var probe = new ControllerSettings(SettingsCatalog.All());
        Greenhouse.Control.ControlSettings.AddRules(probe);
        TimeWindow[]? windows = null;
        double? lockout = null;
        int? wetDays = null, dryDays = null;

        foreach (var line in lines)
        {
            string where = $"settings line {line.LineNumber} ({line.Key})";
            if (line.Key.StartsWith(RunSettingsFile.SimPrefix, StringComparison.Ordinal))
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
                        case "sim.sensors": config.SecondSensor = Number(line.Value, 1, 2) == 2; break;
                        default:
                            throw new FormatException($"unknown simulator key; known: {string.Join(", ", SimKeys)}");
                    }
                }
                catch (FormatException e)
                {
                    throw new RunSettingsFileException($"{where}: {e.Message}");
                }

                continue;
            }

            if (!probe.TrySet(line.Key, line.Value, out string error))
            {
                throw new RunSettingsFileException($"{where}: {error}");
            }

            config.CoreLines.Add(line);
        }

        if (!string.IsNullOrEmpty(deviceId))
        {
            if (!probe.TrySet(CoreSettings.DeviceId, deviceId, out string error))
            {
                throw new RunSettingsFileException($"--device-id: {error}");
            }

            config.CoreLines.Add(new SettingLine(0, CoreSettings.DeviceId, deviceId));
        }

        config.Settings = probe;
        config.Zones = (int)ReadNumber(probe, CoreSettings.ZoneCount);
        config.Plans = new ScoringPlan[config.Zones];
        for (int z = 0; z < config.Zones; z++)
        {
            config.Plans[z] = PlanFromCore(probe, z + 1, windows, lockout, wetDays, dryDays);
        }

        return config;
    }

    /// <summary>
    /// The scoring plan of a zone as ours' settings define it (docs/control.md): target and band of the zone;
    /// the misting window of its stage (<c>profile.&lt;stage&gt;.start_h..end_h</c>, whole hours, start = end all
    /// day, none for stages without water); the high lockout min(<c>lockout.high_c</c>,
    /// <c>profile.&lt;stage&gt;.max_temp_c</c>); wet/dry alternation (<c>wet_days</c>/<c>dry_days</c>, growth
    /// stage only) counted from the first day of the run. <c>sim.score.*</c> keys override windows, lockout and
    /// the wet/dry days. The season modes (summer night-only, cold midday-only; <c>season.*</c>) are part of the
    /// plan: while the model's inside temperature puts the house in a season mode, the window that mode allows
    /// replaces the stage window for every controller (issue 7: scored minutes are wet-phase minutes inside the
    /// misting windows). An explicit <c>sim.score.windows</c> turns the season rules off.
    /// </summary>
    public static ScoringPlan PlanFromCore(ControllerSettings settings, int zone, TimeWindow[]? windows, double? lockout, int? wetDays, int? dryDays)
    {
        string prefix = "zone" + zone.ToString(CultureInfo.InvariantCulture) + ".";
        string stageName = ReadText(settings, prefix + CoreSettings.Stage);
        int stage = Array.IndexOf(CoreSettings.Stages, stageName);
        bool watered = Greenhouse.Control.ControlSettings.IsWateredStage(stage);
        TimeWindow[] stageWindows = Array.Empty<TimeWindow>();
        double stageLockout = ReadNumber(settings, Greenhouse.Control.ControlSettings.LockoutHigh);
        if (watered)
        {
            int start = (int)ReadNumber(settings, Greenhouse.Control.ControlSettings.Profile(stage, "start_h"));
            int end = (int)ReadNumber(settings, Greenhouse.Control.ControlSettings.Profile(stage, "end_h"));
            stageWindows = new[] { new TimeWindow(start * 60, end * 60) };
            stageLockout = Math.Min(stageLockout, ReadNumber(settings, Greenhouse.Control.ControlSettings.Profile(stage, "max_temp_c")));
        }

        bool growth = stage == Greenhouse.Control.ControlSettings.StageGrowth;
        return new ScoringPlan
        {
            Stage = stageName,
            TargetRhPct = ReadNumber(settings, prefix + CoreSettings.TargetRh),
            BandRhPct = ReadNumber(settings, prefix + CoreSettings.Band),
            LockoutTempC = lockout ?? stageLockout,
            Windows = windows ?? stageWindows,
            Seasons = windows == null ? SeasonsFromCore(settings) : null,
            WetDays = wetDays ?? (growth ? (int)ReadNumber(settings, prefix + Greenhouse.Control.ControlSettings.WetDays) : 0),
            DryDays = dryDays ?? (growth ? (int)ReadNumber(settings, prefix + Greenhouse.Control.ControlSettings.DryDays) : 0),
        };
    }

    /// <summary>The season rules as the core's settings define them (read the same keys as the engine).</summary>
    public static SeasonRules SeasonsFromCore(ISettingsView settings)
    {
        bool Flag(string key) => ReadText(settings, key) is "on" or "true" or "1";
        return new SeasonRules(
            Flag(Greenhouse.Control.ControlSettings.SummerMode),
            ReadNumber(settings, Greenhouse.Control.ControlSettings.SummerCelsius),
            (int)ReadNumber(settings, Greenhouse.Control.ControlSettings.NightStartHour),
            (int)ReadNumber(settings, Greenhouse.Control.ControlSettings.NightEndHour),
            Flag(Greenhouse.Control.ControlSettings.ColdMode),
            ReadNumber(settings, Greenhouse.Control.ControlSettings.ColdCelsius),
            (int)ReadNumber(settings, Greenhouse.Control.ControlSettings.MiddayStartHour),
            (int)ReadNumber(settings, Greenhouse.Control.ControlSettings.MiddayEndHour),
            (int)ReadNumber(settings, Greenhouse.Control.ControlSettings.SeasonMemoryHours));
    }

    internal static string ReadText(ISettingsView settings, string key)
    {
        if (!settings.TryGetText(key, out string text, out string error))
        {
            throw new InvalidOperationException($"core setting {key} is not readable: {error}");
        }

        return text;
    }

    internal static double ReadNumber(ISettingsView settings, string key)
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
