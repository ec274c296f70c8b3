using Greenhouse.Simulator.Metrics;
using Greenhouse.Simulator.Physics;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Oracle;

/// <summary>
/// Rolling valve-open time of one zone, in the core's shape (docs/control.md "Budgets"): 61 one-minute buckets (a
/// window of at least one hour) and 25 one-hour buckets (at least 24 h). Copying it costs four small arrays.
/// </summary>
public sealed class BudgetLedger
{
    private readonly long[] _minuteStamp = new long[61];
    private readonly double[] _minuteSeconds = new double[61];
    private readonly long[] _hourStamp = new long[25];
    private readonly double[] _hourSeconds = new double[25];

    public BudgetLedger()
    {
        Array.Fill(_minuteStamp, long.MinValue);
        Array.Fill(_hourStamp, long.MinValue);
    }

    public void Add(double t, double seconds)
    {
        if (seconds <= 0)
        {
            return;
        }

        long m = (long)Math.Floor(t / 60.0);
        int i = (int)(((m % 61) + 61) % 61);
        if (_minuteStamp[i] != m)
        {
            _minuteStamp[i] = m;
            _minuteSeconds[i] = 0;
        }

        _minuteSeconds[i] += seconds;
        long h = (long)Math.Floor(t / 3600.0);
        int j = (int)(((h % 25) + 25) % 25);
        if (_hourStamp[j] != h)
        {
            _hourStamp[j] = h;
            _hourSeconds[j] = 0;
        }

        _hourSeconds[j] += seconds;
    }

    /// <summary>Valve seconds in the rolling hour that ends at <paramref name="t"/>.</summary>
    public double HourSeconds(double t)
    {
        long m = (long)Math.Floor(t / 60.0);
        double sum = 0;
        for (int i = 0; i < 61; i++)
        {
            if (_minuteStamp[i] > m - 61)
            {
                sum += _minuteSeconds[i];
            }
        }

        return sum;
    }

    /// <summary>Valve seconds in the rolling day that ends at <paramref name="t"/>.</summary>
    public double DaySeconds(double t)
    {
        long h = (long)Math.Floor(t / 3600.0);
        double sum = 0;
        for (int i = 0; i < 25; i++)
        {
            if (_hourStamp[i] > h - 25)
            {
                sum += _hourSeconds[i];
            }
        }

        return sum;
    }

    public void CopyFrom(BudgetLedger o)
    {
        Array.Copy(o._minuteStamp, _minuteStamp, 61);
        Array.Copy(o._minuteSeconds, _minuteSeconds, 61);
        Array.Copy(o._hourStamp, _hourStamp, 25);
        Array.Copy(o._hourSeconds, _hourSeconds, 25);
    }
}

/// <summary>
/// The oracle's model of everything that matters for a decision: the houses (copies of the true ones), the relays
/// and their timing (pump pre-run, valve pulses, minimum pause, budgets, lockout latches, fan minimum run and
/// pause), the season mode of the scoring plan and the crop's tally. The same code runs the real second-by-second
/// control (<see cref="OracleController"/>, where the world steps the houses) and the look-ahead on copies (steps of
/// several seconds, <see cref="StepPhysics"/>), so the plan obeys exactly the limits the run will.
/// </summary>
public sealed class OracleMachine
{
    /// <summary>Shortest pulse the oracle opens a valve for, s (a pulse shorter than this hardly wets anything).</summary>
    public const double MinPulseSeconds = 5;

    private readonly OracleLimits _limits;
    private readonly ScoringPlan[] _plans;
    private readonly int _startSecondOfDay;
    private readonly int _zones;

