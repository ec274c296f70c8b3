using Greenhouse.Commands;
using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Settings;

namespace Greenhouse.Control
{
    /// <summary>
    /// One misting zone's decision each tick (docs/control.md): the calendar, the safety blocks every pulse must
    /// pass (mode, tank, lockouts, condensation), then the program that applies — a running pulse continues or
    /// stops, a mist-now request, the stage's window, the protective minimum in dry phases, the degraded program
    /// without trustworthy sensors, or pulse-and-settle. The outcome is a <see cref="ZoneDecision"/>: the water path
    /// closes the valve when the decision says so and opens it when the zone wants a pulse and a slot is free,
    /// telling the zone through <see cref="ValveOpened"/> and <see cref="ValveClosed"/>.
    /// </summary>
    public sealed class MistZone
    {
        private readonly int _n;
        private readonly ZoneLimits _zone;
        private readonly DeviceLimits _device;
        private readonly AlarmSet _alarms;
        private readonly ZoneDecision _decision = new ZoneDecision();
        private readonly ValvePulse _pulse = new ValvePulse();
        private readonly CropCalendar _calendar;
        private readonly ZoneSafety _safety;
        private readonly WaterBudget _budget;
        private readonly PulseLearning _learning;
        private readonly AutoProgram _auto;
        private readonly FilmProgram _film;
        private readonly DegradedProgram _degraded;
        private readonly ProtectiveProgram _protective;
        private readonly ManualPulse _manual;
        private readonly RunningPulse _running;
        private long _nowMs;
        private ZoneClimate _climate;

        public MistZone(int number, ControllerSettings settings, ControlLimits limits, ICommandPort commands, AlarmSet alarms, Logger log)
        {
            _n = number;
            _zone = limits.Zone(number);
            _device = limits.Device;
            _alarms = alarms;
            _calendar = new CropCalendar(number, settings, limits, commands, log);
            _safety = new ZoneSafety(number, limits, alarms);
            _budget = new WaterBudget(number, limits, alarms);
            _learning = new PulseLearning(number, limits, alarms);
            _film = new FilmProgram(number, _zone, _device, _pulse, _decision, log);
            _auto = new AutoProgram(_zone, _pulse, _learning, _film, _budget, _decision);
            _degraded = new DegradedProgram(_device, _pulse, _budget, _decision);
            _protective = new ProtectiveProgram(_zone, _device, _calendar, _decision);
            _manual = new ManualPulse(number, _zone, _calendar, _safety, _budget, _decision);
            _running = new RunningPulse(_zone, _device, _pulse, _calendar);
        }

        public int Number
        {
            get { return _n; }
        }

        /// <summary>This tick's decision: activity, reason, close, wish.</summary>
        public ZoneDecision Decision
        {
            get { return _decision; }
        }

        public CropCalendar Calendar
        {
            get { return _calendar; }
        }

        public ZoneSafety Safety
        {
            get { return _safety; }
        }

        public WaterBudget Budget
        {
            get { return _budget; }
        }

        /// <summary>The ears' water balance and its top-ups.</summary>
        public FilmProgram Film
        {
            get { return _film; }
        }

        /// <summary>The valve as the zone knows it: open or closed, the running pulse, settling.</summary>
        public ValvePulse Pulse
        {
            get { return _pulse; }
        }

        /// <summary>The validated climate the zone decided on in its last tick.</summary>
        public ZoneClimate Climate
        {
            get { return _climate; }
        }

        /// <summary>Active humidity target, %RH (zoneN.target_rh).</summary>
        public double TargetRh
        {
            get { return _zone.TargetRhPct; }
        }

        /// <summary>Litres since local midnight from nozzle_flow_l_min.</summary>
        public double WaterTodayLitres
        {
            get { return _budget.Ledger.TodayMs / 60000.0 * _zone.NozzleFlowLMin; }
        }

        /// <summary>True while the zone has no trustworthy humidity or temperature.</summary>
        public bool Degraded { get; private set; }

        // ---------------------------------------------------------------- commands

        /// <summary>Why a mist-now request would be refused now, or null when it can be queued.</summary>
        public string ManualRefusal(bool tankHasWater, long nowMs)
        {
            return _manual.Refusal(tankHasWater, nowMs);
        }

        public void QueueManual(int seconds)
        {
            _manual.Queue(seconds);
        }

        // ---------------------------------------------------------------- tick

