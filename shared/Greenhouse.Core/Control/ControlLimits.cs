using Greenhouse.Settings;

namespace Greenhouse.Control
{
    /// <summary>
    /// The settings the control engine reads every tick, copied into typed fields whose names carry their unit
    /// (docs/control.md explains each). Refreshed in place whenever a setting changes (it observes the settings), so
    /// a reference held by a zone is always current and reading allocates nothing. Hard limits are applied here,
    /// once: no field can exceed its compiled ceiling whatever the settings say.
    /// </summary>
    public sealed class ControlLimits : ISettingsObserver
    {
        private readonly ControllerSettings _s;
        private readonly ZoneLimits[] _zones = new ZoneLimits[ControllerSettings.MaxZones + 1];
        private readonly DeviceLimits _device = new DeviceLimits();
        private readonly int _mode, _target, _band, _stage, _maxMist, _pulseMin, _pulseMax, _fullDeficit, _settle, _minOff,
            _anticipate, _wetDays, _dryDays, _maxWetDays, _stageAuto, _budgetHour, _budgetDay, _nozzleFlow,
            _film, _filmDose;
        private readonly int _zoneCount, _preRun, _postRun, _maxOpen, _lockHigh, _lockLow, _lockHyst, _summer, _summerC,
            _nightStart, _nightEnd, _cold, _coldC, _middayStart, _middayEnd, _seasonMemory, _degradedPulse,
            _degradedInterval, _noEffectPulses, _noEffectRise, _noEffectBackoff, _protectRh, _protectC, _protectPulse,
            _protectInterval, _fanEnabled, _fanOn, _fanHyst, _condRh, _condMin, _fanMinOn, _fanMinOff, _ratedOps,
            _wearPct, _saveSeconds, _preHarvestHours, _filmHeatMargin;
        private readonly int[] _profileTarget = new int[StageCount];
        private readonly int[] _profileMaxTemp = new int[StageCount];
        private readonly int[] _profileStart = new int[StageCount];
        private readonly int[] _profileEnd = new int[StageCount];
        private readonly int[] _profileDays = new int[StageCount];

        private const int StageCount = 6;

