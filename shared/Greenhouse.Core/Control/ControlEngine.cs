using System;
using Greenhouse.Actuation;
using Greenhouse.App;
using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Settings;

namespace Greenhouse.Control
{
    /// <summary>
    /// The control engine: one Tick per control cycle with time and climate passed in. It counts water and days,
    /// follows the seasons and the device alarms, lets each zone decide (<see cref="MistZone"/>) and hands the
    /// decisions to actuation (<see cref="WaterPath"/> for pump and valves, the fan through
    /// <see cref="Ventilation"/>), watches relay wear and saves its counters (phase, day and stage changes at once,
    /// the rest at most every state.save_s).
    /// </summary>
    public sealed class ControlEngine
    {
        private readonly ControlLimits _limits;
        private readonly DeviceLimits _device;
        private readonly AlarmSet _alarms;
        private readonly Logger _log;
        private readonly RelayChannel _pump;
        private readonly FanDrive _fan;
        private readonly MistZone[] _zones;
        private readonly WaterPath _water;
        private readonly Ventilation _ventilation;
        private readonly RelayWear _wear;
        private readonly DayCounter _day = new DayCounter();
        private readonly Seasons _seasons;
        private readonly IControlStatePersistence _store;
        private readonly ControlContext _c = new ControlContext();
        private readonly ZoneClimate[] _climates = new ZoneClimate[ControllerSettings.MaxZones];

        private bool _started;
        private long _lastNowMs;
        private long _lastSaveMs;
        private bool _dirty;

        public ControlEngine(ControllerSettings settings, ControlLimits limits, RelayChannel pump, RelayChannel fan, RelayChannel[] valves,
            AlarmSet alarms, Logger log, IControlStatePersistence store)
        {
            _limits = limits;
            _device = limits.Device;
            _alarms = alarms;
            _log = log;
            _pump = pump;
            _fan = new FanDrive(fan, log);
            _store = store;
            _zones = new MistZone[ControllerSettings.MaxZones];
            for (int i = 0; i < _zones.Length; i++)
            {
                _zones[i] = new MistZone(i + 1, valves[i], settings, limits, alarms, log);
            }

            _water = new WaterPath(pump, _zones, limits, log);
            _ventilation = new Ventilation(limits, _fan);
            _wear = new RelayWear(limits, alarms);
            _seasons = new Seasons(limits, log);
        }

        public MistZone[] Zones
        {
            get { return _zones; }
        }

        /// <summary>The control settings in typed, unit-named form.</summary>
        public ControlLimits Limits
        {
            get { return _limits; }
        }

        /// <summary>Pump and valves.</summary>
        public WaterPath Water
        {
            get { return _water; }
        }

        /// <summary>The fan relay and why it is in its state.</summary>
        public FanDrive Fan
        {
            get { return _fan; }
        }

        /// <summary>What the engine knew at the last tick (season modes, clock, tank).</summary>
        public ControlContext Context
        {
            get { return _c; }
        }

        /// <summary>Number of zones in use.</summary>
        public int ZoneCount
        {
            get { return _device.ZoneCount; }
        }

        /// <summary>Saves made so far (for tests and diagnostics).</summary>
        public int SaveCount { get; private set; }

        /// <summary>Loads the saved counters, phases and relay counts. Call once before the first Tick.</summary>
        public void Restore(long nowMs)
        {
            string[] keys;
            string[] values;
            if (_store == null || !_store.TryLoad(out keys, out values) || keys == null || values == null)
            {
                return;
            }

            int count = ControlCounters.Read(keys, values, nowMs, _day, _pump, _fan.Relay, _zones);
            _log.Info("control", "state restored", "keys=" + count.ToString());
        }

        /// <summary>Queues a mist-now pulse; refused (with the reason) when the zone may not be watered now.</summary>
        public bool RequestManual(int zone, int seconds, bool tankHasWater, long nowMs, out string error)
        {
            if (zone < 1 || zone > ZoneCount)
            {
                error = "zone must be 1.." + ZoneCount.ToString();
                return false;
            }

            if (seconds < 1 || seconds > HardLimits.MaxManualMistSeconds)
            {
                error = "seconds must be 1.." + HardLimits.MaxManualMistSeconds.ToString();
                return false;
            }

            MistZone z = _zones[zone - 1];
            error = z.ManualRefusal(tankHasWater, nowMs);
            if (error != null)
            {
                return false;
            }

            z.QueueManual(seconds);
            return true;
        }

