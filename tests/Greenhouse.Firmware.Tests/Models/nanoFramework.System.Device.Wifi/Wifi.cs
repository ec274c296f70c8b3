// Behaviour model for host tests, not upstream code. Models: nanoFramework.System.Device.Wifi 1.5.149
// (WifiNetworkHelper), nanoFramework.System.Net 1.11.60 (NetworkHelperStatus) and nanoFramework.Networking.Sntp 1.6.42.
// Behaviour read from nanoframework/System.Device.Wifi@282a90676d5b2b7fa583a4efeb47ec5cac77fa0e
// System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs:
// - ConnectDhcp, unless already connected to that SSID, disconnects, WRITES the Wi-Fi configuration to flash
//   (StoreWifiConfiguration -> Wireless80211Configuration.SaveConfiguration) and connects, on every call;
// - Reconnect only waits for the platform's automatic reconnection with the stored configuration: no flash write;
// - Disconnect leaves the network.
// The model answers at once instead of waiting for the cancellation token.
using System.Device.Wifi;
using System.Threading;
using Greenhouse.Firmware.Tests.Models;

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}

namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
        FailedNoNetworkInterface,
        TokenExpiredWaitingIPAddress,
        TokenExpiredWaitingDateTime,
        ErrorConnetingToWiFiWhileScanning,
        ExceptionOccurred,
        Reconnecting,
    }

    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status { get; private set; }

        public static System.Exception HelperException { get; private set; }

        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default)
        {
            WifiModel wifi = Esp32Board.Wifi;
            wifi.ConnectCalls++;
            if (wifi.ConnectedSsid != ssid)
            {
                wifi.ConfigurationWrites++;
                wifi.StoredSsid = ssid;
                wifi.StoredAutomatic = reconnectionKind == WifiReconnectionKind.Automatic;
                wifi.ConnectedSsid = wifi.AccessPointUp ? ssid : null;
            }

            return Result(wifi);
        }

        /// <summary>Leaves the network (the stored configuration stays).</summary>
        public static void Disconnect()
        {
            Esp32Board.Wifi.DisconnectCalls++;
            Esp32Board.Wifi.ConnectedSsid = null;
        }

        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default)
        {
            WifiModel wifi = Esp32Board.Wifi;
            wifi.ReconnectCalls++;
            if (wifi.StoredSsid != null && wifi.StoredAutomatic && wifi.AccessPointUp)
            {
                wifi.ConnectedSsid = wifi.StoredSsid;
            }

            return Result(wifi);
        }

        private static bool Result(WifiModel wifi)
        {
            bool up = wifi.ConnectedSsid != null;
            Status = up ? NetworkHelperStatus.NetworkIsReady : NetworkHelperStatus.TokenExpiredWaitingIPAddress;
            return up;
        }
    }

    public class Sntp
    {
        public static bool IsStarted { get; private set; }

        public static void Start()
        {
            IsStarted = true;
            UpdateNow();
        }

        public static void Stop()
        {
            IsStarted = false;
        }

        public static void UpdateNow()
        {
            if (IsStarted && Esp32Board.Wifi.ConnectedSsid != null)
            {
                Esp32Board.Wifi.RtcSet = true;
            }
        }

        internal static void ResetModel()
        {
            IsStarted = false;
        }
    }
}
