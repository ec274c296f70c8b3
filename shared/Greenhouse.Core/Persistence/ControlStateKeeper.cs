using Greenhouse.Actuation;
using Greenhouse.Control;
using Greenhouse.Diagnostics;

namespace Greenhouse.Persistence
{
    /// <summary>
    /// Keeps the control engine's counters (day, calendars, water, relay switch counts; <see cref="ControlCounters"/>)
    /// across reboots through <see cref="IControlStatePersistence"/>: at once when a stage, phase or day changed,
    /// otherwise at most every state.save_s while something counted (flash wear), and before a reboot.
    /// </summary>
    public sealed class ControlStateKeeper
    {
        private readonly IControlStatePersistence _store;
        private readonly ControlEngine _engine;
        private readonly Actuators _relays;
        private readonly DeviceLimits _device;
        private readonly Logger _log;
        private long _lastSaveMs;
        private bool _dirty;

        /// <param name="store">Where the counters go (null: not kept).</param>
        public ControlStateKeeper(IControlStatePersistence store, ControlEngine engine, Actuators relays, Logger log)
        {
            _store = store;
            _engine = engine;
            _relays = relays;
            _device = engine.Limits.Device;
            _log = log;
        }

        /// <summary>Saves made so far (for tests and diagnostics).</summary>
        public int SaveCount { get; private set; }

        /// <summary>Loads the saved counters. Call once before the first tick.</summary>
        public void Restore(long nowMs)
        {
            string[] keys;
            string[] values;
            if (_store == null || !_store.TryLoad(out keys, out values) || keys == null || values == null)
            {
                return;
            }

            int count = ControlCounters.Read(keys, values, nowMs, _engine, _relays);
            _log.Info("control", "state restored", "keys=" + count.ToString());
        }

        /// <summary>After a tick was decided and applied: saves when due.</summary>
        public void AfterTick(long nowMs)
        {
            if (_engine.CountersChanged || _relays.FanSwitched)
            {
                _dirty = true;
            }

            bool now = _engine.Context.DayCrossings > 0;
            MistZone[] zones = _engine.Zones;
            for (int i = 0; i < zones.Length; i++)
            {
                if (zones[i].Calendar.StateChanged)
                {
                    now = true;
                    zones[i].Calendar.StateChanged = false;
                }

                if (zones[i].Pulse.Open)
                {
                    _dirty = true;
                }
            }

            if (now || (_dirty && nowMs - _lastSaveMs >= _device.StateSaveMs))
            {
                SaveNow(nowMs);
            }
        }

        /// <summary>Writes the counters now (also before a reboot).</summary>
        public void SaveNow(long nowMs)
        {
            _lastSaveMs = nowMs;
            _dirty = false;
            if (_store == null)
            {
                return;
            }

            string[] keys;
            string[] values;
            ControlCounters.Write(_engine, _relays, out keys, out values);
            SaveCount++;
            if (!_store.Save(keys, values))
            {
                _log.Warn("control", "state save failed", null);
            }
        }
    }
}
