using System;
using System.Collections.Generic;
using Greenhouse.Ports;

namespace Greenhouse.Faults
{
    /// <summary>
    /// The simulator's Wi-Fi: the networks in reach of the house (name and password) and the board's station, which
    /// the core tells what to join (<see cref="IWifiLink"/>: at start and after each change of wifi.ssid / wifi.password).
    /// The station is joined while the network it was asked for is in reach with that password and no <c>wifi-down</c>
    /// fault is active. <see cref="FaultyMqttLink"/> treats "not joined" like <c>wifi-down</c>: the link is down and a
    /// connect attempt cannot even start. So a wrong password or SSID sent over MQTT cuts the simulated board off,
    /// exactly as on a real one, until the connection trial brings the working network back.
    /// </summary>
    public sealed class SimulatedWifi : IWifiLink
    {
        private readonly IFaultState _faults;
        private readonly Dictionary<string, string> _networks = new Dictionary<string, string>(StringComparer.Ordinal);

        public SimulatedWifi(IFaultState faults)
        {
            _faults = faults ?? throw new ArgumentNullException(nameof(faults));
        }

        /// <summary>Puts a network in reach (or changes its password).</summary>
        public SimulatedWifi AddNetwork(string ssid, string password)
        {
            _networks[ssid ?? throw new ArgumentNullException(nameof(ssid))] = password ?? "";
            return this;
        }

        /// <summary>Takes a network out of reach (the access point is switched off).</summary>
        public void RemoveNetwork(string ssid) => _networks.Remove(ssid);

        /// <summary>The network the core asked for last ("" before the first request).</summary>
        public string Ssid { get; private set; } = "";

        /// <summary>Join requests from the core so far.</summary>
        public int Joins { get; private set; }

        public bool IsJoined =>
            Ssid.Length > 0 && !_faults.IsActive(FaultKind.WifiDown) && _networks.TryGetValue(Ssid, out string password) && password == _password;

        private string _password = "";

        public void Join(string ssid, string password)
        {
            Ssid = ssid ?? "";
            _password = password ?? "";
            Joins++;
        }
    }
}
