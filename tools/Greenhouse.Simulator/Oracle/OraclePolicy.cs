namespace Greenhouse.Simulator.Oracle;

/// <summary>How the fan runs under a candidate policy.</summary>
public enum FanMode
{
    /// <summary>Fan off (still air keeps a wet house humid and the film wet longest).</summary>
    Off,
    /// <summary>Fan on (dries film and air fastest; cools a hot house).</summary>
    On,
    /// <summary>On at RH ≥ <see cref="OraclePolicy.GuardOnRhPct"/>, off at RH ≤ <see cref="OraclePolicy.GuardOffRhPct"/>:
    /// never lets saturated air stand.</summary>
    GuardEarly,
    /// <summary>On once saturated still air has stood <see cref="OraclePolicy.GuardLateSeconds"/> (any zone), off at
    /// RH ≤ <see cref="OraclePolicy.GuardOffRhPct"/>: airs the house just before a stretch counts as stagnant.</summary>
    GuardLate,
}

/// <summary>
/// One candidate of the oracle's search: a simple rule for the mist and one for the fan, followed from the moment of
/// planning until the end of the look-ahead. The oracle simulates every candidate on a copy of the house, keeps the
/// one with the least crop cost, and applies it only until the next planning minute (receding horizon).
/// </summary>
/// <param name="MistForSeconds">Mist is allowed for this long after planning (0 = no new pulse; the look-ahead's
/// length = keep the ears wet throughout).</param>
/// <param name="TriggerFactor">A pulse starts when the film falls below this multiple of the wet threshold.</param>
/// <param name="FillFactor">A pulse is sized to bring the film to this multiple of the wet threshold.</param>
/// <param name="Fan">The fan rule.</param>
public readonly record struct OraclePolicy(double MistForSeconds, double TriggerFactor, double FillFactor, FanMode Fan)
{
    public const double GuardOnRhPct = 97.5;
    public const double GuardOffRhPct = 92.0;
    public const double GuardLateSeconds = 2700;

    public override string ToString() =>
        $"mist {(MistForSeconds <= 0 ? "none" : MistForSeconds >= 1e9 ? "all" : (MistForSeconds / 60).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " min")} " +
        $"trigger {TriggerFactor:0.##} fill {FillFactor:0.##}, fan {Fan}";
}
