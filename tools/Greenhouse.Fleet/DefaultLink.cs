using Greenhouse.App;
using Greenhouse.Host;
using Greenhouse.Ports;

namespace Greenhouse.Fleet;

/// <summary>The link used when <see cref="FleetOptions.LinkFactory"/> is null: the host library's MqttNetLink.</summary>
internal static class DefaultLink
{
    public static IMqttLink Create(Inbox inbox) => new MqttNetLink(inbox);
}
