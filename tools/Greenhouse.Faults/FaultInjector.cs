using System;
using System.Collections.Generic;

namespace Greenhouse.Faults
{
    /// <summary>
    /// Drives a <see cref="FaultSchedule"/> from simulated time. The runner calls <see cref="Update"/> once per simulated
    /// step, before the controller's tick, with the time since the run started and the true simulated local time; the
    /// port decorators then ask <see cref="IsActive"/>. Windows are half-open [start, end); instantaneous items fire in
    /// the first Update whose time reaches them (once per occurrence, even when a step spans several). Day 1 is the local
    /// date of (first local time − first elapsed). All randomness comes from one System.Random seeded with
    /// <see cref="Seed"/>, so a run with the same schedule, seed and call sequence is reproduced exactly.
    /// </summary>
    public sealed class FaultInjector : IFaultState
    {
        private readonly FaultItem[] _items;
        private readonly bool[] _active;
        // Per item, set by the first Update: window [from, to) or instant "from" in elapsed ticks (Relative) or local
        // ticks (Day); unused for Daily items.
        private readonly long[] _from;
        private readonly long[] _to;
        private readonly int[] _activeMask = new int[FaultKinds.All.Length];
        private readonly int[] _i2cPercent = new int[3];
        private readonly Random _random;
        private readonly List<FaultEvent> _history = new List<FaultEvent>();
        private readonly List<FaultEvent> _step = new List<FaultEvent>();
        private bool _started;
        private TimeSpan _prevElapsed;
        private DateTime _prevLocal;
        private long _lastElapsedMinute = long.MinValue;
        private long _lastLocalMinute = long.MinValue;

        public FaultInjector(FaultSchedule schedule, int seed = 1)
        {
            Schedule = schedule ?? FaultSchedule.Empty;
            Seed = seed;
            _items = new List<FaultItem>(Schedule.Items).ToArray();
            _active = new bool[_items.Length];
            _from = new long[_items.Length];
            _to = new long[_items.Length];
            _random = new Random(seed);
        }

        public FaultSchedule Schedule { get; }
        public int Seed { get; }

        /// <summary>Simulated time since run start at the last Update.</summary>
        public TimeSpan Elapsed { get; private set; }

        /// <summary>True simulated local time at the last Update.</summary>
        public DateTime Local { get; private set; }

        /// <summary>Local date of day 1 (set by the first Update).</summary>
        public DateTime FirstDay { get; private set; }

        /// <summary>Day number of <see cref="Local"/> (1 = first day of the run).</summary>
        public int Day => (int)((Local.Date - FirstDay).Ticks / TimeSpan.TicksPerDay) + 1;

        /// <summary>
        /// True right after an Update in which a power-cut fired (until the next Update). The runner must then drop every
        /// relay, throw the controller away, restart uptime and build a new controller from the same settings store.
        /// </summary>
        public bool PowerCutDue { get; private set; }

        /// <summary>Power cuts and clock jumps fired so far.</summary>
        public int PowerCutCount { get; private set; }
        public int ClockJumpCount { get; private set; }

        /// <summary>Sum of the clock jumps fired so far (the wall clock stays shifted; uptime is untouched).</summary>
        public TimeSpan ClockOffset { get; private set; }

        /// <summary>Every event since the start, in order.</summary>
        public IReadOnlyList<FaultEvent> History => _history;

        /// <summary>Items whose window is open now.</summary>
        public IReadOnlyList<FaultItem> ActiveItems
        {
            get
            {
                List<FaultItem> active = new List<FaultItem>();
                for (int i = 0; i < _items.Length; i++)
                {
                    if (_active[i])
                    {
                        active.Add(_items[i]);
                    }
                }

                return active;
            }
        }