        /// <summary>Every relay off at once (start, reboot).</summary>
        public void AllOff(ReasonCode code)
        {
            _water.AllOff(code);
            _fan.ForceOff(code);
        }

        /// <summary>
        /// One control cycle. climates[i] is zone i+1's validated climate (missing entries count as invalid);
        /// localTime is only read when clockSynced.
        /// </summary>
        public void Tick(long nowMs, ZoneClimate[] climates, bool tankHasWater, bool clockSynced, DateTime localTime)
        {
            long delta = _started ? nowMs - _lastNowMs : 0;
            if (delta < 0)
            {
                delta = 0;
            }

            _started = true;
            _lastNowMs = nowMs;
            int zoneCount = ZoneCount;
            for (int i = 0; i < _zones.Length; i++)
            {
                _climates[i] = climates != null && i < climates.Length && i < zoneCount ? climates[i] : new ZoneClimate();
                if (_zones[i].Valve.IsOn && delta > 0)
                {
                    _zones[i].Budget.Ledger.Add(nowMs, delta);
                    _dirty = true;
                }
            }

            _c.NowMs = nowMs;
            _c.DeltaMs = delta;
            _c.ClockSynced = clockSynced;
            _c.MinuteOfDay = clockSynced ? WallClock.MinuteOfDay(localTime) : 0;
            _c.TankHasWater = tankHasWater;
            _c.DayCrossings = _day.Crossings(nowMs, clockSynced, clockSynced ? WallClock.DayNumber(localTime) : 0);
            if (_day.DayChangedQuietly)
            {
                _dirty = true;
            }

            if (_c.DayCrossings > 0)
            {
                for (int i = 0; i < _zones.Length; i++)
                {
                    _zones[i].Budget.Ledger.TodayMs = 0;
                }
            }

            _seasons.Update(nowMs, _climates, zoneCount);
            _c.Summer = _seasons.Summer;
            _c.Cold = _seasons.Cold;
            SetDeviceAlarm(AlarmCodes.ClockNotSynced, !clockSynced, "running on uptime", nowMs);
            SetDeviceAlarm(AlarmCodes.TankEmpty, !tankHasWater, "float switch low", nowMs);

            for (int i = 0; i < _zones.Length; i++)
            {
                if (i >= zoneCount)
                {
                    _zones[i].Disable(nowMs);
                }
                else
                {
                    _zones[i].Evaluate(_c, _climates[i]);
                }

                _water.ApplyClose(_zones[i], nowMs);
            }

            _water.Apply(nowMs, tankHasWater, zoneCount, _climates);
            if (_ventilation.Update(nowMs, _zones, _climates, zoneCount))
            {
                _dirty = true;
            }

            _wear.Check(_zones, _pump, _fan.Relay, nowMs);
            Persist(nowMs);
        }

        private void Persist(long nowMs)
        {
            bool now = _c.DayCrossings > 0;
            for (int i = 0; i < _zones.Length; i++)
            {
                if (_zones[i].Calendar.StateChanged)
                {
                    now = true;
                    _zones[i].Calendar.StateChanged = false;
                }

                if (_zones[i].Valve.IsOn)
                {
                    _dirty = true;
                }
            }

            if (now || (_dirty && nowMs - _lastSaveMs >= _device.StateSaveMs))
            {
                SaveNow(nowMs);
            }
        }

        /// <summary>Writes the state now (also called before a reboot).</summary>
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
            ControlCounters.Write(_day, _pump, _fan.Relay, _zones, out keys, out values);
            SaveCount++;
            if (!_store.Save(keys, values))
            {
                _log.Warn("control", "state save failed", null);
            }
        }

        private void SetDeviceAlarm(string code, bool active, string detail, long nowMs)
        {
            if (_alarms.IsActive(code, 0) != active)
            {
                _alarms.Set(code, 0, active, detail, nowMs);
            }
        }
    }
}
