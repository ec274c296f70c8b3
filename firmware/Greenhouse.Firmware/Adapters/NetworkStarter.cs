using System;
using System.Threading;
using Greenhouse.Ports;
using nanoFramework.Networking;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// The Wi-Fi station: joins the network the core asks for (<see cref="Join"/>, at start and after every change of
    /// wifi.ssid / wifi.password, a change on trial or its revert) and starts SNTP, on a background thread, retrying,
    /// so the control loop never waits for the network. A new network leaves the old one first.
    /// </summary>
    public sealed class NetworkStarter : IWifiLink
    {
        private readonly object _gate = new object();
        private string _ssid = "";
        private string _password = "";
        private int _request;
        private Thread _thread;
        private bool _sntpStarted;

        /// <summary>True once an IP address was obtained on the network last asked for.</summary>
        public bool IsJoined { get; private set; }

        public void Join(string ssid, string password)
        {
            lock (_gate)
            {
                _ssid = ssid == null ? "" : ssid;
                _password = password == null ? "" : password;
                _request++;
                IsJoined = false;
                if (_thread == null)
                {
                    _thread = new Thread(Run);
                    _thread.Start();
                }
            }
        }

        private void Run()
        {
            int waitMs = 5000;
            int joined = -1;
            while (true)
            {
                string ssid;
                string password;
                int request;
                lock (_gate)
                {
                    ssid = _ssid;
                    password = _password;
                    request = _request;
                }

                if (request == joined || ssid.Length == 0)
                {
                    // On the network asked for (or none is configured): wait for the next request.
                    Thread.Sleep(1000);
                    continue;
                }

                try
                {
                    if (joined >= 0)
                    {
                        WifiNetworkHelper.Disconnect();
                    }

                    CancellationTokenSource timeout = new CancellationTokenSource(60000);
                    if (WifiNetworkHelper.ConnectDhcp(ssid, password, System.Device.Wifi.WifiReconnectionKind.Automatic, false, 0, timeout.Token))
                    {
                        lock (_gate)
                        {
                            joined = request;
                            IsJoined = request == _request;
                        }

                        waitMs = 5000;
                        // Time for TLS certificates and the log; SNTP keeps it in step from then on.
                        if (!_sntpStarted)
                        {
                            _sntpStarted = true;
                            Sntp.Start();
                        }

                        Sntp.UpdateNow();
                        continue;
                    }
                }
                catch (Exception)
                {
                    // Retried below; the core keeps controlling meanwhile.
                }

                Pause(waitMs, request);
                waitMs = waitMs < 300000 ? waitMs * 2 : 300000;
            }
        }

        /// <summary>Waits before a retry, but not past a new request (the trial's revert must not wait minutes).</summary>
        private void Pause(int ms, int request)
        {
            for (int waited = 0; waited < ms; waited += 1000)
            {
                Thread.Sleep(1000);
                lock (_gate)
                {
                    if (_request != request)
                    {
                        return;
                    }
                }
            }
        }
    }
}
