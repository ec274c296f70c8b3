namespace Greenhouse.Fleet;

/// <summary>
/// Parts of a run that are reported apart: devices switching on and sending their connect-time bursts, the steady
/// fleet, the reconnect storm after a broker restart (from the stop until every device is back online), and the
/// steady fleet after it.
/// </summary>
public enum FleetPhase
{
    Ramp = 0,
    Steady = 1,
    Storm = 2,
    Recovered = 3,
}

internal static class FleetPhases
{
    public const int Count = 4;

    public static readonly string[] Names = { "ramp", "steady", "storm", "recovered" };
}
