using System.Text;
using Greenhouse.Ports;
using Greenhouse.Simulator.Cli;

namespace Greenhouse.Simulator.Tests.Behaviour;

/// <summary>
/// A broker stand-in for the recorded MQTT day: the link connects on request, records every call the core makes
/// (connect options, subscriptions, publishes, disconnects) with the simulated second, and plays a fixed script of
/// grower commands, Home Assistant restarts, technician console lines and a link outage at set simulated seconds.
/// Like a broker, it delivers the core's own publishes on topics the core subscribed to back to it (the core proves
/// a session after a connection change by its status coming back). Deterministic, so the exchange can be compared
/// byte for byte across refactorings.
/// </summary>
public sealed class ScriptedMqttHookup : IBrokerHookup
{
    public ScriptedLink Link { get; } = new();

    public BrokerSession Connect(BrokerOption broker, string deviceId, Action<string> log) =>
        new(Link, null, controller => Link.Attach(controller));
}

/// <summary>One scripted input: at <see cref="Second"/> (simulated, from the run start) post a message or line.</summary>
public sealed record ScriptStep(long Second, string Kind, string Topic = "", string Payload = "", bool Retained = false);

public sealed class ScriptedLink : IMqttLink
{
    private readonly StringBuilder _record = new();
    private Greenhouse.App.Controller? _core;
    private int _next;
    private bool _connected;
    private long _downUntil = -1;
    private string[] _subscribed = Array.Empty<string>();

    /// <summary>What the grower, Home Assistant and the technician do during the recorded day.</summary>
    public static readonly ScriptStep[] Script =
    {
        new(300, "mqtt", "homeassistant/status", "online"),
        new(900, "mqtt", "greenhouse/gh-51ac01/zone/1/target_rh/set", "92"),
        new(905, "mqtt", "greenhouse/gh-51ac01/zone/1/target_rh/set", "150"),
        new(910, "mqtt", "greenhouse/gh-51ac01/zone/1/target_rh/set", "91", true),
        new(915, "mqtt", "greenhouse/gh-51ac01/zone/1/nonsense/set", "1"),
        new(916, "mqtt", "greenhouse/gh-51ac01/zone/9/target_rh/set", "90"),
        new(917, "mqtt", "greenhouse/gh-51ac01/config/target_rh/set", "90"),
        new(918, "mqtt", "greenhouse/gh-51ac01/zone/1/lockout.high_c/set", "27"),
        new(919, "mqtt", "greenhouse/gh-51ac01/foo/set", "1"),
        new(920, "mqtt", "greenhouse/gh-51ac01/zone/1/power/set", "OFF"),
        new(921, "mqtt", "greenhouse/gh-51ac01/zone/1/band/set", "\u0001\u0002"),
        new(980, "mqtt", "greenhouse/gh-51ac01/zone/1/power/set", "ON"),
        new(1000, "mqtt", "greenhouse/gh-51ac01/zone/1/mist/set", "20"),
        new(1001, "mqtt", "greenhouse/gh-51ac01/zone/1/mist/set", "9999"),
        new(1200, "mqtt", "greenhouse/gh-51ac01/config/mqtt.telemetry_s/set", "120"),
        new(1201, "mqtt", "greenhouse/gh-51ac01/config/mqtt.password/set", "s3cret"),
        new(1500, "console", Payload: "status"),
        new(1501, "console", Payload: "get zone1.target_rh"),
        new(1502, "console", Payload: "set zone1.band 4"),
        new(1503, "console", Payload: "set zone1.band 99"),
        new(1504, "console", Payload: "mist 1 15"),
        new(1505, "console", Payload: "zone 1"),
        new(1506, "console", Payload: "events"),
        new(1507, "console", Payload: "help"),
        new(1508, "console", Payload: "get mqtt.password"),
        new(1509, "console", Payload: "frobnicate"),
        new(3600, "down"),
        new(4500, "mqtt", "greenhouse/gh-51ac01/zone/1/target_rh/set", "90"),
        new(21600, "mqtt", "greenhouse/gh-51ac01/zone/1/stage/set", "pinning"),
        new(21700, "mqtt", "greenhouse/gh-51ac01/zone/1/stage/set", "growth"),
        new(21800, "mqtt", "homeassistant/status", "online"),
        new(30000, "mqtt", "greenhouse/gh-51ac01/zone/1/mist/set", "30"),
        new(43200, "console", Payload: "status"),
        new(50400, "mqtt", "greenhouse/gh-51ac01/config/fan.on_c/set", "24"),
        new(61200, "console", Payload: "events"),
        new(72000, "mqtt", "greenhouse/gh-51ac01/config/mqtt.prefix/set", "farm"),
        new(72100, "mqtt", "farm/gh-51ac01/zone/1/target_rh/set", "93"),
        new(86000, "console", Payload: "status"),
    };

