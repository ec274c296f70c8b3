namespace Greenhouse.Ports
{
    /// <summary>
    /// The Wi-Fi station (nanoFramework's WifiNetworkHelper on the device, the simulator's Wi-Fi model). The core
    /// tells it which network to join, at start and whenever wifi.ssid or wifi.password change (a change on trial,
    /// or its revert); the adapter joins in the background and every call returns at once.
    /// </summary>
    public interface IWifiLink
    {
        /// <summary>True while joined to the network last asked for (an IP address obtained).</summary>
        bool IsJoined { get; }

        /// <summary>Leaves the current network if needed and starts joining this one; an empty SSID means no Wi-Fi.</summary>
        void Join(string ssid, string password);
    }
}
