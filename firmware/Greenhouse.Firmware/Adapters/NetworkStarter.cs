using System;
using System.Threading;
using nanoFramework.Networking;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// Joins Wi-Fi and starts SNTP on a background thread, retrying, so the control loop never waits for the
    /// network. The core learns about the network only through the MQTT link and the clock.
    /// </summary>
    public sealed class NetworkStarter
    {
        private readonly string _ssid;
        private readonly string _password;
        private Thread _thread;

        public NetworkStarter(string ssid, string password)
        {
            _ssid = ssid;
            _password = password;
        }

        /// <summary>True once an IP address was obtained.</summary>
        public bool Connected { get; private set; }

        public void Start()
        {
            if (_ssid == null || _ssid.Length == 0)
            {
                return;
            }

            _thread = new Thread(Run);
            _thread.Start();
        }

        private void Run()
        {
            int waitMs = 5000;
            while (!Connected)
            {
                try
                {
                    CancellationTokenSource timeout = new CancellationTokenSource(60000);
                    if (WifiNetworkHelper.ConnectDhcp(_ssid, _password, System.Device.Wifi.WifiReconnectionKind.Automatic, false, 0, timeout.Token))
                    {
                        Connected = true;
                        Sntp.Start();
                        Sntp.UpdateNow();
                        return;
                    }
                }
                catch (Exception)
                {
                    // Retried below; the core keeps controlling meanwhile.
                }

                Thread.Sleep(waitMs);
                waitMs = waitMs < 300000 ? waitMs * 2 : 300000;
            }
        }
    }
}
