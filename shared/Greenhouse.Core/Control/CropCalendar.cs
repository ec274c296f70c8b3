using Greenhouse.Commands;
using Greenhouse.Diagnostics;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Control
{
    /// <summary>
    /// One zone's crop calendar (wood-ear-domain.md §1): the stage, days and uptime in it, and the growth stage's
    /// wet/dry alternation (wet days, dry days, a cap on wet days per flush). Counts days when the engine reports a
    /// day boundary and advances the stage by its day counter when stage_auto is on. It changes settings only
    /// through the command port, as a grower would, with the source "calendar"; it learns of a stage set by
    /// someone else from the settings (it observes them) and starts the new stage in its next update.
    /// </summary>
    public sealed class CropCalendar : ISettingsObserver
    {
        /// <summary>Source name of the calendar's own commands.</summary>
        public const string Source = "calendar";

        private const int MaxDayCrossingsPerTick = 400;

        private readonly int _n;
        private readonly ICommandPort _commands;
        private readonly ZoneLimits _zone;
        private readonly DeviceLimits _device;
        private readonly int _stageSetting;
        private readonly string _stageKey;
        private readonly string _targetKey;
        private readonly Logger _log;
        private int _lastStage = -1;
        private string _stageSetBy;

        public CropCalendar(int zone, ControllerSettings settings, ControlLimits limits, ICommandPort commands, Logger log)
        {
            _n = zone;
            _commands = commands;
            _zone = limits.Zone(zone);
            _device = limits.Device;
            _stageSetting = settings.Require(CoreSettings.Stage);
            _stageKey = "zone" + zone.ToString() + "." + CoreSettings.Stage;
            _targetKey = "zone" + zone.ToString() + "." + CoreSettings.TargetRh;
            _log = log;
            settings.AddObserver(this);
        }

        /// <summary>Notes who set this zone's stage; the new stage starts at the next update.</summary>
        public void SettingChanged(int definition, int zone, string source)
        {
            if ((definition == _stageSetting && zone == _n) || definition < 0)
            {
                _stageSetBy = source == null ? "direct" : source;
            }
        }

        /// <summary>Stage index into CoreSettings.Stages (the setting zoneN.stage).</summary>
        public int Stage
        {
            get { return _zone.Stage; }
        }

        public string StageName
        {
            get { return CoreSettings.Stages[Stage]; }
        }

        /// <summary>Days completed in the current stage.</summary>
        public int StageDay { get; private set; }

        /// <summary>Uptime spent in the current stage, ms (counts pre-harvest hours).</summary>
        public long StageMs { get; private set; }

        /// <summary>True in the dry part of the growth-stage wet/dry alternation.</summary>
        public bool DryPhase { get; private set; }

        /// <summary>"wet" or "dry".</summary>
        public string PhaseName
        {
            get { return DryPhase ? "dry" : "wet"; }
        }

        /// <summary>Days completed in the current wet or dry phase.</summary>
        public int PhaseDay { get; private set; }

        /// <summary>Wet growth days this flush (capped by max_wet_days).</summary>
        public int WetDaysTotal { get; private set; }

        /// <summary>The stage the counters belong to (-1 before the first tick without saved state).</summary>
        public int CountedStage
        {
            get { return _lastStage; }
        }

        /// <summary>Stage, phase or day changed: the engine saves at once.</summary>
        public bool StateChanged;

        /// <summary>Restores saved counters (before the first tick).</summary>
        public void Restore(int stage, int stageDay, long stageMs, bool dry, int phaseDay, int wetTotal)
        {
            _lastStage = stage;
            StageDay = stageDay;
            StageMs = stageMs;
            DryPhase = dry;
            PhaseDay = phaseDay;
            WetDaysTotal = wetTotal;
        }

        /// <summary>
        /// Follows the tick: adopts a stage the grower set, counts time and days, advances the stage by its day
        /// counter. Returns true when the zone entered a new stage (its pulse learning starts over).
        /// </summary>
        public bool Update(ControlContext c)
        {
            bool entered = false;
            int stage = Stage;
            if (_lastStage < 0)
            {
                // First run without saved state: adopt the configured stage, keep the configured target.
                _lastStage = stage;
                StateChanged = true;
            }
            else if (stage != _lastStage)
            {
                // Set by a grower or technician since the last tick, or changed in the settings file while the board was off.
                EnterStage(stage, _stageSetBy == null ? "file" : _stageSetBy);
                entered = true;
            }

            _stageSetBy = null;

            long delta = c.DeltaMs;
            if (delta > 0)
            {
                StageMs += delta;
            }

            int crossings = c.DayCrossings > MaxDayCrossingsPerTick ? MaxDayCrossingsPerTick : c.DayCrossings;
            for (int i = 0; i < crossings; i++)
            {
                NewDay();
            }

            if (_zone.StageAuto && DueToAdvance(Stage))
            {
                int next = NextStage(Stage);
                if (_commands.ApplySetting(_stageKey, CoreSettings.Stages[next], Source).Ok)
                {
                    _stageSetBy = null;
                    EnterStage(next, Source);
                    entered = true;
                }
            }

            return entered;
        }

        private bool DueToAdvance(int stage)
        {
            if (stage == ControlSettings.StagePreHarvest)
            {
                return StageMs >= _device.PreHarvestMs;
            }

            return _device.HasProfileDays[stage] && StageDay >= _device.ProfileDays[stage];
        }

        private void NewDay()
        {
            StageDay++;
            StateChanged = true;
            if (Stage != ControlSettings.StageGrowth)
            {
                return;
            }

            PhaseDay++;
            if (!DryPhase)
            {
                WetDaysTotal++;
                if (WetDaysTotal >= _zone.MaxWetDays || (_zone.DryDays > 0 && PhaseDay >= _zone.WetDays))
                {
                    DryPhase = true;
                    PhaseDay = 0;
                    _log.Info("zone", "dry phase", "zone=" + _n.ToString() + " wet_total=" + WetDaysTotal.ToString());
                }
            }
            else if (WetDaysTotal < _zone.MaxWetDays && PhaseDay >= _zone.DryDays)
            {
                DryPhase = false;
                PhaseDay = 0;
                _log.Info("zone", "wet phase", "zone=" + _n.ToString() + " wet_total=" + WetDaysTotal.ToString());
            }
        }

        private void EnterStage(int stage, string source)
        {
            string from = _lastStage >= 0 && _lastStage < CoreSettings.Stages.Length ? CoreSettings.Stages[_lastStage] : "?";
            _lastStage = stage;
            StageDay = 0;
            StageMs = 0;
            DryPhase = false;
            PhaseDay = 0;
            if (stage == ControlSettings.StageRecovery || stage == ControlSettings.StagePinning || stage == ControlSettings.StageRest)
            {
                WetDaysTotal = 0;
            }

            StateChanged = true;
            if (_device.HasProfileTarget[stage])
            {
                // The stage's target through the door, like any setting (refusal is impossible: profiles share the range).
                _commands.ApplySetting(_targetKey, Num.FormatShort(_device.ProfileTargetRhPct[stage], 1), Source);
            }

            _log.Info("zone", "stage", "zone=" + _n.ToString() + " from=" + from + " to=" + CoreSettings.Stages[stage]
                + " target=" + Num.FormatShort(_zone.TargetRhPct, 1) + " source=" + source);
        }

        private static int NextStage(int stage)
        {
            switch (stage)
            {
                case ControlSettings.StageRecovery: return ControlSettings.StagePinning;
                case ControlSettings.StagePinning: return ControlSettings.StageEarlyGrowth;
                case ControlSettings.StageEarlyGrowth: return ControlSettings.StageGrowth;
                case ControlSettings.StageGrowth: return ControlSettings.StagePreHarvest;
                case ControlSettings.StagePreHarvest: return ControlSettings.StageRest;
                default: return ControlSettings.StageEarlyGrowth;
            }
        }
    }
}
