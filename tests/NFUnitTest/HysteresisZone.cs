using Greenhouse.Actuation;
using Greenhouse.Control;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Tests
{
    /// <summary>
    /// One misting zone under plain hysteresis: valve on below target minus band, off at target, never longer
    /// than the zone's continuous limit, off whenever the humidity reading is not trustworthy. The full control
    /// engine replaces this decision; the safe defaults stay. Only the comparison tests use it (ControlComparisonTests:
    /// pulse-and-settle against this baseline), so it lives with them, not in the device core.
    /// </summary>
    public sealed class HysteresisZone
    {
        private readonly int _number;
        private readonly RelayChannel _valve;
        private readonly ControllerSettings _settings;
        private readonly int _mode;
        private readonly int _target;
        private readonly int _band;
        private readonly int _stage;
        private readonly int _maxMist;
        private long _offSinceMs;
        private long _manualUntilMs = -1;

        public HysteresisZone(int number, RelayChannel valve, ControllerSettings settings)
        {
            _number = number;
            _valve = valve;
            _settings = settings;
            _mode = settings.Require(CoreSettings.Mode);
            _target = settings.Require(CoreSettings.TargetRh);
            _band = settings.Require(CoreSettings.Band);
            _stage = settings.Require(CoreSettings.Stage);
            _maxMist = settings.Require(CoreSettings.MaxMistSeconds);
            Activity = ZoneActivity.Off;
            Reason = "start";
        }

        public int Number
        {
            get { return _number; }
        }

        public RelayChannel Valve
        {
            get { return _valve; }
        }

        public ZoneActivity Activity { get; private set; }

        /// <summary>Why the zone is in its state ("mist on: rh 82.1 < 87").</summary>
        public string Reason { get; private set; }

        /// <summary>Queues a mist-now pulse of the given length; refused when the zone is off or faulted.</summary>
        public bool RequestManualPulse(long nowMs, int seconds, out string error)
        {
            int mode = _settings.ChoiceIndex(_mode, _number);
            if (mode == CoreSettings.ModeOff)
            {
                error = "zone " + _number.ToString() + " is off";
                return false;
            }

            error = null;
            _manualUntilMs = nowMs + seconds * 1000L;
            return true;
        }

        /// <summary>Decides and applies the valve for this tick.</summary>
        /// <param name="rhValid">True when a fresh, trustworthy humidity reading exists.</param>
        public void Update(long nowMs, bool rhValid, double rh)
        {
            int mode = _settings.ChoiceIndex(_mode, _number);
            int stage = _settings.ChoiceIndex(_stage, _number);
            double target = _settings.Number(_target, _number);
            double band = _settings.Number(_band, _number);
            long maxMistMs = _settings.Integer(_maxMist, _number) * 1000;
            if (maxMistMs > HardLimits.MaxContinuousMistSeconds * 1000L)
            {
                maxMistMs = HardLimits.MaxContinuousMistSeconds * 1000L;
            }

            if (_manualUntilMs >= 0 && mode != CoreSettings.ModeOff && rhValid)
            {
                if (nowMs < _manualUntilMs && _valve.OnForMs(nowMs) < maxMistMs)
                {
                    if (_valve.Set(true, nowMs, "mist on: manual"))
                    {
                        Activity = ZoneActivity.Misting;
                        Reason = "mist on: manual";
                    }

                    return;
                }

                _manualUntilMs = -1;
                Stop(nowMs, ZoneActivity.Idle, "mist off: manual pulse done");
                return;
            }

            if (mode != CoreSettings.ModeAuto)
            {
                Stop(nowMs, ZoneActivity.Off, "off: mode " + CoreSettings.Modes[mode]);
                return;
            }

            if (!rhValid)
            {
                Stop(nowMs, ZoneActivity.Fault, "off: no valid humidity");
                return;
            }

            if (stage == 0 || stage == 4 || stage == 5)
            {
                Stop(nowMs, ZoneActivity.Blocked, "blocked: stage " + CoreSettings.Stages[stage]);
                return;
            }

            if (_valve.IsOn)
            {
                if (_valve.OnForMs(nowMs) >= maxMistMs)
                {
                    Stop(nowMs, ZoneActivity.Blocked, "mist off: max continuous " + Num.Format(maxMistMs / 1000) + " s");
                }
                else if (rh >= target)
                {
                    Stop(nowMs, ZoneActivity.Idle, "mist off: rh " + Num.Format(rh, 1) + " >= " + Num.FormatShort(target, 1));
                }

                return;
            }

            bool restedAfterLimit = Activity != ZoneActivity.Blocked || nowMs - _offSinceMs >= maxMistMs;
            if (rh < target - band && restedAfterLimit)
            {
                _valve.Set(true, nowMs, "mist on");
                Activity = ZoneActivity.Misting;
                Reason = "mist on: rh " + Num.Format(rh, 1) + " < " + Num.FormatShort(target - band, 1);
            }
            else if (Activity != ZoneActivity.Idle && Activity != ZoneActivity.Blocked)
            {
                Activity = ZoneActivity.Idle;
                Reason = "idle: rh " + Num.Format(rh, 1);
            }
        }

        /// <summary>Closes the valve without a decision (start-up, faults).</summary>
        public void ForceOff(string reason)
        {
            _valve.ForceOff(reason);
            Activity = ZoneActivity.Fault;
            Reason = reason;
        }

        private void Stop(long nowMs, ZoneActivity activity, string reason)
        {
            if (_valve.Set(false, nowMs, reason))
            {
                _offSinceMs = nowMs;
            }

            if (Activity != activity || Reason != reason)
            {
                Activity = activity;
                Reason = reason;
            }
        }
    }
}
