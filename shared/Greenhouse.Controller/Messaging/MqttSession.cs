using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// The MQTT session: who the device is on the broker (prefix and device id → base topic), connecting with the
    /// last will and reconnecting with backoff and jitter, noticing the link going up or down, reconnecting when
    /// the connection settings change, and the subscriptions and "online" status owed after each connect. Never
    /// waits for the network: every link call returns at once.
    /// <para>
    /// Each set of connection settings taken up is numbered (<see cref="IdentitySerial"/>), and so is the attempt a
    /// session came from (<see cref="UpSerial"/>): the connection trial asks whether the session up now was made with
    /// the current settings, and a session that a connect begun before a change completed is closed and made again.
    /// </para>
    /// </summary>
    public sealed class MqttSession
    {
        /// <summary>Keep-alive sent to the broker.</summary>
        public const int KeepAliveSeconds = 30;

        /// <summary>Name of the CA certificate blob in the settings store (PEM text).</summary>
        public const string CaCertificateBlob = "ca.pem";

        private readonly IMqttLink _link;
        private readonly ISettingsStore _store;
        private readonly ISettingsView _settings;
        private readonly Logger _log;
        private readonly string _mac;
        private readonly Prng _random;
        private readonly ReconnectBackoff _backoff;
        private readonly int _deviceIdDef;
        private readonly int _prefixDef;
        private readonly int _hostDef;
        private readonly int _portDef;
        private readonly int _userDef;
        private readonly int _passwordDef;
        private readonly int _tlsDef;
        private readonly int _ssidDef;
        private readonly int _wifiPasswordDef;
        private int _attemptSerial;
        private string _fingerprint;
        private int _fingerprintVersion = int.MinValue;
        private long _connectedSinceMs;
        private long _nextAttemptMs;
        private bool _backoffSettled;

        /// <param name="mac">The board's MAC address as text (any separators), for the default device id and the jitter seed.</param>
        /// <param name="seedUptimeMs">Uptime at start, mixed into the jitter seed.</param>
        public MqttSession(IMqttLink link, ISettingsStore store, ISettingsView settings, string mac, long seedUptimeMs, Logger log)
        {
            _link = link;
            _store = store;
            _settings = settings;
            _log = log;
            _mac = mac;
            _random = new Prng(Prng.SeedFrom(mac, seedUptimeMs));
            _backoff = new ReconnectBackoff(_random);
            _deviceIdDef = settings.Require(CoreSettings.DeviceId);
            _prefixDef = settings.Require("mqtt.prefix");
            _hostDef = settings.Require("mqtt.host");
            _portDef = settings.Require("mqtt.port");
            _userDef = settings.Require("mqtt.user");
            _passwordDef = settings.Require("mqtt.password");
            _tlsDef = settings.Require("mqtt.tls");
            _ssidDef = settings.Require("wifi.ssid");
            _wifiPasswordDef = settings.Require("wifi.password");
            RefreshIdentity();
        }

        /// <summary><c>&lt;prefix&gt;/&lt;device id&gt;</c> as currently configured.</summary>
        public string BaseTopic { get; private set; }

        public string DeviceId { get; private set; }

        /// <summary>True while the session is up as far as the interface has seen.</summary>
        public bool Up { get; private set; }

        /// <summary>Number of the connection settings in use: one more each time a change of them was taken up.</summary>
        public int IdentitySerial { get; private set; }

        /// <summary>The <see cref="IdentitySerial"/> the connect attempt of the session up now was made with.</summary>
        public int UpSerial { get; private set; }

        /// <summary>True while a session is up that was made with the current connection settings.</summary>
        public bool UpOnCurrentSettings
        {
            get { return Up && !Leaving && UpSerial == IdentitySerial; }
        }

        /// <summary>
        /// True once this session's own "online" came back through its subscription to <c>&lt;base&gt;/status</c>: the
        /// broker lets the device publish under its base and read it there (a session its ACL mutes never gets it).
        /// </summary>
        public bool Proven { get; private set; }

        /// <summary>Called with each message on <c>&lt;base&gt;/status</c>: a live (not retained) "online" after ours was sent proves the session.</summary>
        public void StatusSeen(bool online, bool retained)
        {
            if (online && !retained && Up && !StatusOwed)
            {
                Proven = true;
            }
        }

        /// <summary>True until the subscriptions of this session are made.</summary>
        public bool SubscriptionsOwed { get; private set; }

        /// <summary>True until "online" is published on the status topic for this session.</summary>
        public bool StatusOwed { get; set; }

        /// <summary>Random numbers seeded from the MAC (backoff jitter, Home Assistant reply delay).</summary>
        public Prng Random
        {
            get { return _random; }
        }

        /// <summary>True when MQTT is configured (a broker host is set).</summary>
        public bool Enabled
        {
            get
            {
                string host = _settings.Text(_hostDef, 0);
                return host != null && host.Length > 0;
            }
        }

        /// <summary>
        /// The topic filters subscribed after each connect. <c>&lt;base&gt;/+/+/+/set</c> covers
        /// <c>zone/&lt;n&gt;/&lt;name&gt;/set</c> and <c>&lt;base&gt;/+/+/set</c> covers <c>config/&lt;name&gt;/set</c>;
        /// together with <c>&lt;base&gt;/+/set</c> they also catch mistyped command topics of one to three levels so those
        /// get a refusal instead of silence. <c>&lt;base&gt;/status</c> brings the device's own "online" back, the proof that
        /// the broker lets it publish and read under its base (<see cref="Proven"/>). The filters never overlap, so no
        /// broker delivers a message twice.
        /// </summary>
        public string[] SubscriptionFilters()
        {
            return new string[]
            {
                BaseTopic + "/+/+/+/set",
                BaseTopic + "/+/+/set",
                BaseTopic + "/+/set",
                MqttTopics.HomeAssistantStatus,
                BaseTopic + "/status"
            };
        }

        /// <summary>Follows the link; returns true when the session just came up (everything is then owed again).</summary>
        public bool Poll(long nowMs)
        {
            bool up = _link.IsConnected;
            if (up && !Up)
            {
                Up = true;
                Proven = false;
                UpSerial = _attemptSerial;
                _connectedSinceMs = nowMs;
                _backoffSettled = false;
                SubscriptionsOwed = true;
                StatusOwed = true;
                _log.Info("mqtt", "connected", "base=" + BaseTopic);
                return true;
            }

            if (!up && Up)
            {
                Up = false;
                long delay = _backoff.NextDelayMs();
                _nextAttemptMs = nowMs + delay;
                _log.Warn("mqtt", "disconnected", "retry_ms=" + Num.Format(delay));
            }

            return false;
        }

        /// <summary>
        /// When host, port, credentials, TLS, prefix, device id or Wi-Fi changed: says offline on the old base, lets the
        /// link send what is queued (the ack of the change) for <see cref="LeaveGraceMs"/>, then disconnects, takes the
        /// new identity and reconnects at once. While down, the new identity is taken at once.
        /// </summary>
        public void FollowSettings(long nowMs)
        {
            if (Leaving)
            {
                if (!Up || nowMs >= _leaveAtMs)
                {
                    Leave(nowMs);
                }

                return;
            }

            if (_settings.Version == _fingerprintVersion)
            {
                return;
            }

            _fingerprintVersion = _settings.Version;
            string fingerprint = Fingerprint();
            if (fingerprint == _fingerprint)
            {
                return;
            }

            if (Up)
            {
                // A clean disconnect suppresses the last will, so say offline on the old base first; the link sends it
                // and the ack of this change before the session is closed.
                _link.Publish(BaseTopic + "/status", System.Text.Encoding.UTF8.GetBytes("offline"), true);
                Leaving = true;
                _leaveAtMs = nowMs + LeaveGraceMs;
                return;
            }

            TakeNewIdentity(nowMs);
        }

        /// <summary>Time the old session is kept after a change of the connection settings, for its last publishes, ms.</summary>
        public const long LeaveGraceMs = 1000;

        /// <summary>True between a change of the connection settings and closing the old session (its last publishes go out).</summary>
        public bool Leaving { get; private set; }

        private long _leaveAtMs;

        private void Leave(long nowMs)
        {
            Leaving = false;
            if (Up)
            {
                _link.Disconnect();
                Up = false;
            }

            // The settings as they are now (they may have changed again meanwhile).
            _fingerprintVersion = _settings.Version;
            TakeNewIdentity(nowMs);
        }

        private void TakeNewIdentity(long nowMs)
        {
            RefreshIdentity();
            IdentitySerial++;
            _backoff.Reset();
            _nextAttemptMs = nowMs;
            _log.Info("mqtt", "connection settings changed", "base=" + BaseTopic);
        }

        /// <summary>While down: starts a connection attempt when one is due. While up: resets the backoff once stable.</summary>
        public void Maintain(long nowMs)
        {
            if (!Up)
            {
                if (Enabled && nowMs >= _nextAttemptMs && !_link.IsConnected)
                {
                    long delay = _backoff.NextDelayMs();
                    _nextAttemptMs = nowMs + delay;
                    int serial = IdentitySerial;
                    if (_link.BeginConnect(BuildOptions()))
                    {
                        _attemptSerial = serial;
                        _log.Info("mqtt", "connecting", "host=" + _settings.Text(_hostDef, 0) + " port=" + Num.Format(_settings.Integer(_portDef, 0)) + " retry_ms=" + Num.Format(delay));
                    }
                }

                return;
            }

            if (UpSerial != IdentitySerial)
            {
                // A connect begun before the settings changed completed with the old ones: make it again with the new.
                _link.Disconnect();
                Up = false;
                _nextAttemptMs = nowMs;
                _log.Info("mqtt", "reconnecting with the new connection settings", "base=" + BaseTopic);
                return;
            }

            if (!_backoffSettled && nowMs - _connectedSinceMs >= ReconnectBackoff.StableMs)
            {
                _backoff.Reset();
                _backoffSettled = true;
            }
        }

        /// <summary>Makes the subscriptions owed; false when the link refused (tried again next tick).</summary>
        public bool Subscribe()
        {
            if (!SubscriptionsOwed)
            {
                return true;
            }

            if (!_link.Subscribe(SubscriptionFilters()))
            {
                return false;
            }

            SubscriptionsOwed = false;
            return true;
        }

        private void RefreshIdentity()
        {
            string id = _settings.Text(_deviceIdDef, 0);
            DeviceId = id == null || id.Length == 0 ? MqttTopics.DeviceIdFromMac(_mac) : id;
            string prefix = _settings.Text(_prefixDef, 0);
            BaseTopic = (prefix == null || prefix.Length == 0 ? "greenhouse" : prefix) + "/" + DeviceId;
            _fingerprint = Fingerprint();
        }

        private string Fingerprint()
        {
            // Held in memory only, never logged: it includes the password so a changed password reconnects.
            return _settings.Text(_hostDef, 0) + "\n" + Num.Format(_settings.Integer(_portDef, 0)) + "\n" + _settings.Text(_userDef, 0) + "\n"
                + _settings.Text(_passwordDef, 0) + "\n" + (_settings.Flag(_tlsDef, 0) ? "tls" : "plain") + "\n"
                + _settings.Text(_prefixDef, 0) + "\n" + _settings.Text(_deviceIdDef, 0) + "\n" + _settings.Text(_ssidDef, 0) + "\n"
                + _settings.Text(_wifiPasswordDef, 0);
        }

        private MqttConnectOptions BuildOptions()
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = _settings.Text(_hostDef, 0);
            options.Port = (int)_settings.Integer(_portDef, 0);
            options.ClientId = DeviceId;
            string user = _settings.Text(_userDef, 0);
            options.UserName = user == null || user.Length == 0 ? null : user;
            string password = _settings.Text(_passwordDef, 0);
            options.Password = password == null || password.Length == 0 ? null : password;
            options.UseTls = _settings.Flag(_tlsDef, 0);
            options.CaCertificatePem = null;
            byte[] pem;
            if (options.UseTls && _store != null && _store.TryRead(CaCertificateBlob, out pem) && pem != null && pem.Length > 0)
            {
                options.CaCertificatePem = System.Text.Encoding.UTF8.GetString(pem, 0, pem.Length);
            }

            options.WillTopic = BaseTopic + "/status";
            options.WillPayload = "offline";
            options.KeepAliveSeconds = KeepAliveSeconds;
            // Clean session: the broker keeps nothing for us while offline, so stale queued commands cannot arrive
            // after an outage; the applied values live on retained topics instead.
            options.CleanSession = true;
            return options;
        }
    }
}
