using System.Collections.Immutable;

namespace Greenhouse.Dashboard.Houses;

/// <summary>Online status from <c>&lt;base&gt;/status</c>: the device's "online" or the broker's last will "offline".</summary>
public enum HouseStatus
{
    Unknown,
    Online,
    Offline,
}

/// <summary>
/// What the dashboard knows of one controller, as an immutable snapshot (the registry swaps in a new one per message,
/// so pages and live updates never see half an update).
/// </summary>
public sealed record House(
    string Id,
    HouseStatus Status,
    DateTime? LastSeenUtc,
    HouseState? State,
    DateTime? StateReceivedUtc,
    ImmutableDictionary<string, string> ZoneValues,
    ImmutableDictionary<string, string> Config,
    long Version)
{
    public static House Empty(string id) =>
        new(id, HouseStatus.Unknown, null, null, null, ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty, 0);

    /// <summary>Seen on <c>/status</c> or <c>/state</c>: only such houses are listed.</summary>
    public bool Discovered => Status != HouseStatus.Unknown || State != null;

    public bool Online => Status == HouseStatus.Online;

    /// <summary>The retained applied value of zone setting <paramref name="name"/> (e.g. target_rh), or null.</summary>
    public string? ZoneValue(int zone, string name) => ZoneValues.TryGetValue(zone + "/" + name, out string? v) ? v : null;

    /// <summary>Zones in use: from the state document, else from the retained <c>config/zones</c>.</summary>
    public IReadOnlyList<int> ZoneNumbers
    {
        get
        {
            if (State != null && State.Zones.Count > 0)
            {
                return State.Zones.Select(z => z.Zone).ToList();
            }

            int count = Config.TryGetValue("zones", out string? text) && int.TryParse(text, out int n) && n is >= 1 and <= 4 ? n : 1;
            return Enumerable.Range(1, count).ToList();
        }
    }

    public ZoneReading? Zone(int zone) => State?.Zones.FirstOrDefault(z => z.Zone == zone);

    /// <summary>
    /// The air of a zone: the sensor its <c>zone/&lt;n&gt;/sensor</c> setting names (sensor1, sensor2), else the mean of
    /// the sensors with a reading, as the controller's "average" does.
    /// </summary>
    public (double? TempC, double? VpdKpa) Air(int zone)
    {
        if (State == null)
        {
            return (null, null);
        }

        IEnumerable<SensorReading> sensors = State.Sensors;
        string? choice = ZoneValue(zone, "sensor");
        if (choice != null && choice.StartsWith("sensor", StringComparison.Ordinal))
        {
            sensors = sensors.Where(s => s.Name == choice);
        }

        var temps = sensors.Where(s => s.TempC.HasValue).Select(s => s.TempC!.Value).ToList();
        var vpds = sensors.Where(s => s.VpdKpa.HasValue).Select(s => s.VpdKpa!.Value).ToList();
        return (temps.Count > 0 ? temps.Average() : null, vpds.Count > 0 ? vpds.Average() : null);
    }
}
