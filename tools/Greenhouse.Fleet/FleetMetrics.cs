using System.Text;
using System.Text.Json;

namespace Greenhouse.Fleet;

/// <summary>
/// What a fleet run measured. The first seven members are the keys the issue asks for; the rest explain them.
/// Counting sources: device-side counts come from a counting wrapper around each device's IMqttLink (publishes the
/// link accepted into its queue); the acks are what the observer client received from the broker; the optional
/// broker_state_* counts come from one more client on "prefix/+/state" (live deliveries, no retained replays).
/// </summary>
public sealed class FleetMetrics
{
    public int Devices { get; set; }
    /// <summary>Publishes the devices' links accepted (state + acks + status, settings, actions, discovery, alarms).</summary>
    public long MessagesPublished { get; set; }
    public long CommandsSent { get; set; }
    /// <summary>Acks matched to a command within the ack timeout.</summary>
    public long AcksReceived { get; set; }
    /// <summary>Median command-to-ack latency, ms (null when no ack arrived).</summary>
    public double? AckP50Ms { get; set; }
    public double? AckP99Ms { get; set; }
    /// <summary>Commands without an ack within the ack timeout (including those still open at the end).</summary>
    public long Lost { get; set; }

    public double? AckMaxMs { get; set; }
    /// <summary>Acks whose ok flag differed from what the command should get (valid → true, invalid → false).</summary>
    public long AckMismatches { get; set; }
    /// <summary>Acks on prefix/+/ack that matched no open or timed-out command (duplicates, foreign).</summary>
    public long UnmatchedAcks { get; set; }
    /// <summary>Acks that arrived after the ack timeout (their commands are in <see cref="Lost"/>); the device gets no
    /// new command until then, so a late ack is never matched to a newer command.</summary>
    public long LateAcks { get; set; }
    public double? LateAckMaxMs { get; set; }
    public long InvalidCommandsSent { get; set; }

    public long StateMessages { get; set; }
    public long AckMessages { get; set; }
    /// <summary>Publishes the links refused (not connected or queue full); the message was dropped by the core.</summary>
    public long PublishRefused { get; set; }
    /// <summary>State documents per wall-clock second over the steady window (after the ramp and one state period).</summary>
    public double StateMessagesPerS { get; set; }
    /// <summary>All device publishes per wall-clock second over the steady window.</summary>
    public double MessagesPerS { get; set; }
    /// <summary>Houses with one-minute telemetry this state rate stands for (state_messages_per_s × 60).</summary>
    public double EquivalentHousesAt1Min { get; set; }

    /// <summary>State documents the optional counter client received from the broker (null when it was off).</summary>
    public long? BrokerStateMessagesObserved { get; set; }
    public double? BrokerStateMessagesPerS { get; set; }

    public long ConnectAttempts { get; set; }
    /// <summary>Connection attempts that did not lead to a session (attempts − sessions seen coming up).</summary>
    public long ConnectFailures { get; set; }
    public int DevicesEverConnected { get; set; }
    public int DevicesConnectedAtEnd { get; set; }
    public long Disconnects { get; set; }
    /// <summary>Median / worst wall-clock time from a device's start to its first connected tick, ms.</summary>
    public double? ConnectP50Ms { get; set; }
    public double? ConnectMaxMs { get; set; }
    public double RampS { get; set; }
    /// <summary>Wall-clock second of the run at which commands started.</summary>
    public double CommandStartS { get; set; }

    public double DurationS { get; set; }
    public double SteadyS { get; set; }
    public double TimeCompression { get; set; }
    public int TelemetryS { get; set; }
    public double StateIntervalRealS { get; set; }
    public int TickIntervalMs { get; set; }
    public int Workers { get; set; }
    public long Ticks { get; set; }
    /// <summary>Slowest pass of one worker over its devices, ms (above the tick interval means ticks ran late).</summary>
    public double TickPassMaxMs { get; set; }
    public double TickPassP99Ms { get; set; }
    public long TickExceptions { get; set; }
    public long InboxDropped { get; set; }

    public double CpuS { get; set; }
    /// <summary>Process CPU over the run as a share of one core, percent (200 = both cores of this machine).</summary>
    public double CpuPercent { get; set; }
    public double PeakWorkingSetMb { get; set; }
    public int PeakThreads { get; set; }
    public int Gen2Collections { get; set; }
    public string FirstError { get; set; }
    /// <summary>Machine load average (1 min, /proc/loadavg) at the start and end of the run: other work on the same
    /// cores shows here, and the figures above are only comparable at similar load. Null where unavailable.</summary>
    public double? LoadAverageStart { get; set; }
    public double? LoadAverageEnd { get; set; }
    public int ProcessorCount { get; set; } = Environment.ProcessorCount;

