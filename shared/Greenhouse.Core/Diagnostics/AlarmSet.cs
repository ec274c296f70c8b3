using Greenhouse.Text;

namespace Greenhouse.Diagnostics
{
    /// <summary>
    /// The alarms currently raised, by code (see <see cref="AlarmCodes"/>), each with a short detail and the uptime
    /// it was raised. Raising an active alarm only updates its detail. Changes bump <see cref="Version"/> so the
    /// MQTT state and the journal can follow without polling every entry. Fixed capacity, no allocation per tick.
    /// </summary>
    public sealed class AlarmSet
    {
        private readonly string[] _codes;
        private readonly bool[] _active;
        private readonly string[] _details;
        private readonly long[] _sinceMs;
        private readonly int[] _zones;

        public AlarmSet()
        {
            _codes = AlarmCodes.All;
            int slots = _codes.Length * 5;
            _active = new bool[slots];
            _details = StringArray.New(slots);
            _sinceMs = new long[slots];
            _zones = new int[slots];
        }

        /// <summary>Incremented whenever an alarm is raised or cleared.</summary>
        public int Version { get; private set; }

        /// <summary>Number of active alarms.</summary>
        public int ActiveCount { get; private set; }

        /// <summary>Last raised or cleared alarm, for the journal: code, zone, raised (true) or cleared.</summary>
        public string LastChangedCode { get; private set; }
        public int LastChangedZone { get; private set; }
        public bool LastChangeRaised { get; private set; }

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
            _zones[slot] = zone;
            ActiveCount++;
            Changed(code, zone, true);
            return true;
        }

        /// <summary>Clears an alarm. Returns true when it was active.</summary>
        public bool Clear(string code, int zone)
        {
            int slot = Slot(code, zone);
            if (slot < 0 || !_active[slot])
            {
                return false;
            }

            _active[slot] = false;
            ActiveCount--;
            Changed(code, zone, false);
            return true;
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
                Clear(code, zone);
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
            code = _codes[slot / 5];
            zone = slot % 5;
            detail = _details[slot];
            sinceMs = _sinceMs[slot];
            return _active[slot];
        }

        private void Changed(string code, int zone, bool raised)
        {
            LastChangedCode = code;
            LastChangedZone = zone;
            LastChangeRaised = raised;
            Version++;
        }

        private int Slot(string code, int zone)
        {
            if (zone < 0 || zone > 4)
            {
                return -1;
            }

            for (int i = 0; i < _codes.Length; i++)
            {
                if ((object)_codes[i] == (object)code || _codes[i] == code)
                {
                    return i * 5 + zone;
                }
            }

            return -1;
        }
    }
}
