using Greenhouse.Settings;

namespace Greenhouse.Control
{
    /// <summary>
    /// Every setting of the control engine (docs/control.md explains each and the crop fact behind its default;
    /// § numbers refer to shared/reference/wood-ear-domain.md). Zone settings are addressed as zoneN.name,
    /// device settings by their dotted name. Existing core keys (mode, target_rh, band, stage, max_mist_s) stay in
    /// CoreSettings.
    /// </summary>
    public static class ControlSettings
    {
        // Per zone.
        public const string PulseMinSeconds = "pulse_min_s";
        public const string PulseMaxSeconds = "pulse_max_s";
        public const string PulseFullDeficit = "pulse_full_deficit";
        public const string SettleSeconds = "settle_s";
        public const string MinOffSeconds = "min_off_s";
        public const string Anticipate = "anticipate";
        public const string WetDays = "wet_days";
        public const string DryDays = "dry_days";
        public const string MaxWetDays = "max_wet_days";
        public const string StageAuto = "stage_auto";
        public const string BudgetHourSeconds = "budget_hour_s";
        public const string BudgetDaySeconds = "budget_day_s";
        public const string NozzleFlow = "nozzle_flow_l_min";
        public const string Film = "film";
        public const string FilmDose = "film_dose_l";

        // Device: water path.
        public const string PumpPreRun = "pump.prerun_s";
        public const string PumpPostRun = "pump.postrun_s";
        public const string MaxOpenValves = "max_open_valves";

        // Device: lockouts.
        public const string LockoutHigh = "lockout.high_c";
        public const string LockoutLow = "lockout.low_c";
        public const string LockoutHysteresis = "lockout.hyst_c";

        // Device: seasons and windows.
        public const string SummerMode = "season.summer";
        public const string SummerCelsius = "season.summer_c";
        public const string NightStartHour = "season.night_start_h";
        public const string NightEndHour = "season.night_end_h";
        public const string ColdMode = "season.cold";
        public const string ColdCelsius = "season.cold_c";
        public const string MiddayStartHour = "season.midday_start_h";
        public const string MiddayEndHour = "season.midday_end_h";
        public const string SeasonMemoryHours = "season.memory_h";

        // Device: degraded program and no-effect detection.
        public const string DegradedPulseSeconds = "degraded.pulse_s";
        public const string DegradedIntervalMinutes = "degraded.interval_min";
        public const string NoEffectPulses = "no_effect.pulses";
        public const string NoEffectRise = "no_effect.rise_pct";
        public const string NoEffectBackoffMinutes = "no_effect.backoff_min";

        // Device: protective minimum in dry phases and rest.
        public const string ProtectRh = "protect.rh";
        public const string ProtectCelsius = "protect.temp_c";
        public const string ProtectPulseSeconds = "protect.pulse_s";
        public const string ProtectIntervalMinutes = "protect.interval_min";

        // Device: the ears' water balance.
        public const string FilmHeatMargin = "film.heat_margin_c";

        // Device: ventilation.
        public const string FanEnabled = "fan.enabled";
        public const string FanOnCelsius = "fan.on_c";
        public const string FanHysteresis = "fan.hyst_c";
        public const string CondensationRh = "fan.condensation_rh";
        public const string CondensationMinutes = "fan.condensation_min";
        public const string FanMinOnSeconds = "fan.min_on_s";
        public const string FanMinOffSeconds = "fan.min_off_s";

        // Device: relay wear and state saving.
        public const string RelayRatedOperations = "relay.rated_ops";
        public const string RelayWearWarnPercent = "relay.wear_warn_pct";
        public const string StateSaveSeconds = "state.save_s";

        /// <summary>Stage indices into CoreSettings.Stages.</summary>
        public const int StageRecovery = 0;
        public const int StagePinning = 1;
        public const int StageEarlyGrowth = 2;
        public const int StageGrowth = 3;
        public const int StagePreHarvest = 4;
        public const int StageRest = 5;

        /// <summary>Name of a stage profile setting: profile.&lt;stage&gt;.&lt;item&gt;.</summary>
        public static string Profile(int stage, string item)
        {
            return "profile." + CoreSettings.Stages[stage] + "." + item;
        }

