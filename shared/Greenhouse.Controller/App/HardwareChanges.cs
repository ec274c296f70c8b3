using Greenhouse.Diagnostics;
using Greenhouse.Persistence;
using Greenhouse.Ports;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.App
{
    /// <summary>
    /// Hardware changes waiting for the technician (<see cref="SettingRisk.Hardware"/>: relay polarity, pins, zone wiring,
    /// console speed). A value set on the console is only recorded here, in the store (<see cref="BlobName"/>), never
    /// in the settings file the firmware builds its pins and relays from; after a restart the technician confirms it
    /// on the console (then it is applied and the board restarts with it) or discards it. While changes wait, the alarm
    /// hardware_pending is active. Hardware settings are device settings (zone 0; a test checks the catalogue).
    /// </summary>
    public sealed class HardwareChanges
    {
        /// <summary>Store blob of the waiting changes (key=value lines with a checksum).</summary>
        public const string BlobName = "hardware-pending.txt";

        private readonly ControllerSettings _settings;
        private readonly ISettingsStore _store;
        private readonly AlarmSet _alarms;
        private readonly Logger _log;
        private readonly bool[] _waiting;
        private readonly string[] _values;
        private int _count;
        private bool _setThisRun;

        public HardwareChanges(ControllerSettings settings, ISettingsStore store, AlarmSet alarms, Logger log)
        {
            _settings = settings;
            _store = store;
            _alarms = alarms;
            _log = log;
            _waiting = new bool[settings.Definitions.Length];
            _values = StringArray.New(settings.Definitions.Length);
            for (int i = 0; i < _values.Length; i++)
            {
                _values[i] = "";
            }
        }

        /// <summary>Changes waiting for confirmation.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>True when the waiting changes were set before this start (a restart came between), so they may be confirmed.</summary>
        public bool Confirmable
        {
            get { return _count > 0 && !_setThisRun; }
        }

        /// <summary>The n-th waiting change (0..Count-1) as its definition index and new value.</summary>
        public int Definition(int index)
        {
            int seen = 0;
            for (int d = 0; d < _waiting.Length; d++)
            {
                if (_waiting[d] && seen++ == index)
                {
                    return d;
                }
            }

            return -1;
        }

        public string Value(int definition)
        {
            return _values[definition];
        }

        /// <summary>"key old -> new" of the n-th waiting change.</summary>
        public string Describe(int index)
        {
            int d = Definition(index);
            return d < 0 ? "" : _settings.Definitions[d].Name + " " + _settings.CanonicalText(d, 0) + " -> " + _values[d];
        }

        /// <summary>At start: reads the waiting changes (still valid, still different from the values in effect) and raises hardware_pending.</summary>
        public void Load(long nowMs)
        {
            byte[] bytes;
            SettingsDocument doc;
            string error;
            if (_store == null || !_store.TryRead(BlobName, out bytes) || bytes == null || !SettingsFile.TryParse(bytes, true, out doc, out error))
            {
                return;
            }

            for (int i = 0; i < doc.Count; i++)
            {
                int d = _settings.IndexOf(doc.Keys[i]);
                string canonical;
                if (d >= 0 && _settings.Definitions[d].Risk == SettingRisk.Hardware
                    && _settings.TryValidate(d, 0, doc.Values[i], out canonical, out error) && canonical != _settings.CanonicalText(d, 0))
                {
                    Put(d, canonical);
                }
            }

            if (_count > 0)
            {
                _log.Warn("hardware", "change waiting", "changes=" + Logger.Quote(List()) + " action=\"hardware confirm or hardware discard on the console\"");
                Alarm(nowMs);
            }
        }

        /// <summary>Records a validated new value; false when it equals the value in effect (then nothing waits for it).</summary>
        public bool Request(int definition, string canonical, long nowMs)
        {
            if (canonical == _settings.CanonicalText(definition, 0))
            {
                if (_waiting[definition])
                {
                    _waiting[definition] = false;
                    _values[definition] = "";
                    _count--;
                    Save(nowMs);
                }

                return false;
            }

            _log.Warn("hardware", "change pending", "change=" + Logger.Quote(_settings.Definitions[definition].Name + " " + _settings.CanonicalText(definition, 0) + " -> " + canonical));
            Put(definition, canonical);
            _setThisRun = true;
            Save(nowMs);
            return true;
        }

        /// <summary>Forgets every waiting change (after they were applied, or discarded).</summary>
        public void Clear(long nowMs)
        {
            for (int d = 0; d < _waiting.Length; d++)
            {
                _waiting[d] = false;
                _values[d] = "";
            }

            _count = 0;
            _setThisRun = false;
            Save(nowMs);
        }

        private void Put(int definition, string canonical)
        {
            if (!_waiting[definition])
            {
                _waiting[definition] = true;
                _count++;
            }

            _values[definition] = canonical;
        }

        private void Save(long nowMs)
        {
            if (_count > 0)
            {
                Alarm(nowMs);
            }
            else
            {
                _alarms.Clear(AlarmCodes.HardwarePending, 0, nowMs);
            }

            if (_store == null)
            {
                return;
            }

            if (_count == 0)
            {
                _store.Delete(BlobName);
                return;
            }

            string body = "# Hardware changes set on the console, waiting for 'hardware confirm' after a restart.\n"
                + SettingsFile.VersionKey + "=" + SettingsFile.CurrentVersion.ToString() + "\n";
            for (int d = 0; d < _waiting.Length; d++)
            {
                if (_waiting[d])
                {
                    body = body + _settings.Definitions[d].Name + "=" + _values[d] + "\n";
                }
            }

            if (!_store.Write(BlobName, System.Text.Encoding.UTF8.GetBytes(body + SettingsFile.ChecksumLine(body))))
            {
                _log.Error("hardware", "change not saved", "blob=" + BlobName);
            }
        }

        private void Alarm(long nowMs)
        {
            // Raise, or refresh the detail of the active alarm.
            _alarms.Raise(AlarmCodes.HardwarePending, 0, List() + (Confirmable ? "; confirm on the console" : "; restart, then confirm on the console"), nowMs);
        }

        private string List()
        {
            string text = "";
            for (int i = 0; i < _count; i++)
            {
                text = i == 0 ? Describe(i) : text + ", " + Describe(i);
            }

            return text;
        }
    }
}