        /// <summary>Zone not in use: valve closed, nothing queued.</summary>
        public void Disable(long nowMs)
        {
            _nowMs = nowMs;
            _manual.Clear();
            _decision.Begin();
            _decision.CloseValve(ReasonCode.ZoneNotInUse, 0, 0);
            _decision.Show(ZoneActivity.Off, ReasonCode.ZoneNotInUse, 0, 0);
            SetAlarm(AlarmCodes.DegradedMode, false, null);
        }

        /// <summary>The valve was forced off without a decision (start-up, reboot, tank empty).</summary>
        public void ShowForcedOff(ReasonCode code)
        {
            _pulse.ForcedOff();
            _decision.Granted();
            _decision.Show(ZoneActivity.Off, code, 0, 0);
        }

        /// <summary>Decides this zone for the tick: fills <see cref="Decision"/>.</summary>
        public void Evaluate(ControlContext c, ZoneClimate z)
        {
            long now = c.NowMs;
            _nowMs = now;
            _climate = z;
            int mode = _zone.Mode;
            if (_calendar.Update(c))
            {
                _learning.Forget();
                _film.Forget();
            }

            _film.Follow(c, z);

            int stage = _calendar.Stage;
            _safety.UpdateLocks(z, stage, now);
            _safety.UpdateCondensation(z, now);
            _learning.Track(z, _pulse.Open || now < _pulse.SettleUntilMs);

            bool wasWanting = _decision.WantsValve;
            _decision.Begin();
            bool sensorsOk = z.HumidityValid && z.TemperatureValid;
            SetAlarm(AlarmCodes.DegradedMode, !sensorsOk && mode != CoreSettings.ModeOff, z.HumidityValid ? "no valid temperature" : "no valid humidity");
            Degraded = !sensorsOk;
            if (sensorsOk)
            {
                _degraded.Stop();
            }

            long hourLeft = _budget.HourLeftMs(now);
            long dayLeft = _budget.DayLeftMs(now);
            _budget.UpdateAlarms(hourLeft, dayLeft, now);
            long left = hourLeft < dayLeft ? hourLeft : dayLeft;

            // Blocks that apply to every kind of pulse, manual included.
            if (mode == CoreSettings.ModeOff)
            {
                Block(ZoneActivity.Off, ReasonCode.ModeOff, 0, 0);
                return;
            }

            if (!c.TankHasWater)
            {
                Block(ZoneActivity.Fault, ReasonCode.TankEmpty, 0, 0);
                return;
            }

            if (_safety.LockedHigh)
            {
                Block(ZoneActivity.Blocked, ReasonCode.LockoutHigh, z.TemperatureCelsius, _device.HighLockoutC(stage));
                return;
            }

            if (_safety.LockedLow)
            {
                Block(ZoneActivity.Blocked, ReasonCode.LockoutLow, z.TemperatureCelsius, _device.LockoutLowC);
                return;
            }

            // Near saturation the fan runs and misting is held, except film top-ups while the fan moves the air: the
            // ventilated film still dries, and air that stays saturated under the fan (rain outside) dries it too.
            bool filmOnly = false;
            if (_safety.Condensing)
            {
                if (!c.FanOn || !_zone.Film || (_pulse.Open && _pulse.Kind != PulseKind.Film) || _manual.Pending)
                {
                    Block(ZoneActivity.Blocked, ReasonCode.Condensation, z.RelativeHumidityPercent, _device.CondensationMinutes);
                    return;
                }

                filmOnly = true;
            }

            if (_pulse.Open)
            {
                ContinueOrStop(c, z, stage, mode, left, hourLeft);
                return;
            }

            // Valve closed: choose what, if anything, to ask for.
            if (_manual.Pending)
            {
                if (!_manual.Decide(now, stage, left, wasWanting))
                {
                    BudgetBlocked(now, hourLeft);
                }

                return;
            }

            if (mode == CoreSettings.ModeManual)
            {
                _decision.Show(ZoneActivity.Idle, ReasonCode.ModeManual, 0, 0);
                return;
            }

            if (stage == ControlSettings.StageRecovery || stage == ControlSettings.StagePreHarvest)
            {
                _decision.Show(ZoneActivity.Blocked, ReasonCode.StageNoWater, stage, 0);
                return;
            }

            int ws;
            int we;
            ReasonCode windowBlock = MistingWindow.Block(c, z, stage, _device, out ws, out we);
            if (windowBlock != ReasonCode.None)
            {
                _decision.Show(ZoneActivity.Blocked, windowBlock, windowBlock == ReasonCode.SummerDayHeat ? z.TemperatureCelsius : ws, we);
                return;
            }

            bool restOrDry = stage == ControlSettings.StageRest || _calendar.DryPhase;
            if (filmOnly && (restOrDry || !sensorsOk))
            {
                ShowCondensationHold(z);
            }
            else if (restOrDry)
            {
                _protective.Decide(c, z, stage, left, wasWanting);
            }
            else if (!sensorsOk)
            {
                _degraded.Decide(c, z, left, hourLeft, wasWanting);
            }
            else
            {
                _auto.Decide(c, z, stage, left, wasWanting, hourLeft, filmOnly);
                if (filmOnly && !_decision.WantsValve)
                {
                    ShowCondensationHold(z);
                }
            }
        }

