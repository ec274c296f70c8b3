using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Greenhouse.App;
using Greenhouse.Diagnostics;
using Greenhouse.Settings;

namespace Greenhouse.Faults
{
    /// <summary>
    /// Checks the safety invariants of a simulated run, tick by tick, from what the controller commands (its
    /// RelayChannels and settings) and what the simulation knows to be true (air temperature, tank). Call
    /// <see cref="Observe"/> after every controller tick (and after the first tick of a controller built after a power
    /// cut: a new Controller instance is recognised as a restart). Each violation is recorded once per episode (when it
    /// starts; the daily budget once per zone and day), with time and a sentence; all are counted. It also follows the
    /// controller's alarms, counting appearances and clearances per code.
    /// A valve counts as open from the observation where it is first seen on until the observation where it is seen
    /// off (the commanded state holds between ticks); a restart ends every opening (the relays drop).
    /// </summary>
    public sealed class InvariantMonitor
    {
        private const int Zones = ControllerSettings.MaxZones;
        private readonly InvariantOptions _options;
        private readonly List<InvariantViolation> _violations = new List<InvariantViolation>();
        private readonly int[] _counts = new int[InvariantKinds.All.Length];
        private readonly bool[] _inEpisode = new bool[InvariantKinds.All.Length * (Zones + 1)];
        private readonly bool[] _wasOn = new bool[Zones];
        private readonly TimeSpan[] _onSince = new TimeSpan[Zones];
        private readonly bool[] _longReported = new bool[Zones];
        private readonly TimeSpan[] _dayTotal = new TimeSpan[Zones];
        private readonly bool[] _dailyReported = new bool[Zones];
        private readonly TimeSpan[] _total = new TimeSpan[Zones];
        private readonly Dictionary<string, int> _raisedByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _clearedByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly List<AlarmChange> _alarmChanges = new List<AlarmChange>();
        private Controller _controller;
        private ISettingsView _settings;
        private int _modeIndex;
        private int _maxMistIndex;
        private long _alarmSequence;
        private bool _first = true;
        private TimeSpan _prevElapsed;
        private DateTime _prevLocal;
        private DateTime _day;

        public InvariantMonitor(InvariantOptions options = null)
        {
            _options = options ?? new InvariantOptions();
        }

        public InvariantOptions Options => _options;

        /// <summary>Recorded violations, in order (at most Options.MaxRecorded).</summary>
        public IReadOnlyList<InvariantViolation> Violations => _violations;

        /// <summary>All violations, recorded or not.</summary>
        public int ViolationCount { get; private set; }

        /// <summary>True when no invariant was violated.</summary>
        public bool Ok => ViolationCount == 0;

        public int Count(InvariantKind kind) => _counts[(int)kind];

        public long Observations { get; private set; }

        /// <summary>Controller instances after the first (power cuts and reboots the monitor saw).</summary>
        public int Restarts { get; private set; }

        public int AlarmAppearances { get; private set; }
        public int AlarmClearances { get; private set; }

        /// <summary>Alarms that were active on a controller instance when it was replaced (lost by the restart, not cleared).</summary>
        public int AlarmsDroppedByRestart { get; private set; }

        /// <summary>Appearances per alarm code.</summary>
        public IReadOnlyDictionary<string, int> AlarmsRaisedByCode => _raisedByCode;

        /// <summary>Clearances per alarm code.</summary>
        public IReadOnlyDictionary<string, int> AlarmsClearedByCode => _clearedByCode;

        /// <summary>Alarm changes in order (at most Options.MaxRecorded).</summary>
        public IReadOnlyList<AlarmChange> AlarmChanges => _alarmChanges;

        /// <summary>True when the alarm code appeared at least once and cleared at least once.</summary>
        public bool AlarmAppearedAndCleared(string code)
        {
            int raised;
            int cleared;
            return _raisedByCode.TryGetValue(code, out raised) && raised > 0 && _clearedByCode.TryGetValue(code, out cleared) && cleared > 0;
        }

        /// <summary>Open-valve time of a zone (1..4) since the start of the run.</summary>
        public TimeSpan TotalMist(int zone) => _total[zone - 1];

        /// <summary>Open-valve time of a zone (1..4) in the current local day.</summary>
        public TimeSpan MistToday(int zone) => _dayTotal[zone - 1];