    /// <summary>The metrics as JSON with snake_case keys (the first seven are the contract of the fleet command).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("devices", Devices);
            w.WriteNumber("messages_published", MessagesPublished);
            w.WriteNumber("commands_sent", CommandsSent);
            w.WriteNumber("acks_received", AcksReceived);
            Number(w, "ack_p50_ms", AckP50Ms);
            Number(w, "ack_p99_ms", AckP99Ms);
            w.WriteNumber("lost", Lost);

            Number(w, "ack_max_ms", AckMaxMs);
            w.WriteNumber("ack_mismatches", AckMismatches);
            w.WriteNumber("unmatched_acks", UnmatchedAcks);
            w.WriteNumber("late_acks", LateAcks);
            Number(w, "late_ack_max_ms", LateAckMaxMs);
            w.WriteNumber("invalid_commands_sent", InvalidCommandsSent);
            w.WriteNumber("state_messages", StateMessages);
            w.WriteNumber("ack_messages", AckMessages);
            w.WriteNumber("publish_refused", PublishRefused);
            Number(w, "state_messages_per_s", StateMessagesPerS);
            Number(w, "messages_per_s", MessagesPerS);
            Number(w, "equivalent_houses_at_1min", EquivalentHousesAt1Min);
            Number(w, "broker_state_messages_observed", BrokerStateMessagesObserved);
            Number(w, "broker_state_messages_per_s", BrokerStateMessagesPerS);
            w.WriteNumber("connect_attempts", ConnectAttempts);
            w.WriteNumber("connect_failures", ConnectFailures);
            w.WriteNumber("devices_ever_connected", DevicesEverConnected);
            w.WriteNumber("devices_connected_at_end", DevicesConnectedAtEnd);
            w.WriteNumber("disconnects", Disconnects);
            Number(w, "connect_p50_ms", ConnectP50Ms);
            Number(w, "connect_max_ms", ConnectMaxMs);
            Number(w, "ramp_s", RampS);
            Number(w, "command_start_s", CommandStartS);
            Number(w, "duration_s", DurationS);
            Number(w, "steady_s", SteadyS);
            Number(w, "time_compression", TimeCompression);
            w.WriteNumber("telemetry_s", TelemetryS);
            Number(w, "state_interval_real_s", StateIntervalRealS);
            w.WriteNumber("tick_interval_ms", TickIntervalMs);
            w.WriteNumber("workers", Workers);
            w.WriteNumber("ticks", Ticks);
            Number(w, "tick_pass_max_ms", TickPassMaxMs);
            Number(w, "tick_pass_p99_ms", TickPassP99Ms);
            w.WriteNumber("tick_exceptions", TickExceptions);
            w.WriteNumber("inbox_dropped", InboxDropped);
            Number(w, "cpu_s", CpuS);
            Number(w, "cpu_percent", CpuPercent);
            Number(w, "peak_working_set_mb", PeakWorkingSetMb);
            w.WriteNumber("peak_threads", PeakThreads);
            w.WriteNumber("gen2_collections", Gen2Collections);
            w.WriteNumber("processor_count", ProcessorCount);
            Number(w, "load_average_start", LoadAverageStart);
            Number(w, "load_average_end", LoadAverageEnd);
            if (FirstError == null)
            {
                w.WriteNull("first_error");
            }
            else
            {
                w.WriteString("first_error", FirstError);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes <see cref="ToJson"/> to the file (directories created).</summary>
    public void WriteJson(string path)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, ToJson() + "\n");
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value.HasValue && double.IsFinite(value.Value))
        {
            w.WriteNumber(name, Math.Round(value.Value, 3));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>The 1-minute load average from /proc/loadavg, or null (not Linux, unreadable).</summary>
    public static double? ReadLoadAverage()
    {
        try
        {
            string text = File.ReadAllText("/proc/loadavg");
            int space = text.IndexOf(' ');
            return double.Parse(space < 0 ? text : text.Substring(0, space), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Nearest-rank percentile (p in 0..100) of the values; null when empty.</summary>
    public static double? Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }

        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        int rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
