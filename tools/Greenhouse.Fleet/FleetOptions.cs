using System.Globalization;
using System.Net;
using System.Text.Json.Serialization;
using Greenhouse.App;
using Greenhouse.Ports;

namespace Greenhouse.Fleet;

/// <summary>
/// What one fleet run does. Every device runs at real time: it ticks once a wall-clock second, as the firmware does,
/// and sends its periodic state document every <see cref="TelemetrySeconds"/>. Runs are bounded in size and time and
/// connect only to loopback (127.0.0.0/8).
/// </summary>
public sealed class FleetOptions
{
    public const int MaxDevices = 50_000;
    public const double MaxMinutes = 60;
    public const int MaxProcesses = 32;
    /// <summary>Devices one generator process runs by default (see <see cref="EffectiveProcesses"/>).</summary>
    public const int DefaultDevicesPerProcess = 5_000;

    /// <summary>Number of controllers, each with its own MQTT connection.</summary>
    public int Devices { get; set; } = 20;

    /// <summary>
    /// Wall-clock length of the measured window, which begins when every device is online after the ramp (or when the
    /// ramp ran out of time, see <see cref="FleetRunner.RampGrace"/>); the drain comes after.
    /// </summary>
    public double Minutes { get; set; } = 1;

    /// <summary>
    /// Generator processes the devices are spread over (device i runs in process i mod P). 0 = all in the
    /// coordinating process (tests, small runs); null = one per <see cref="DefaultDevicesPerProcess"/> devices.
    /// </summary>
    public int? Processes { get; set; }

    /// <summary>Broker address (loopback only). Ignored with <see cref="OwnBroker"/>, which listens where it likes.</summary>
    public string BrokerHost { get; set; } = "127.0.0.1";
    public int BrokerPort { get; set; } = 1883;

    /// <summary>Start a private Mosquitto for the run (and restart it when <see cref="RestartAtMinutes"/> is set).</summary>
    public bool OwnBroker { get; set; }

    /// <summary>Process id of an external broker, for its CPU and memory from /proc (null = $SYS figures only).</summary>
    public int? BrokerPid { get; set; }

    /// <summary>Minute of the measured window at which the private broker is restarted (a reconnect storm); null = none.</summary>
    public double? RestartAtMinutes { get; set; }

    /// <summary>Seconds the broker stays down between stop and start during the restart.</summary>
    public double BrokerDownSeconds { get; set; }

    /// <summary>Where the metrics JSON is written; null = not written.</summary>
    public string MetricsFile { get; set; }

    /// <summary>Seed of every random choice (tick phases, sensor units, command targets and values).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>mqtt.telemetry_s set on every device (the core's range is 10..3600; the firmware default is 60).</summary>
    public int TelemetrySeconds { get; set; } = 60;

    /// <summary>Steady grower commands per second over the whole fleet (0 = none).</summary>
    public double CommandsPerSecond { get; set; } = 20;

    /// <summary>Commands sent at one instant to one village's devices (an extension officer changing a stage); 0 = none.</summary>
    public int BurstSize { get; set; } = 200;

    /// <summary>Seconds between bursts (the first comes half a period after the steady phase begins).</summary>
    public double BurstEverySeconds { get; set; } = 60;

    /// <summary>Fraction of commands with an invalid value or name (they must be answered with ok=false).</summary>
    public double InvalidCommandFraction { get; set; } = 0.2;

    /// <summary>A command without an ack after this long counts as lost.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Devices switched on per second at the start, at most (each connects at its first tick); a generator process also
    /// waits while its links hold a backlog (see GeneratorSlice.MaxRampBacklog). 100 a second hand the broker about
    /// 13,500 retained publishes a second from the connect-time bursts.
    /// </summary>
    public double ConnectRatePerSecond { get; set; } = 100;

    /// <summary>Built-in weather day of the simulator's house model (see the simulator's scenarios).</summary>
    public string Scenario { get; set; } = "typical-june";

    /// <summary>Local time of day (China, UTC+8) at which the run starts in the weather day, "HH:MM".</summary>
    public string StartTime { get; set; } = "07:00";

    /// <summary>First topic level of every device (mqtt.prefix).</summary>
    public string TopicPrefix { get; set; } = "fleet";

    /// <summary>
    /// Grower MQTT clients that publish the commands (round robin). One is plenty for 20 commands a second, and every
    /// client is one more open file in the broker, whose limit decides how many devices fit (see FileLimits).
    /// </summary>
    public int GrowerClients { get; set; } = 1;

    /// <summary>Builds the houses of one generator process; required. Worker processes get it from their entry point.</summary>
    [JsonIgnore]
    public Func<FleetOptions, IFleetHouses> Houses { get; set; }

    /// <summary>Builds the MQTT link of one device around its controller's inbox; null = the host library's MqttNetLink.</summary>
    [JsonIgnore]
    public Func<Inbox, IMqttLink> LinkFactory { get; set; }

    /// <summary>How to start one generator process (the program and the arguments of its hidden worker command).</summary>
    [JsonIgnore]
    public Func<System.Diagnostics.ProcessStartInfo> WorkerCommand { get; set; }