    public OracleMachine(HouseModel[] houses, OracleLimits limits, ScoringPlan[] plans, int startSecondOfDay)
    {
        _limits = limits;
        _plans = plans;
        _startSecondOfDay = startSecondOfDay;
        _zones = houses.Length;
        Houses = houses.Select(h => h.Clone()).ToArray();
        Tally = Enumerable.Range(0, _zones).Select(_ => new CropTally()).ToArray();
        SeasonRules? rules = plans.Select(p => p.Seasons).FirstOrDefault(r => r != null);
        Season = rules != null ? new SeasonTracker(rules) : null;
        Ledger = Enumerable.Range(0, _zones).Select(_ => new BudgetLedger()).ToArray();
        PrerunLeft = new double[_zones];
        ValveLeft = new double[_zones];
        LastCloseS = Enumerable.Repeat(double.NegativeInfinity, _zones).ToArray();
        Pulsing = new bool[_zones];
        LockHigh = new bool[_zones];
        LockLow = new bool[_zones];
        MistSeconds = new double[_zones];
        ValveOpen = new bool[_zones];
        _allowed = new bool[_zones];
    }

    public HouseModel[] Houses { get; }
    public CropTally[] Tally { get; }
    public SeasonTracker? Season { get; }
    public BudgetLedger[] Ledger { get; }
    public double[] PrerunLeft { get; }
    public double[] ValveLeft { get; }
    public double[] LastCloseS { get; }
    public bool[] Pulsing { get; }
    public bool[] LockHigh { get; }
    public bool[] LockLow { get; }
    public bool FanOn { get; private set; }
    public double FanSwitchedS { get; private set; } = double.NegativeInfinity;
    public bool GuardOn { get; private set; }
    public double PostrunLeft { get; private set; }

    /// <summary>Outputs decided for the current step: mist seconds and valve state per zone, pump.</summary>
    public double[] MistSeconds { get; }
    public bool[] ValveOpen { get; }
    public bool Pump { get; private set; }

    private readonly bool[] _allowed;

    public void CopyFrom(OracleMachine o)
    {
        for (int z = 0; z < _zones; z++)
        {
            Houses[z].CopyFrom(o.Houses[z]);
            Tally[z].CopyFrom(o.Tally[z]);
            Ledger[z].CopyFrom(o.Ledger[z]);
            PrerunLeft[z] = o.PrerunLeft[z];
            ValveLeft[z] = o.ValveLeft[z];
            LastCloseS[z] = o.LastCloseS[z];
            Pulsing[z] = o.Pulsing[z];
            LockHigh[z] = o.LockHigh[z];
            LockLow[z] = o.LockLow[z];
            MistSeconds[z] = o.MistSeconds[z];
            ValveOpen[z] = o.ValveOpen[z];
        }

        if (Season != null)
        {
            Season.CopyFrom(o.Season!);
        }

        FanOn = o.FanOn;
        FanSwitchedS = o.FanSwitchedS;
        GuardOn = o.GuardOn;
        PostrunLeft = o.PostrunLeft;
        Pump = o.Pump;
    }

    /// <summary>Takes the houses' state from the world (the oracle knows the true state).</summary>
    public void LoadHouses(HouseModel[] world)
    {
        for (int z = 0; z < _zones; z++)
        {
            Houses[z].CopyFrom(world[z]);
        }
    }

    /// <summary>Whether second <paramref name="t"/> of the run is a scored second of zone <paramref name="zone"/>
    /// under the season mode the plan is in now (the windows the settings allow at that moment).</summary>
    public bool Scored(int zone, double t)
    {
        long abs = _startSecondOfDay + (long)t;
        int day = (int)(abs / 86400);
        double minute = (abs - day * 86400L) / 60.0;
        return _plans[zone].IsScored(day, minute, Season?.Summer ?? false, Season?.Cold ?? false);
    }

    public bool DryDay(int zone, double t) => !_plans[zone].IsWetDay((int)((_startSecondOfDay + (long)t) / 86400));

    /// <summary>The film below which a zone counts as dry, kg.</summary>
    public double WetThresholdKg(int zone)
    {
        var p = Houses[zone].Parameters;
        return p.FilmCapacityKg * p.FilmWetThresholdFraction;
    }

