using Greenhouse.Settings;

namespace Greenhouse.Control
{
    /// <summary>Setting indices the engine reads every tick, resolved once.</summary>
    public sealed class ControlIndex
    {
        public readonly int Mode, TargetRh, Band, Stage, MaxMist;
        public readonly int PulseMin, PulseMax, FullDeficit, Settle, MinOff, Anticipate;
        public readonly int WetDays, DryDays, MaxWetDays, StageAuto, BudgetHour, BudgetDay, NozzleFlow;
        public readonly int PreRun, PostRun, MaxOpen;
        public readonly int LockHigh, LockLow, LockHyst;
        public readonly int Summer, SummerC, NightStart, NightEnd, Cold, ColdC, MiddayStart, MiddayEnd, SeasonMemory;
        public readonly int DegradedPulse, DegradedInterval, NoEffectPulses, NoEffectRise, NoEffectBackoff;
        public readonly int ProtectRh, ProtectC, ProtectPulse, ProtectInterval;
        public readonly int FanEnabled, FanOn, FanHyst, CondRh, CondMin, FanMinOn, FanMinOff;
        public readonly int RatedOps, WearPct, SaveSeconds;
        public readonly int ZoneCount;

        /// <summary>Per stage (index into CoreSettings.Stages); -1 where the stage has no such item.</summary>
        public readonly int[] ProfileTarget = new int[6];
        public readonly int[] ProfileMaxTemp = new int[6];
        public readonly int[] ProfileStart = new int[6];
        public readonly int[] ProfileEnd = new int[6];
        public readonly int[] ProfileDays = new int[6];
        public readonly int PreHarvestHours;

        public ControlIndex(ControllerSettings s)
        {
            Mode = s.Require(CoreSettings.Mode);
            TargetRh = s.Require(CoreSettings.TargetRh);
            Band = s.Require(CoreSettings.Band);
            Stage = s.Require(CoreSettings.Stage);
            MaxMist = s.Require(CoreSettings.MaxMistSeconds);
            ZoneCount = s.Require(CoreSettings.ZoneCount);
            PulseMin = s.Require(ControlSettings.PulseMinSeconds);
            PulseMax = s.Require(ControlSettings.PulseMaxSeconds);
            FullDeficit = s.Require(ControlSettings.PulseFullDeficit);
            Settle = s.Require(ControlSettings.SettleSeconds);
            MinOff = s.Require(ControlSettings.MinOffSeconds);
            Anticipate = s.Require(ControlSettings.Anticipate);
            WetDays = s.Require(ControlSettings.WetDays);
            DryDays = s.Require(ControlSettings.DryDays);
            MaxWetDays = s.Require(ControlSettings.MaxWetDays);
            StageAuto = s.Require(ControlSettings.StageAuto);
            BudgetHour = s.Require(ControlSettings.BudgetHourSeconds);
            BudgetDay = s.Require(ControlSettings.BudgetDaySeconds);
            NozzleFlow = s.Require(ControlSettings.NozzleFlow);
            PreRun = s.Require(ControlSettings.PumpPreRun);
            PostRun = s.Require(ControlSettings.PumpPostRun);
            MaxOpen = s.Require(ControlSettings.MaxOpenValves);
            LockHigh = s.Require(ControlSettings.LockoutHigh);
            LockLow = s.Require(ControlSettings.LockoutLow);
            LockHyst = s.Require(ControlSettings.LockoutHysteresis);
            Summer = s.Require(ControlSettings.SummerMode);
            SummerC = s.Require(ControlSettings.SummerCelsius);
            NightStart = s.Require(ControlSettings.NightStartHour);
            NightEnd = s.Require(ControlSettings.NightEndHour);
            Cold = s.Require(ControlSettings.ColdMode);
            ColdC = s.Require(ControlSettings.ColdCelsius);
            MiddayStart = s.Require(ControlSettings.MiddayStartHour);
            MiddayEnd = s.Require(ControlSettings.MiddayEndHour);
            SeasonMemory = s.Require(ControlSettings.SeasonMemoryHours);
            DegradedPulse = s.Require(ControlSettings.DegradedPulseSeconds);
            DegradedInterval = s.Require(ControlSettings.DegradedIntervalMinutes);
            NoEffectPulses = s.Require(ControlSettings.NoEffectPulses);
            NoEffectRise = s.Require(ControlSettings.NoEffectRise);
            NoEffectBackoff = s.Require(ControlSettings.NoEffectBackoffMinutes);
            ProtectRh = s.Require(ControlSettings.ProtectRh);
            ProtectC = s.Require(ControlSettings.ProtectCelsius);
            ProtectPulse = s.Require(ControlSettings.ProtectPulseSeconds);
            ProtectInterval = s.Require(ControlSettings.ProtectIntervalMinutes);
            FanEnabled = s.Require(ControlSettings.FanEnabled);
            FanOn = s.Require(ControlSettings.FanOnCelsius);
            FanHyst = s.Require(ControlSettings.FanHysteresis);
            CondRh = s.Require(ControlSettings.CondensationRh);
            CondMin = s.Require(ControlSettings.CondensationMinutes);
            FanMinOn = s.Require(ControlSettings.FanMinOnSeconds);
            FanMinOff = s.Require(ControlSettings.FanMinOffSeconds);
            RatedOps = s.Require(ControlSettings.RelayRatedOperations);
            WearPct = s.Require(ControlSettings.RelayWearWarnPercent);
            SaveSeconds = s.Require(ControlSettings.StateSaveSeconds);
            for (int stage = 0; stage < 6; stage++)
            {
                ProfileTarget[stage] = s.IndexOf(ControlSettings.Profile(stage, "target_rh"));
                ProfileMaxTemp[stage] = s.IndexOf(ControlSettings.Profile(stage, "max_temp_c"));
                ProfileStart[stage] = s.IndexOf(ControlSettings.Profile(stage, "start_h"));
                ProfileEnd[stage] = s.IndexOf(ControlSettings.Profile(stage, "end_h"));
                ProfileDays[stage] = s.IndexOf(ControlSettings.Profile(stage, "days"));
            }

            PreHarvestHours = s.Require(ControlSettings.Profile(ControlSettings.StagePreHarvest, "hours"));
        }
    }

    /// <summary>What the engine knows about this tick, shared with every zone (filled in place, never reallocated).</summary>
    public sealed class ControlContext
    {
        public long NowMs;
        /// <summary>Milliseconds since the previous tick (0 on the first).</summary>
        public long DeltaMs;
        public bool ClockSynced;
        /// <summary>Local minute of day, valid when ClockSynced.</summary>
        public int MinuteOfDay;
        /// <summary>Day boundaries crossed since the previous tick (local midnight, or 24 h of uptime when unsynced).</summary>
        public int DayCrossings;
        public bool TankHasWater;
        /// <summary>Summer (night-only) mode active.</summary>
        public bool Summer;
        /// <summary>Cold (midday-only) mode active.</summary>
        public bool Cold;
    }
}
