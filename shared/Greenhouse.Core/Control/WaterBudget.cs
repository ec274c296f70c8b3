using Greenhouse.Diagnostics;

namespace Greenhouse.Control
{
    /// <summary>
    /// One zone's water budget: the valve-open time it may still use in the rolling hour and day
    /// (budget_hour_s, budget_day_s, never above the hard limits), from its <see cref="MistLedger"/>. Raises the
    /// budget alarms when less than a shortest pulse is left.
    /// </summary>
    public sealed class WaterBudget
    {
        private readonly int _n;
        private readonly ZoneLimits _zone;
        private readonly AlarmSet _alarms;
        private readonly MistLedger _ledger = new MistLedger();

        public WaterBudget(int zone, ControlLimits limits, AlarmSet alarms)
        {
            _n = zone;
            _zone = limits.Zone(zone);
            _alarms = alarms;
        }

        /// <summary>Valve-open time by minute and hour, today's and the total.</summary>
        public MistLedger Ledger
        {
            get { return _ledger; }
        }

        public long HourLeftMs(long nowMs)
        {
            return _zone.HourBudgetMs - _ledger.HourMsUsed(nowMs);
        }

        public long DayLeftMs(long nowMs)
        {
            return _zone.DayBudgetMs - _ledger.DayMsUsed(nowMs);
        }

        /// <summary>The smaller of what is left of the hour and of the day.</summary>
        public long LeftMs(long nowMs)
        {
            long hourLeft = HourLeftMs(nowMs);
            long dayLeft = DayLeftMs(nowMs);
            return hourLeft < dayLeft ? hourLeft : dayLeft;
        }

        /// <summary>Raises or clears budget_hour and budget_day: raised while less than a shortest pulse is left.</summary>
        public void UpdateAlarms(long hourLeftMs, long dayLeftMs, long nowMs)
        {
            SetAlarm(AlarmCodes.HourBudgetReached, hourLeftMs < _zone.PulseMinMs, "hour budget used", nowMs);
            SetAlarm(AlarmCodes.DayBudgetReached, dayLeftMs < _zone.PulseMinMs, "day budget used", nowMs);
        }

        /// <summary>Why a zone is blocked by its budget: the hour's or the day's, with seconds used and allowed.</summary>
        public void Blocked(long nowMs, long hourLeftMs, out ReasonCode code, out double used, out double budget)
        {
            bool hour = hourLeftMs < _zone.PulseMinMs || hourLeftMs <= 0;
            code = hour ? ReasonCode.BudgetHour : ReasonCode.BudgetDay;
            used = hour ? _ledger.HourMsUsed(nowMs) / 1000 : _ledger.DayMsUsed(nowMs) / 1000;
            budget = hour ? _zone.HourBudgetMs / 1000 : _zone.DayBudgetMs / 1000;
        }

        private void SetAlarm(string code, bool active, string detail, long nowMs)
        {
            if (_alarms.IsActive(code, _n) != active)
            {
                _alarms.Set(code, _n, active, detail, nowMs);
            }
        }
    }
}
