using Greenhouse.Collections;
using Greenhouse.Text;

namespace Greenhouse.Diagnostics
{
    /// <summary>
    /// The one owner of alarms: which are active (by code, see <see cref="AlarmCodes"/>, per zone 1..4 or the
    /// device as zone 0), with a short detail and the uptime each was raised. A transition (raised or cleared) is
    /// logged here, once, at the moment it happens ("alarm raised code=... detail=..."; never rate-limited), and
    /// kept as an <see cref="AlarmTransition"/> record that readers follow by sequence number (the MQTT alarm
    /// topic, the simulator), so two changes in one tick are never folded into one. The journal keeps the log
    /// line. Raising an active alarm only updates its detail. Fixed capacity; no allocation unless something changes.
    /// <para>
    /// One-off events that are no state (a connection or hardware setting changed, a connection trial ended; codes in
    /// <see cref="AlarmCodes.Events"/>) take the same path: <see cref="Notice"/> logs and records them as a transition
    /// marked <see cref="AlarmTransition.IsEvent"/>, so the journal keeps them and the MQTT alarm topic sends them.
    /// </para>
    /// </summary>
    public sealed class AlarmSet : IAlarmView
    {
        /// <summary>Transitions kept for readers that follow them by sequence number.</summary>
        public const int TransitionCapacity = 16;

        private const int ZoneSlots = 5;

        private readonly Logger _log;
        private readonly string[] _codes;
        private readonly bool[] _active;
        private readonly string[] _details;
        private readonly long[] _sinceMs;
        private readonly Ring _transitions = new Ring(TransitionCapacity);
        private long _sequence;

        /// <param name="log">Where transitions are logged (null: not logged, for tests of the set alone).</param>
        public AlarmSet(Logger log)
        {
            _log = log;
            _codes = AlarmCodes.All;
            int slots = _codes.Length * ZoneSlots;
            _active = new bool[slots];
            _details = StringArray.New(slots);
            _sinceMs = new long[slots];
        }

        /// <summary>Incremented whenever an alarm is raised or cleared.</summary>
        public int Version { get; private set; }

        /// <summary>Number of active alarms.</summary>
        public int ActiveCount { get; private set; }

        /// <summary>Sequence number of the newest transition (0 before the first).</summary>
        public long LastSequence
        {
            get { return _sequence; }
        }

        /// <summary>
        /// The oldest kept transition newer than <paramref name="sequence"/>, or null when there is none. A reader
        /// that fell more than <see cref="TransitionCapacity"/> behind sees a jump in the sequence numbers.
        /// </summary>
        public AlarmTransition TransitionAfter(long sequence)
        {
            for (int i = 0; i < _transitions.Count; i++)
            {
                AlarmTransition t = (AlarmTransition)_transitions.Get(i);
                if (t.Sequence > sequence)
                {
                    return t;
                }
            }

            return null;
        }

        /// <summary>Raises an alarm for a zone (1..4) or for the device (0). Returns true when it was not active.</summary>
        public bool Raise(string code, int zone, string detail, long nowMs)
        {
            int slot = Slot(code, zone);
            if (slot < 0)
            {
                return false;
            }

            _details[slot] = detail;
            if (_active[slot])
            {
                return false;
            }

            _active[slot] = true;
            _sinceMs[slot] = nowMs;
            ActiveCount++;
            Record(_codes[slot / ZoneSlots], zone, true, detail, nowMs);
            return true;
        }

        /// <summary>Clears an alarm. Returns true when it was active.</summary>
        public bool Clear(string code, int zone, long nowMs)
        {
            int slot = Slot(code, zone);
            if (slot < 0 || !_active[slot])
            {
                return false;
            }

            _active[slot] = false;
            ActiveCount--;
            Record(_codes[slot / ZoneSlots], zone, false, null, nowMs);
            return true;
        }

        /// <summary>
        /// Records a one-off event (code from <see cref="AlarmCodes.Events"/>, zone 0 for the device): logged once (as a
        /// warning when <paramref name="problem"/>) and followed by readers like a transition; no alarm becomes active.
        /// </summary>
        public void Notice(string code, int zone, string detail, bool problem, long nowMs)
        {
            _sequence++;
            AlarmTransition t = new AlarmTransition();
            t.Sequence = _sequence;
            t.Code = code;
            t.Zone = zone;
            t.IsEvent = true;
            t.Detail = detail;
            t.AtMs = nowMs;
            _transitions.Add(t);
            if (_log != null)
            {
                string where = zone > 0 ? " zone=" + zone.ToString() : "";
                _log.Write(problem ? LogLevel.Warning : LogLevel.Info, "alarm", "event", "code=" + code + where + " detail=" + Logger.Quote(detail), false);
            }
        }

        /// <summary>Raises or clears depending on the condition.</summary>
        public void Set(string code, int zone, bool active, string detail, long nowMs)
        {
            if (active)
            {
                Raise(code, zone, detail, nowMs);
            }
            else
            {
                Clear(code, zone, nowMs);
            }
        }

        public bool IsActive(string code, int zone)
        {
            int slot = Slot(code, zone);
            return slot >= 0 && _active[slot];
        }

        /// <summary>Number of slots to iterate with <see cref="TryGet"/>.</summary>
        public int SlotCount
        {
            get { return _active.Length; }
        }

        /// <summary>Reads one slot; false when that slot holds no active alarm.</summary>
        public bool TryGet(int slot, out string code, out int zone, out string detail, out long sinceMs)
        {
            code = _codes[slot / ZoneSlots];
            zone = slot % ZoneSlots;
            detail = _details[slot];
            sinceMs = _sinceMs[slot];
            return _active[slot];
        }

        private void Record(string code, int zone, bool raised, string detail, long nowMs)
        {
            _sequence++;
            Version++;
            AlarmTransition t = new AlarmTransition();
            t.Sequence = _sequence;
            t.Code = code;
            t.Zone = zone;
            t.Raised = raised;
            t.Detail = detail;
            t.AtMs = nowMs;
            _transitions.Add(t);
            if (_log == null)
            {
                return;
            }

            string where = zone > 0 ? " zone=" + zone.ToString() : "";
            if (raised)
            {
                _log.Write(LogLevel.Warning, "alarm", "raised", "code=" + code + where + " detail=" + Logger.Quote(detail), false);
            }
            else
            {
                _log.Write(LogLevel.Info, "alarm", "cleared", "code=" + code + where, false);
            }
        }

        private int Slot(string code, int zone)
        {
            if (zone < 0 || zone >= ZoneSlots)
            {
                return -1;
            }

            for (int i = 0; i < _codes.Length; i++)
            {
                if ((object)_codes[i] == (object)code || _codes[i] == code)
                {
                    return i * ZoneSlots + zone;
                }
            }

            return -1;
        }
    }

    /// <summary>One alarm raised or cleared, as recorded by <see cref="AlarmSet"/>.</summary>
    public sealed class AlarmTransition
    {
        /// <summary>1, 2, 3 … in the order the transitions happened.</summary>
        public long Sequence;
        public string Code;
        /// <summary>Zone 1..4, or 0 for the device.</summary>
        public int Zone;
        /// <summary>True when raised, false when cleared (and for an event).</summary>
        public bool Raised;
        /// <summary>True for a one-off event (<see cref="AlarmSet.Notice"/>): nothing was raised or cleared.</summary>
        public bool IsEvent;
        /// <summary>Detail of a raise or an event; null for a clear.</summary>
        public string Detail;
        /// <summary>Uptime of the transition, ms.</summary>
        public long AtMs;
    }
}