        /// <summary>True for the stages in which the crop is watered to a humidity target.</summary>
        public static bool IsWateredStage(int stage)
        {
            return stage == StagePinning || stage == StageEarlyGrowth || stage == StageGrowth;
        }

        public static SettingDefinition[] Definitions()
        {
            return new SettingDefinition[]
            {
                SettingDefinition.Integer(PulseMinSeconds, true, 1, 300, 10, "s", "shortest automatic mist pulse"),
                SettingDefinition.Integer(PulseMaxSeconds, true, 2, 600, 90, "s", "longest automatic mist pulse (reached at the full deficit)"),
                SettingDefinition.Number(PulseFullDeficit, true, 1, 30, 8, 1, "%", "humidity deficit below target at which the pulse reaches pulse_max_s"),
                SettingDefinition.Integer(SettleSeconds, true, 30, 3600, 240, "s", "after a pulse, humidity is not acted on for this long (mist evaporates, reaches the sensor)"),
                SettingDefinition.Integer(MinOffSeconds, true, 0, 3600, 60, "s", "shortest time a valve stays closed between pulses"),
                SettingDefinition.Flag(Anticipate, true, true, "scale pulses from recent peaks: shorter after overshoot above target + band, longer while peaks stay below target"),
                SettingDefinition.Integer(WetDays, true, 1, 30, 5, "d", "growth stage: days of misting before a dry spell"),
                SettingDefinition.Integer(DryDays, true, 0, 14, 2, "d", "growth stage: dry days after the wet days; 0 = no alternation"),
                SettingDefinition.Integer(MaxWetDays, true, 1, 60, 15, "d", "growth stage: cap on cumulative wet days per flush; then the zone stays dry"),
                SettingDefinition.Flag(StageAuto, true, false, "advance the stage by its day counter (profile.<stage>.days)"),
                SettingDefinition.Integer(BudgetHourSeconds, true, 0, HardLimits.MaxMistSecondsPerHour, 900, "s", "most valve-open time per rolling hour"),
                SettingDefinition.Integer(BudgetDaySeconds, true, 0, HardLimits.MaxMistSecondsPerDay, 3600, "s", "most valve-open time per rolling 24 h"),
                SettingDefinition.Number(NozzleFlow, true, 0, 200, 10, 1, "L/min", "water flow of the zone's nozzles together, for the litres estimate"),
                SettingDefinition.Flag(Film, true, true, "in wet phases, top the ears' water film up as its estimated balance dries (besides misting below target - band)"),
                SettingDefinition.Number(FilmDose, true, 1, 200, 12, 1, "L", "water sprayed per film top-up (twice this to wet a dry film)"),

                SettingDefinition.Integer(PumpPreRun, false, 0, 30, 2, "s", "pump runs this long before a valve opens (pressure)"),
                SettingDefinition.Integer(PumpPostRun, false, 0, 30, 0, "s", "pump keeps running this long after the last valve closed"),
                SettingDefinition.Integer(MaxOpenValves, false, 1, ControllerSettings.MaxZones, 1, "", "most valves open at once (water pressure); waiting zones take turns"),

                SettingDefinition.Number(LockoutHigh, false, 15, HardLimits.MaxMistingTemperatureCelsius, 28, 1, "C", "no misting at or above this air temperature"),
                SettingDefinition.Number(LockoutLow, false, HardLimits.MinMistingTemperatureCelsius, 15, 4, 1, "C", "no misting at or below this air temperature (frost)"),
                SettingDefinition.Number(LockoutHysteresis, false, 0.5, 5, 1, 1, "C", "a lockout ends this far back inside the allowed range"),

                SettingDefinition.Flag(SummerMode, false, true, "night-only misting after the temperature reached season.summer_c"),
                SettingDefinition.Number(SummerCelsius, false, 15, 35, 25, 1, "C", "temperature that starts summer (night-only) mode"),
                SettingDefinition.Integer(NightStartHour, false, 0, 23, 19, "h", "summer mode: misting window start, local hour"),
                SettingDefinition.Integer(NightEndHour, false, 0, 23, 6, "h", "summer mode: misting window end, local hour"),
                SettingDefinition.Flag(ColdMode, false, true, "midday-only misting while the temperature stays below season.cold_c"),
                SettingDefinition.Number(ColdCelsius, false, 5, 25, 15, 1, "C", "cold mode when the temperature has not reached this within season.memory_h"),
                SettingDefinition.Integer(MiddayStartHour, false, 0, 23, 9, "h", "cold mode: misting window start, local hour"),
                SettingDefinition.Integer(MiddayEndHour, false, 0, 23, 15, "h", "cold mode: misting window end, local hour"),
                SettingDefinition.Integer(SeasonMemoryHours, false, 1, 72, 24, "h", "how long a hot (or missing warm) reading keeps the season mode"),

                SettingDefinition.Integer(DegradedPulseSeconds, false, 1, 120, 5, "s", "fallback pulse when a zone has no trustworthy humidity"),
                SettingDefinition.Integer(DegradedIntervalMinutes, false, 5, 240, 20, "min", "fallback pulse period"),
                SettingDefinition.Integer(NoEffectPulses, false, 1, 20, 3, "", "pulses in a row without a humidity rise before no_effect"),
                SettingDefinition.Number(NoEffectRise, false, 0.5, 20, 2, 1, "%", "humidity rise a pulse must cause to count as effective"),
                SettingDefinition.Integer(NoEffectBackoffMinutes, false, 5, 720, 30, "min", "pause after no_effect before trying again"),

                SettingDefinition.Number(ProtectRh, false, 20, 80, 60, 1, "%", "dry phase and rest: protective pulse only below this humidity"),
                SettingDefinition.Number(ProtectCelsius, false, 10, 35, 25, 1, "C", "dry phase and rest: protective pulse only at or above this temperature or in summer mode"),
                SettingDefinition.Integer(ProtectPulseSeconds, false, 1, 60, 10, "s", "protective pulse length"),
                SettingDefinition.Integer(ProtectIntervalMinutes, false, 30, 1440, 120, "min", "shortest time between protective pulses"),

                SettingDefinition.Number(FilmHeatMargin, false, 0, 10, 3, 1, "C", "no film top-up this close below the high lockout (the film would still be wet when the air gets there)"),

                SettingDefinition.Flag(FanEnabled, false, true, "drive the ventilation relay"),
                SettingDefinition.Number(FanOnCelsius, false, 15, 40, 26, 1, "C", "fan on at or above this temperature"),
                SettingDefinition.Number(FanHysteresis, false, 0.5, 10, 2, 1, "C", "fan off this far below fan.on_c"),
                SettingDefinition.Number(CondensationRh, false, 90, 100, 98, 1, "%", "humidity counted as near saturation"),
                SettingDefinition.Integer(CondensationMinutes, false, 5, 720, 30, "min", "near saturation this long: condensation alarm, fan on, misting held"),
                SettingDefinition.Integer(FanMinOnSeconds, false, 0, 3600, 120, "s", "shortest fan run"),
                SettingDefinition.Integer(FanMinOffSeconds, false, 0, 3600, 120, "s", "shortest fan pause"),

                SettingDefinition.Integer(RelayRatedOperations, false, 1000, 100000000, 100000, "ops", "rated switching operations of the relays"),
                SettingDefinition.Integer(RelayWearWarnPercent, false, 10, 100, 80, "%", "relay_wear alarm at this share of the rated operations"),
                SettingDefinition.Integer(StateSaveSeconds, false, 60, 3600, 600, "s", "counters are saved at most this often (phase, day and stage changes at once)"),

                // Stage profiles (device level). Entering a stage copies its target into zoneN.target_rh.
                SettingDefinition.Integer(Profile(StageRecovery, "days"), false, 1, 60, 3, "d", "recovery length when stage_auto is on"),
                SettingDefinition.Number(Profile(StagePinning, "target_rh"), false, 60, HardLimits.MaxTargetRelativeHumidity, 83, 1, "%", "pinning humidity target"),
                SettingDefinition.Number(Profile(StagePinning, "max_temp_c"), false, 15, HardLimits.MaxMistingTemperatureCelsius, 28, 1, "C", "pinning: no misting at or above"),
                SettingDefinition.Integer(Profile(StagePinning, "start_h"), false, 0, 23, 7, "h", "pinning misting window start, local hour"),
                SettingDefinition.Integer(Profile(StagePinning, "end_h"), false, 0, 23, 17, "h", "pinning misting window end, local hour"),
                SettingDefinition.Integer(Profile(StagePinning, "days"), false, 1, 60, 12, "d", "pinning length when stage_auto is on"),
                SettingDefinition.Number(Profile(StageEarlyGrowth, "target_rh"), false, 60, HardLimits.MaxTargetRelativeHumidity, 85, 1, "%", "early growth humidity target"),
                SettingDefinition.Number(Profile(StageEarlyGrowth, "max_temp_c"), false, 15, HardLimits.MaxMistingTemperatureCelsius, 30, 1, "C", "early growth: no misting at or above"),
                SettingDefinition.Integer(Profile(StageEarlyGrowth, "start_h"), false, 0, 23, 5, "h", "early growth misting window start, local hour"),
                SettingDefinition.Integer(Profile(StageEarlyGrowth, "end_h"), false, 0, 23, 19, "h", "early growth misting window end, local hour"),
                SettingDefinition.Integer(Profile(StageEarlyGrowth, "days"), false, 1, 60, 10, "d", "early growth length when stage_auto is on"),
                SettingDefinition.Number(Profile(StageGrowth, "target_rh"), false, 60, HardLimits.MaxTargetRelativeHumidity, 92, 1, "%", "growth humidity target"),
                SettingDefinition.Number(Profile(StageGrowth, "max_temp_c"), false, 15, HardLimits.MaxMistingTemperatureCelsius, 30, 1, "C", "growth: no misting at or above"),
                SettingDefinition.Integer(Profile(StageGrowth, "start_h"), false, 0, 23, 5, "h", "growth misting window start, local hour"),
                SettingDefinition.Integer(Profile(StageGrowth, "end_h"), false, 0, 23, 19, "h", "growth misting window end, local hour"),
                SettingDefinition.Integer(Profile(StageGrowth, "days"), false, 1, 90, 21, "d", "growth length when stage_auto is on"),
                SettingDefinition.Integer(Profile(StagePreHarvest, "hours"), false, 1, 96, 24, "h", "no water for this long before picking; then rest when stage_auto is on"),
                SettingDefinition.Integer(Profile(StageRest, "start_h"), false, 0, 23, 5, "h", "rest: protective pulse window start, local hour"),
                SettingDefinition.Integer(Profile(StageRest, "end_h"), false, 0, 23, 19, "h", "rest: protective pulse window end, local hour"),
                SettingDefinition.Integer(Profile(StageRest, "days"), false, 1, 30, 5, "d", "rest between flushes when stage_auto is on; then early growth"),
            };
        }

