using System;
using System.Device.Wifi;
using System.Threading;
using nanoFramework.Networking;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// Joins Wi-Fi and starts SNTP on a background thread, retrying with a growing pause, so the control loop never
    /// waits for the network. The core learns about the network only through the MQTT link and the clock.
    /// <para>WifiNetworkHelper.ConnectDhcp writes the Wi-Fi configuration to flash on every call (it stores the
    /// credentials, then connects). So the credentials are stored once per boot, with automatic reconnection, and the
    /// retries only wait for that reconnection (WifiNetworkHelper.Reconnect, no flash write); a full connect is
    /// repeated at most every <see cref="FullConnectEveryMs"/> while the network stays down.</para>
    /// </summary>
    public sealed class NetworkStarter
    {
        /// <summary>How long one attempt may wait for an address.</summary>
        public const int AttemptTimeoutMs = 60000;
        public const int FirstRetryMs = 5000;
        public const int MaxRetryMs = 300000;
        /// <summary>While the network stays down, the credentials are written again at most this often.</summary>
        public const long FullConnectEveryMs = 6L * 3600 * 1000;

        private readonly string _ssid;
        private readonly string _password;
        private Thread _thread;
        private bool _stored;
        private long _lastFullConnectMs;
        private int _retryMs = FirstRetryMs;

        public NetworkStarter(string ssid, string password)
        {
            _ssid = ssid;
            _password = password;
        }

        /// <summary>True once an IP address was obtained.</summary>
        public bool Connected { get; private set; }

        /// <summary>Attempts made since start.</summary>
        public int Attempts { get; private set; }

        /// <summary>Full connects made (each writes the Wi-Fi configuration to flash).</summary>
        public int FullConnects { get; private set; }

        /// <summary>True when there is something to join.</summary>
        public bool Configured
        {
            get { return _ssid != null && _ssid.Length > 0; }
        }

        public void Start()
        {
            if (!Configured)
            {
                return;
            }

            _thread = new Thread(Run);
            _thread.Start();
        }

        private void Run()
        {
            while (!Connected)
            {
                int waitMs = Attempt(Environment.TickCount64);
                if (waitMs > 0)
                {
                    Thread.Sleep(waitMs);
                }
            }
        }

        /// <summary>One attempt; returns the pause before the next one in ms (0 once connected).</summary>
        public int Attempt(long nowMs)
        {
            if (Connected || !Configured)
            {
                return 0;
            }

            Attempts++;
            bool connected = false;
            try
            {
                using (CancellationTokenSource timeout = new CancellationTokenSource(AttemptTimeoutMs))
                {
                    if (!_stored || nowMs - _lastFullConnectMs >= FullConnectEveryMs)
                    {
                        _stored = true;
                        _lastFullConnectMs = nowMs;
                        FullConnects++;
                        connected = WifiNetworkHelper.ConnectDhcp(_ssid, _password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
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
                Connected = true;
                // Time first: TLS certificates cannot be checked before the clock is set.
                Sntp.Start();
                Sntp.UpdateNow();
                return 0;
            }

            int wait = _retryMs;
            _retryMs = _retryMs < MaxRetryMs / 2 ? _retryMs * 2 : MaxRetryMs;
            return wait;
        }
    }
}