        /// <summary>Checks one tick. <paramref name="controller"/> may be a new instance after a power cut.</summary>
        public void Observe(Controller controller, GroundTruth truth)
        {
            if (controller == null)
            {
                throw new ArgumentNullException(nameof(controller));
            }

            if (!_first && truth.Elapsed < _prevElapsed)
            {
                throw new ArgumentException("simulated time went backwards: " + truth.Elapsed + " after " + _prevElapsed);
            }

            TimeSpan dt = _first ? TimeSpan.Zero : truth.Elapsed - _prevElapsed;
            if (_first)
            {
                _day = truth.Local.Date;
                _prevLocal = truth.Local;
            }

            Observations++;
            CreditOpenTime(dt, truth);
            if (!ReferenceEquals(controller, _controller))
            {
                Bind(controller);
            }

            ISettingsView settings = controller.Status.Settings;
            int zonesInUse = controller.Status.ZoneCount;
            int open = 0;
            for (int i = 0; i < Zones; i++)
            {
                int zone = i + 1;
                bool on = controller.Status.Zone(zone).ValveOpen;
                if (on && !_wasOn[i])
                {
                    _onSince[i] = truth.Elapsed;
                    _longReported[i] = false;
                }

                _wasOn[i] = on;
                if (!on)
                {
                    Begins(InvariantKind.DisabledZoneValve, zone, false);
                    continue;
                }

                open++;
                bool disabled = zone > zonesInUse || settings.ChoiceIndex(_modeIndex, zone) == CoreSettings.ModeOff;
                if (Begins(InvariantKind.DisabledZoneValve, zone, disabled))
                {
                    Record(InvariantKind.DisabledZoneValve, zone, truth.Elapsed, truth.Local, zone > zonesInUse
                        ? "valve " + zone + " open but zones = " + zonesInUse
                        : "valve " + zone + " open but zone" + zone + ".mode = off");
                }
            }

            // Checked without allocating: the texts are built only when an episode begins.
            bool misting = open > 0;
            double air = truth.AirTemperatureCelsius;
            if (Begins(InvariantKind.MistingTooHot, 0, misting && air > HardLimits.MaxMistingTemperatureCelsius + _options.TemperatureMarginCelsius))
            {
                Record(InvariantKind.MistingTooHot, 0, truth.Elapsed, truth.Local,
                    open + " valve(s) open at air " + F1(air) + " °C > " + F1(HardLimits.MaxMistingTemperatureCelsius) + " °C" + SensorSays(controller));
            }

            if (Begins(InvariantKind.MistingTooCold, 0, misting && air < HardLimits.MinMistingTemperatureCelsius - _options.TemperatureMarginCelsius))
            {
                Record(InvariantKind.MistingTooCold, 0, truth.Elapsed, truth.Local,
                    open + " valve(s) open at air " + F1(air) + " °C < " + F1(HardLimits.MinMistingTemperatureCelsius) + " °C" + SensorSays(controller));
            }

            if (Begins(InvariantKind.TooManyValves, 0, open > _options.MaxOpenValves))
            {
                Record(InvariantKind.TooManyValves, 0, truth.Elapsed, truth.Local, open + " valves open, at most " + _options.MaxOpenValves + " allowed");
            }

            if (Begins(InvariantKind.PumpDry, 0, controller.Status.Pump.IsOn && !truth.TankHasWater))
            {
                Record(InvariantKind.PumpDry, 0, truth.Elapsed, truth.Local, "pump on while the tank is empty");
            }

            FollowAlarms(controller.Status.Alarms, truth);
            _prevElapsed = truth.Elapsed;
            _prevLocal = truth.Local;
            _first = false;
        }

        /// <summary>Every setting as "key=canonical value" (secrets in clear), for <see cref="CheckSettingsSurvived"/>.</summary>
        public static string[] SnapshotSettings(ISettingsView settings)
        {
            List<string> lines = new List<string>();
            SettingDefinition[] definitions = settings.Definitions;
            for (int d = 0; d < definitions.Length; d++)
            {
                if (definitions[d].PerZone)
                {
                    for (int zone = 1; zone <= Zones; zone++)
                    {
                        lines.Add("zone" + zone + "." + definitions[d].Name + "=" + settings.CanonicalText(d, zone));
                    }
                }
                else
                {
                    lines.Add(definitions[d].Name + "=" + settings.CanonicalText(d, 0));
                }
            }

            return lines.ToArray();
        }

