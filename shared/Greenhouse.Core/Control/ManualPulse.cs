using Greenhouse.Settings;

namespace Greenhouse.Control
{
    /// <summary>
    /// A mist-now pulse for one zone: whether it may be queued now (never past the zone being off, an empty tank, a
    /// lockout, condensation, a stage or phase without water, or a used-up budget), and, once queued, asking for the
    /// valve until the water path opens it.
    /// </summary>
    public sealed class ManualPulse
    {
        private readonly int _n;
        private readonly ZoneLimits _zone;
        private readonly CropCalendar _calendar;
        private readonly ZoneSafety _safety;
        private readonly WaterBudget _budget;
        private readonly ZoneDecision _decision;
        private int _seconds;

        public ManualPulse(int zone, ZoneLimits limits, CropCalendar calendar, ZoneSafety safety, WaterBudget budget, ZoneDecision decision)
        {
            _n = zone;
            _zone = limits;
            _calendar = calendar;
            _safety = safety;
            _budget = budget;
            _decision = decision;
        }

        /// <summary>True while a queued pulse waits for its valve.</summary>
        public bool Pending
        {
            get { return _seconds > 0; }
        }

        /// <summary>Why a request would be refused now, or null when it can be queued.</summary>
        public string Refusal(bool tankHasWater, long nowMs)
        {
            if (_zone.Mode == CoreSettings.ModeOff)
            {
                return "zone " + _n.ToString() + " is off";
            }

            if (!tankHasWater)
            {
                return Reasons.Text(ReasonCode.TankEmpty, 0, 0);
            }

            if (_safety.LockedHigh || _safety.LockedLow || _safety.Condensing)
            {
                return _decision.Reason;
            }

            int stage = _calendar.Stage;
            if (!ControlSettings.IsWateredStage(stage))
            {
                return Reasons.Text(ReasonCode.StageNoWater, stage, 0);
            }

            if (_calendar.DryPhase)
            {
                return "blocked: dry phase";
            }

            if (_budget.LeftMs(nowMs) < 1000)
            {
                return "blocked: water budget used";
            }

            return null;
        }

        public void Queue(int seconds)
        {
            _seconds = seconds;
        }

        /// <summary>Drops the queued pulse (a block forbids it, or it started).</summary>
        public void Clear()
        {
            _seconds = 0;
        }

        /// <summary>
        /// Asks for the valve for the queued pulse; drops it when the stage or phase gives no water. Returns false when
        /// the budget has less than a second left (the pulse is dropped and the caller shows the budget).
        /// </summary>
        public bool Decide(long now, int stage, long left, bool wasWanting)
        {
            if (!ControlSettings.IsWateredStage(stage) || _calendar.DryPhase)
            {
                _seconds = 0;
                _decision.Show(ZoneActivity.Blocked, ReasonCode.StageNoWater, stage, 0);
                return true;
            }

            if (left < 1000)
            {
                _seconds = 0;
                return false;
            }

            _decision.Want(wasWanting, now, PulseKind.Manual, AutoProgram.Min(_seconds * 1000L, left), ReasonCode.ManualPulse, _seconds, 0);
            return true;
        }
    }
}
