using System;
using Greenhouse.App;
using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Control
{
    /// <summary>
    /// The control engine: one Tick per control cycle with time and climate passed in. Each zone decides
    /// (<see cref="MistZone"/>); the engine then shares the water path: at most max_open_valves valves open,
    /// longest-waiting zone first, pump pre-run before a valve opens and post-run after the last closes, nothing
    /// while the tank is empty. It also runs the day counter (local midnight, or 24 h of uptime while the clock is
    /// unsynced), the season modes, the ventilation relay, relay wear warnings and state persistence.
    /// </summary>
    public sealed class ControlEngine
    {
        private const long DayMs = 86400000;
        private const long Never = long.MinValue / 4;

        private readonly ControllerSettings _s;
        private readonly ControlIndex _ix;
        private readonly AlarmSet _alarms;
        private readonly Logger _log;
        private readonly RelayChannel _pump;
        private readonly RelayChannel _fan;
        private readonly MistZone[] _zones;
        private readonly IControlStatePersistence _store;
        private readonly ControlContext _c = new ControlContext();
        private readonly ZoneClimate[] _climates = new ZoneClimate[ControllerSettings.MaxZones];
        private readonly bool[] _wearAlarm = new bool[ControllerSettings.MaxZones + 2];

        private bool _started;
        private long _lastNowMs;
        private long _lastValveOpenMs = Never;
        private long _fanChangedMs = Never;
        private ReasonCode _pumpReason = ReasonCode.Start;
        private ReasonCode _fanReason = ReasonCode.Start;
        private double _fanA;
        private double _fanB;

        // Day counter.
        private bool _haveDay;
        private long _day;
        private long _savedDay;
        private long _uptimeDayStartMs;
        private int _uptimeCrossingsThisBoot;

        // Seasons.
        private bool _haveHot;
        private long _lastHotMs;
        private long _lastWarmMs;
        private bool _seasonStarted;

        // Persistence.
        private long _lastSaveMs;
        private bool _dirty;
        private bool _alarmClock;
        private bool _alarmTank;

        public ControlEngine(ControllerSettings settings, RelayChannel pump, RelayChannel fan, RelayChannel[] valves, AlarmSet alarms,
            Logger log, IControlStatePersistence store)
        {
            _s = settings;
            _ix = new ControlIndex(settings);
            _alarms = alarms;
            _log = log;
            _pump = pump;
            _fan = fan;
            _store = store;
            _zones = new MistZone[ControllerSettings.MaxZones];
            for (int i = 0; i < _zones.Length; i++)
            {
                _zones[i] = new MistZone(i + 1, valves[i], settings, _ix, alarms, log);
            }
        }

        public MistZone[] Zones
        {
            get { return _zones; }
        }

        /// <summary>What the engine knew at the last tick (season modes, clock, tank).</summary>
        public ControlContext Context
        {
            get { return _c; }
        }

        public string PumpReason
        {
            get { return Reasons.Text(_pumpReason, 0, 0); }
        }

        public string FanReason
        {
            get { return Reasons.Text(_fanReason, _fanA, _fanB); }
        }

        /// <summary>Number of zones in use.</summary>
        public int ZoneCount
        {
            get { return (int)_s.Integer(_ix.ZoneCount, 0); }
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

            string[] minutes = StringArray.New(_zones.Length);
            string[] hours = StringArray.New(_zones.Length);
            int[] stage = new int[_zones.Length];
            long[] stageDay = new long[_zones.Length];
            long[] stageMs = new long[_zones.Length];
            bool[] dry = new bool[_zones.Length];
            long[] phaseDay = new long[_zones.Length];
            long[] wetTotal = new long[_zones.Length];
            for (int i = 0; i < stage.Length; i++)
            {
                stage[i] = -1;
            }

            int count = keys.Length < values.Length ? keys.Length : values.Length;
            for (int k = 0; k < count; k++)
            {
                string key = keys[k];
                string value = values[k];
                long number;
                bool isNumber = Num.TryParseInt(value, out number);
                if (key == "day" && isNumber)
                {
                    _savedDay = number;
                    continue;
                }

                if (key == "pump.ops" && isNumber)
                {
                    _pump.SwitchCount = number;
                    continue;
                }

                if (key == "fan.ops" && isNumber)
                {
                    _fan.SwitchCount = number;
                    continue;
                }

                if (key == null || key.Length < 4 || key[0] != 'z' || key[2] != '.')
                {
                    continue;
                }

                int z = key[1] - '1';
                if (z < 0 || z >= _zones.Length)
                {
                    continue;
                }

                string item = key.Substring(3);
                if (item == "min")
                {
                    minutes[z] = value;
                }
                else if (item == "hour")
                {
                    hours[z] = value;
                }
                else if (!isNumber)
                {
                    continue;
                }
                else if (item == "stage")
                {
                    stage[z] = number >= 0 && number < CoreSettings.Stages.Length ? (int)number : -1;
                }
                else if (item == "stage_day")
                {
                    stageDay[z] = number;
                }
                else if (item == "stage_ms")
                {
                    stageMs[z] = number;
                }
                else if (item == "dry")
                {
                    dry[z] = number != 0;
                }
                else if (item == "phase_day")
                {
                    phaseDay[z] = number;
                }
                else if (item == "wet_total")
                {
                    wetTotal[z] = number;
                }
                else if (item == "today_ms")
                {
                    _zones[z].Ledger.TodayMs = number;
                }
                else if (item == "total_ms")
                {
                    _zones[z].Ledger.TotalMs = number;
                }
                else if (item == "ops")
                {
                    _zones[z].Valve.SwitchCount = number;
                }
            }

            for (int z = 0; z < _zones.Length; z++)
            {
                _zones[z].Ledger.Restore(nowMs, minutes[z], hours[z]);
                if (stage[z] >= 0)
                {
                    _zones[z].RestoreCalendar(stage[z], (int)stageDay[z], stageMs[z], dry[z], (int)phaseDay[z], (int)wetTotal[z]);
                }
            }

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
            string text = Reasons.Text(code, 0, 0);
            _pump.ForceOff(text);
            _fan.ForceOff(text);
            for (int i = 0; i < _zones.Length; i++)
            {
                _zones[i].ForceOff(code);
            }

            _pumpReason = code;
            _fanReason = code;
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
                    _zones[i].Ledger.Add(nowMs, delta);
                    _dirty = true;
                }
            }

            _c.NowMs = nowMs;
            _c.DeltaMs = delta;
            _c.ClockSynced = clockSynced;
            _c.MinuteOfDay = clockSynced ? WallClock.MinuteOfDay(localTime) : 0;
            _c.TankHasWater = tankHasWater;
            _c.DayCrossings = DayCrossings(nowMs, clockSynced, localTime);
            if (_c.DayCrossings > 0)
            {
                for (int i = 0; i < _zones.Length; i++)
                {
                    _zones[i].Ledger.TodayMs = 0;
                }
            }

            UpdateSeasons(nowMs, zoneCount);
            SetDeviceAlarm(ref _alarmClock, AlarmCodes.ClockNotSynced, !clockSynced, "running on uptime", nowMs);
            SetDeviceAlarm(ref _alarmTank, AlarmCodes.TankEmpty, !tankHasWater, "float switch low", nowMs);

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
            }

            WaterPath(nowMs, tankHasWater, zoneCount);
            Ventilation(nowMs, zoneCount);
            Wear(nowMs);
            Persist(nowMs);
        }

        // ---------------------------------------------------------------- water path

        private void WaterPath(long nowMs, bool tank, int zoneCount)
        {
            int open = 0;
            for (int i = 0; i < _zones.Length; i++)
            {
                if (_zones[i].Valve.IsOn)
                {
                    open++;
                }
            }

            if (!tank)
            {
                // Zones closed their valves already; make sure, and stop the pump.
                for (int i = 0; i < _zones.Length; i++)
                {
                    if (_zones[i].Valve.IsOn)
                    {
                        _zones[i].ForceOff(ReasonCode.TankEmpty);
                    }
                }

                SetPump(false, nowMs, ReasonCode.TankEmpty);
                return;
            }

            long maxOpen = _s.Integer(_ix.MaxOpen, 0);
            if (maxOpen > ControllerSettings.MaxZones)
            {
                maxOpen = ControllerSettings.MaxZones;
            }

            while (open > maxOpen)
            {
                // The limit was lowered while valves were open: close the most recently opened.
                int newest = -1;
                for (int i = 0; i < _zones.Length; i++)
                {
                    if (_zones[i].Valve.IsOn && (newest < 0 || _zones[i].Valve.OnForMs(nowMs) < _zones[newest].Valve.OnForMs(nowMs)))
                    {
                        newest = i;
                    }
                }

                _zones[newest].Yield(nowMs);
                open--;
            }

            long preRunMs = _s.Integer(_ix.PreRun, 0) * 1000;
            bool pendingPreRun = false;
            while (true)
            {
                int pick = -1;
                for (int i = 0; i < zoneCount && i < _zones.Length; i++)
                {
                    MistZone z = _zones[i];
                    if (z.WantsValve && !z.Valve.IsOn && (pick < 0 || z.WantSinceMs < _zones[pick].WantSinceMs))
                    {
                        pick = i;
                    }
                }

                if (pick < 0 || open >= maxOpen)
                {
                    break;
                }

                if (!_pump.IsOn)
                {
                    SetPump(true, nowMs, ReasonCode.PumpPreRun);
                }

                if (_pump.OnForMs(nowMs) < preRunMs)
                {
                    pendingPreRun = true;
                    _zones[pick].ShowWaiting(ReasonCode.WaitingForPumpPreRun);
                    // Hold the slot for this zone; the others keep waiting.
                    open++;
                    MarkWaiting(pick, zoneCount);
                    break;
                }

                _zones[pick].Open(nowMs, _climates[pick]);
                open++;
            }

            int nowOpen = 0;
            for (int i = 0; i < _zones.Length; i++)
            {
                if (_zones[i].Valve.IsOn)
                {
                    nowOpen++;
                }
            }

            if (nowOpen > 0)
            {
                _lastValveOpenMs = nowMs;
                SetPump(true, nowMs, ReasonCode.PumpValveOpen);
            }
            else if (pendingPreRun)
            {
                SetPump(true, nowMs, ReasonCode.PumpPreRun);
            }
            else if (_pump.IsOn && nowMs - _lastValveOpenMs < _s.Integer(_ix.PostRun, 0) * 1000)
            {
                _pumpReason = ReasonCode.PumpPostRun;
            }
            else
            {
                SetPump(false, nowMs, ReasonCode.PumpIdle);
            }
        }

        private void MarkWaiting(int except, int zoneCount)
        {
            for (int i = 0; i < zoneCount && i < _zones.Length; i++)
            {
                if (i != except && _zones[i].WantsValve && !_zones[i].Valve.IsOn)
                {
                    _zones[i].ShowWaiting(ReasonCode.WaitingForValveSlot);
                }
            }
        }

        private void SetPump(bool on, long nowMs, ReasonCode code)
        {
            _pumpReason = code;
            string text = null;
            if (on != _pump.IsOn)
            {
                text = Reasons.Text(code, 0, 0);
            }

            if (_pump.Set(on, nowMs, text))
            {
                _log.Info("pump", on ? "on" : "off", "reason=\"" + text + "\"");
            }
        }

        // ---------------------------------------------------------------- day counter and seasons

        private int DayCrossings(long nowMs, bool synced, DateTime local)
        {
            int crossings = 0;
            if (synced)
            {
                long day = WallClock.DayNumber(local);
                if (!_haveDay)
                {
                    _haveDay = true;
                    if (_savedDay > 0 && day > _savedDay)
                    {
                        long missed = day - _savedDay - _uptimeCrossingsThisBoot;
                        crossings = missed > 400 ? 400 : missed < 0 ? 0 : (int)missed;
                    }

                    _day = day;
                }
                else if (day > _day)
                {
                    crossings = day - _day > 400 ? 400 : (int)(day - _day);
                    _day = day;
                }
                else if (day < _day - 2)
                {
                    // The clock was set back a lot (it was wrong before): follow it without counting days.
                    _day = day;
                }

                _uptimeDayStartMs = nowMs;
                if (_day != _savedDay)
                {
                    _savedDay = _day;
                    if (crossings == 0)
                    {
                        _dirty = true;
                    }
                }
            }
            else if (nowMs - _uptimeDayStartMs >= DayMs)
            {
                crossings = 1;
                _uptimeDayStartMs = nowMs;
                _uptimeCrossingsThisBoot++;
            }

            return crossings;
        }

        private void UpdateSeasons(long nowMs, int zoneCount)
        {
            bool any = false;
            double max = -100;
            for (int i = 0; i < zoneCount && i < _zones.Length; i++)
            {
                if (_climates[i].TemperatureValid)
                {
                    any = true;
                    if (_climates[i].TemperatureCelsius > max)
                    {
                        max = _climates[i].TemperatureCelsius;
                    }
                }
            }

            if (!_seasonStarted)
            {
                // Cold mode needs a whole memory period without a warm reading, counted from start.
                _seasonStarted = true;
                _lastWarmMs = nowMs;
            }

            if (any && max >= _s.Number(_ix.SummerC, 0))
            {
                _haveHot = true;
                _lastHotMs = nowMs;
            }

            if (any && max >= _s.Number(_ix.ColdC, 0))
            {
                _lastWarmMs = nowMs;
            }

            long memory = _s.Integer(_ix.SeasonMemory, 0) * 3600000;
            bool summer = _s.Flag(_ix.Summer, 0) && _haveHot && nowMs - _lastHotMs < memory;
            bool cold = !summer && _s.Flag(_ix.Cold, 0) && nowMs - _lastWarmMs >= memory;
            if (summer != _c.Summer || cold != _c.Cold)
            {
                _log.Info("control", "season", "summer=" + (summer ? "on" : "off") + " cold=" + (cold ? "on" : "off"));
            }

            _c.Summer = summer;
            _c.Cold = cold;
        }

        // ---------------------------------------------------------------- ventilation

        private void Ventilation(long nowMs, int zoneCount)
        {
            if (!_s.Flag(_ix.FanEnabled, 0))
            {
                SetFan(false, nowMs, ReasonCode.FanDisabled, 0, 0);
                return;
            }

            double on = _s.Number(_ix.FanOn, 0);
            double off = on - _s.Number(_ix.FanHyst, 0);
            bool hot = false;
            bool cool = true;
            bool condensing = false;
            double max = -100;
            for (int i = 0; i < zoneCount && i < _zones.Length; i++)
            {
                if (_zones[i].Condensing)
                {
                    condensing = true;
                }

                if (_climates[i].TemperatureValid)
                {
                    double t = _climates[i].TemperatureCelsius;
                    if (t > max)
                    {
                        max = t;
                    }

                    if (t >= on)
                    {
                        hot = true;
                    }

                    if (t > off)
                    {
                        cool = false;
                    }
                }
            }

            bool want = condensing || (_fan.IsOn ? !cool : hot);
            if (want == _fan.IsOn)
            {
                if (want)
                {
                    SetFanReason(condensing ? ReasonCode.FanCondensation : ReasonCode.FanHot, max, on);
                }

                return;
            }

            long since = nowMs - _fanChangedMs;
            if (_fan.IsOn && since < _s.Integer(_ix.FanMinOn, 0) * 1000)
            {
                return;
            }

            if (!_fan.IsOn && since < _s.Integer(_ix.FanMinOff, 0) * 1000)
            {
                return;
            }

            if (want)
            {
                SetFan(true, nowMs, condensing ? ReasonCode.FanCondensation : ReasonCode.FanHot, max, on);
            }
            else
            {
                SetFan(false, nowMs, ReasonCode.FanIdle, 0, 0);
            }
        }

        private void SetFanReason(ReasonCode code, double a, double b)
        {
            _fanReason = code;
            _fanA = a;
            _fanB = b;
        }

        private void SetFan(bool on, long nowMs, ReasonCode code, double a, double b)
        {
            SetFanReason(code, a, b);
            if (on == _fan.IsOn)
            {
                return;
            }

            string text = Reasons.Text(code, a, b);
            _fan.Set(on, nowMs, text);
            _fanChangedMs = nowMs;
            _dirty = true;
            _log.Info("fan", on ? "on" : "off", "reason=\"" + text + "\"");
        }

        // ---------------------------------------------------------------- wear and persistence

        private void Wear(long nowMs)
        {
            long limit = _s.Integer(_ix.RatedOps, 0) * _s.Integer(_ix.WearPct, 0) / 100;
            for (int i = 0; i < _zones.Length; i++)
            {
                WearCheck(i, _zones[i].Valve, i + 1, limit, nowMs);
            }

            WearCheck(ControllerSettings.MaxZones, _pump, 0, limit, nowMs);
            WearCheck(ControllerSettings.MaxZones + 1, _fan, 0, limit, nowMs);
        }

        private void WearCheck(int slot, RelayChannel relay, int zone, long limit, long nowMs)
        {
            bool worn = relay.SwitchCount >= limit;
            if (worn == _wearAlarm[slot])
            {
                return;
            }

            _wearAlarm[slot] = worn;
            bool active = zone == 0 ? _wearAlarm[ControllerSettings.MaxZones] || _wearAlarm[ControllerSettings.MaxZones + 1] : worn;
            if (worn)
            {
                _alarms.Raise(AlarmCodes.RelayWear, zone, relay.Name + " " + Num.Format(relay.SwitchCount) + " of " + Num.Format(_s.Integer(_ix.RatedOps, 0)) + " ops", nowMs);
                _log.Warn("alarm", "raised", "code=" + AlarmCodes.RelayWear + " relay=" + relay.Name + " ops=" + Num.Format(relay.SwitchCount));
            }
            else if (!active)
            {
                _alarms.Clear(AlarmCodes.RelayWear, zone);
            }
        }

        private void Persist(long nowMs)
        {
            bool now = _c.DayCrossings > 0;
            for (int i = 0; i < _zones.Length; i++)
            {
                if (_zones[i].StateChanged)
                {
                    now = true;
                    _zones[i].StateChanged = false;
                }

                if (_zones[i].Valve.IsOn)
                {
                    _dirty = true;
                }
            }

            if (now || (_dirty && nowMs - _lastSaveMs >= _s.Integer(_ix.SaveSeconds, 0) * 1000))
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

            const int perZone = 11;
            string[] keys = StringArray.New(3 + perZone * _zones.Length);
            string[] values = StringArray.New(keys.Length);
            keys[0] = "day";
            values[0] = Num.Format(_savedDay);
            keys[1] = "pump.ops";
            values[1] = Num.Format(_pump.SwitchCount);
            keys[2] = "fan.ops";
            values[2] = Num.Format(_fan.SwitchCount);
            int at = 3;
            for (int i = 0; i < _zones.Length; i++)
            {
                MistZone z = _zones[i];
                string p = "z" + (i + 1).ToString() + ".";
                keys[at] = p + "stage"; values[at++] = Num.Format(z.LastStage < 0 ? z.Stage : z.LastStage);
                keys[at] = p + "stage_day"; values[at++] = Num.Format(z.StageDay);
                keys[at] = p + "stage_ms"; values[at++] = Num.Format(z.StageMs);
                keys[at] = p + "dry"; values[at++] = z.DryPhase ? "1" : "0";
                keys[at] = p + "phase_day"; values[at++] = Num.Format(z.PhaseDay);
                keys[at] = p + "wet_total"; values[at++] = Num.Format(z.WetDaysTotal);
                keys[at] = p + "today_ms"; values[at++] = Num.Format(z.Ledger.TodayMs);
                keys[at] = p + "total_ms"; values[at++] = Num.Format(z.Ledger.TotalMs);
                keys[at] = p + "min"; values[at++] = z.Ledger.MinutesText();
                keys[at] = p + "hour"; values[at++] = z.Ledger.HoursText();
                keys[at] = p + "ops"; values[at++] = Num.Format(z.Valve.SwitchCount);
            }

            SaveCount++;
            if (!_store.Save(keys, values))
            {
                _log.Warn("control", "state save failed", null);
            }
        }

        private void SetDeviceAlarm(ref bool mirror, string code, bool active, string detail, long nowMs)
        {
            if (mirror == active)
            {
                return;
            }

            mirror = active;
            if (active)
            {
                _alarms.Raise(code, 0, detail, nowMs);
                _log.Warn("alarm", "raised", "code=" + code);
            }
            else
            {
                _alarms.Clear(code, 0);
                _log.Info("alarm", "cleared", "code=" + code);
            }
        }
    }
}
