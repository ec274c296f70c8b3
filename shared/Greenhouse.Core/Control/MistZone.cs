using Greenhouse.App;
using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Control
{
    /// <summary>What kind of pulse a zone runs or wants.</summary>
    public enum PulseKind
    {
        None = 0,
        /// <summary>Pulse-and-settle on measured humidity.</summary>
        Auto = 1,
        /// <summary>Fallback program without trustworthy humidity or temperature.</summary>
        Degraded = 2,
        /// <summary>Protective minimum in a dry phase or rest.</summary>
        Protective = 3,
        /// <summary>Mist-now request.</summary>
        Manual = 4
    }

    /// <summary>
    /// One misting zone of the control engine: crop calendar (stage, day counters, wet/dry phase), lockouts,
    /// windows, budgets and the pulse-and-settle decision. It closes its own valve whenever it must; opening is
    /// granted by <see cref="ControlEngine"/> (valve slots, pump pre-run, tank). Nothing here allocates per tick:
    /// the reason is a code plus two numbers, turned into text only when <see cref="Reason"/> is read.
    /// </summary>
    public sealed class MistZone
    {
        private const long Never = long.MinValue / 4;
        private const int MaxDayCrossingsPerTick = 400;

        private readonly int _n;
        private readonly RelayChannel _valve;
        private readonly ControllerSettings _s;
        private readonly ControlIndex _ix;
        private readonly AlarmSet _alarms;
        private readonly Logger _log;
        private readonly MistLedger _ledger = new MistLedger();

        private ReasonCode _code = ReasonCode.Start;
        private double _a;
        private double _b;
        private string _reasonText = "start";
        private ReasonCode _textCode = ReasonCode.Start;
        private double _textA;
        private double _textB;

        // Pulse state.
        private PulseKind _kind;
        private long _pulseMs;
        private long _lastCloseMs = Never;
        private long _settleUntilMs = Never;
        private bool _outcomePending;
        private bool _startValid;
        private double _startRh;
        private double _peakRh;
        private bool _peakValid;

        // Wish for the engine.
        private PulseKind _wantKind;
        private long _wantPulseMs;
        private ReasonCode _wantCode;
        private double _wantA;
        private double _wantB;

        private int _manualSeconds;
        private bool _degradedActive;
        private long _degradedSinceMs;
        private long _lastProtectiveMs = Never;
        private bool _protectiveClockStarted;
        private int _noEffectCount;
        private long _backoffUntilMs = Never;
        private long _nearSaturationSinceMs = Never;

        // Calendar.
        private int _lastStage = -1;
        private long _openedAtMs;
        private long _nowMs;

        public MistZone(int number, RelayChannel valve, ControllerSettings settings, ControlIndex index, AlarmSet alarms, Logger log)
        {
            _n = number;
            _valve = valve;
            _s = settings;
            _ix = index;
            _alarms = alarms;
            _log = log;
            PulseFactor = 1.0;
            Activity = ZoneActivity.Off;
        }

        public int Number
        {
            get { return _n; }
        }

        public RelayChannel Valve
        {
            get { return _valve; }
        }

        public MistLedger Ledger
        {
            get { return _ledger; }
        }

        public ZoneActivity Activity { get; private set; }

        /// <summary>Reason code of the current state; see <see cref="Reasons"/>.</summary>
        public ReasonCode ReasonCode
        {
            get { return _code; }
        }

        /// <summary>Why the zone is in its state ("mist on: rh 82.1 &lt; 87.0"). Built only after a change.</summary>
        public string Reason
        {
            get
            {
                if (_code != _textCode || _a != _textA || _b != _textB)
                {
                    _reasonText = Reasons.Text(_code, _a, _b);
                    _textCode = _code;
                    _textA = _a;
                    _textB = _b;
                }

                return _reasonText;
            }
        }

        /// <summary>Active humidity target, %RH (zoneN.target_rh).</summary>
        public double TargetRh
        {
            get { return _s.Number(_ix.TargetRh, _n); }
        }

        /// <summary>Stage index into CoreSettings.Stages.</summary>
        public int Stage
        {
            get { return _s.ChoiceIndex(_ix.Stage, _n); }
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

        public bool Misting
        {
            get { return _valve.IsOn; }
        }

        public PulseKind CurrentPulse
        {
            get { return _valve.IsOn ? _kind : PulseKind.None; }
        }

        /// <summary>Valve-open seconds since local midnight.</summary>
        public long WaterTodaySeconds
        {
            get { return _ledger.TodayMs / 1000; }
        }

        /// <summary>Litres since local midnight from nozzle_flow_l_min.</summary>
        public double WaterTodayLitres
        {
            get { return _ledger.TodayMs / 60000.0 * _s.Number(_ix.NozzleFlow, _n); }
        }

        public bool LockedHigh { get; private set; }
        public bool LockedLow { get; private set; }
        public bool Condensing { get; private set; }
        public bool Degraded { get; private set; }

        /// <summary>Learned pulse scale from recent peaks, 0.3..2: shrinks after overshoot above target + band, grows while peaks stay below target.</summary>
        public double PulseFactor { get; private set; }

        /// <summary>True when the zone wants its valve opened this tick.</summary>
        public bool WantsValve { get; private set; }

        /// <summary>Uptime since the zone has been waiting for its valve (fair turn-taking).</summary>
        public long WantSinceMs { get; private set; }

        /// <summary>Stage, phase or day changed: the engine saves at once.</summary>
        internal bool StateChanged;

        /// <summary>Manual pulse queued, seconds (0 = none).</summary>
        public int ManualPendingSeconds
        {
            get { return _manualSeconds; }
        }

        // ---------------------------------------------------------------- commands

        /// <summary>Why a mist-now request would be refused now, or null when it can be queued.</summary>
        internal string ManualRefusal(bool tankHasWater, long nowMs)
        {
            int mode = _s.ChoiceIndex(_ix.Mode, _n);
            if (mode == CoreSettings.ModeOff)
            {
                return "zone " + _n.ToString() + " is off";
            }

            if (!tankHasWater)
            {
                return Reasons.Text(ReasonCode.TankEmpty, 0, 0);
            }

            if (LockedHigh || LockedLow || Condensing)
            {
                return Reason;
            }

            int stage = Stage;
            if (!ControlSettings.IsWateredStage(stage))
            {
                return Reasons.Text(ReasonCode.StageNoWater, stage, 0);
            }

            if (DryPhase)
            {
                return "blocked: dry phase";
            }

            if (BudgetLeftMs(nowMs) < 1000)
            {
                return "blocked: water budget used";
            }

            return null;
        }

        internal void QueueManual(int seconds)
        {
            _manualSeconds = seconds;
        }

        // ---------------------------------------------------------------- persistence

        internal void RestoreCalendar(int stage, int stageDay, long stageMs, bool dry, int phaseDay, int wetTotal)
        {
            _lastStage = stage;
            StageDay = stageDay;
            StageMs = stageMs;
            DryPhase = dry;
            PhaseDay = phaseDay;
            WetDaysTotal = wetTotal;
        }

        internal int LastStage
        {
            get { return _lastStage; }
        }

        // ---------------------------------------------------------------- tick

        /// <summary>Zone not in use: valve closed, nothing queued.</summary>
        public void Disable(long nowMs)
        {
            _nowMs = nowMs;
            _manualSeconds = 0;
            WantsValve = false;
            Close(nowMs, ReasonCode.ZoneNotInUse, 0, 0);
            Set(ZoneActivity.Off, ReasonCode.ZoneNotInUse, 0, 0);
            SetAlarm(AlarmCodes.DegradedMode, false, null);
        }

        /// <summary>Closes the valve without a decision (start-up, reboot).</summary>
        public void ForceOff(ReasonCode code)
        {
            _valve.ForceOff(Reasons.Text(code, 0, 0));
            WantsValve = false;
            Set(ZoneActivity.Off, code, 0, 0);
        }

        /// <summary>Decides this zone for the tick. Closes the valve when it must; sets WantsValve to ask for it.</summary>
        public void Evaluate(ControlContext c, ZoneClimate z)
        {
            long now = c.NowMs;
            _nowMs = now;
            int mode = _s.ChoiceIndex(_ix.Mode, _n);
            UpdateCalendar(c);
            int stage = Stage;
            UpdateLocks(z, stage, now);
            UpdateCondensation(z, now);
            if (z.HumidityValid && (_valve.IsOn || now < _settleUntilMs) && (!_peakValid || z.RelativeHumidityPercent > _peakRh))
            {
                _peakRh = z.RelativeHumidityPercent;
                _peakValid = true;
            }

            bool wasWanting = WantsValve;
            WantsValve = false;
            bool sensorsOk = z.HumidityValid && z.TemperatureValid;
            SetAlarm(AlarmCodes.DegradedMode, !sensorsOk && mode != CoreSettings.ModeOff,
                z.HumidityValid ? "no valid temperature" : "no valid humidity");
            Degraded = !sensorsOk;
            if (sensorsOk)
            {
                _degradedActive = false;
            }

            long hourLeft = HourBudgetMs() - _ledger.HourMsUsed(now);
            long dayLeft = DayBudgetMs() - _ledger.DayMsUsed(now);
            long pulseMinMs = _s.Integer(_ix.PulseMin, _n) * 1000;
            SetAlarm(AlarmCodes.HourBudgetReached, hourLeft < pulseMinMs, "hour budget used");
            SetAlarm(AlarmCodes.DayBudgetReached, dayLeft < pulseMinMs, "day budget used");
            long left = hourLeft < dayLeft ? hourLeft : dayLeft;

            // Blocks that apply to every kind of pulse, manual included.
            if (mode == CoreSettings.ModeOff)
            {
                _manualSeconds = 0;
                Block(now, ZoneActivity.Off, ReasonCode.ModeOff, 0, 0);
                return;
            }

            if (!c.TankHasWater)
            {
                _manualSeconds = 0;
                Block(now, ZoneActivity.Fault, ReasonCode.TankEmpty, 0, 0);
                return;
            }

            if (LockedHigh)
            {
                _manualSeconds = 0;
                Block(now, ZoneActivity.Blocked, ReasonCode.LockoutHigh, z.TemperatureCelsius, HighLimit(stage));
                return;
            }

            if (LockedLow)
            {
                _manualSeconds = 0;
                Block(now, ZoneActivity.Blocked, ReasonCode.LockoutLow, z.TemperatureCelsius, LowLimit());
                return;
            }

            if (Condensing)
            {
                _manualSeconds = 0;
                Block(now, ZoneActivity.Blocked, ReasonCode.Condensation, z.RelativeHumidityPercent, _s.Integer(_ix.CondMin, 0));
                return;
            }

            if (_valve.IsOn)
            {
                ContinueOrStop(c, z, stage, mode, left, hourLeft);
                return;
            }

            // Valve closed: choose what, if anything, to ask for.
            if (_manualSeconds > 0)
            {
                if (!ControlSettings.IsWateredStage(stage) || DryPhase)
                {
                    _manualSeconds = 0;
                    Set(ZoneActivity.Blocked, ReasonCode.StageNoWater, stage, 0);
                    return;
                }

                if (left < 1000)
                {
                    _manualSeconds = 0;
                    BudgetBlocked(now, hourLeft);
                    return;
                }

                Want(wasWanting, now, PulseKind.Manual, Min(_manualSeconds * 1000L, left), ReasonCode.ManualPulse, _manualSeconds, 0);
                return;
            }

            if (mode == CoreSettings.ModeManual)
            {
                Set(ZoneActivity.Idle, ReasonCode.ModeManual, 0, 0);
                return;
            }

            if (stage == ControlSettings.StageRecovery || stage == ControlSettings.StagePreHarvest)
            {
                Set(ZoneActivity.Blocked, ReasonCode.StageNoWater, stage, 0);
                return;
            }

            int ws;
            int we;
            ReasonCode windowBlock = WindowBlock(c, z, stage, out ws, out we);
            if (windowBlock != ReasonCode.None)
            {
                Set(ZoneActivity.Blocked, windowBlock, windowBlock == ReasonCode.SummerDayHeat ? z.TemperatureCelsius : ws, we);
                return;
            }

            if (stage == ControlSettings.StageRest || DryPhase)
            {
                Protective(c, z, stage, left, wasWanting);
                return;
            }

            if (!sensorsOk)
            {
                DegradedProgram(c, z, left, hourLeft, wasWanting);
                return;
            }

            AutoProgram(c, z, left, hourLeft, wasWanting);
        }

        /// <summary>Opens the valve (called by the engine once a slot and the pump are ready).</summary>
        internal void Open(long nowMs, ZoneClimate z)
        {
            _kind = _wantKind;
            _pulseMs = _wantPulseMs;
            _openedAtMs = nowMs;
            _nowMs = nowMs;
            Set(ZoneActivity.Misting, _wantCode, _wantA, _wantB);
            _valve.Set(true, nowMs, Reason);
            _startValid = z.HumidityValid;
            _startRh = z.RelativeHumidityPercent;
            _peakRh = _startRh;
            _peakValid = z.HumidityValid;
            _outcomePending = false;
            WantsValve = false;
            if (_kind == PulseKind.Manual)
            {
                _manualSeconds = 0;
            }

            if (_kind == PulseKind.Protective)
            {
                _lastProtectiveMs = nowMs;
            }

            SetAlarm(AlarmCodes.MaxContinuousMist, false, null);
            _log.Info("zone", "valve on", "zone=" + _n.ToString() + " s=" + Num.Format(_pulseMs / 1000.0, 1) + " reason=\"" + Reason + "\"");
        }

        /// <summary>Closes the valve because the engine needs the slot (max_open_valves lowered).</summary>
        internal void Yield(long nowMs)
        {
            Close(nowMs, ReasonCode.WaitingForValveSlot, 0, 0);
            Set(ZoneActivity.Idle, ReasonCode.WaitingForValveSlot, 0, 0);
        }

        /// <summary>The engine could not open the valve yet; shows why while keeping the wish.</summary>
        internal void ShowWaiting(ReasonCode code)
        {
            Set(ZoneActivity.Idle, code, 0, 0);
        }

        // ---------------------------------------------------------------- programs

        private void ContinueOrStop(ControlContext c, ZoneClimate z, int stage, int mode, long left, long hourLeft)
        {
            long now = c.NowMs;
            long onFor = _valve.OnForMs(now);
            if (left <= 0)
            {
                BudgetBlocked(now, hourLeft);
                return;
            }

            long maxMs = MaxContinuousMs();
            if (onFor >= maxMs)
            {
                SetAlarm(AlarmCodes.MaxContinuousMist, true, "valve cut at " + Num.Format(maxMs / 1000) + " s");
                Close(now, ReasonCode.MaxContinuous, maxMs / 1000, 0);
                Set(ZoneActivity.Idle, ReasonCode.MaxContinuous, maxMs / 1000, 0);
                return;
            }

            if (onFor >= _pulseMs)
            {
                ReasonCode done = _kind == PulseKind.Manual ? ReasonCode.ManualDone : ReasonCode.MistOffPulseDone;
                Close(now, done, _pulseMs / 1000, 0);
                Set(ZoneActivity.Idle, done, _pulseMs / 1000, 0);
                return;
            }

            double upper = TargetRh + _s.Number(_ix.Band, _n);
            if (_kind == PulseKind.Auto && z.HumidityValid && z.RelativeHumidityPercent >= upper)
            {
                // Early stop at the upper band edge (target + band), not at the target: mist passing the sensor
                // reads high for a moment, and the pulse length already sizes the dose.
                Close(now, ReasonCode.MistOffTarget, z.RelativeHumidityPercent, upper);
                Set(ZoneActivity.Idle, ReasonCode.MistOffTarget, z.RelativeHumidityPercent, upper);
                return;
            }

            // The program that opened the valve must still be the one that applies.
            bool allowed = true;
            int ws;
            int we;
            if (_kind == PulseKind.Manual)
            {
                allowed = ControlSettings.IsWateredStage(stage) && !DryPhase;
            }
            else if (mode != CoreSettings.ModeAuto || stage == ControlSettings.StageRecovery || stage == ControlSettings.StagePreHarvest
                || WindowBlock(c, z, stage, out ws, out we) != ReasonCode.None)
            {
                allowed = false;
            }
            else if (_kind == PulseKind.Protective)
            {
                allowed = stage == ControlSettings.StageRest || DryPhase;
            }
            else
            {
                bool sensorsOk = z.HumidityValid && z.TemperatureValid;
                allowed = !(stage == ControlSettings.StageRest || DryPhase) && (_kind == PulseKind.Auto ? sensorsOk : !sensorsOk);
            }

            if (!allowed)
            {
                Close(now, ReasonCode.ProgramStopped, 0, 0);
                Set(ZoneActivity.Idle, ReasonCode.ProgramStopped, 0, 0);
            }
        }

        private void AutoProgram(ControlContext c, ZoneClimate z, long left, long hourLeft, bool wasWanting)
        {
            long now = c.NowMs;
            double rh = z.RelativeHumidityPercent;
            double target = TargetRh;
            double band = _s.Number(_ix.Band, _n);
            double lower = target - band;
            if (now < _settleUntilMs)
            {
                Set(ZoneActivity.Idle, ReasonCode.Settling, (_settleUntilMs - now + 999) / 1000, 0);
                return;
            }

            if (_outcomePending)
            {
                LearnFromPulse(now, target, band);
            }

            if (now < _backoffUntilMs)
            {
                Set(ZoneActivity.Blocked, ReasonCode.NoEffectBackoff, (_backoffUntilMs - now + 59999) / 60000, 0);
                return;
            }

            if (wasWanting && _wantKind == PulseKind.Auto && rh < target)
            {
                // Latched request: a pulse once asked for is held through the pump pre-run (and while waiting for a
                // valve slot) until the valve opens. Without the latch, sensor noise around the lower edge started the
                // pump, lifted the next reading back over the edge and stopped the pump before any valve opened.
                // The latch lets go once humidity has clearly recovered (at the target).
                if (left < _s.Integer(_ix.PulseMin, _n) * 1000)
                {
                    BudgetBlocked(now, hourLeft);
                    return;
                }

                Want(wasWanting, now, PulseKind.Auto, Min(_wantPulseMs, left), _wantCode, _wantA, _wantB);
                return;
            }

            if (rh >= lower)
            {
                Set(ZoneActivity.Idle, ReasonCode.InBand, rh, lower);
                return;
            }

            long minOffMs = _s.Integer(_ix.MinOff, _n) * 1000;
            if (now - _lastCloseMs < minOffMs)
            {
                Set(ZoneActivity.Idle, ReasonCode.MinOff, (minOffMs - (now - _lastCloseMs) + 999) / 1000, 0);
                return;
            }

            long pulseMinMs = _s.Integer(_ix.PulseMin, _n) * 1000;
            long pulseMaxMs = _s.Integer(_ix.PulseMax, _n) * 1000;
            double fraction = (target - rh) / _s.Number(_ix.FullDeficit, _n);
            if (fraction > 1)
            {
                fraction = 1;
            }

            double pulse = pulseMinMs + (pulseMaxMs - pulseMinMs) * fraction;
            if (_s.Flag(_ix.Anticipate, _n))
            {
                pulse *= PulseFactor;
            }

            long pulseMs = (long)pulse;
            if (pulseMs < pulseMinMs)
            {
                pulseMs = pulseMinMs;
            }

            if (left < pulseMinMs)
            {
                BudgetBlocked(now, hourLeft);
                return;
            }

            Want(wasWanting, now, PulseKind.Auto, Min(pulseMs, left), ReasonCode.MistOnDeficit, rh, lower);
        }

        private void LearnFromPulse(long now, double target, double band)
        {
            _outcomePending = false;
            if (!_startValid || !_peakValid)
            {
                return;
            }

            double rise = _peakRh - _startRh;
            if (rise < _s.Number(_ix.NoEffectRise, 0))
            {
                _noEffectCount++;
                if (_noEffectCount >= _s.Integer(_ix.NoEffectPulses, 0))
                {
                    _backoffUntilMs = now + _s.Integer(_ix.NoEffectBackoff, 0) * 60000;
                    SetAlarm(AlarmCodes.NoEffect, true,
                        Num.Format((long)_noEffectCount) + " pulses, rise " + Num.Format(rise, 1) + " %");
                }
            }
            else
            {
                _noEffectCount = 0;
                SetAlarm(AlarmCodes.NoEffect, false, null);
            }

            if (_peakRh > target + band)
            {
                PulseFactor = PulseFactor * 0.8 < 0.3 ? 0.3 : PulseFactor * 0.8;
            }
            else if (_peakRh < target)
            {
                PulseFactor = PulseFactor * 1.15 > 2 ? 2 : PulseFactor * 1.15;
            }
        }

        private void DegradedProgram(ControlContext c, ZoneClimate z, long left, long hourLeft, bool wasWanting)
        {
            long now = c.NowMs;
            if (!_degradedActive)
            {
                _degradedActive = true;
                _degradedSinceMs = now;
            }

            long pulseMs = _s.Integer(_ix.DegradedPulse, 0) * 1000;
            long intervalMs = _s.Integer(_ix.DegradedInterval, 0) * 60000;
            if (!z.TemperatureValid)
            {
                if (!c.ClockSynced)
                {
                    Set(ZoneActivity.Fault, ReasonCode.DegradedUnsafe, 0, 0);
                    return;
                }

                pulseMs = pulseMs / 2 < 1000 ? 1000 : pulseMs / 2;
                intervalMs *= 2;
            }

            long last = _lastCloseMs > _degradedSinceMs ? _lastCloseMs : _degradedSinceMs;
            if (now - last < intervalMs)
            {
                Set(ZoneActivity.Fault, ReasonCode.DegradedWait, (intervalMs - (now - last) + 999) / 1000, 0);
                return;
            }

            if (left < 1000)
            {
                BudgetBlocked(now, hourLeft);
                return;
            }

            Want(wasWanting, now, PulseKind.Degraded, Min(pulseMs, left), ReasonCode.DegradedPulse, pulseMs / 1000, 0);
        }

        private void Protective(ControlContext c, ZoneClimate z, int stage, long left, bool wasWanting)
        {
            long now = c.NowMs;
            if (!_protectiveClockStarted)
            {
                // After a boot the last protective pulse is unknown: wait one interval.
                _protectiveClockStarted = true;
                _lastProtectiveMs = now;
            }

            ReasonCode idle = stage == ControlSettings.StageRest ? ReasonCode.StageNoWater
                : WetDaysTotal >= _s.Integer(_ix.MaxWetDays, _n) ? ReasonCode.WetDayCap : ReasonCode.DryPhase;
            double ia = stage == ControlSettings.StageRest ? stage : idle == ReasonCode.WetDayCap ? WetDaysTotal : PhaseDay;
            double ib = _s.Integer(_ix.DryDays, _n);
            if (!z.HumidityValid || !z.TemperatureValid)
            {
                Set(ZoneActivity.Idle, idle, ia, ib);
                return;
            }

            bool hot = c.Summer || z.TemperatureCelsius >= _s.Number(_ix.ProtectC, 0);
            long intervalMs = _s.Integer(_ix.ProtectInterval, 0) * 60000;
            if (z.RelativeHumidityPercent < _s.Number(_ix.ProtectRh, 0) && hot && now - _lastProtectiveMs >= intervalMs && left >= 1000)
            {
                long pulseMs = _s.Integer(_ix.ProtectPulse, 0) * 1000;
                Want(wasWanting, now, PulseKind.Protective, Min(pulseMs, left), ReasonCode.ProtectivePulse, pulseMs / 1000, z.RelativeHumidityPercent);
                return;
            }

            Set(ZoneActivity.Idle, idle, ia, ib);
        }

        /// <summary>
        /// Window check: summer mode = night window, cold mode = midday window, otherwise the stage's window. With
        /// the clock unsynced no window can be known: misting is then allowed except at or above the summer
        /// temperature (a stand-in for the hot part of the day).
        /// </summary>
        private ReasonCode WindowBlock(ControlContext c, ZoneClimate z, int stage, out int start, out int end)
        {
            start = 0;
            end = 0;
            if (!c.ClockSynced)
            {
                if (_s.Flag(_ix.Summer, 0) && z.TemperatureValid && z.TemperatureCelsius >= _s.Number(_ix.SummerC, 0))
                {
                    return ReasonCode.SummerDayHeat;
                }

                return ReasonCode.None;
            }

            if (c.Summer)
            {
                start = (int)_s.Integer(_ix.NightStart, 0);
                end = (int)_s.Integer(_ix.NightEnd, 0);
            }
            else if (c.Cold)
            {
                start = (int)_s.Integer(_ix.MiddayStart, 0);
                end = (int)_s.Integer(_ix.MiddayEnd, 0);
            }
            else
            {
                int si = _ix.ProfileStart[stage];
                int ei = _ix.ProfileEnd[stage];
                if (si < 0 || ei < 0)
                {
                    return ReasonCode.None;
                }

                start = (int)_s.Integer(si, 0);
                end = (int)_s.Integer(ei, 0);
            }

            return InHours(c.MinuteOfDay, start, end) ? ReasonCode.None : ReasonCode.OutsideWindow;
        }

        /// <summary>True when minuteOfDay lies in [start h, end h), wrapping past midnight; start == end = all day.</summary>
        public static bool InHours(int minuteOfDay, int startHour, int endHour)
        {
            if (startHour == endHour)
            {
                return true;
            }

            int s = startHour * 60;
            int e = endHour * 60;
            return s < e ? minuteOfDay >= s && minuteOfDay < e : minuteOfDay >= s || minuteOfDay < e;
        }

        // ---------------------------------------------------------------- calendar

        private void UpdateCalendar(ControlContext c)
        {
            int stage = Stage;
            if (_lastStage < 0)
            {
                // First run without saved state: adopt the configured stage, keep the configured target.
                _lastStage = stage;
                StateChanged = true;
            }
            else if (stage != _lastStage)
            {
                EnterStage(stage, "command");
            }

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

            if (_s.Flag(_ix.StageAuto, _n))
            {
                stage = Stage;
                bool advance;
                if (stage == ControlSettings.StagePreHarvest)
                {
                    advance = StageMs >= _s.Integer(_ix.PreHarvestHours, 0) * 3600000L;
                }
                else
                {
                    int daysIndex = _ix.ProfileDays[stage];
                    advance = daysIndex >= 0 && StageDay >= _s.Integer(daysIndex, 0);
                }

                if (advance)
                {
                    int next = NextStage(stage);
                    string error;
                    if (_s.TrySet(_ix.Stage, _n, CoreSettings.Stages[next], out error))
                    {
                        EnterStage(next, "day counter");
                    }
                }
            }
        }

        private void NewDay()
        {
            StageDay++;
            StateChanged = true;
            if (Stage != ControlSettings.StageGrowth)
            {
                return;
            }

            int wetDays = (int)_s.Integer(_ix.WetDays, _n);
            int dryDays = (int)_s.Integer(_ix.DryDays, _n);
            int maxWet = (int)_s.Integer(_ix.MaxWetDays, _n);
            PhaseDay++;
            if (!DryPhase)
            {
                WetDaysTotal++;
                if (WetDaysTotal >= maxWet || (dryDays > 0 && PhaseDay >= wetDays))
                {
                    DryPhase = true;
                    PhaseDay = 0;
                    _log.Info("zone", "dry phase", "zone=" + _n.ToString() + " wet_total=" + WetDaysTotal.ToString());
                }
            }
            else if (WetDaysTotal < maxWet && PhaseDay >= dryDays)
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

            _noEffectCount = 0;
            _backoffUntilMs = Never;
            StateChanged = true;
            int targetIndex = _ix.ProfileTarget[stage];
            if (targetIndex >= 0)
            {
                string error;
                _s.TrySet(_ix.TargetRh, _n, Num.FormatShort(_s.Number(targetIndex, 0), 1), out error);
            }

            _log.Info("zone", "stage", "zone=" + _n.ToString() + " from=" + from + " to=" + CoreSettings.Stages[stage]
                + " target=" + Num.FormatShort(TargetRh, 1) + " source=" + source);
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

        // ---------------------------------------------------------------- limits

        /// <summary>High lockout for a stage: the lower of lockout.high_c, the stage's max_temp_c and the hard ceiling.</summary>
        public double HighLimit(int stage)
        {
            double high = _s.Number(_ix.LockHigh, 0);
            int profile = _ix.ProfileMaxTemp[stage];
            if (profile >= 0 && _s.Number(profile, 0) < high)
            {
                high = _s.Number(profile, 0);
            }

            return high > HardLimits.MaxMistingTemperatureCelsius ? HardLimits.MaxMistingTemperatureCelsius : high;
        }

        /// <summary>Low (frost) lockout: lockout.low_c, never below the hard floor.</summary>
        public double LowLimit()
        {
            double low = _s.Number(_ix.LockLow, 0);
            return low < HardLimits.MinMistingTemperatureCelsius ? HardLimits.MinMistingTemperatureCelsius : low;
        }

        private long MaxContinuousMs()
        {
            long s = _s.Integer(_ix.MaxMist, _n);
            return (s > HardLimits.MaxContinuousMistSeconds ? HardLimits.MaxContinuousMistSeconds : s) * 1000L;
        }

        private long HourBudgetMs()
        {
            long s = _s.Integer(_ix.BudgetHour, _n);
            return (s > HardLimits.MaxMistSecondsPerHour ? HardLimits.MaxMistSecondsPerHour : s) * 1000L;
        }

        private long DayBudgetMs()
        {
            long s = _s.Integer(_ix.BudgetDay, _n);
            return (s > HardLimits.MaxMistSecondsPerDay ? HardLimits.MaxMistSecondsPerDay : s) * 1000L;
        }

        internal long BudgetLeftMs(long nowMs)
        {
            long hourLeft = HourBudgetMs() - _ledger.HourMsUsed(nowMs);
            long dayLeft = DayBudgetMs() - _ledger.DayMsUsed(nowMs);
            return hourLeft < dayLeft ? hourLeft : dayLeft;
        }

        private void UpdateLocks(ZoneClimate z, int stage, long now)
        {
            if (!z.TemperatureValid)
            {
                // Unknown temperature: the degraded program (more conservative without temperature) takes over.
                LockedHigh = false;
                LockedLow = false;
                SetAlarm(AlarmCodes.HighTemperatureLockout, false, null);
                SetAlarm(AlarmCodes.LowTemperatureLockout, false, null);
                return;
            }

            double t = z.TemperatureCelsius;
            double hyst = _s.Number(_ix.LockHyst, 0);
            double high = HighLimit(stage);
            double low = LowLimit();
            if (!LockedHigh && t >= high)
            {
                LockedHigh = true;
            }
            else if (LockedHigh && t <= high - hyst)
            {
                LockedHigh = false;
            }

            if (!LockedLow && t <= low)
            {
                LockedLow = true;
            }
            else if (LockedLow && t >= low + hyst)
            {
                LockedLow = false;
            }

            if (LockedHigh != _alarms.IsActive(AlarmCodes.HighTemperatureLockout, _n))
            {
                SetAlarm(AlarmCodes.HighTemperatureLockout, LockedHigh, Num.Format(t, 1) + " C >= " + Num.FormatShort(high, 1));
            }

            if (LockedLow != _alarms.IsActive(AlarmCodes.LowTemperatureLockout, _n))
            {
                SetAlarm(AlarmCodes.LowTemperatureLockout, LockedLow, Num.Format(t, 1) + " C <= " + Num.FormatShort(low, 1));
            }
        }

        private void UpdateCondensation(ZoneClimate z, long now)
        {
            double limit = _s.Number(_ix.CondRh, 0);
            if (z.HumidityValid && z.RelativeHumidityPercent >= limit)
            {
                if (_nearSaturationSinceMs == Never)
                {
                    _nearSaturationSinceMs = now;
                }

                if (!Condensing && now - _nearSaturationSinceMs >= _s.Integer(_ix.CondMin, 0) * 60000)
                {
                    Condensing = true;
                    SetAlarm(AlarmCodes.Condensation, true, "rh " + Num.Format(z.RelativeHumidityPercent, 1) + " for "
                        + Num.Format(_s.Integer(_ix.CondMin, 0)) + " min");
                }
            }
            else if (!z.HumidityValid || z.RelativeHumidityPercent < limit - 2)
            {
                _nearSaturationSinceMs = Never;
                if (Condensing)
                {
                    Condensing = false;
                    SetAlarm(AlarmCodes.Condensation, false, null);
                }
            }
        }

        // ---------------------------------------------------------------- helpers

        private void Want(bool wasWanting, long now, PulseKind kind, long pulseMs, ReasonCode code, double a, double b)
        {
            if (!wasWanting)
            {
                WantSinceMs = now;
            }

            WantsValve = true;
            _wantKind = kind;
            _wantPulseMs = pulseMs;
            _wantCode = code;
            _wantA = a;
            _wantB = b;
            Set(ZoneActivity.Idle, ReasonCode.WaitingForValveSlot, 0, 0);
        }

        private void BudgetBlocked(long now, long hourLeft)
        {
            bool hour = hourLeft < _s.Integer(_ix.PulseMin, _n) * 1000 || hourLeft <= 0;
            ReasonCode code = hour ? ReasonCode.BudgetHour : ReasonCode.BudgetDay;
            double used = hour ? _ledger.HourMsUsed(now) / 1000 : _ledger.DayMsUsed(now) / 1000;
            double budget = hour ? HourBudgetMs() / 1000 : DayBudgetMs() / 1000;
            Block(now, ZoneActivity.Blocked, code, used, budget);
        }

        private void Block(long now, ZoneActivity activity, ReasonCode code, double a, double b)
        {
            WantsValve = false;
            Close(now, code, a, b);
            Set(activity, code, a, b);
        }

        private void Close(long now, ReasonCode code, double a, double b)
        {
            if (!_valve.IsOn)
            {
                return;
            }

            string text = Reasons.Text(code, a, b);
            _valve.Set(false, now, text);
            _lastCloseMs = now;
            _settleUntilMs = now + _s.Integer(_ix.Settle, _n) * 1000L;
            _outcomePending = _kind == PulseKind.Auto;
            _log.Info("zone", "valve off", "zone=" + _n.ToString() + " open_s=" + Num.Format((now - _openedAtMs) / 1000.0, 1) + " reason=\"" + text + "\"");
            _kind = PulseKind.None;
        }

        private void Set(ZoneActivity activity, ReasonCode code, double a, double b)
        {
            Activity = activity;
            _code = code;
            _a = a;
            _b = b;
        }

        /// <summary>Raises or clears one of this zone's alarms; only a change reaches the alarm set (which logs it).</summary>
        private void SetAlarm(string code, bool active, string detail)
        {
            if (_alarms.IsActive(code, _n) != active)
            {
                _alarms.Set(code, _n, active, detail, _nowMs);
            }
        }

        private static long Min(long a, long b)
        {
            return a < b ? a : b;
        }
    }
}
