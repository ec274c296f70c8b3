using System.Net.Sockets;
using Greenhouse.Host;

namespace Greenhouse.Simulator.Cli;

/// <summary>
/// The real MQTT wiring: <c>embedded</c> starts an MQTTnet.Server broker on loopback (port 1883 when free, so
/// <c>mosquitto_sub -h localhost</c> works, otherwise a free port, logged either way); <c>HOST:PORT</c> uses an
/// external broker. Both connect the core through <see cref="MqttNetLink"/>; <c>none</c> runs without network.
/// </summary>
public sealed class MqttBrokerHookup : IBrokerHookup
{
    /// <summary>Port the embedded broker tries first (0 = always a free port).</summary>
    public int PreferredEmbeddedPort { get; init; } = BrokerOption.DefaultPort;

    public BrokerSession Connect(BrokerOption broker, string deviceId, Action<string> log)
    {
        if (broker.Kind == BrokerKind.None)
        {
            return new BrokerSession(null);
        }

        EmbeddedBroker? embedded = null;
        string host = broker.Host;
        int port = broker.Port;
        if (broker.Kind == BrokerKind.Embedded)
        {
            embedded = StartEmbedded(PreferredEmbeddedPort, log);
            host = "127.0.0.1";
            port = embedded.Port;
            log($"sim: embedded MQTT broker listening on 127.0.0.1:{port}");
        }

        var link = new MqttNetLink();
        var resources = new Resources(link, embedded);
        bool told = false;
        return new BrokerSession(link, resources, controller =>
        {
            link.Attach(controller.Inbox);
            Apply(controller, "mqtt.host", host);
            Apply(controller, "mqtt.port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!string.IsNullOrEmpty(deviceId))
            {
                Apply(controller, Greenhouse.Settings.CoreSettings.DeviceId, deviceId);
            }

            if (told)
            {
                return; // a restart after a power cut: same device, same topics
            }

            told = true;
            // The core refreshes its topics on its next tick; work them out the same way here.
            string id = Read(controller, Greenhouse.Settings.CoreSettings.DeviceId);
            if (id.Length == 0)
            {
                id = controller.Mqtt.DeviceId;
            }

            string prefix = Read(controller, "mqtt.prefix");
            string baseTopic = (prefix.Length == 0 ? "greenhouse" : prefix) + "/" + id;
            string portArg = port == BrokerOption.DefaultPort ? "" : $" -p {port}";
            string hostArg = broker.Kind == BrokerKind.Embedded ? "localhost" : host;
            // The embedded MQTTnet broker refuses the empty client id mosquitto's tools send by default: name them.
            log($"sim: MQTT device '{id}' on {host}:{port}; watch it:  mosquitto_sub -h {hostArg}{portArg} -i watcher -t '{baseTopic}/#' -v");
            log($"sim: steer it:  mosquitto_pub -h {hostArg}{portArg} -i grower -t '{baseTopic}/zone/1/target_rh/set' -m 90");
        });
    }

    private static void Apply(Greenhouse.App.Controller controller, string key, string value)
    {
        if (controller.Commands.ApplySetting(key, value, "sim") is { Ok: false } refused && refused.Error is string error)
        {
            throw new ArgumentException($"the core refused {key}={value}: {error}");
        }
    }

    private static string Read(Greenhouse.App.Controller controller, string key) =>
        controller.Status.Settings.TryGetText(key, out string text, out _) && text != null ? text : "";

    private static EmbeddedBroker StartEmbedded(int preferred, Action<string> log)
    {
        if (preferred > 0)
        {
            try
            {
                return EmbeddedBroker.StartAsync(preferred).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is SocketException || e.InnerException is SocketException || e is IOException)
            {
                log($"sim: port {preferred} is busy ({e.Message}); the embedded broker takes a free port instead");
            }
        }

        return EmbeddedBroker.StartAsync(0).GetAwaiter().GetResult();
    }

    private sealed class Resources(MqttNetLink link, EmbeddedBroker? broker) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                link.Disconnect();
            }
            catch (Exception)
            {
                // Shutting down: a link that cannot say goodbye is no reason to fail the run.
            }

            link.Dispose();
            broker?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