    /// <summary>Path of the mosquitto executable for <see cref="OwnBroker"/>; null = search PATH and /usr/sbin.</summary>
    [JsonIgnore]
    public string MosquittoPath { get; set; }

    /// <summary>Progress lines (about every 10 s); null = quiet.</summary>
    [JsonIgnore]
    public TextWriter Progress { get; set; }

    /// <summary>The longest the ramp may take before the measured window begins anyway.</summary>
    public TimeSpan RampLimit
    {
        get
        {
            double rampS = Devices / ConnectRatePerSecond;
            return TimeSpan.FromSeconds(rampS + Math.Max(FleetRunner.RampGrace.TotalSeconds, rampS));
        }
    }

    /// <summary>An upper bound of the whole run: ramp, measured window, drain; a generator process never outlives it.</summary>
    public TimeSpan MaxRunTime => RampLimit + TimeSpan.FromMinutes(Minutes) + AckTimeout + TimeSpan.FromMinutes(5);

    /// <summary>The generator processes this run uses (0 = in the coordinating process).</summary>
    public int EffectiveProcesses => Processes ?? Math.Max(1, (Devices + DefaultDevicesPerProcess - 1) / DefaultDevicesPerProcess);

    /// <summary>Parses "host:port" (port defaults to 1883 when missing).</summary>
    public static (string Host, int Port) ParseBroker(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("broker must be HOST:PORT");
        }

        int colon = text.LastIndexOf(':');
        if (colon < 0)
        {
            return (text, 1883);
        }

        string host = text.Substring(0, colon);
        if (host.Length == 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
        {
            throw new ArgumentException("broker must be HOST:PORT with a port 1..65535, got \"" + text + "\"");
        }

        return (host, port);
    }

    /// <summary>True when the host is a loopback name or address in 127.0.0.0/8 (or ::1).</summary>
    public static bool IsLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host, out IPAddress address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Throws ArgumentException on values the run cannot use.</summary>
    public void Validate()
    {
        if (Devices < 1 || Devices > MaxDevices)
        {
            throw new ArgumentException("devices must be 1.." + MaxDevices.ToString(CultureInfo.InvariantCulture));
        }

        if (!(Minutes > 0) || Minutes > MaxMinutes)
        {
            throw new ArgumentException("minutes must be > 0 and at most " + MaxMinutes.ToString(CultureInfo.InvariantCulture));
        }

        if (Processes is < 0 or > MaxProcesses)
        {
            throw new ArgumentException("processes must be 0.." + MaxProcesses.ToString(CultureInfo.InvariantCulture));
        }

        if (TelemetrySeconds < 10 || TelemetrySeconds > 3600)
        {
            throw new ArgumentException("telemetry seconds must be 10..3600 (mqtt.telemetry_s)");
        }

        if (!(CommandsPerSecond >= 0) || CommandsPerSecond > 1000 || BurstSize < 0 || BurstSize > 5000
            || !(BurstEverySeconds > 0) || InvalidCommandFraction < 0 || InvalidCommandFraction > 1)
        {
            throw new ArgumentException("commands per second must be 0..1000, bursts 0..5000 every > 0 s, invalid fraction 0..1");
        }

        if (GrowerClients < 1 || GrowerClients > 64 || !(ConnectRatePerSecond > 0) || AckTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("grower clients 1..64, connect rate and ack timeout must be positive");
        }

        if (RestartAtMinutes is { } restart && (!OwnBroker || !(restart > 0) || restart >= Minutes))
        {
            throw new ArgumentException("a broker restart needs the private broker (--broker mosquitto) and a minute inside the run");
        }

        if (!(BrokerDownSeconds >= 0) || BrokerDownSeconds > 300)
        {
            throw new ArgumentException("broker down time must be 0..300 s");
        }

        if (!OwnBroker)
        {
            if (string.IsNullOrEmpty(BrokerHost) || BrokerPort < 1 || BrokerPort > 65535)
            {
                throw new ArgumentException("broker host and port 1..65535 are required");
            }

            if (!IsLoopback(BrokerHost))
            {
                throw new ArgumentException("fleet runs connect only on loopback (127.0.0.0/8): got " + BrokerHost);
            }
        }

        if (!TryParseStartTime(StartTime, out _))
        {
            throw new ArgumentException("start time must be HH:MM");
        }

        if (string.IsNullOrEmpty(TopicPrefix) || TopicPrefix.IndexOfAny(new[] { '+', '#', '/' }) >= 0)
        {
            throw new ArgumentException("topic prefix must be one topic level without wildcards");
        }
    }

    /// <summary>Parses "HH:MM" to seconds of the day.</summary>
    public static bool TryParseStartTime(string text, out int secondOfDay)
    {
        secondOfDay = 0;
        if (text == null)
        {
            return false;
        }

        string[] p = text.Split(':');
        if (p.Length != 2 || !int.TryParse(p[0], NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            || !int.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out int m) || h > 23 || m > 59 || p[1].Length != 2)
        {
            return false;
        }

        secondOfDay = h * 3600 + m * 60;
        return true;
    }

    /// <summary>A copy for a worker process (the delegates stay behind; the worker's entry point supplies its own).</summary>
    public FleetOptions CloneForWorker() => (FleetOptions)MemberwiseClone();
}