    /// <summary>Seconds the link stays down after a scripted outage.</summary>
    public const long OutageSeconds = 900;

    public string Recording => _record.ToString();

    public void Attach(Greenhouse.App.Controller core)
    {
        _core = core;
        _record.Append(Stamp()).Append(" ATTACH\n");
        foreach (var (key, value) in new[] { ("mqtt.host", "127.0.0.1"), ("mqtt.port", "1883") })
        {
            if (core.Commands.ApplySetting(key, value, "sim") is { Ok: false } refused && refused.Error is string error)
            {
                throw new InvalidOperationException(key + ": " + error);
            }
        }
    }

    private long Second => _core == null ? 0 : _core.Status.NowMs / 1000;

    private string Stamp() => Second.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Plays the script up to the current simulated second (called from the core's tick through the link).</summary>
    private void Play()
    {
        if (_core == null)
        {
            return;
        }

        while (_next < Script.Length && Script[_next].Second <= Second)
        {
            ScriptStep step = Script[_next++];
            switch (step.Kind)
            {
                case "mqtt":
                    if (_connected)
                    {
                        _record.Append(Stamp()).Append(" IN ").Append(step.Retained ? "r " : "- ").Append(step.Topic).Append(' ').Append(step.Payload).Append('\n');
                        _core.Inbox.PostMqtt(step.Topic, Encoding.UTF8.GetBytes(step.Payload), step.Retained);
                    }
                    else
                    {
                        _record.Append(Stamp()).Append(" LOST-WHILE-DOWN ").Append(step.Topic).Append('\n');
                    }

                    break;
                case "console":
                    _record.Append(Stamp()).Append(" CONSOLE ").Append(step.Payload).Append('\n');
                    _core.Inbox.PostConsoleLine(step.Payload);
                    break;
                case "down":
                    _record.Append(Stamp()).Append(" LINK-DOWN\n");
                    _connected = false;
                    _downUntil = Second + OutageSeconds;
                    _core.Inbox.PostConnection(false);
                    break;
            }
        }
    }

    public bool IsConnected
    {
        get
        {
            Play();
            return _connected;
        }
    }

    public bool BeginConnect(MqttConnectOptions options)
    {
        Play();
        _record.Append(Stamp()).Append(" CONNECT host=").Append(options.Host).Append(" port=").Append(options.Port)
            .Append(" client=").Append(options.ClientId).Append(" user=").Append(options.UserName ?? "-")
            .Append(" password=").Append(options.Password == null ? "-" : "set").Append(" tls=").Append(options.UseTls)
            .Append(" will=").Append(options.WillTopic).Append(':').Append(options.WillPayload)
            .Append(" keepalive=").Append(options.KeepAliveSeconds).Append(" clean=").Append(options.CleanSession).Append('\n');
        if (Second < _downUntil)
        {
            _record.Append(Stamp()).Append(" CONNECT-FAILED\n");
            return true;
        }

        _connected = true;
        _core?.Inbox.PostConnection(true);
        return true;
    }

    public bool Publish(string topic, byte[] payload, bool retain)
    {
        Play();
        if (!_connected)
        {
            return false;
        }

        _record.Append(Stamp()).Append(" PUB ").Append(retain ? "r " : "- ").Append(topic).Append(' ')
            .Append(Encoding.UTF8.GetString(payload)).Append('\n');
        if (_core != null && Greenhouse.TestSupport.FakeMqttLink.MatchesAny(_subscribed, topic))
        {
            // A broker forwards a live publish to a matching subscriber without the retain flag.
            _record.Append(Stamp()).Append(" ECHO ").Append(topic).Append('\n');
            _core.Inbox.PostMqtt(topic, payload, false);
        }

        return true;
    }

    public bool Subscribe(string[] topicFilters)
    {
        Play();
        if (!_connected)
        {
            return false;
        }

        _record.Append(Stamp()).Append(" SUB ").Append(string.Join(' ', topicFilters)).Append('\n');
        _subscribed = topicFilters;
        return true;
    }

    public void Disconnect()
    {
        _record.Append(Stamp()).Append(" DISCONNECT\n");
        _connected = false;
        _subscribed = Array.Empty<string>();
    }
}