        public ControlLimits(ControllerSettings settings)
        {
            _s = settings;
            _mode = settings.Require(CoreSettings.Mode);
            _target = settings.Require(CoreSettings.TargetRh);
            _band = settings.Require(CoreSettings.Band);
            _stage = settings.Require(CoreSettings.Stage);
            _maxMist = settings.Require(CoreSettings.MaxMistSeconds);
            _zoneCount = settings.Require(CoreSettings.ZoneCount);
            _pulseMin = settings.Require(ControlSettings.PulseMinSeconds);
            _pulseMax = settings.Require(ControlSettings.PulseMaxSeconds);
            _fullDeficit = settings.Require(ControlSettings.PulseFullDeficit);
            _settle = settings.Require(ControlSettings.SettleSeconds);
            _minOff = settings.Require(ControlSettings.MinOffSeconds);
            _anticipate = settings.Require(ControlSettings.Anticipate);
            _wetDays = settings.Require(ControlSettings.WetDays);
            _dryDays = settings.Require(ControlSettings.DryDays);
            _maxWetDays = settings.Require(ControlSettings.MaxWetDays);
            _stageAuto = settings.Require(ControlSettings.StageAuto);
            _budgetHour = settings.Require(ControlSettings.BudgetHourSeconds);
            _budgetDay = settings.Require(ControlSettings.BudgetDaySeconds);
            _nozzleFlow = settings.Require(ControlSettings.NozzleFlow);
            _film = settings.Require(ControlSettings.Film);
            _filmDose = settings.Require(ControlSettings.FilmDose);
            _filmHeatMargin = settings.Require(ControlSettings.FilmHeatMargin);
            _preRun = settings.Require(ControlSettings.PumpPreRun);
            _postRun = settings.Require(ControlSettings.PumpPostRun);
            _maxOpen = settings.Require(ControlSettings.MaxOpenValves);
            _lockHigh = settings.Require(ControlSettings.LockoutHigh);
            _lockLow = settings.Require(ControlSettings.LockoutLow);
            _lockHyst = settings.Require(ControlSettings.LockoutHysteresis);
            _summer = settings.Require(ControlSettings.SummerMode);
            _summerC = settings.Require(ControlSettings.SummerCelsius);
            _nightStart = settings.Require(ControlSettings.NightStartHour);
            _nightEnd = settings.Require(ControlSettings.NightEndHour);
            _cold = settings.Require(ControlSettings.ColdMode);
            _coldC = settings.Require(ControlSettings.ColdCelsius);
            _middayStart = settings.Require(ControlSettings.MiddayStartHour);
            _middayEnd = settings.Require(ControlSettings.MiddayEndHour);
            _seasonMemory = settings.Require(ControlSettings.SeasonMemoryHours);
            _degradedPulse = settings.Require(ControlSettings.DegradedPulseSeconds);
            _degradedInterval = settings.Require(ControlSettings.DegradedIntervalMinutes);
            _noEffectPulses = settings.Require(ControlSettings.NoEffectPulses);
            _noEffectRise = settings.Require(ControlSettings.NoEffectRise);
            _noEffectBackoff = settings.Require(ControlSettings.NoEffectBackoffMinutes);
            _protectRh = settings.Require(ControlSettings.ProtectRh);
            _protectC = settings.Require(ControlSettings.ProtectCelsius);
            _protectPulse = settings.Require(ControlSettings.ProtectPulseSeconds);
            _protectInterval = settings.Require(ControlSettings.ProtectIntervalMinutes);
            _fanEnabled = settings.Require(ControlSettings.FanEnabled);
            _fanOn = settings.Require(ControlSettings.FanOnCelsius);
            _fanHyst = settings.Require(ControlSettings.FanHysteresis);
            _condRh = settings.Require(ControlSettings.CondensationRh);
            _condMin = settings.Require(ControlSettings.CondensationMinutes);
            _fanMinOn = settings.Require(ControlSettings.FanMinOnSeconds);
            _fanMinOff = settings.Require(ControlSettings.FanMinOffSeconds);
            _ratedOps = settings.Require(ControlSettings.RelayRatedOperations);
            _wearPct = settings.Require(ControlSettings.RelayWearWarnPercent);
            _saveSeconds = settings.Require(ControlSettings.StateSaveSeconds);
            _preHarvestHours = settings.Require(ControlSettings.Profile(ControlSettings.StagePreHarvest, "hours"));
            for (int stage = 0; stage < StageCount; stage++)
            {
                _profileTarget[stage] = settings.IndexOf(ControlSettings.Profile(stage, "target_rh"));
                _profileMaxTemp[stage] = settings.IndexOf(ControlSettings.Profile(stage, "max_temp_c"));
                _profileStart[stage] = settings.IndexOf(ControlSettings.Profile(stage, "start_h"));
                _profileEnd[stage] = settings.IndexOf(ControlSettings.Profile(stage, "end_h"));
                _profileDays[stage] = settings.IndexOf(ControlSettings.Profile(stage, "days"));
            }

            for (int zone = 1; zone <= ControllerSettings.MaxZones; zone++)
            {
                _zones[zone] = new ZoneLimits();
            }

            Refresh();
            settings.AddObserver(this);
        }

        /// <summary>Device-wide limits.</summary>
        public DeviceLimits Device
        {
            get { return _device; }
        }

        /// <summary>Limits of zone 1..4.</summary>
        public ZoneLimits Zone(int zone)
        {
            return _zones[zone];
        }

        public void SettingChanged(int definition, int zone, string source)
        {
            Refresh();
        }

