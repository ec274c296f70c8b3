using Greenhouse.Control;
using Greenhouse.Ports;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Greenhouse.Status;
using Greenhouse.Text;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// Paces the retained state document (<c>&lt;base&gt;/state</c>, <see cref="StateDocument"/>): every
    /// mqtt.telemetry_s, at once after a connect, and early (at most every <see cref="MinStateGapMs"/>) when something a
    /// grower watches changed — a setting, an alarm, a zone's activity, or humidity by
    /// <see cref="SignificantRhChange"/>. Also each zone's Home Assistant action topic, published on change.
    /// </summary>
    public sealed class StatePublisher
    {
        /// <summary>Shortest gap between two state documents sent because something changed.</summary>
        public const long MinStateGapMs = 2000;

        /// <summary>Humidity move (percentage points) that counts as a significant change for the state document.</summary>
        public const double SignificantRhChange = 3.0;

        private readonly IControllerStatus _status;
        private readonly IClock _clock;
        private readonly JsonWriter _json;
        private readonly int _telemetryDef;
        private readonly int[] _publishedAction = new int[ControllerSettings.MaxZones + 1];
        private readonly int[] _stateActivity = new int[ControllerSettings.MaxZones + 1];
        private string[] _actionTopics;
        private string _actionBase;
        private bool _forced;
        private long _lastStateMs;
        private int _stateSettingsVersion;
        private int _stateAlarmVersion;
        private readonly bool[] _stateRhValid = new bool[ControllerSettings.MaxZones + 1];
        private readonly bool[] _stateEarsWet = new bool[ControllerSettings.MaxZones + 1];
        private readonly double[] _stateRh = new double[ControllerSettings.MaxZones + 1];

        /// <param name="json">The writer the document is built in (shared with discovery: one document at a time).</param>
        public StatePublisher(IControllerStatus status, IClock clock, JsonWriter json)
        {
            _status = status;
            _clock = clock;
            _json = json;
            _telemetryDef = status.Settings.Require("mqtt.telemetry_s");
        }

        /// <summary>The next pass sends the state document whatever changed (after a connect or a Home Assistant restart).</summary>
        public void Force()
        {
            _forced = true;
        }

        /// <summary>Action topics are published again.</summary>
        public void ForgetActions()
        {
            for (int i = 0; i < _publishedAction.Length; i++)
            {
                _publishedAction[i] = -1;
            }
        }

        /// <summary>Each zone's action (humidifying, idle, off) on change; false when the budget ran out.</summary>
        public bool PublishActions(string baseTopic, PublishBudget budget)
        {
            if ((object)baseTopic != (object)_actionBase)
            {
                _actionBase = baseTopic;
                _actionTopics = StringArray.New(ControllerSettings.MaxZones + 1);
                for (int z = 1; z <= ControllerSettings.MaxZones; z++)
                {
                    _actionTopics[z] = baseTopic + "/zone/" + z.ToString() + "/action";
                }
            }

            int count = _status.ZoneCount;
            for (int z = 1; z <= count && z <= ControllerSettings.MaxZones; z++)
            {
                ZoneActivity activity = _status.Zone(z).Activity;
                string action = StateDocument.ActionName(activity);
                if (_publishedAction[z] >= 0 && StateDocument.ActionName((ZoneActivity)_publishedAction[z]) == action)
                {
                    continue;
                }

                if (!budget.Send(_actionTopics[z], action, true))
                {
                    return false;
                }

                _publishedAction[z] = (int)activity;
            }

            return true;
        }

        /// <summary>The state document when due; false when the budget ran out.</summary>
        public bool PublishState(long nowMs, string baseTopic, PublishBudget budget)
        {
            long period = _status.Settings.Integer(_telemetryDef, 0) * 1000;
            bool due = _forced || nowMs - _lastStateMs >= period;
            if (!due && nowMs - _lastStateMs >= MinStateGapMs)
            {
                due = SignificantChange();
            }

            if (!due)
            {
                return true;
            }

            StateDocument.Write(_json, _status, _clock, nowMs);
            if (!budget.Send(baseTopic + "/state", _json.ToString(), true))
            {
                return false;
            }

            _forced = false;
            _lastStateMs = nowMs;
            RememberSnapshot();
            return true;
        }

        private bool SignificantChange()
        {
            if (_status.Settings.Version != _stateSettingsVersion || _status.Alarms.Version != _stateAlarmVersion)
            {
                return true;
            }

            int zones = _status.ZoneCount;
            for (int z = 1; z <= ControllerSettings.MaxZones; z++)
            {
                IZoneStatus zone = _status.Zone(z);
                if ((int)zone.Activity != _stateActivity[z] || zone.EarsWet != _stateEarsWet[z])
                {
                    return true;
                }

                // The humidity each zone acts on (no NaN arithmetic: nanoFramework compares NaN as greater).
                ZoneClimate climate = zone.Climate;
                if (z <= zones && climate.HumidityValid != _stateRhValid[z])
                {
                    return true;
                }

                if (z <= zones && climate.HumidityValid)
                {
                    double move = climate.RelativeHumidityPercent - _stateRh[z];
                    if (move >= SignificantRhChange || move <= -SignificantRhChange)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private void RememberSnapshot()
        {
            _stateSettingsVersion = _status.Settings.Version;
            _stateAlarmVersion = _status.Alarms.Version;
            for (int z = 1; z <= ControllerSettings.MaxZones; z++)
            {
                IZoneStatus zone = _status.Zone(z);
                _stateActivity[z] = (int)zone.Activity;
                _stateEarsWet[z] = zone.EarsWet;
                _stateRhValid[z] = zone.Climate.HumidityValid;
                _stateRh[z] = zone.Climate.RelativeHumidityPercent;
            }
        }
    }
}
