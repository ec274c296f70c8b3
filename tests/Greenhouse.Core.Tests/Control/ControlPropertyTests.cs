using System;
using System.Collections.Generic;
using CsCheck;
using Greenhouse.Control;
using Greenhouse.Settings;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Tests
{
    /// <summary>
    /// Long random sequences of readings, sensor faults, clock jumps, commands and reboots; after every tick the
    /// safety rules of the engine must hold (docs/control.md, "What is guaranteed").
    /// </summary>
    [TestClass]
    public class ControlPropertyTests
    {
        public readonly record struct Op(int Kind, int A, int B, int C);

        private static readonly Gen<Op> GenOp =
            Gen.Select(Gen.Int[0, 19], Gen.Int[0, 9999], Gen.Int[0, 9999], Gen.Int[0, 9999], (k, a, b, c) => new Op(k, a, b, c));

        private static readonly Gen<(int, int, int, Op[])> GenRun =
            Gen.Select(Gen.Int[0, 6], Gen.Int[0, 6], Gen.Int[0, 3], GenOp.Array[150, 350]);

        private static readonly string[] Stages = CoreSettings.Stages;

        [TestMethod]
        public void SafetyRulesHoldForEverySequence()
        {
            Coverage = new long[8];
            GenRun.Sample((hourPick, dayPick, openPick, ops) => new Simulation(hourPick, dayPick, openPick).Run(ops), iter: 50, threads: 1);
            // The sequences must actually reach the interesting states, or the rules above prove little.
            Console.WriteLine("coverage: open ticks " + Coverage[0] + ", auto " + Coverage[1] + ", degraded " + Coverage[2]
                + ", protective " + Coverage[3] + ", manual " + Coverage[4] + ", dry-phase ticks " + Coverage[5]
                + ", budget blocks " + Coverage[6] + ", lockout blocks " + Coverage[7]);
            for (int i = 0; i < Coverage.Length; i++)
            {
                Assert.IsTrue(Coverage[i] > 0, "coverage item " + i + " never reached");
            }
        }

        private static long[] Coverage = new long[8];

        private sealed class Simulation
        {
            private readonly ControlRig _rig = new ControlRig();
            private readonly long _hourBudgetMs;
            private readonly long _dayBudgetMs;
            private readonly Queue<(long At, long Ms)>[] _hour = new Queue<(long, long)>[4];
            private readonly Queue<(long At, long Ms)>[] _day = new Queue<(long, long)>[4];
            private readonly long[] _hourSum = new long[4];
            private readonly long[] _daySum = new long[4];
            private readonly long[] _onSince = new long[4];
            private readonly bool[] _wasOn = new bool[4];
            private readonly long[] _lastProtectiveStart = { long.MinValue / 4, long.MinValue / 4, long.MinValue / 4, long.MinValue / 4 };
            private readonly List<long> _reboots = new List<long>();
            private long _maxStepMs;
            private readonly Random _noise;

            public Simulation(int hourPick, int dayPick, int openPick)
            {
                int[] hours = { 0, 30, 120, 300, 900, 1800, 1800 };
                int[] days = { 0, 200, 600, 1800, 3600, 7200, 14400 };
                _hourBudgetMs = hours[hourPick] * 1000L;
                _dayBudgetMs = days[dayPick] * 1000L;
                _noise = new Random(hourPick * 100 + dayPick * 10 + openPick);
                for (int z = 1; z <= 4; z++)
                {
                    _rig.Set("zone" + z + ".budget_hour_s", hours[hourPick].ToString());
                    _rig.Set("zone" + z + ".budget_day_s", days[dayPick].ToString());
                    _rig.Set("zone" + z + ".settle_s", "30");
                    _rig.Set("zone" + z + ".min_off_s", "0");
                }

                _rig.Set("state.save_s", "60");
                _rig.Set("max_open_valves", (openPick + 1).ToString());
                _rig.Set("zones", "4");
                for (int i = 0; i < 4; i++)
                {
                    _hour[i] = new Queue<(long, long)>();
                    _day[i] = new Queue<(long, long)>();
                }
            }

            public void Run(Op[] ops)
            {
                foreach (Op op in ops)
                {
                    Apply(op);
                    int ticks = op.Kind == 19 ? 360 + op.B % 1080 : 1 + op.B % 40;
                    int stepMs = op.Kind == 19 ? 10000 : 1000 * (1 + op.C % 5);
                    for (int t = 0; t < ticks; t++)
                    {
                        Tick(stepMs);
                    }
                }
            }

            private void Apply(Op op)
            {
                int zone = 1 + op.A % 4;
                switch (op.Kind)
                {
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                        // Readings: temperature -3..39 C, humidity 30..100 %.
                        _rig.Climate(zone, -3 + op.B % 430 / 10.0, 30 + op.C % 701 / 10.0);
                        break;
                    case 4:
                        // Sensor faults.
                        _rig.Climates[zone - 1].HumidityValid = op.B % 3 != 0;
                        _rig.Climates[zone - 1].TemperatureValid = op.C % 3 != 0;
                        break;
                    case 5:
                        _rig.Set("zone" + zone + ".stage", Stages[op.B % Stages.Length]);
                        break;
                    case 6:
                        _rig.Set("zone" + zone + ".mode", CoreSettings.Modes[op.B % 3]);
                        break;
                    case 7:
                    {
                        string error;
                        _rig.RequestMist(zone, 1 + op.B % 300, _rig.Tank, out error);
                        break;
                    }

                    case 8:
                        _rig.Set("zones", (1 + op.B % 4).ToString());
                        break;
                    case 9:
                        _rig.Set("max_open_valves", (1 + op.B % 4).ToString());
                        break;
                    case 10:
                        _rig.Tank = op.B % 4 != 0;
                        break;
                    case 11:
                        _reboots.Add(_rig.Clock.Uptime);
                        _rig.Reboot();
                        for (int i = 0; i < 4; i++)
                        {
                            _wasOn[i] = false;
                        }

                        break;
                    case 12:
                        // Clock jump: -3..+3 days in minutes.
                        _rig.Clock.Utc = _rig.Clock.Utc.AddMinutes(op.B % 8641 - 4320);
                        break;
                    case 13:
                        _rig.Clock.Synced = op.B % 3 != 0;
                        break;
                    case 14:
                        _rig.Set("zone" + zone + ".stage_auto", op.B % 2 == 0 ? "on" : "off");
                        break;
                    case 15:
                    {
                        int[] highs = { 22, 26, 28, 30, 33 };
                        _rig.Set("lockout.high_c", highs[op.B % highs.Length].ToString());
                        break;
                    }

                    case 16:
                        _rig.Set("zone" + zone + ".max_mist_s", (5 + op.B % 300).ToString());
                        break;
                    case 17:
                        _rig.Set("zone" + zone + ".target_rh", (70 + op.B % 28).ToString());
                        break;
                    case 18:
                        _rig.Set("pump.prerun_s", (op.B % 4).ToString());
                        _rig.Set("pump.postrun_s", (op.C % 4).ToString());
                        break;
                    default:
                        break;
                }
            }

            private void Tick(int stepMs)
            {
                if (stepMs > _maxStepMs)
                {
                    _maxStepMs = stepMs;
                }

                // Small wobble on valid readings so stuck values are not the only case.
                for (int i = 0; i < 4; i++)
                {
                    double rh = _rig.Climates[i].RelativeHumidityPercent + (_noise.NextDouble() - 0.5);
                    _rig.Climates[i].RelativeHumidityPercent = rh < 0 ? 0 : rh > 100 ? 100 : rh;
                }

                long before = _rig.Clock.Uptime;
                for (int i = 0; i < 4; i++)
                {
                    if (_wasOn[i])
                    {
                        Record(i, before + stepMs, stepMs);
                    }
                }

                _rig.Step(stepMs);
                Check();
            }

            private void Record(int zone, long at, long ms)
            {
                _hour[zone].Enqueue((at, ms));
                _day[zone].Enqueue((at, ms));
                _hourSum[zone] += ms;
                _daySum[zone] += ms;
            }

            private void Check()
            {
                long now = _rig.Clock.Uptime;
                int zones = (int)_rig.Settings.Integer(_rig.Settings.Require("zones"), 0);
                int maxOpen = (int)_rig.Settings.Integer(_rig.Settings.Require("max_open_valves"), 0);
                int open = 0;
                for (int i = 0; i < 4; i++)
                {
                    int z = i + 1;
                    bool on = _rig.Valves[i].Energised;
                    MistZone zone = _rig.Zone(z);
                    if (on)
                    {
                        open++;
                        Coverage[0]++;
                        Coverage[(int)zone.Pulse.Kind]++;
                    }

                    if (zone.Calendar.DryPhase)
                    {
                        Coverage[5]++;
                    }

                    if (zone.Decision.Code == ReasonCode.BudgetHour || zone.Decision.Code == ReasonCode.BudgetDay)
                    {
                        Coverage[6]++;
                    }

                    if (zone.Safety.LockedHigh || zone.Safety.LockedLow)
                    {
                        Coverage[7]++;
                    }

                    if (on && !_wasOn[i])
                    {
                        _onSince[i] = now;
                    }

                    string where = " zone " + z + " at " + now + " ms";
                    if (on)
                    {
                        Assert.IsTrue(i < zones, "valve of a zone not in use is on" + where);
                        Assert.AreNotEqual("off", Mode(z), "valve on in mode off" + where);
                        Assert.IsTrue(_rig.Tank, "valve on with empty tank" + where);
                        int stage = _rig.Settings.ChoiceIndex(_rig.Settings.Require("stage"), z);
                        Assert.IsTrue(stage != ControlSettings.StageRecovery && stage != ControlSettings.StagePreHarvest,
                            "mist in " + Stages[stage] + where);
                        var climate = _rig.Climates[i];
                        if (climate.TemperatureValid)
                        {
                            Assert.IsTrue(climate.TemperatureCelsius < _rig.Engine.Limits.Device.HighLockoutC(stage), "mist at " + climate.TemperatureCelsius + " C" + where);
                            Assert.IsTrue(climate.TemperatureCelsius > _rig.Engine.Limits.Device.LockoutLowC, "mist at " + climate.TemperatureCelsius + " C" + where);
                            Assert.IsTrue(_rig.Engine.Limits.Device.HighLockoutC(stage) <= Math.Min(HardLimits.MaxMistingTemperatureCelsius, Number("lockout.high_c", 0)));
                        }

                        long maxMs = Math.Min(_rig.Settings.Integer(_rig.Settings.Require("max_mist_s"), z), HardLimits.MaxContinuousMistSeconds) * 1000;
                        Assert.IsTrue(now - _onSince[i] < maxMs, "open " + (now - _onSince[i]) + " ms >= " + maxMs + where);
                        if (stage == ControlSettings.StageRest || zone.Calendar.DryPhase)
                        {
                            long protectMs = _rig.Settings.Integer(_rig.Settings.Require("protect.pulse_s"), 0) * 1000;
                            long intervalMs = _rig.Settings.Integer(_rig.Settings.Require("protect.interval_min"), 0) * 60000;
                            Assert.IsTrue(now - _onSince[i] < protectMs, "dry-phase pulse beyond the protective minimum" + where);
                            if (!_wasOn[i])
                            {
                                Assert.IsTrue(now - _lastProtectiveStart[i] >= intervalMs, "protective pulses too close" + where);
                                _lastProtectiveStart[i] = now;
                            }
                        }
                    }

                    // Rolling budgets (the test's own accounting of valve time).
                    while (_hour[i].Count > 0 && _hour[i].Peek().At <= now - 3600000)
                    {
                        _hourSum[i] -= _hour[i].Dequeue().Ms;
                    }

                    while (_day[i].Count > 0 && _day[i].Peek().At <= now - 86400000)
                    {
                        _daySum[i] -= _day[i].Dequeue().Ms;
                    }

                    long slackHour = _maxStepMs + RebootsSince(now - 3600000) * (60000 + _maxStepMs);
                    long slackDay = _maxStepMs + RebootsSince(now - 86400000) * (60000 + _maxStepMs);
                    Assert.IsTrue(_hourSum[i] <= _hourBudgetMs + slackHour, "hour budget: " + _hourSum[i] + " ms" + where);
                    Assert.IsTrue(_daySum[i] <= _dayBudgetMs + slackDay, "day budget: " + _daySum[i] + " ms" + where);
                    Assert.IsTrue(_daySum[i] <= HardLimits.MaxMistSecondsPerDay * 1000L + slackDay);
                    _wasOn[i] = on;
                }

                Assert.IsTrue(open <= maxOpen, open + " valves open, " + maxOpen + " allowed at " + now);
                if (!_rig.Tank)
                {
                    Assert.IsFalse(_rig.Pump.Energised, "pump on with an empty tank at " + now);
                }

                if (open == 0 && _rig.Pump.Energised)
                {
                    // Only pre-run or post-run may run the pump without an open valve.
                    long pre = _rig.Settings.Integer(_rig.Settings.Require("pump.prerun_s"), 0);
                    long post = _rig.Settings.Integer(_rig.Settings.Require("pump.postrun_s"), 0);
                    Assert.IsTrue(pre > 0 || post > 0, "pump on without a valve at " + now);
                }
            }

            private int RebootsSince(long from)
            {
                int n = 0;
                foreach (long r in _reboots)
                {
                    if (r > from)
                    {
                        n++;
                    }
                }

                return n;
            }

            private string Mode(int zone)
            {
                return CoreSettings.Modes[_rig.Settings.ChoiceIndex(_rig.Settings.Require("mode"), zone)];
            }

            private double Number(string name, int zone)
            {
                return _rig.Settings.Number(_rig.Settings.Require(name), zone);
            }
        }
    }
}