        /// <summary>Adds the cross-setting rules of the control engine. Call once after creating the settings.</summary>
        public static void AddRules(ControllerSettings settings)
        {
            settings.AddRule(new ControlRules(settings));
        }
    }

    /// <summary>Checks that pairs of control settings make sense together.</summary>
    internal sealed class ControlRules : ISettingsRule
    {
        private readonly int _pulseMin;
        private readonly int _pulseMax;
        private readonly int _high;
        private readonly int _low;
        private readonly int _hyst;

        public ControlRules(ControllerSettings settings)
        {
            _pulseMin = settings.Require(ControlSettings.PulseMinSeconds);
            _pulseMax = settings.Require(ControlSettings.PulseMaxSeconds);
            _high = settings.Require(ControlSettings.LockoutHigh);
            _low = settings.Require(ControlSettings.LockoutLow);
            _hyst = settings.Require(ControlSettings.LockoutHysteresis);
        }

        public string Check(ControllerSettings settings, int zone)
        {
            int first = zone == 0 ? 1 : zone;
            int last = zone == 0 ? ControllerSettings.MaxZones : zone;
            for (int z = first; z <= last; z++)
            {
                if (settings.Integer(_pulseMin, z) >= settings.Integer(_pulseMax, z))
                {
                    return "pulse_min_s must be below pulse_max_s";
                }
            }

            if (settings.Number(_low, 0) + 2 * settings.Number(_hyst, 0) >= settings.Number(_high, 0))
            {
                return "lockout.low_c plus twice lockout.hyst_c must be below lockout.high_c";
            }

            return null;
        }
    }
}
