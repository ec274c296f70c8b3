using System.Globalization;
using Greenhouse.App;
using Greenhouse.Ports;

namespace Greenhouse.Fleet;

/// <summary>
/// What one fleet run does. Times are wall-clock unless the name says simulated. Defaults are the figures used for the
/// 2,000-device measurement in README.md, except <see cref="Devices"/> and <see cref="Minutes"/>.
/// </summary>
public sealed class FleetOptions
{
    /// <summary>Number of controllers (each with its own MQTT connection).</summary>
    public int Devices { get; set; } = 20;

    /// <summary>Wall-clock length of the run from the first device start to the end of commands (the ack drain comes after).</summary>
    public double Minutes { get; set; } = 1;

    public string BrokerHost { get; set; } = "127.0.0.1";
    public int BrokerPort { get; set; } = 1883;

    /// <summary>Where the metrics JSON is written; null = not written.</summary>
    public string MetricsFile { get; set; }

    /// <summary>Seed of every random choice (sensor model, command targets and values).</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Simulated seconds per wall-clock second on every device clock (so mqtt.telemetry_s elapses faster).</summary>
    public double TimeCompression { get; set; } = 12;

    /// <summary>mqtt.telemetry_s set on every device (simulated seconds; the core's range is 10..3600).</summary>
    public int TelemetrySeconds { get; set; } = 60;

    /// <summary>Grower commands per wall-clock second over the whole fleet (0 = none).</summary>
    public double CommandsPerSecond { get; set; } = 20;

    /// <summary>Fraction of commands with an invalid value or name (they must be answered with ok=false).</summary>
    public double InvalidCommandFraction { get; set; } = 0.2;

    /// <summary>
    /// False (default): commands start with the steady window, after the last device started and one state period
    /// passed, so the acks measure the steady fleet. True: from the first second, so they also show the delay while
    /// every device sends its connect burst (status, retained settings, discovery) at once.
    /// </summary>
    public bool CommandsFromStart { get; set; }

    /// <summary>Grower MQTT clients that publish the commands (round robin).</summary>
    public int GrowerClients { get; set; } = 4;

    /// <summary>A command without an ack after this long counts as lost.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Devices started (and so connecting) per wall-clock second.</summary>
    public double ConnectRatePerSecond { get; set; } = 200;

    /// <summary>Wall-clock period at which every device is ticked (the device ticks about once per simulated second;
    /// here one tick covers TickIntervalMs × TimeCompression simulated ms).</summary>
    public int TickIntervalMs { get; set; } = 100;

    /// <summary>Threads that tick the controllers (each owns a slice of the fleet).</summary>
    public int Workers { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>First topic level of every device (mqtt.prefix); the observer subscribes to prefix/#.</summary>
    public string TopicPrefix { get; set; } = "fleet";

    /// <summary>
    /// Builds the MQTT link of one device around its controller's inbox. Null = the host library's MqttNetLink.
    /// </summary>
    public Func<Inbox, IMqttLink> LinkFactory { get; set; }

    /// <summary>
    /// Raise the thread pool's minimum to about one thread per device for the run (restored afterwards). Needed while
    /// the host MqttNetLink drains its send queue with a blocking consumer on a pool thread: with 2,000 links the
    /// pool would otherwise be starved and add threads only slowly, stalling every MQTTnet continuation.
    /// </summary>
    public bool RaiseThreadPoolMinimum { get; set; } = true;

    /// <summary>
    /// Also count, with one more MQTTnet client subscribed to prefix/+/state, the state documents the broker delivers
    /// (broker_state_messages_*). Off by default: at 2,000 devices (about 600 documents/s) that single client fell far
    /// behind here (it saw 30–40 % of them while mosquitto_sub on the same broker saw every one), so its figure
    /// measured the counting client, not the broker. Fine for small fleets.
    /// </summary>
    public bool BrokerStateCounter { get; set; }

    /// <summary>Progress lines (about every 10 s); null = quiet.</summary>
    public TextWriter Progress { get; set; }

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

    /// <summary>Throws ArgumentException on values the run cannot use.</summary>
    public void Validate()
    {
        if (Devices < 1 || Devices > 100000)
        {
            throw new ArgumentException("devices must be 1..100000");
        }

        if (!(Minutes > 0))
        {
            throw new ArgumentException("minutes must be > 0");
        }

        if (!(TimeCompression >= 1))
        {
            throw new ArgumentException("time compression must be >= 1");
        }

        if (TelemetrySeconds < 10 || TelemetrySeconds > 3600)
        {
            throw new ArgumentException("telemetry seconds must be 10..3600 (mqtt.telemetry_s)");
        }

        if (CommandsPerSecond < 0 || InvalidCommandFraction < 0 || InvalidCommandFraction > 1)
        {
            throw new ArgumentException("command rate must be >= 0 and the invalid fraction 0..1");
        }

        if (GrowerClients < 1 || Workers < 1 || TickIntervalMs < 1 || !(ConnectRatePerSecond > 0))
        {
            throw new ArgumentException("grower clients, workers, tick interval and connect rate must be positive");
        }

        if (string.IsNullOrEmpty(BrokerHost) || BrokerPort < 1 || BrokerPort > 65535)
        {
            throw new ArgumentException("broker host and port 1..65535 are required");
        }
    }

    /// <summary>Simulated-to-real: the wall-clock period of one device's state document.</summary>
    public double StateIntervalRealSeconds => TelemetrySeconds / TimeCompression;
}
