using System.Text.Json;
using System.Text.Json.Serialization;

namespace Greenhouse.Fleet;

/// <summary>
/// What a fleet run measured, written as JSON with snake_case keys. The first seven keys are the contract of the fleet
/// command (devices, messages_published, commands_sent, acks_received, ack_p50_ms, ack_p99_ms, lost); then the verdict
/// (which side, if any, was saturated, and so what the latencies measure), the goals, and the details per part.
/// </summary>
public sealed class FleetMetrics
{
    public int Devices { get; set; }
    public long MessagesPublished { get; set; }
    public long CommandsSent { get; set; }
    public long AcksReceived { get; set; }
    public double? AckP50Ms { get; set; }
    public double? AckP99Ms { get; set; }
    /// <summary>Commands never answered: lost outside a restart plus those cut by the restart.</summary>
    public long Lost { get; set; }

    /// <summary>"none", "generator", "machine" or "broker": the first side found saturated (in that order).</summary>
    public string Saturated { get; set; }
    /// <summary>What the latencies measure: the broker and network ("broker"), or a starved generator or machine.</summary>
    public string FiguresMeasure { get; set; }
    public string Verdict { get; set; }
    public GoalReport Goals { get; set; }
    public int DevicesEverConnected { get; set; }
    public int DevicesConnectedAtEnd { get; set; }
    public CommandReport Commands { get; set; }
    public StateReport State { get; set; }
    public StormReport Storm { get; set; }
    public Dictionary<string, PhaseReport> Phases { get; set; }
    public GeneratorReport Generator { get; set; }
    public BrokerReport Broker { get; set; }
    public RunReport Run { get; set; }
    public string FirstError { get; set; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FleetMetrics FromJson(string json) => JsonSerializer.Deserialize<FleetMetrics>(json, Json);

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

    internal static double? Round(double? value, int digits = 1) => value is { } v && double.IsFinite(v) ? Math.Round(v, digits) : null;
}

/// <summary>The goals, each true or false as measured (null when the run could not show it).</summary>
public sealed class GoalReport
{
    public bool AckP99Under1S { get; set; }
    public bool NoLostCommands { get; set; }
    public bool NoLostStateDocuments { get; set; }
    /// <summary>Every device back online within two minutes of the broker's stop (null without a restart).</summary>
    public bool? AllBackWithin2Min { get; set; }
    public bool AllMet { get; set; }
}

public sealed class CommandReport
{
    public long Sent { get; set; }
    public long Invalid { get; set; }
    public long Acks { get; set; }
    /// <summary>No ack within the timeout, sent outside the restart window.</summary>
    public long LostOutsideRestart { get; set; }
    /// <summary>Open when the broker was stopped and never answered.</summary>
    public long CutByRestart { get; set; }
    public long LateAcks { get; set; }
    public double? LateAckMaxMs { get; set; }
    public long OkMismatches { get; set; }
    public long UnmatchedAcks { get; set; }
    public long SkippedNoDevice { get; set; }
    public long SkippedOffline { get; set; }
    public long PublishErrors { get; set; }
    /// <summary>Times the back office's own clients (observer, growers) lost their connection.</summary>
    public int BackOfficeDisconnects { get; set; }
    public LatencySummary Ack { get; set; }
    public double AckTimeoutS { get; set; }
}

/// <summary>State documents: what the devices' links accepted against what the back office received.</summary>
public sealed class StateReport
{
    public long Sent { get; set; }
    public long Received { get; set; }
    /// <summary>Skipped by a link because its session was down when their turn came (they never left the device).</summary>
    public long NotSentSessionDown { get; set; }
    /// <summary>Sent, publish failed, never received: in flight when the broker stopped.</summary>
    public long LostInFlightAtRestart { get; set; }
    /// <summary>Sent, acknowledged or not, never received, with no restart to explain it.</summary>
    public long LostOther { get; set; }
    /// <summary>All three above.</summary>
    public long Lost { get; set; }
    /// <summary>Documents received again (QoS 1 redelivery); counted once above.</summary>
    public long Duplicates { get; set; }
    /// <summary>Distinct documents received beyond what the device sent (stale retained copies from an earlier run).</summary>
    public long Extra { get; set; }
    /// <summary>Queued for the back office's persistent session and delivered after the restart with the retain flag.</summary>
    public long RetainedRedeliveries { get; set; }
    public long Unreadable { get; set; }
    public int DevicesWithLoss { get; set; }
}

/// <summary>The reconnect storm after the broker restart (null without one).</summary>
public sealed class StormReport
{
    public double StopS { get; set; }
    public double ExitedS { get; set; }
    public double ListeningS { get; set; }
    /// <summary>From SIGTERM to listening again.</summary>
    public double DownS { get; set; }
    /// <summary>Time from the stop until each device's live "online" reached the back office.</summary>
    public LatencySummary BackOnline { get; set; }
    public int BackWithin2Min { get; set; }
    public int NotBack { get; set; }
    /// <summary>The same from the devices' side: time from the stop until each link was up again.</summary>
    public LatencySummary LinkUp { get; set; }
    /// <summary>Seconds from the stop until the last device was back (null when some never came back).</summary>
    public double? AllBackS { get; set; }
    /// <summary>Time from the stop until each device's first state document after its "online": its connect-time burst
    /// of retained settings and discovery is through and it reports again.</summary>
    public LatencySummary BackInService { get; set; }
    public int NotInService { get; set; }
    public double? AllInServiceS { get; set; }
}

/// <summary>One phase of the run.</summary>
public sealed class PhaseReport
{
    public double StartS { get; set; }
    public double EndS { get; set; }
    public long CommandsSent { get; set; }
    public long CommandsLost { get; set; }
    public LatencySummary Ack { get; set; }
    public LatencySummary BrokerRoundTrip { get; set; }
    public LatencySummary TickLateness { get; set; }
    /// <summary>Wall time the generator processes spent inside device ticks (core + house model), percent of one core
    /// (includes waiting for a core on a busy machine).</summary>
    public double TickWorkPercent { get; set; }
    /// <summary>CPU time of the ticking threads per device tick (core + house model), microseconds.</summary>
    public double? TickCpuMicros { get; set; }
    public SaturationReport Saturation { get; set; }
    public HostReport Host { get; set; }
    /// <summary>The coordinating process (back office: observer, growers, probes; in-process runs also the devices).</summary>
    public ProbeReport BackOffice { get; set; }
    public List<ProbeReport> GeneratorProcesses { get; set; }
}

public sealed class SaturationReport
{
    public bool Generator { get; set; }
    public bool Broker { get; set; }
    public bool Machine { get; set; }
    public List<string> Reasons { get; set; } = new();
}

public sealed class GeneratorReport
{
    public int Processes { get; set; }
    public List<int> Pids { get; set; }
    public long Ticks { get; set; }
    public long SkippedTicks { get; set; }
    public long TickExceptions { get; set; }
    public long InboxDropped { get; set; }
    public long PublishRefused { get; set; }
    public long ConnectAttempts { get; set; }
    public long NotSent { get; set; }
    public long Unconfirmed { get; set; }
    public long LogLines { get; set; }
    public double PeakWorkingSetMb { get; set; }
    public double CpuS { get; set; }
}

public sealed class BrokerReport
{
    public string Kind { get; set; }
    public string Address { get; set; }
    public long? OpenFileLimit { get; set; }
    public double CpuS { get; set; }
    public Dictionary<string, string> Sys { get; set; }
    public string[] LogTail { get; set; }
    public string Configuration { get; set; }
}

public sealed class RunReport
{
    public double DurationS { get; set; }
    public int Seed { get; set; }
    public int TelemetryS { get; set; }
    public double CommandsPerS { get; set; }
    public int BurstSize { get; set; }
    public double BurstEveryS { get; set; }
    public double ConnectRatePerS { get; set; }
    public double? RestartAtMin { get; set; }
    public string Scenario { get; set; }
    public string StartTime { get; set; }
    public int ProcessorCount { get; set; } = Environment.ProcessorCount;
    public double? LoadAverageStart { get; set; }
    public double? LoadAverageEnd { get; set; }
    public string StartedUtc { get; set; }
}