        private void Refresh()
        {
            for (int n = 1; n <= ControllerSettings.MaxZones; n++)
            {
                ZoneLimits z = _zones[n];
                z.Mode = _s.ChoiceIndex(_mode, n);
                z.TargetRhPct = _s.Number(_target, n);
                z.BandPct = _s.Number(_band, n);
                z.Stage = _s.ChoiceIndex(_stage, n);
                z.MaxContinuousMs = Clamp(_s.Integer(_maxMist, n), HardLimits.MaxContinuousMistSeconds) * 1000L;
                z.PulseMinMs = _s.Integer(_pulseMin, n) * 1000;
                z.PulseMaxMs = _s.Integer(_pulseMax, n) * 1000;
                z.FullDeficitPct = _s.Number(_fullDeficit, n);
                z.SettleMs = _s.Integer(_settle, n) * 1000L;
                z.MinOffMs = _s.Integer(_minOff, n) * 1000;
                z.Anticipate = _s.Flag(_anticipate, n);
                z.WetDays = (int)_s.Integer(_wetDays, n);
                z.DryDays = (int)_s.Integer(_dryDays, n);
                z.MaxWetDays = (int)_s.Integer(_maxWetDays, n);
                z.StageAuto = _s.Flag(_stageAuto, n);
                z.HourBudgetMs = Clamp(_s.Integer(_budgetHour, n), HardLimits.MaxMistSecondsPerHour) * 1000L;
                z.DayBudgetMs = Clamp(_s.Integer(_budgetDay, n), HardLimits.MaxMistSecondsPerDay) * 1000L;
                z.NozzleFlowLMin = _s.Number(_nozzleFlow, n);
                z.Film = _s.Flag(_film, n);
                z.FilmDoseLitres = _s.Number(_filmDose, n);
            }

            DeviceLimits d = _device;
            d.ZoneCount = (int)_s.Integer(_zoneCount, 0);
            d.PreRunMs = _s.Integer(_preRun, 0) * 1000;
            d.PostRunMs = _s.Integer(_postRun, 0) * 1000;
            d.MaxOpenValves = (int)Clamp(_s.Integer(_maxOpen, 0), ControllerSettings.MaxZones);
            d.LockoutHighC = _s.Number(_lockHigh, 0);
            double low = _s.Number(_lockLow, 0);
            d.LockoutLowC = low < HardLimits.MinMistingTemperatureCelsius ? HardLimits.MinMistingTemperatureCelsius : low;
            d.LockoutHystC = _s.Number(_lockHyst, 0);
            d.SummerMode = _s.Flag(_summer, 0);
            d.SummerC = _s.Number(_summerC, 0);
            d.NightStartH = (int)_s.Integer(_nightStart, 0);
            d.NightEndH = (int)_s.Integer(_nightEnd, 0);
            d.ColdMode = _s.Flag(_cold, 0);
            d.ColdC = _s.Number(_coldC, 0);
            d.MiddayStartH = (int)_s.Integer(_middayStart, 0);
            d.MiddayEndH = (int)_s.Integer(_middayEnd, 0);
            d.SeasonMemoryMs = _s.Integer(_seasonMemory, 0) * 3600000;
            d.DegradedPulseMs = _s.Integer(_degradedPulse, 0) * 1000;
            d.DegradedIntervalMs = _s.Integer(_degradedInterval, 0) * 60000;
            d.NoEffectPulses = _s.Integer(_noEffectPulses, 0);
            d.NoEffectRisePct = _s.Number(_noEffectRise, 0);
            d.NoEffectBackoffMs = _s.Integer(_noEffectBackoff, 0) * 60000;
            d.ProtectRhPct = _s.Number(_protectRh, 0);
            d.ProtectC = _s.Number(_protectC, 0);
            d.ProtectPulseMs = _s.Integer(_protectPulse, 0) * 1000;
            d.ProtectIntervalMs = _s.Integer(_protectInterval, 0) * 60000;
            d.FilmHeatMarginC = _s.Number(_filmHeatMargin, 0);
            d.FanEnabled = _s.Flag(_fanEnabled, 0);
            d.FanOnC = _s.Number(_fanOn, 0);
            d.FanHystC = _s.Number(_fanHyst, 0);
            d.CondensationRhPct = _s.Number(_condRh, 0);
            d.CondensationMinutes = _s.Integer(_condMin, 0);
            d.FanMinOnMs = _s.Integer(_fanMinOn, 0) * 1000;
            d.FanMinOffMs = _s.Integer(_fanMinOff, 0) * 1000;
            d.RelayRatedOps = _s.Integer(_ratedOps, 0);
            d.RelayWearWarnPct = _s.Integer(_wearPct, 0);
            d.StateSaveMs = _s.Integer(_saveSeconds, 0) * 1000;
            d.PreHarvestMs = _s.Integer(_preHarvestHours, 0) * 3600000L;
            for (int stage = 0; stage < StageCount; stage++)
            {
                d.HasProfileTarget[stage] = _profileTarget[stage] >= 0;
                d.ProfileTargetRhPct[stage] = _profileTarget[stage] >= 0 ? _s.Number(_profileTarget[stage], 0) : 0;
                d.HasProfileMaxTemp[stage] = _profileMaxTemp[stage] >= 0;
                d.ProfileMaxTempC[stage] = _profileMaxTemp[stage] >= 0 ? _s.Number(_profileMaxTemp[stage], 0) : 0;
                d.HasProfileWindow[stage] = _profileStart[stage] >= 0 && _profileEnd[stage] >= 0;
                d.ProfileStartH[stage] = _profileStart[stage] >= 0 ? (int)_s.Integer(_profileStart[stage], 0) : 0;
                d.ProfileEndH[stage] = _profileEnd[stage] >= 0 ? (int)_s.Integer(_profileEnd[stage], 0) : 0;
                d.HasProfileDays[stage] = _profileDays[stage] >= 0;
                d.ProfileDays[stage] = _profileDays[stage] >= 0 ? _s.Integer(_profileDays[stage], 0) : 0;
            }
        }