    /// <summary>
    /// Decides the relays for the step [t, t + dt) under <paramref name="policy"/> planned at
    /// <paramref name="planStart"/>: lockout latches, pulses (start, continue, stop when no longer allowed), fan and
    /// pump, within every limit. Sets <see cref="MistSeconds"/>, <see cref="ValveOpen"/>, <see cref="Pump"/> and
    /// <see cref="FanOn"/>.
    /// </summary>
    public void Decide(double t, double dt, in OraclePolicy policy, double planStart, bool tankFull)
    {
        int open = 0;
        for (int z = 0; z < _zones; z++)
        {
            double temp = Houses[z].AirTempC;
            double high = _limits.HighLockoutC[z];
            if (temp >= high)
            {
                LockHigh[z] = true;
            }
            else if (temp <= high - _limits.LockoutHysteresisC)
            {
                LockHigh[z] = false;
            }

            if (temp <= _limits.LowLockoutC)
            {
                LockLow[z] = true;
            }
            else if (temp >= _limits.LowLockoutC + _limits.LockoutHysteresisC)
            {
                LockLow[z] = false;
            }

            _allowed[z] = tankFull && !LockHigh[z] && !LockLow[z] && Scored(z, t);
            if (Pulsing[z] && !_allowed[z])
            {
                // The program that opened the valve no longer applies (window closed, lockout, tank): close now.
                if (ValveLeft[z] > 0 && PrerunLeft[z] <= 0)
                {
                    LastCloseS[z] = t;
                }

                Pulsing[z] = false;
                PrerunLeft[z] = 0;
                ValveLeft[z] = 0;
            }

            if (Pulsing[z])
            {
                open++;
            }
        }

        if (t - planStart < policy.MistForSeconds)
        {
            while (open < _limits.MaxOpenValves)
            {
                // The driest zone that wants water gets the next valve.
                int best = -1;
                double bestRatio = double.MaxValue;
                for (int z = 0; z < _zones; z++)
                {
                    if (Pulsing[z] || !_allowed[z] || t - LastCloseS[z] < _limits.MinOffSeconds[z])
                    {
                        continue;
                    }

                    double ratio = Houses[z].FilmKg / WetThresholdKg(z);
                    if (ratio < policy.TriggerFactor && ratio < bestRatio)
                    {
                        best = z;
                        bestRatio = ratio;
                    }
                }

                if (best < 0 || !StartPulse(best, t, policy.FillFactor))
                {
                    break;
                }

                open++;
            }
        }

        DecideFan(t, policy.Fan);

        bool anyActive = false;
        bool pumpWasOn = Pump;
        for (int z = 0; z < _zones; z++)
        {
            double mist = 0;
            if (Pulsing[z])
            {
                double pre = Math.Min(PrerunLeft[z], dt);
                PrerunLeft[z] -= pre;
                mist = Math.Min(ValveLeft[z], dt - pre);
                ValveLeft[z] -= mist;
                anyActive = true;
                if (PrerunLeft[z] <= 0 && ValveLeft[z] <= 1e-9)
                {
                    Pulsing[z] = false;
                    ValveLeft[z] = 0;
                    LastCloseS[z] = t + pre + mist;
                }

                Ledger[z].Add(t, mist);
            }

            MistSeconds[z] = mist;
            ValveOpen[z] = mist > 0;
        }

        if (anyActive)
        {
            PostrunLeft = _limits.PostrunSeconds;
            Pump = true;
        }
        else if (pumpWasOn && PostrunLeft > 0)
        {
            PostrunLeft = Math.Max(0, PostrunLeft - dt);
            Pump = true;
        }
        else
        {
            PostrunLeft = 0;
            Pump = false;
        }
    }