        /// <summary>
        /// Advances to the given simulated time and returns what started, ended or fired since the last call (a list reused
        /// by the next call; copy it to keep it). Time must not go backwards. Cheap when the minute has not changed.
        /// </summary>
        public IReadOnlyList<FaultEvent> Update(TimeSpan simulatedElapsed, DateTime simulatedLocal)
        {
            _step.Clear();
            PowerCutDue = false;
            if (!_started)
            {
                _started = true;
                FirstDay = (simulatedLocal - simulatedElapsed).Date;
                _prevElapsed = simulatedElapsed - TimeSpan.FromTicks(1);
                _prevLocal = simulatedLocal - TimeSpan.FromTicks(1);
                for (int i = 0; i < _items.Length; i++)
                {
                    FaultTiming timing = _items[i].Timing;
                    long origin = timing.Kind == FaultTimingKind.Day ? FirstDay.Ticks + (timing.Day - 1) * TimeSpan.TicksPerDay : 0;
                    _from[i] = origin + timing.Start * TimeSpan.TicksPerMinute;
                    _to[i] = origin + (timing.End + (timing.WrapsMidnight ? 24 * 60 : 0)) * TimeSpan.TicksPerMinute;
                }
            }
            else if (simulatedElapsed < Elapsed || simulatedLocal < Local)
            {
                throw new ArgumentException("simulated time went backwards: " + simulatedElapsed + " after " + Elapsed);
            }

            Elapsed = simulatedElapsed;
            Local = simulatedLocal;
            long elapsedMinute = FloorDiv(simulatedElapsed.Ticks, TimeSpan.TicksPerMinute);
            long localMinute = FloorDiv(simulatedLocal.Ticks, TimeSpan.TicksPerMinute);
            if (elapsedMinute == _lastElapsedMinute && localMinute == _lastLocalMinute)
            {
                return _step;
            }

            // Windows and instants are whole minutes of elapsed or local time: nothing changes inside a minute.
            _lastElapsedMinute = elapsedMinute;
            _lastLocalMinute = localMinute;
            for (int i = 0; i < _items.Length; i++)
            {
                FaultItem item = _items[i];
                if (item.Timing.IsInstant)
                {
                    int occurrences;
                    if (item.Timing.Kind == FaultTimingKind.Daily)
                    {
                        occurrences = Occurrences(item.Timing, _prevElapsed, _prevLocal, simulatedElapsed, simulatedLocal);
                    }
                    else
                    {
                        long before = item.Timing.Kind == FaultTimingKind.Day ? _prevLocal.Ticks : _prevElapsed.Ticks;
                        long now = item.Timing.Kind == FaultTimingKind.Day ? simulatedLocal.Ticks : simulatedElapsed.Ticks;
                        occurrences = before < _from[i] && _from[i] <= now ? 1 : 0;
                    }

                    for (int n = 0; n < occurrences; n++)
                    {
                        Fire(item);
                    }

                    continue;
                }

                bool inside;
                if (item.Timing.Kind == FaultTimingKind.Daily)
                {
                    inside = IsInWindow(item.Timing, simulatedElapsed, simulatedLocal);
                }
                else
                {
                    long t = item.Timing.Kind == FaultTimingKind.Day ? simulatedLocal.Ticks : simulatedElapsed.Ticks;
                    inside = t >= _from[i] && t < _to[i];
                }

                if (inside != _active[i])
                {
                    _active[i] = inside;
                    Record(inside ? FaultEventKind.Started : FaultEventKind.Ended, item);
                }
            }

            Array.Clear(_activeMask);
            Array.Clear(_i2cPercent);
            for (int i = 0; i < _items.Length; i++)
            {
                if (!_active[i])
                {
                    continue;
                }

                FaultItem item = _items[i];
                int mask = item.Sensor == 0 ? 3 : 1 << (item.Sensor - 1);
                _activeMask[(int)item.Kind] |= mask;
                if (item.Kind == FaultKind.I2cErrors)
                {
                    for (int s = 1; s <= 2; s++)
                    {
                        if ((mask & (1 << (s - 1))) != 0 && item.Parameter > _i2cPercent[s])
                        {
                            _i2cPercent[s] = item.Parameter;
                        }
                    }
                }
            }

            _prevElapsed = simulatedElapsed;
            _prevLocal = simulatedLocal;
            return _step;
        }

