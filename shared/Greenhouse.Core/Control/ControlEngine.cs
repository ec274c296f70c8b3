using System;
using Greenhouse.Commands;
using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Greenhouse.Time;

namespace Greenhouse.Control
{
    /// <summary>
    /// The control engine decides, once per control cycle, with time, climate and what actuation last did passed
    /// in: it counts water and days, follows the seasons and the device alarms, lets each zone decide
    /// (<see cref="MistZone"/>, its <see cref="ZoneDecision"/>) and decides the fan (<see cref="Ventilation"/>).
    /// It drives no relay: actuation applies the decisions and tells the zones what it did.
    /// </summary>
    public sealed class ControlEngine
    {
        private readonly ControlLimits _limits;
        private readonly DeviceLimits _device;
        private readonly AlarmSet _alarms;
        private readonly MistZone[] _zones;
        private readonly Ventilation _ventilation;
        private readonly DayCounter _day = new DayCounter();
        private readonly Seasons _seasons;
        private readonly ControlContext _c = new ControlContext();
        private readonly ZoneClimate[] _climates = new ZoneClimate[ControllerSettings.MaxZones];

        private bool _started;
        private long _lastNowMs;

        public ControlEngine(ControllerSettings settings, ControlLimits limits, ICommandPort commands, AlarmSet alarms, Logger log)
        {
            _limits = limits;
            _device = limits.Device;
            _alarms = alarms;
            _zones = new MistZone[ControllerSettings.MaxZones];
            for (int i = 0; i < _zones.Length; i++)
            {
                _zones[i] = new MistZone(i + 1, settings, limits, commands, alarms, log);
            }

            _ventilation = new Ventilation(limits);
            _seasons = new Seasons(limits, log);
        }

        /// <summary>Zones 1..4 at index 0..3 (also those not in use).</summary>
        public MistZone[] Zones
        {
            get { return _zones; }
        }

        /// <summary>The fan decision.</summary>
        public Ventilation Ventilation
        {
            get { return _ventilation; }
        }

        /// <summary>The control settings in typed, unit-named form.</summary>
        public ControlLimits Limits
        {
            get { return _limits; }
        }

        /// <summary>Day boundaries for the calendars (its day number is saved with the counters).</summary>
        public DayCounter Days
        {
            get { return _day; }
        }

        /// <summary>What the engine knew at the last decision (season modes, clock, tank, day crossings).</summary>
        public ControlContext Context
        {
            get { return _c; }
        }

        /// <summary>Number of zones in use.</summary>
        public int ZoneCount
        {
            get { return _device.ZoneCount; }
        }

        /// <summary>True when the last decision counted water or a quiet day change (the counters should be saved).</summary>
        public bool CountersChanged { get; private set; }

        /// <summary>Why a mist-now pulse for the zone would be refused now (null: it may be queued).</summary>
        public string MistRefusal(int zone, bool tankHasWater, long nowMs)
        {
            return _zones[zone - 1].ManualRefusal(tankHasWater, nowMs);
        }

        /// <summary>Queues a mist-now pulse (checked by <see cref="MistRefusal"/> first).</summary>
        public void QueueMist(int zone, int seconds)
        {
            _zones[zone - 1].QueueManual(seconds);
        }

        /// <summary>
        /// One decision. climates[i] is zone i+1's validated climate (missing entries count as invalid); localTime
        /// is only read when clockSynced; fanOn and fanSinceSwitchMs say what the fan does (for its minimum times).
        /// </summary>
        public void Decide(long nowMs, ZoneClimate[] climates, bool tankHasWater, bool clockSynced, DateTime localTime, bool fanOn, long fanSinceSwitchMs)
        {
            long delta = _started ? nowMs - _lastNowMs : 0;
            if (delta < 0)
            {
                delta = 0;
            }

            _started = true;
            _lastNowMs = nowMs;
            CountersChanged = false;
            int zoneCount = ZoneCount;
            for (int i = 0; i < _zones.Length; i++)
            {
                _climates[i] = climates != null && i < climates.Length && i < zoneCount ? climates[i] : new ZoneClimate();
                if (_zones[i].Pulse.Open && delta > 0)
                {
                    _zones[i].Budget.Ledger.Add(nowMs, delta);
                    CountersChanged = true;
                }
            }

            _c.NowMs = nowMs;
            _c.DeltaMs = delta;
            _c.ClockSynced = clockSynced;
            _c.MinuteOfDay = clockSynced ? WallClock.MinuteOfDay(localTime) : 0;
            _c.TankHasWater = tankHasWater;
            _c.FanOn = fanOn;
            _c.DayCrossings = _day.Crossings(nowMs, clockSynced, clockSynced ? WallClock.DayNumber(localTime) : 0);
            if (_day.DayChangedQuietly)
            {
                CountersChanged = true;
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
            }

            _ventilation.Decide(_zones, _climates, zoneCount, fanOn, fanSinceSwitchMs);
        }

        /// <summary>The climates of this decision (zones not in use: invalid).</summary>
        public ZoneClimate[] Climates
        {
            get { return _climates; }
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
