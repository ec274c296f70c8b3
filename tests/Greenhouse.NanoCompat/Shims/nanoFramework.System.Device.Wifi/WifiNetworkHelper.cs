// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.Device.Wifi 1.5.149
// Upstream: nanoframework/System.Device.Wifi@282a90676d5b2b7fa583a4efeb47ec5cac77fa0e System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs
// Upstream: nanoframework/System.Device.Wifi@282a90676d5b2b7fa583a4efeb47ec5cac77fa0e System.Device.Wifi/WifiReconnectionKind.cs
// UNVERIFIED version match: the snapshot's newest tag is v1.5.147 (= the commit above); 1.5.149 is the pinned
// package. Only dependency bumps are expected between them; the declared members were read at v1.5.147.
// WifiNetworkHelper is in namespace nanoFramework.Networking; WifiReconnectionKind in System.Device.Wifi.
// Not declared (subset): the WifiAdapter property and the WifiAdapter/WifiAvailableNetwork/... types.
// Device behaviour this compile-only shim cannot show (read in System.Device.Wifi@282a9067
// NetworkHelper/WifiNetworkHelper.cs; modelled in tests/Greenhouse.Firmware.Tests/Models/nanoFramework.System.Device.Wifi):
// - ConnectDhcp, unless already connected to that SSID, writes the Wi-Fi configuration to flash
//   (Wireless80211Configuration.SaveConfiguration) on every call; Reconnect only waits for the automatic
//   reconnection with the stored configuration and writes nothing.
using System;
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static ManualResetEvent NetworkReady { get { throw null; } }
        public static NetworkHelperStatus Status { get { throw null; } }
        public static Exception HelperException { get { throw null; } }
        public static void SetupNetworkHelper(bool requiresDateTime = false) { throw null; }
        public static void SetupNetworkHelper(IPConfiguration ipConfiguration, bool requiresDateTime = false) { throw null; }
        public static void SetupNetworkHelper(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false) { throw null; }
        public static void Disconnect() { throw null; }
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) { throw null; }
        public static bool ConnectFixAddress(string ssid, string password, IPConfiguration ipConfiguration, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int WifiAdapter = 0, CancellationToken token = default) { throw null; }
        public static bool ScanAndConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int WifiAdapter = 0, CancellationToken token = default) { throw null; }
        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) { throw null; }
        public static void Reset() { throw null; }
    }
}

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}