        public bool IsActive(FaultKind kind, int sensor = 0)
        {
            int mask = _activeMask[(int)kind];
            return sensor == 0 ? mask != 0 : sensor >= 1 && sensor <= 2 && (mask & (1 << (sensor - 1))) != 0;
        }

        /// <summary>Percent of reads that fail now for the sensor (largest of the active i2c-errors items; 0 = none).</summary>
        public int I2cErrorPercent(int sensor)
        {
            return sensor >= 1 && sensor <= 2 ? _i2cPercent[sensor] : 0;
        }

        public bool NextReadFails(int sensor)
        {
            int percent = I2cErrorPercent(sensor);
            return percent > 0 && _random.Next(100) < percent;
        }

        /// <summary>True when the item's window contains the given time (instants: never).</summary>
        public bool IsInWindow(FaultTiming timing, TimeSpan elapsed, DateTime local)
        {
            if (timing.IsInstant)
            {
                return false;
            }

            switch (timing.Kind)
            {
                case FaultTimingKind.Relative:
                    return elapsed.Ticks >= timing.Start * TimeSpan.TicksPerMinute && elapsed.Ticks < timing.End * TimeSpan.TicksPerMinute;
                case FaultTimingKind.Daily:
                {
                    long t = local.TimeOfDay.Ticks;
                    long start = timing.Start * TimeSpan.TicksPerMinute;
                    long end = timing.End * TimeSpan.TicksPerMinute;
                    return timing.WrapsMidnight ? t >= start || t < end : t >= start && t < end;
                }

                default:
                {
                    DateTime dayStart = FirstDay.AddDays(timing.Day - 1);
                    DateTime from = dayStart.AddMinutes(timing.Start);
                    DateTime to = dayStart.AddMinutes(timing.End + (timing.WrapsMidnight ? 24 * 60 : 0));
                    return local >= from && local < to;
                }
            }
        }

        private int Occurrences(FaultTiming timing, TimeSpan prevElapsed, DateTime prevLocal, TimeSpan elapsed, DateTime local)
        {
            switch (timing.Kind)
            {
                case FaultTimingKind.Relative:
                {
                    TimeSpan at = TimeSpan.FromMinutes(timing.Start);
                    return prevElapsed < at && at <= elapsed ? 1 : 0;
                }

                case FaultTimingKind.Day:
                {
                    DateTime at = FirstDay.AddDays(timing.Day - 1).AddMinutes(timing.Start);
                    return prevLocal < at && at <= local ? 1 : 0;
                }

                default:
                {
                    int count = 0;
                    for (DateTime day = prevLocal.Date; day <= local.Date; day = day.AddDays(1))
                    {
                        DateTime at = day.AddMinutes(timing.Start);
                        if (prevLocal < at && at <= local)
                        {
                            count++;
                        }
                    }

                    return count;
                }
            }
        }

        private void Fire(FaultItem item)
        {
            if (item.Kind == FaultKind.PowerCut)
            {
                PowerCutDue = true;
                PowerCutCount++;
            }
            else if (item.Kind == FaultKind.ClockJump)
            {
                ClockOffset += TimeSpan.FromMinutes(item.Parameter);
                ClockJumpCount++;
            }

            Record(FaultEventKind.Fired, item);
        }

        private void Record(FaultEventKind kind, FaultItem item)
        {
            FaultEvent e = new FaultEvent(kind, item, Elapsed, Local);
            _step.Add(e);
            _history.Add(e);
        }

        private static long FloorDiv(long a, long b)
        {
            long q = a / b;
            return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
        }
    }
}
