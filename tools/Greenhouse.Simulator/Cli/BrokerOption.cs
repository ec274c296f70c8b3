using Greenhouse.Ports;

namespace Greenhouse.Simulator.Cli;

public enum BrokerKind
{
    /// <summary>No network: the core runs with a null MQTT link.</summary>
    None,
    /// <summary>An MQTTnet.Server broker inside the simulator process.</summary>
    Embedded,
    /// <summary>An external broker at Host:Port.</summary>
    External,
}

/// <summary>The parsed <c>--broker none|embedded|HOST:PORT</c> option.</summary>
public sealed record BrokerOption(BrokerKind Kind, string Host = "", int Port = 0)
{
    public const int DefaultPort = 1883;

    public static BrokerOption None { get; } = new(BrokerKind.None);

    public static bool TryParse(string? text, out BrokerOption option, out string error)
    {
        option = None;
        error = "";
        string t = (text ?? "none").Trim();
        if (t.Length == 0 || t.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (t.Equals("embedded", StringComparison.OrdinalIgnoreCase))
        {
            option = new BrokerOption(BrokerKind.Embedded, "127.0.0.1", DefaultPort);
            return true;
        }

        int colon = t.LastIndexOf(':');
        string host = colon < 0 ? t : t[..colon];
        int port = DefaultPort;
        if (colon >= 0 && (!int.TryParse(t[(colon + 1)..], out port) || port < 1 || port > 65535))
        {
            error = $"--broker: port in '{t}' must be 1..65535";
            return false;
        }

        if (host.Length == 0 || host.Contains(' '))
        {
            error = $"--broker: '{t}' is not none, embedded or HOST:PORT";
            return false;
        }

        option = new BrokerOption(BrokerKind.External, host, port);
        return true;
    }

    public override string ToString() => Kind switch
    {
        BrokerKind.None => "none",
        BrokerKind.Embedded => "embedded",
        _ => $"{Host}:{Port}",
    };
}

/// <summary>
/// The seam where the MQTT wiring plugs in: given the parsed <c>--broker</c> option, start what is needed
/// (an embedded broker) and return the link the core uses, or null to run without network. The
/// simulator calls it once before the run and disposes the returned session after it.
/// </summary>
public interface IBrokerHookup
{
    BrokerSession Connect(BrokerOption broker, string deviceId, Action<string> log);
}

/// <summary>
/// What a hookup returns: the core's link (null = no network), a callback that receives the core's
/// <see cref="Greenhouse.App.Controller"/> once it exists (to hand received messages to its Inbox), and
/// whatever must be shut down after the run.
/// </summary>
public sealed class BrokerSession(IMqttLink? link, IDisposable? resources = null, Action<Greenhouse.App.Controller>? attach = null) : IDisposable
{
    public IMqttLink? Link { get; } = link;

    /// <summary>Called by the simulator right after it built the core with <see cref="Link"/> (ours only).</summary>
    public void Attach(Greenhouse.App.Controller controller) => attach?.Invoke(controller);

    public void Dispose() => resources?.Dispose();
}

/// <summary>The hookup used until the MQTTnet link lands: every option runs without network, saying so.</summary>
public sealed class NoNetworkHookup : IBrokerHookup
{
    public BrokerSession Connect(BrokerOption broker, string deviceId, Action<string> log)
    {
        if (broker.Kind != BrokerKind.None)
        {
            log($"sim: --broker {broker} is not wired in this build yet; running without network");
        }

        return new BrokerSession(null);
    }
}

/// <summary>Which hookup the command line uses (the MQTTnet one; tests may swap it).</summary>
public static class BrokerHookups
{
    public static IBrokerHookup Current { get; set; } = new MqttBrokerHookup();
}
