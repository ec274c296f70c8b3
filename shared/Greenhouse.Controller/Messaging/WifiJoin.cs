using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Settings;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// Keeps the Wi-Fi station on the network the settings name: asks the adapter to join at start and again whenever
    /// wifi.ssid or wifi.password change (a change on trial, or the trial's revert). The MQTT session reconnects after
    /// such a change too (the Wi-Fi settings are part of its connection settings).
    /// </summary>
    public sealed class WifiJoin
    {
        private readonly IWifiLink _wifi;
        private readonly ISettingsView _settings;
        private readonly Logger _log;
        private readonly int _ssidDef;
        private readonly int _passwordDef;
        private int _version = int.MinValue;
        private string _ssid;
        private string _password;

        public WifiJoin(IWifiLink wifi, ISettingsView settings, Logger log)
        {
            _wifi = wifi;
            _settings = settings;
            _log = log;
            _ssidDef = settings.Require("wifi.ssid");
            _passwordDef = settings.Require("wifi.password");
        }

        /// <summary>True while the station is on the network asked for.</summary>
        public bool Joined
        {
            get { return _wifi.IsJoined; }
        }

        /// <summary>Call every tick: asks for a join when the Wi-Fi settings differ from the last ones asked for.</summary>
        public void Follow()
        {
            if (_settings.Version == _version)
            {
                return;
            }

            _version = _settings.Version;
            string ssid = _settings.Text(_ssidDef, 0);
            string password = _settings.Text(_passwordDef, 0);
            if (ssid == _ssid && password == _password)
            {
                return;
            }

            _ssid = ssid;
            _password = password;
            _log.Info("wifi", "joining", "ssid=" + Logger.Quote(ssid));
            _wifi.Join(ssid, password);
        }
    }
}