    private bool StartPulse(int z, double t, double fillFactor)
    {
        HouseModel h = Houses[z];
        HouseParameters p = h.Parameters;
        double need = fillFactor * WetThresholdKg(z) - h.FilmKg;
        double deficit = Math.Max(0.0, HouseModel.SaturationAbsoluteHumidity(h.AirTempC) - h.AbsoluteHumidityGm3);
        double flightShare = p.MistFlightEvaporationMax * (1.0 - Math.Exp(-deficit / p.MistFlightDeficitScaleGm3));
        double landed = p.MistFlowKgS * (1.0 - flightShare) * (1.0 - p.MistToFloorFraction);
        double seconds = landed > 0 ? Math.Ceiling(need / landed) : _limits.MaxMistSeconds[z];
        double budget = Math.Min(_limits.BudgetHourSeconds[z] - Ledger[z].HourSeconds(t), _limits.BudgetDaySeconds[z] - Ledger[z].DaySeconds(t));
        seconds = Math.Min(Math.Max(seconds, MinPulseSeconds), Math.Min(_limits.MaxMistSeconds[z], Math.Floor(budget)));
        if (seconds < MinPulseSeconds)
        {
            return false;
        }

        Pulsing[z] = true;
        // The pump runs its pre-run before the valve opens, unless it is already running for another zone.
        PrerunLeft[z] = Pump ? 0 : _limits.PrerunSeconds;
        ValveLeft[z] = seconds;
        return true;
    }

    private void DecideFan(double t, FanMode mode)
    {
        bool want;
        switch (mode)
        {
            case FanMode.On:
                want = true;
                break;
            case FanMode.GuardEarly:
            case FanMode.GuardLate:
                double maxRh = 0;
                double longestStill = 0;
                for (int z = 0; z < _zones; z++)
                {
                    maxRh = Math.Max(maxRh, Houses[z].RelativeHumidityPct);
                    longestStill = Math.Max(longestStill, Tally[z].StagnantRunSeconds);
                }

                bool start = mode == FanMode.GuardEarly ? maxRh >= OraclePolicy.GuardOnRhPct : longestStill >= OraclePolicy.GuardLateSeconds;
                if (start)
                {
                    GuardOn = true;
                }
                else if (maxRh <= OraclePolicy.GuardOffRhPct)
                {
                    GuardOn = false;
                }

                want = GuardOn;
                break;
            default:
                want = false;
                break;
        }

        if (!_limits.FanEnabled)
        {
            want = false;
        }

        if (want != FanOn && t - FanSwitchedS >= (FanOn ? _limits.FanMinOnSeconds : _limits.FanMinOffSeconds))
        {
            FanOn = want;
            FanSwitchedS = t;
        }
    }

    /// <summary>Steps the copied houses over [t, t + dt) with the decided outputs (look-ahead only).</summary>
    public void StepPhysics(double dt, in WeatherSample weather)
    {
        for (int z = 0; z < _zones; z++)
        {
            Houses[z].Step(dt, weather, MistSeconds[z], FanOn);
        }
    }

    /// <summary>Records the step that ended with the houses as they are now: season mode, then the crop's tally
    /// (the order of <see cref="MetricsCollector.Record"/>).</summary>
    public void Record(double t, double dt)
    {
        if (Season != null)
        {
            double maxTemp = double.MinValue;
            for (int z = 0; z < _zones; z++)
            {
                maxTemp = Math.Max(maxTemp, Houses[z].AirTempC);
            }

            Season.Update((long)t, maxTemp);
        }

        for (int z = 0; z < _zones; z++)
        {
            Tally[z].Record(dt, Scored(z, t), DryDay(z, t), Houses[z], _plans[z].LockoutTempC, FanOn, ValveOpen[z]);
        }
    }

    /// <summary>The crop cost so far (tally plus the water and runoff counters of the houses).</summary>
    public double Cost()
    {
        double cost = 0;
        for (int z = 0; z < _zones; z++)
        {
            cost += Tally[z].Cost(Houses[z].MistInKg, Houses[z].RunoffKg);
        }

        return cost;
    }
}