        private static long Clamp(long value, long ceiling)
        {
            return value > ceiling ? ceiling : value;
        }
    }

    /// <summary>One zone's control settings with units in their names (filled in place by <see cref="ControlLimits"/>).</summary>
    public sealed class ZoneLimits
    {
        /// <summary>Index into CoreSettings.Modes.</summary>
        public int Mode;
        public double TargetRhPct;
        public double BandPct;
        /// <summary>Index into CoreSettings.Stages.</summary>
        public int Stage;
        /// <summary>Longest continuous valve opening, never above HardLimits.MaxContinuousMistSeconds.</summary>
        public long MaxContinuousMs;
        public long PulseMinMs;
        public long PulseMaxMs;
        public double FullDeficitPct;
        public long SettleMs;
        public long MinOffMs;
        public bool Anticipate;
        public int WetDays;
        public int DryDays;
        public int MaxWetDays;
        public bool StageAuto;
        /// <summary>Valve-open time per rolling hour, never above HardLimits.MaxMistSecondsPerHour.</summary>
        public long HourBudgetMs;
        /// <summary>Valve-open time per rolling day, never above HardLimits.MaxMistSecondsPerDay.</summary>
        public long DayBudgetMs;
        public double NozzleFlowLMin;
        public bool Film;
        public double FilmDoseLitres;
    }

    /// <summary>Device-wide control settings with units in their names (filled in place by <see cref="ControlLimits"/>).</summary>
    public sealed class DeviceLimits
    {
        public int ZoneCount;
        public long PreRunMs;
        public long PostRunMs;
        /// <summary>Most valves open at once, never above the zones a board has.</summary>
        public int MaxOpenValves;
        /// <summary>lockout.high_c as set; use <see cref="HighLockoutC"/> for a stage.</summary>
        public double LockoutHighC;
        /// <summary>Frost lockout, never below HardLimits.MinMistingTemperatureCelsius.</summary>
        public double LockoutLowC;
        public double LockoutHystC;
        public bool SummerMode;
        public double SummerC;
        public int NightStartH;
        public int NightEndH;
        public bool ColdMode;
        public double ColdC;
        public int MiddayStartH;
        public int MiddayEndH;
        public long SeasonMemoryMs;
        public long DegradedPulseMs;
        public long DegradedIntervalMs;
        public long NoEffectPulses;
        public double NoEffectRisePct;
        public long NoEffectBackoffMs;
        public double ProtectRhPct;
        public double ProtectC;
        public long ProtectPulseMs;
        public long ProtectIntervalMs;
        public double FilmHeatMarginC;
        public bool FanEnabled;
        public double FanOnC;
        public double FanHystC;
        public double CondensationRhPct;
        public long CondensationMinutes;
        public long FanMinOnMs;
        public long FanMinOffMs;
        public long RelayRatedOps;
        public long RelayWearWarnPct;
        public long StateSaveMs;
        public long PreHarvestMs;

        /// <summary>Per stage (index into CoreSettings.Stages): whether the stage has the item, and its value.</summary>
        public readonly bool[] HasProfileTarget = new bool[6];
        public readonly double[] ProfileTargetRhPct = new double[6];
        public readonly bool[] HasProfileMaxTemp = new bool[6];
        public readonly double[] ProfileMaxTempC = new double[6];
        public readonly bool[] HasProfileWindow = new bool[6];
        public readonly int[] ProfileStartH = new int[6];
        public readonly int[] ProfileEndH = new int[6];
        public readonly bool[] HasProfileDays = new bool[6];
        public readonly long[] ProfileDays = new long[6];

        /// <summary>High lockout for a stage: the lower of lockout.high_c, the stage's max_temp_c and the hard ceiling.</summary>
        public double HighLockoutC(int stage)
        {
            double high = LockoutHighC;
            if (HasProfileMaxTemp[stage] && ProfileMaxTempC[stage] < high)
            {
                high = ProfileMaxTempC[stage];
            }

            return high > HardLimits.MaxMistingTemperatureCelsius ? HardLimits.MaxMistingTemperatureCelsius : high;
        }
    }
}
