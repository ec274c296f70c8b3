using System;
using System.Device.Wifi;
using System.Threading;
using Greenhouse.Ports;
using nanoFramework.Networking;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// The Wi-Fi station: joins the network the core asks for (<see cref="Join"/>: at start and after every change of
    /// wifi.ssid / wifi.password, a change on trial or the trial's revert) and starts SNTP, on a background thread,
    /// retrying with a growing pause, so the control loop never waits for the network.
    /// <para>WifiNetworkHelper.ConnectDhcp writes the Wi-Fi configuration to flash on every call (it stores the
    /// credentials, then connects). So the credentials are stored once per network asked for, with automatic
    /// reconnection, and the retries only wait for that reconnection (WifiNetworkHelper.Reconnect, no flash write); a
    /// full connect is repeated at most every <see cref="FullConnectEveryMs"/> while the network stays down. A new
    /// network leaves the old one first (a changed password on the same network too).</para>
    /// </summary>
    public sealed class NetworkStarter : IWifiLink
    {
        /// <summary>How long one attempt may wait for an address.</summary>
        public const int AttemptTimeoutMs = 60000;
        public const int FirstRetryMs = 5000;
        public const int MaxRetryMs = 300000;
        /// <summary>While the network stays down, the credentials are written again at most this often.</summary>
        public const long FullConnectEveryMs = 6L * 3600 * 1000;

        private readonly object _gate = new object();
        private string _ssid = "";
        private string _password = "";
        private int _request;
        private int _storedRequest = -1;
        private Thread _thread;
        private bool _sntpStarted;
        private long _lastFullConnectMs;
        private int _retryMs = FirstRetryMs;

        private readonly bool _startThread;

        /// <summary>A station that joins nothing until the core asks (<see cref="Join"/>), then joins on its own thread.</summary>
        public NetworkStarter() : this(true)
        {
        }

        /// <param name="startThread">False in host tests: <see cref="Join"/> only records the network; <see cref="Attempt"/> joins it.</param>
        public NetworkStarter(bool startThread)
        {
            _startThread = startThread;
        }

        /// <summary>A station asked for one network; <see cref="Attempt"/> (or <see cref="Start"/>) joins it.</summary>
        public NetworkStarter(string ssid, string password)
        {
            Set(ssid, password);
        }

        /// <summary>True once an IP address was obtained on the network asked for last.</summary>
        public bool Connected { get; private set; }

        public bool IsJoined
        {
            get { return Connected; }
        }

        /// <summary>Attempts made since start.</summary>
        public int Attempts { get; private set; }

        /// <summary>Full connects made (each writes the Wi-Fi configuration to flash).</summary>
        public int FullConnects { get; private set; }

        /// <summary>True when there is something to join.</summary>
        public bool Configured
        {
            get { return _ssid.Length > 0; }
        }

        public void Join(string ssid, string password)
        {
            lock (_gate)
            {
                if (_request > 0 && ssid == _ssid && password == _password)
                {
                    return;
                }

                Set(ssid, password);
            }

            if (_startThread)
            {
                Start();
            }
        }

        /// <summary>Starts the joining thread (once).</summary>
        public void Start()
        {
            lock (_gate)
            {
                if (_thread != null || !Configured)
                {
                    return;
                }

                _thread = new Thread(Run);
            }

            _thread.Start();
        }

        private void Set(string ssid, string password)
        {
            _ssid = ssid == null ? "" : ssid;
            _password = password == null ? "" : password;
            _request++;
            _retryMs = FirstRetryMs;
            Connected = false;
        }

        private void Run()
        {
            while (true)
            {
                int request;
                lock (_gate)
                {
                    request = _request;
                }

                int waitMs = Attempt(Environment.TickCount64);
                // Connected (or nothing to join): look for a new request now and then; otherwise the retry pause, cut
                // short by a new request (the trial's revert must not wait minutes).
                Pause(waitMs > 0 ? waitMs : 1000, request);
            }
        }

        private void Pause(int ms, int request)
        {
            for (int waited = 0; waited < ms; waited += 1000)
            {
                Thread.Sleep(ms - waited < 1000 ? ms - waited : 1000);
                lock (_gate)
                {
                    if (_request != request)
                    {
                        return;
                    }
                }
            }
        }

        /// <summary>One attempt; returns the pause before the next one in ms (0 once connected or with nothing to join).</summary>
        public int Attempt(long nowMs)
        {
            string ssid;
            string password;
            int request;
            lock (_gate)
            {
                ssid = _ssid;
                password = _password;
                request = _request;
                if (Connected || ssid.Length == 0)
                {
                    return 0;
                }
            }

            Attempts++;
            bool connected = false;
            try
            {
                using (CancellationTokenSource timeout = new CancellationTokenSource(AttemptTimeoutMs))
                {
                    if (_storedRequest != request || nowMs - _lastFullConnectMs >= FullConnectEveryMs)
                    {
                        if (_storedRequest >= 0 && _storedRequest != request)
                        {
                            // Another network (or password): leave the old one, so the new credentials are stored and used.
                            WifiNetworkHelper.Disconnect();
                        }

                        _storedRequest = request;
                        _lastFullConnectMs = nowMs;
                        FullConnects++;
                        connected = WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
                    }
                    else
                    {
                        connected = WifiNetworkHelper.Reconnect(false, 0, timeout.Token);
                    }
                }
            }
            catch (Exception)
            {
                // Retried below; the core keeps controlling meanwhile.
            }

            if (connected)
            {
                lock (_gate)
                {
                    Connected = request == _request;
                }

                // Time first: TLS certificates cannot be checked before the clock is set.
                if (!_sntpStarted)
                {
                    _sntpStarted = true;
                    Sntp.Start();
                }

                Sntp.UpdateNow();
                return 0;
            }

            int wait = _retryMs;
            _retryMs = _retryMs < MaxRetryMs / 2 ? _retryMs * 2 : MaxRetryMs;
            return wait;
        }
    }
}
