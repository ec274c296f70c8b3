using System.Text.Json;

namespace Greenhouse.Dashboard.Houses;

/// <summary>One sensor position of the state document (docs/mqtt.md, "State document").</summary>
public sealed record SensorReading(string Name, double? TempC, double? RhPct, double? VpdKpa, string Health);

/// <summary>One zone of the state document. <see cref="EarsWet"/> is optional: null when the controller does not report it.</summary>
public sealed record ZoneReading(int Zone, string? Mode, string? Stage, string? Phase, bool Misting, double? TargetRh, double? RhPct,
    string? Reason, double? WaterLitresToday, bool? EarsWet);

public sealed record ActiveAlarm(string Code, int Zone);

/// <summary>The retained <c>&lt;base&gt;/state</c> document as the dashboard reads it.</summary>
public sealed record HouseState(string? Time, long UptimeSeconds, string? Firmware, IReadOnlyList<SensorReading> Sensors,
    IReadOnlyList<ZoneReading> Zones, bool Pump, bool Tank, IReadOnlyList<ActiveAlarm> Alarms)
{
    /// <summary>Parses a state document; null when it is not one (a bad payload never throws into the MQTT client).</summary>
    public static HouseState? TryParse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("zones", out JsonElement zones) || zones.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var sensors = new List<SensorReading>();
            if (root.TryGetProperty("sensors", out JsonElement list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement s in list.EnumerateArray())
                {
                    sensors.Add(new SensorReading(Text(s, "name") ?? "", Number(s, "temp_c"), Number(s, "rh_pct"), Number(s, "vpd_kpa"),
                        Text(s, "health") ?? ""));
                }
            }

            var zoneList = new List<ZoneReading>();
            foreach (JsonElement z in zones.EnumerateArray())
            {
                if (z.ValueKind != JsonValueKind.Object || Number(z, "zone") is not double n || n < 1 || n > 16)
                {
                    continue;
                }

                zoneList.Add(new ZoneReading((int)n, Text(z, "mode"), Text(z, "stage"), Text(z, "phase"), Flag(z, "misting") ?? false,
                    Number(z, "target_rh"), Number(z, "rh_pct"), Text(z, "reason"), Number(z, "water_l_today"), Flag(z, "ears_wet")));
            }

            var alarms = new List<ActiveAlarm>();
            if (root.TryGetProperty("alarms", out JsonElement alarmList) && alarmList.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement a in alarmList.EnumerateArray())
                {
                    if (Text(a, "code") is string code)
                    {
                        alarms.Add(new ActiveAlarm(code, (int)(Number(a, "zone") ?? 0)));
                    }
                }
            }

            return new HouseState(Text(root, "time"), (long)(Number(root, "uptime_s") ?? 0), Text(root, "fw"), sensors, zoneList,
                Flag(root, "pump") ?? false, Flag(root, "tank") ?? true, alarms);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The device's local time, when its clock is synchronised.</summary>
    public DateTime? LocalTime =>
        Time != null && DateTime.TryParse(Time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out DateTime t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Unspecified)
            : null;

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out double d)
            ? d
            : null;

    private static bool? Flag(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v)
            ? v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null }
            : null;
}
