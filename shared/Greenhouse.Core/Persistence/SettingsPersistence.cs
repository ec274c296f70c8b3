using Greenhouse.Commands;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Persistence
{
    /// <summary>
    /// Keeps the settings on the store, power-cut safe and wear-aware.
    /// <para>Atomic by two copies ("A/B"): a save writes the new text to the slot NOT holding the current settings,
    /// reads it back and checks it, and only then counts it as current (its generation is one higher). The previous
    /// copy is never touched by that save, so a power cut at any byte leaves either the old or the new settings: on
    /// load, the valid copy (checksum over every byte) with the highest generation wins.</para>
    /// <para>Wear: a save happens only when the written values differ from the last save, and only after the
    /// settings have been quiet for <see cref="CoalesceMs"/> (at most <see cref="MaxDelayMs"/> after the first
    /// change of a burst).</para>
    /// </summary>
    public sealed class SettingsPersistence
    {
        public const string SlotA = "settings-a.txt";
        public const string SlotB = "settings-b.txt";
        public const long CoalesceMs = 5000;
        public const long MaxDelayMs = 60000;
        public const long RetryMs = 60000;
        public const string Source = "file";

        private readonly ISettingsStore _store;
        private readonly ICommandPort _commands;
        private readonly AlarmSet _alarms;
        private readonly ControllerSettings _settings;
        private readonly Logger _log;
        private long _generation;
        private bool _nextIsA = true;
        private string _savedValues;
        private int _observedVersion;
        private bool _dirty;
        private long _firstChangeMs;
        private long _lastChangeMs;
        private long _retryAtMs;

        /// <param name="commands">The door stored values go through when loaded (source "file"), so each is validated.</param>
        public SettingsPersistence(ISettingsStore store, ControllerSettings settings, ICommandPort commands, AlarmSet alarms, Logger log)
        {
            _store = store;
            _settings = settings;
            _commands = commands;
            _alarms = alarms;
            _log = log;
        }

        /// <summary>Generation of the copy currently on the store (0 = none).</summary>
        public long Generation
        {
            get { return _generation; }
        }

        /// <summary>Successful saves since start.</summary>
        public int Saves { get; private set; }

        /// <summary>Lines refused while loading (bad lines or invalid values).</summary>
        public int RefusedOnLoad { get; private set; }

        /// <summary>True while a change waits to be saved.</summary>
        public bool Dirty
        {
            get { return _dirty; }
        }

        /// <summary>
        /// Loads the newest valid copy and applies it through the command port (source "file"), so every value
        /// is validated and invalid lines are refused and logged one by one. Raises settings_corrupt when a copy was
        /// unreadable (a fallback or the defaults were used). Returns true when a copy was applied.
        /// </summary>
        public bool Load(long nowMs)
        {
            _nowMs = nowMs;
            SettingsDocument a;
            SettingsDocument b;
            string errorA;
            string errorB;
            bool existsA;
            bool existsB;
            bool okA = SettingsFile.TryReadCopy(_store, SlotA, out a, out existsA, out errorA);
            bool okB = SettingsFile.TryReadCopy(_store, SlotB, out b, out existsB, out errorB);
            bool corrupt = (existsA && !okA) || (existsB && !okB);
            SettingsDocument chosen = SettingsFile.Newest(okA, a, okB, b);
            if (chosen != null)
            {
                // The next save overwrites the older copy.
                _nextIsA = chosen != a;
            }

            if (corrupt)
            {
                string detail = (existsA && !okA ? "A: " + errorA : "") + (existsA && !okA && existsB && !okB ? "; " : "") + (existsB && !okB ? "B: " + errorB : "");
                detail = detail + (chosen == null ? "; using defaults" : "; using generation " + Num.Format(chosen.Generation));
                _alarms.Raise(AlarmCodes.SettingsCorrupt, 0, detail, nowMs);
                _log.Error("settings", "stored copy unreadable", "detail=\"" + detail + "\"");
            }

            if (chosen == null)
            {
                _generation = 0;
                Baseline();
                if (!existsA && !existsB)
                {
                    _log.Info("settings", "no stored settings, using defaults");
                }

                return false;
            }

            _generation = chosen.Generation;
            RefusedOnLoad = Apply(chosen);
            _log.Info("settings", "loaded", "generation=" + Num.Format(chosen.Generation) + " values=" + chosen.Count.ToString() + " refused=" + RefusedOnLoad.ToString());
            Baseline();
            return true;
        }

        /// <summary>
        /// Applies a parsed document through the command port. Values refused on the first pass are tried once
        /// more, so cross-setting rules do not depend on line order (a value refused on both passes is logged twice).
        /// Returns the number of refused lines.
        /// </summary>
        public int Apply(SettingsDocument doc)
        {
            bool[] failed = new bool[doc.Count];
            int failures = 0;
            for (int i = 0; i < doc.Count; i++)
            {
                failed[i] = !_commands.ApplySetting(doc.Keys[i], doc.Values[i], Source).Ok;
                if (failed[i])
                {
                    failures++;
                }
            }

            int refused = doc.BadLines;
            for (int i = 0; i < doc.Count && failures > 0; i++)
            {
                if (!failed[i])
                {
                    continue;
                }

                if (!_commands.ApplySetting(doc.Keys[i], doc.Values[i], Source).Ok)
                {
                    refused++;
                }
            }

            if (doc.BadLines > 0)
            {
                _log.Warn("settings", "malformed lines ignored", "count=" + doc.BadLines.ToString() + " first_line=" + doc.FirstBadLine.ToString());
            }

            return refused;
        }

        /// <summary>Call every tick: notices changes and saves once they have settled.</summary>
        public void Tick(long nowMs)
        {
            _nowMs = nowMs;
            if (_store == null)
            {
                return;
            }

            if (_settings.Version != _observedVersion)
            {
                _observedVersion = _settings.Version;
                if (!_dirty)
                {
                    _dirty = true;
                    _firstChangeMs = nowMs;
                }

                _lastChangeMs = nowMs;
            }

            if (!_dirty || nowMs < _retryAtMs)
            {
                return;
            }

            if (nowMs - _lastChangeMs >= CoalesceMs || nowMs - _firstChangeMs >= MaxDelayMs)
            {
                if (!SaveNow())
                {
                    _retryAtMs = nowMs + RetryMs;
                }
            }
        }

        /// <summary>Saves at once if the values differ from the stored copy (e.g. before a reboot). False on a store failure.</summary>
        public bool SaveNow()
        {
            _dirty = false;
            _observedVersion = _settings.Version;
            string values = SettingsFile.Values(_settings);
            if (values == _savedValues)
            {
                return true;
            }

            long generation = _generation + 1;
            string text = SettingsFile.Format(_settings, generation);
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
            string slot = _nextIsA ? SlotA : SlotB;
            byte[] back;
            SettingsDocument check;
            string error;
            if (!_store.Write(slot, bytes) || !_store.TryRead(slot, out back) || !SettingsFile.SameBytes(bytes, back)
                || !SettingsFile.TryParse(back, true, out check, out error))
            {
                _dirty = true;
                _log.Error("settings", "save failed, previous copy kept", "slot=" + slot);
                return false;
            }

            _generation = generation;
            _nextIsA = !_nextIsA;
            _savedValues = values;
            Saves++;
            _alarms.Clear(AlarmCodes.SettingsCorrupt, 0, _nowMs);
            _log.Info("settings", "saved", "generation=" + Num.Format(generation) + " bytes=" + bytes.Length.ToString());
            return true;
        }

        /// <summary>Uptime of the last Load or Tick (a save outside the tick, before a reboot, is stamped with it).</summary>
        private long _nowMs;

        private void Baseline()
        {
            _savedValues = SettingsFile.Values(_settings);
            _observedVersion = _settings.Version;
            _dirty = false;
        }
    }
}