        /// <summary>
        /// Compares the settings of a controller built after a restart with a snapshot taken before it (secret values are
        /// compared but not shown). Records one SettingsLost violation naming the changed keys; returns true when equal.
        /// </summary>
        public bool CheckSettingsSurvived(string[] before, ISettingsView after, TimeSpan elapsed, DateTime local)
        {
            string[] now = SnapshotSettings(after);
            List<string> changed = new List<string>();
            HashSet<string> nowSet = new HashSet<string>(now, StringComparer.Ordinal);
            foreach (string line in before)
            {
                if (!nowSet.Contains(line))
                {
                    int eq = line.IndexOf('=');
                    changed.Add(eq < 0 ? line : line.Substring(0, eq));
                }
            }

            if (changed.Count == 0)
            {
                return true;
            }

            string shown = string.Join(", ", changed.GetRange(0, Math.Min(8, changed.Count))) + (changed.Count > 8 ? " and " + (changed.Count - 8) + " more" : "");
            Record(InvariantKind.SettingsLost, 0, elapsed, local, changed.Count + " setting(s) changed across the restart: " + shown);
            return false;
        }

        /// <summary>A few lines for a run report: checks, violations by kind, alarms raised/cleared by code.</summary>
        public string Summary()
        {
            StringBuilder text = new StringBuilder();
            text.Append("invariants: ").Append(Observations).Append(" observations, ").Append(Restarts).Append(" restarts, ")
                .Append(ViolationCount).Append(" violations").AppendLine();
            foreach (InvariantKind kind in InvariantKinds.All)
            {
                if (_counts[(int)kind] > 0)
                {
                    text.Append("  ").Append(InvariantKinds.Code(kind)).Append(": ").Append(_counts[(int)kind]).AppendLine();
                }
            }

            text.Append("alarms: ").Append(AlarmAppearances).Append(" appeared, ").Append(AlarmClearances).Append(" cleared, ")
                .Append(AlarmsDroppedByRestart).Append(" dropped by restarts").AppendLine();
            List<string> codes = new List<string>(_raisedByCode.Keys);
            codes.Sort(StringComparer.Ordinal);
            foreach (string code in codes)
            {
                int cleared;
                _clearedByCode.TryGetValue(code, out cleared);
                text.Append("  ").Append(code).Append(": raised ").Append(_raisedByCode[code]).Append(", cleared ").Append(cleared).AppendLine();
            }

            return text.ToString();
        }

        private void Bind(Controller controller)
        {
            if (_controller != null)
            {
                Restarts++;
                // What the old controller still had active went with it.
                AlarmsDroppedByRestart += _controller.Status.Alarms.ActiveCount;

                // The relays dropped with the power: every opening ended.
                for (int i = 0; i < Zones; i++)
                {
                    _wasOn[i] = false;
                }
            }

            _controller = controller;
            if (!ReferenceEquals(controller.Status.Settings, _settings))
            {
                _settings = controller.Status.Settings;
                _modeIndex = _settings.Require(CoreSettings.Mode);
                _maxMistIndex = _settings.Require(CoreSettings.MaxMistSeconds);
            }

            _alarmSequence = 0;
        }

        /// <summary>Adds the time since the last observation to every valve that was open, splitting at local midnight,
        /// and checks the continuous and daily limits.</summary>
        private void CreditOpenTime(TimeSpan dt, GroundTruth truth)
        {
            bool newDay = truth.Local.Date != _day;
            TimeSpan beforeMidnight = dt;
            if (newDay)
            {
                long ticks = (truth.Local.Date - _prevLocal).Ticks;
                beforeMidnight = TimeSpan.FromTicks(Math.Max(0, Math.Min(dt.Ticks, ticks)));
            }

            for (int i = 0; i < Zones; i++)
            {
                if (_wasOn[i])
                {
                    _dayTotal[i] += beforeMidnight;
                    _total[i] += dt;
                    CheckDaily(i, truth);
                    CheckContinuous(i, truth);
                }
            }

            if (newDay)
            {
                _day = truth.Local.Date;
                for (int i = 0; i < Zones; i++)
                {
                    _dayTotal[i] = _wasOn[i] ? dt - beforeMidnight : TimeSpan.Zero;
                    _dailyReported[i] = false;
                    CheckDaily(i, truth);
                }
            }
        }