        // ---------------------------------------------------------------- told by the water path

        /// <summary>The water path opened the valve for the wished pulse.</summary>
        public void ValveOpened(long nowMs, ZoneClimate z)
        {
            _nowMs = nowMs;
            _pulse.Opened(nowMs, _decision.WantKind, _decision.WantPulseMs);
            _decision.Show(ZoneActivity.Misting, _decision.WantCode, _decision.WantA, _decision.WantB);
            _learning.PulseStarted(z);
            _film.PulseStarted(_pulse.Kind);
            _decision.Granted();
            if (_pulse.Kind == PulseKind.Manual)
            {
                _manual.Clear();
            }

            if (_pulse.Kind == PulseKind.Protective)
            {
                _protective.PulseStarted(nowMs);
            }

            SetAlarm(AlarmCodes.MaxContinuousMist, false, null);
        }

        /// <summary>The water path closed the valve (by this zone's decision or its own need).</summary>
        public void ValveClosed(long nowMs)
        {
            PulseKind ended = _pulse.Closed(nowMs, _zone.SettleMs);
            _learning.PulseEnded(ended);
            _film.PulseEnded(ended, nowMs);
        }

        /// <summary>The water path took the valve back for another zone (max_open_valves lowered).</summary>
        public void Yielded()
        {
            _decision.Show(ZoneActivity.Idle, ReasonCode.WaitingForValveSlot, 0, 0);
        }

        /// <summary>The water path could not open the valve yet; shows why while keeping the wish.</summary>
        public void ShowWaiting(ReasonCode code)
        {
            _decision.Show(ZoneActivity.Idle, code, 0, 0);
        }

        // ---------------------------------------------------------------- helpers

        /// <summary>A running pulse goes on until it is done, its limits are reached, or its program no longer applies.</summary>
        private void ContinueOrStop(ControlContext c, ZoneClimate z, int stage, int mode, long left, long hourLeft)
        {
            if (left <= 0)
            {
                BudgetBlocked(c.NowMs, hourLeft);
                return;
            }

            double a;
            double b;
            ReasonCode stop = _running.StopReason(c, z, stage, mode, out a, out b);
            if (stop == ReasonCode.MaxContinuous)
            {
                SetAlarm(AlarmCodes.MaxContinuousMist, true, "valve cut at " + Text.Num.Format((long)a) + " s");
            }

            if (stop != ReasonCode.None)
            {
                Stop(stop, a, b);
            }
        }

        private void BudgetBlocked(long now, long hourLeft)
        {
            ReasonCode code;
            double used;
            double budget;
            _budget.Blocked(now, hourLeft, out code, out used, out budget);
            Block(ZoneActivity.Blocked, code, used, budget);
        }

        /// <summary>Closes (if open) and shows why; clears a queued mist-now, which the block also forbids.</summary>
        private void Block(ZoneActivity activity, ReasonCode code, double a, double b)
        {
            if (code != ReasonCode.BudgetHour && code != ReasonCode.BudgetDay)
            {
                _manual.Clear();
            }

            _decision.CloseValve(code, a, b);
            _decision.Show(activity, code, a, b);
        }

        /// <summary>Condensation hold with the valve closed and no top-up wished: shown, nothing to close.</summary>
        private void ShowCondensationHold(ZoneClimate z)
        {
            _decision.Show(ZoneActivity.Blocked, ReasonCode.Condensation, z.RelativeHumidityPercent, _device.CondensationMinutes);
        }

        /// <summary>Ends the running pulse: close, then idle with the same reason.</summary>
        private void Stop(ReasonCode code, double a, double b)
        {
            _decision.CloseValve(code, a, b);
            _decision.Show(ZoneActivity.Idle, code, a, b);
        }

        /// <summary>Raises or clears one of this zone's alarms; only a change reaches the alarm set (which logs it).</summary>
        private void SetAlarm(string code, bool active, string detail)
        {
            if (_alarms.IsActive(code, _n) != active)
            {
                _alarms.Set(code, _n, active, detail, _nowMs);
            }
        }
    }
}
