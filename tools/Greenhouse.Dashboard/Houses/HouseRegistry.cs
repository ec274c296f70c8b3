using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Greenhouse.Dashboard.Houses;

/// <summary>One reply on <c>&lt;base&gt;/ack</c>.</summary>
public sealed record Ack(string HouseId, string Topic, bool Ok, string? Value, string? Error);

/// <summary>
/// Every house seen under <c>&lt;prefix&gt;/+/…</c>, built from the MQTT messages the broker delivers (docs/mqtt.md is the
/// contract read here: status, state, retained zone and config values, acks). Listeners hear about each change.
/// </summary>
public sealed class HouseRegistry
{
    private readonly ConcurrentDictionary<string, House> _houses = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private long _version;

    public HouseRegistry(string prefix)
    {
        Prefix = prefix;
    }

    public string Prefix { get; }

    /// <summary>Raised after a house changed (on the MQTT client's thread; keep handlers short).</summary>
    public event Action<House>? Changed;

    /// <summary>Raised for every ack a device publishes.</summary>
    public event Action<Ack>? AckReceived;

    /// <summary>Houses seen on /status or /state, by id.</summary>
    public IReadOnlyList<House> Discovered => _houses.Values.Where(h => h.Discovered).OrderBy(h => h.Id, StringComparer.Ordinal).ToList();

    public House? Find(string id) => _houses.TryGetValue(id, out House? h) && h.Discovered ? h : null;

    /// <summary>Topic filters to subscribe to (all QoS 1). None of them matches a <c>/set</c> topic.</summary>
    public string[] SubscriptionFilters() => new[]
    {
        Prefix + "/+/status",
        Prefix + "/+/state",
        Prefix + "/+/ack",
        Prefix + "/+/zone/+/+",
        Prefix + "/+/config/+",
    };

    /// <summary>Base topic of a house.</summary>
    public string BaseTopic(string id) => Prefix + "/" + id;

    /// <summary>Takes one received message; anything outside the contract is ignored.</summary>
    public void Handle(string topic, ReadOnlySpan<byte> payload, DateTime receivedUtc)
    {
        if (!topic.StartsWith(Prefix + "/", StringComparison.Ordinal))
        {
            return;
        }

        string[] levels = topic.Substring(Prefix.Length + 1).Split('/');
        if (levels.Length < 2 || levels[0].Length == 0)
        {
            return;
        }

        string id = levels[0];
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            return;
        }

        switch (levels.Length, levels[1])
        {
            case (2, "status"):
                HouseStatus status = text == "online" ? HouseStatus.Online : text == "offline" ? HouseStatus.Offline : HouseStatus.Unknown;
                if (status != HouseStatus.Unknown)
                {
                    Update(id, h => h with { Status = status, LastSeenUtc = status == HouseStatus.Online ? receivedUtc : h.LastSeenUtc });
                }

                return;
            case (2, "state"):
                HouseState? state = HouseState.TryParse(payload);
                if (state != null)
                {
                    Update(id, h => h with { State = state, StateReceivedUtc = receivedUtc, LastSeenUtc = receivedUtc });
                }

                return;
            case (2, "ack"):
                if (TryParseAck(id, text) is Ack ack)
                {
                    Update(id, h => h with { LastSeenUtc = receivedUtc });
                    AckReceived?.Invoke(ack);
                }

                return;
            case (4, "zone"):
                if (int.TryParse(levels[2], out int zone) && zone is >= 1 and <= 16)
                {
                    string key = zone + "/" + levels[3];
                    Update(id, h => h with { ZoneValues = text.Length == 0 ? h.ZoneValues.Remove(key) : h.ZoneValues.SetItem(key, text) });
                }

                return;
            case (3, "config"):
                Update(id, h => h with { Config = h.Config.SetItem(levels[2], text) });
                return;
        }
    }

    private void Update(string id, Func<House, House> change)
    {
        House updated;
        lock (_gate)
        {
            House current = _houses.TryGetValue(id, out House? h) ? h : House.Empty(id);
            updated = change(current) with { Version = ++_version };
            _houses[id] = updated;
        }

        Changed?.Invoke(updated);
    }

    private static Ack? TryParseAck(string id, string text)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("topic", out JsonElement topic) || topic.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("ok", out JsonElement ok) || (ok.ValueKind != JsonValueKind.True && ok.ValueKind != JsonValueKind.False))
            {
                return null;
            }

            string? value = root.TryGetProperty("value", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            string? error = root.TryGetProperty("error", out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return new Ack(id, topic.GetString()!, ok.ValueKind == JsonValueKind.True, value, error);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