        private void CheckContinuous(int i, GroundTruth truth)
        {
            if (_longReported[i] || _settings == null)
            {
                return;
            }

            int zone = i + 1;
            long zoneLimit = _settings.Integer(_maxMistIndex, zone);
            long limit = Math.Min(zoneLimit, HardLimits.MaxContinuousMistSeconds);
            TimeSpan open = truth.Elapsed - _onSince[i];
            if (open > TimeSpan.FromSeconds(limit) + _options.DurationTolerance)
            {
                _longReported[i] = true;
                Record(InvariantKind.ValveTooLong, zone, truth.Elapsed, truth.Local, "valve open " + Whole(open.TotalSeconds) + " s, limit " + limit
                    + " s (zone" + zone + ".max_mist_s = " + zoneLimit + ", hard limit " + HardLimits.MaxContinuousMistSeconds + ")");
            }
        }

        private void CheckDaily(int i, GroundTruth truth)
        {
            if (_dailyReported[i] || _dayTotal[i] <= TimeSpan.FromSeconds(HardLimits.MaxMistSecondsPerDay) + _options.DurationTolerance)
            {
                return;
            }

            _dailyReported[i] = true;
            Record(InvariantKind.DailyMistExceeded, i + 1, truth.Elapsed, truth.Local, "misted " + Whole(_dayTotal[i].TotalSeconds) + " s on "
                + _day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ", limit " + HardLimits.MaxMistSecondsPerDay + " s per day");
        }

        private void FollowAlarms(IAlarmView alarms, GroundTruth truth)
        {
            AlarmTransition? t;
            while ((t = alarms.TransitionAfter(_alarmSequence)) != null)
            {
                _alarmSequence = t.Sequence;
                if (t.IsEvent)
                {
                    // A one-off event (a setting changed, a connection trial ended): nothing was raised or cleared.
                    continue;
                }

                string code = t.Code;
                int zone = t.Zone;
                string? detail = t.Detail;
                bool active = t.Raised;
                Dictionary<string, int> counts = active ? _raisedByCode : _clearedByCode;
                int n;
                counts.TryGetValue(code, out n);
                counts[code] = n + 1;
                if (active)
                {
                    AlarmAppearances++;
                }
                else
                {
                    AlarmClearances++;
                }

                if (_alarmChanges.Count < _options.MaxRecorded)
                {
                    _alarmChanges.Add(new AlarmChange(code, zone, active, truth.Elapsed, truth.Local, detail));
                }
            }
        }

        /// <summary>Tracks an episode of a condition; true only on the observation where it begins.</summary>
        private bool Begins(InvariantKind kind, int zone, bool violated)
        {
            int key = (int)kind * (Zones + 1) + zone;
            bool begins = violated && !_inEpisode[key];
            _inEpisode[key] = violated;
            return begins;
        }

        private void Record(InvariantKind kind, int zone, TimeSpan elapsed, DateTime local, string text)
        {
            ViolationCount++;
            _counts[(int)kind]++;
            if (_violations.Count < _options.MaxRecorded)
            {
                _violations.Add(new InvariantViolation(kind, zone, elapsed, local, text));
            }
        }

        /// <summary>What the controller's sensors last read, for diagnosing a temperature violation.</summary>
        private static string SensorSays(Controller controller)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < controller.Status.SensorCount; i++)
            {
                Greenhouse.Sensing.ISensorStatus sensor = controller.Status.Sensor(i);
                if (sensor.Health != Greenhouse.Sensing.SensorHealth.Absent)
                {
                    text.Append(text.Length == 0 ? " (" : ", ").Append(sensor.Name).Append(' ')
                        .Append(sensor.Fresh ? F1(sensor.TemperatureCelsius) + " °C" : "no fresh reading");
                }
            }

            return text.Length == 0 ? "" : text.Append(')').ToString();
        }

        private static string F1(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

        private static string Whole(double value) => Math.Round(value).ToString("F0", CultureInfo.InvariantCulture);
    }
}
