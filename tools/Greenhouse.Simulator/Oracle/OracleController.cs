using Greenhouse.Simulator.Metrics;
using Greenhouse.Simulator.Weather;

namespace Greenhouse.Simulator.Oracle;

/// <summary>
/// The oracle (<c>--controller oracle</c>): the best the crop can get from this house, this weather and these
/// limits, to measure every controller against. It is not a controller a board could run: it reads the model's
/// true state (air, bags, film) and the weather ahead.
///
/// Search: every <see cref="PlanEverySeconds"/> it simulates each candidate policy (<see cref="Candidates"/>: a mist
/// rule × a fan rule, <see cref="OraclePolicy"/>) on a copy of the houses for <see cref="HorizonSeconds"/>
/// (<see cref="FineStepSeconds"/>-second steps for the first <see cref="FineSeconds"/>, then
/// <see cref="CoarseStepSeconds"/>-second steps), under exactly the limits of the run (<see cref="OracleMachine"/>:
/// windows of the scoring plan and its season mode, lockouts with hysteresis, pump pre-run and post-run, minimum
/// valve pause, longest opening, hour and day budgets, valves at once, fan minimum run and pause, the house's
/// nozzle flow), scores each with the crop's objective (<see cref="CropObjective"/>, the metric <c>crop_cost</c>)
/// and follows the cheapest one until the next planning minute (receding horizon). Candidates are tried in a fixed
/// order and ties go to the earlier one, so a run is deterministic.
/// </summary>
public sealed class OracleController : ISimController
{
    public const int PlanEverySeconds = 60;
    public const double HorizonSeconds = 5400;
    public const double FineSeconds = 1800;
    public const double FineStepSeconds = 5;
    public const double CoarseStepSeconds = 15;
    /// <summary>"Mist for the whole look-ahead".</summary>
    public const double Always = 1e12;

    /// <summary>The mist rules searched: none, keep the ears just wet for 15 min, 30 min or throughout, or keep them
    /// wetter throughout (fewer, larger pulses).</summary>
    public static readonly (double For, double Trigger, double Fill)[] MistRules =
    {
        (0, 0, 0), (900, 1.2, 1.8), (1800, 1.2, 1.8), (Always, 1.2, 1.8), (Always, 1.5, 3.0),
    };

    public static readonly FanMode[] FanRules = { FanMode.Off, FanMode.GuardLate, FanMode.GuardEarly, FanMode.On };

    /// <summary>Every candidate, in the order they are tried.</summary>
    public static readonly OraclePolicy[] Candidates =
        MistRules.SelectMany(m => FanRules.Select(f => new OraclePolicy(m.For, m.Trigger, m.Fill, f))).ToArray();

    private readonly OracleLimits _limits;
    private readonly ScoringPlan[] _plans;
    private OracleMachine? _machine;
    private OracleMachine? _scratch;
    private SimWorld? _world;
    private OraclePolicy _policy;
    private long _planStart;
    private readonly List<WeatherSample> _weather = new();
    private bool _fanOff;

    public OracleController(OracleLimits limits, ScoringPlan[] plans)
    {
        _limits = limits;
        _plans = plans;
    }

    public string Name => "oracle";
    public int AlarmCount => 0;
    public long LastStepAllocatedBytes { get; private set; }

    /// <summary>How often each candidate was chosen (for reports and tests).</summary>
    public Dictionary<OraclePolicy, int> Chosen { get; } = new();
    /// <summary>Look-ahead steps simulated over the run.</summary>
    public long LookAheadSteps { get; private set; }

    public void Start(SimWorld world)
    {
        if (world.ZoneCount != _plans.Length || world.ZoneCount != _limits.MaxMistSeconds.Length)
        {
            throw new InvalidOperationException("the oracle's plans and limits must cover every zone");
        }

        _world = world;
        int startSecondOfDay = (int)world.StartLocal.TimeOfDay.TotalSeconds;
        _machine = new OracleMachine(world.Houses, _limits, _plans, startSecondOfDay);
        _scratch = new OracleMachine(world.Houses, _limits, _plans, startSecondOfDay);
        _fanOff = !_limits.FanEnabled;
    }

    public void Step(SimWorld world, SimOutputs outputs)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var m = _machine!;
        long s = world.Second;
        m.LoadHouses(world.Houses);
        if (s > 0)
        {
            m.Record(s - 1, 1);
        }

        if (s % PlanEverySeconds == 0)
        {
            _policy = Plan(s, world.TankFull);
            _planStart = s;
            Chosen[_policy] = Chosen.TryGetValue(_policy, out int n) ? n + 1 : 1;
        }

        m.Decide(s, 1, _policy, _planStart, world.TankFull);
        for (int z = 0; z < outputs.ValveOpen.Length; z++)
        {
            outputs.ValveOpen[z] = m.ValveOpen[z];
        }

        outputs.Pump = m.Pump;
        outputs.Vent = m.FanOn;
        LastStepAllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private OraclePolicy Plan(long now, bool tankFull)
    {
        bool mistPossible = tankFull && AnyScoredAhead(now);
        OraclePolicy best = default;
        double bestCost = double.MaxValue;
        foreach (var candidate in Candidates)
        {
            if ((!mistPossible && candidate.MistForSeconds > 0) || (_fanOff && candidate.Fan != FanMode.Off))
            {
                continue;
            }

            double cost = Evaluate(candidate, now, tankFull);
            if (cost < bestCost - 1e-9)
            {
                bestCost = cost;
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>The crop cost of following <paramref name="policy"/> for the look-ahead, on a copy.</summary>
    public double Evaluate(in OraclePolicy policy, long now, bool tankFull)
    {
        var x = _scratch!;
        x.CopyFrom(_machine!);
        double start = x.Cost();
        double t = now;
        double end = now + HorizonSeconds;
        while (t < end)
        {
            double dt = t - now < FineSeconds ? FineStepSeconds : CoarseStepSeconds;
            x.Decide(t, dt, policy, now, tankFull);
            x.StepPhysics(dt, WeatherAt(t));
            x.Record(t, dt);
            t += dt;
            LookAheadSteps++;
        }

        return x.Cost() - start;
    }

    /// <summary>Whether any minute of the look-ahead is scored under the season mode of now (5-minute grid).</summary>
    private bool AnyScoredAhead(long now)
    {
        for (double t = now; t <= now + HorizonSeconds; t += 300)
        {
            for (int z = 0; z < _plans.Length; z++)
            {
                if (_machine!.Scored(z, t))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The weather ahead on the look-ahead's 5-second grid, computed once per instant.</summary>
    private WeatherSample WeatherAt(double t)
    {
        int i = (int)(t / FineStepSeconds);
        while (_weather.Count <= i)
        {
            _weather.Add(_world!.Weather.At(_weather.Count * FineStepSeconds));
        }

        return _weather[i];
    }
}
