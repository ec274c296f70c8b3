using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// The MQTT interface for growers (public topic contract: docs/mqtt.md). Runs inside the controller's tick:
    /// <see cref="Handle"/> applies received commands (from the inbox) and answers each <c>/set</c> with exactly one
    /// ack; <see cref="Tick"/> keeps the session (backoff with jitter), republishes status, applied settings,
    /// discovery and state, and delivers alarm events buffered while offline. It never waits for the network:
    /// every link call returns at once, and the connect-time burst is spread over ticks
    /// (<see cref="MaxPublishesPerTick"/>).
    /// </summary>
    public sealed class MqttInterface
    {
        /// <summary>Largest accepted payload on a /set topic, in bytes (the longest text setting is 64 characters).</summary>
        public const int MaxSetPayloadBytes = 64;
        /// <summary>Publishes handed to the link per tick at most (status, settings, discovery, state, alarms).</summary>
        public const int MaxPublishesPerTick = 16;
        /// <summary>Shortest gap between two state documents sent because something changed.</summary>
        public const long MinStateGapMs = 2000;
        /// <summary>Humidity move (percentage points) that counts as a significant change for the state document.</summary>
        public const double SignificantRhChange = 3.0;
        /// <summary>Keep-alive sent to the broker.</summary>
        public const int KeepAliveSeconds = 30;
        /// <summary>Name of the CA certificate blob in the settings store (PEM text).</summary>
        public const string CaCertificateBlob = "ca.pem";
        public const string Source = "mqtt";
        /// <summary>Longest topic echoed whole in an ack.</summary>
        public const int MaxEchoedTopicLength = 200;

        private readonly Controller _controller;
        private readonly IMqttLink _link;
        private readonly IClock _clock;
        private readonly ISettingsStore _store;
        private readonly Logger _log;
        private readonly ControllerSettings _settings;
        private readonly string _mac;
        private readonly Prng _random;
        private readonly ReconnectBackoff _backoff;
        private readonly AlarmOutbox _alarmOutbox = new AlarmOutbox();
        private readonly JsonWriter _json = new JsonWriter(1024);
        private readonly JsonWriter _small = new JsonWriter(160);

        private readonly int _deviceIdDef;
        private readonly int _prefixDef;
        private readonly int _hostDef;
        private readonly int _portDef;
        private readonly int _userDef;
        private readonly int _passwordDef;
        private readonly int _tlsDef;
        private readonly int _telemetryDef;
        private readonly int _modeDef;

        private string _base;
        private string _deviceId;
        private string _connectionFingerprint;
        private bool _sessionUp;
        private bool _subscribed;
        private bool _statusPending;
        private long _connectedSinceMs;
        private long _nextAttemptMs;
        private bool _backoffSettled;

        private readonly string[] _published;
        private int _syncedVersion = int.MinValue;
        private int _scanVersion;
        private int _scanCursor = -1;
        private readonly string[] _publishedPower = StringArray.New(ControllerSettings.MaxZones + 1);
        private readonly int[] _publishedAction = new int[ControllerSettings.MaxZones + 1];
        private string[] _actionTopics;

        private int _discoveryCursor = -1;
        private long _discoveryDueMs;

        private bool _stateForced;
        private long _lastStateMs;
        private readonly int[] _stateActivity = new int[ControllerSettings.MaxZones + 1];
        private int _stateSettingsVersion;
        private int _stateAlarmVersion;
        private double _stateRh = double.NaN;

        private int _alarmVersionSeen;
        private readonly bool[] _alarmActive;

        /// <param name="mac">The board's MAC address as text (any separators), for the default device id and jitter seed.</param>
        public MqttInterface(Controller controller, IMqttLink link, IClock clock, ISettingsStore store, string mac)
        {
            _controller = controller;
            _link = link;
            _clock = clock;
            _store = store;
            _log = controller.Log;
            _settings = controller.Settings;
            _mac = mac;
            _random = new Prng(Prng.SeedFrom(mac, clock == null ? 0 : clock.UptimeMilliseconds));
            _backoff = new ReconnectBackoff(_random);
            _deviceIdDef = _settings.Require(CoreSettings.DeviceId);
            _prefixDef = _settings.Require("mqtt.prefix");
            _hostDef = _settings.Require("mqtt.host");
            _portDef = _settings.Require("mqtt.port");
            _userDef = _settings.Require("mqtt.user");
            _passwordDef = _settings.Require("mqtt.password");
            _tlsDef = _settings.Require("mqtt.tls");
            _telemetryDef = _settings.Require("mqtt.telemetry_s");
            _modeDef = _settings.Require(CoreSettings.Mode);
            _published = StringArray.New(_settings.Definitions.Length * (ControllerSettings.MaxZones + 1));
            _alarmActive = new bool[controller.Alarms.SlotCount];
            RefreshIdentity();
        }

        /// <summary>The reconnect delay generator (seeded from the MAC and uptime).</summary>
        public ReconnectBackoff Backoff
        {
            get { return _backoff; }
        }

        /// <summary><c>&lt;prefix&gt;/&lt;device id&gt;</c> as currently configured.</summary>
        public string BaseTopic
        {
            get { return _base; }
        }

        public string DeviceId
        {
            get { return _deviceId; }
        }

        /// <summary>True while the session is up as far as the interface has seen.</summary>
        public bool SessionUp
        {
            get { return _sessionUp; }
        }

        /// <summary>Alarm events waiting for the link.</summary>
        public int PendingAlarmEvents
        {
            get { return _alarmOutbox.Count; }
        }

        /// <summary>Uptime at which the next connection attempt is due.</summary>
        public long NextAttemptMs
        {
            get { return _nextAttemptMs; }
        }

        /// <summary>
        /// The topic filters subscribed after each connect. <c>&lt;base&gt;/+/+/+/set</c> covers
        /// <c>zone/&lt;n&gt;/&lt;name&gt;/set</c> and <c>&lt;base&gt;/+/+/set</c> covers <c>config/&lt;name&gt;/set</c>;
        /// together with <c>&lt;base&gt;/+/set</c> they also catch mistyped command topics of one to three levels so those
        /// get a refusal instead of silence. The filters never overlap, so no broker delivers a command twice.
        /// </summary>
        public string[] SubscriptionFilters()
        {
            return new string[]
            {
                _base + "/+/+/+/set",
                _base + "/+/+/set",
                _base + "/+/set",
                MqttTopics.HomeAssistantStatus
            };
        }

        /// <summary>Handles one inbox message of kind Mqtt or MqttConnection (called from the tick's inbox drain).</summary>
        public void Handle(InboxMessage message, long nowMs)
        {
            if (message.Kind == InboxKind.MqttConnection)
            {
                PollLink(nowMs);
                return;
            }

            if (message.Topic == null || message.Topic.Length == 0)
            {
                return;
            }

            int zone;
            string name;
            TopicKind kind = MqttTopics.Parse(_base, message.Topic, out zone, out name);
            switch (kind)
            {
                case TopicKind.HomeAssistantStatus:
                    if (!message.Retained && IsText(message.Payload, "online"))
                    {
                        // Home Assistant restarted: re-send discovery after a short random delay (HA's advice,
                        // spreads a fleet's answers). A retained "online" only repeats what the connect-time
                        // burst already covers.
                        _discoveryCursor = 0;
                        _discoveryDueMs = nowMs + _random.Next(3000);
                        _stateForced = true;
                        ForceSettingsResync();
                    }

                    return;
                case TopicKind.Foreign:
                    _log.Warn("mqtt", "ignored foreign topic", "topic=" + ControllerSettings.Sanitise(message.Topic));
                    return;
                case TopicKind.NotACommand:
                    return;
            }

            string topic = message.Topic;
            string value;
            string error;
            if (message.Retained)
            {
                Ack(topic, false, null, "retained command refused: stale retained /set messages are never applied; publish without retain and clear the retained message (mosquitto_pub -r -n -t TOPIC)");
                return;
            }

            if (!TryDecode(message.Payload, out value, out error))
            {
                Ack(topic, false, null, error);
                return;
            }

            if (kind == TopicKind.Unknown)
            {
                Ack(topic, false, null, "unknown topic: use " + _base + "/zone/<n>/<setting>/set or " + _base + "/config/<setting>/set");
                return;
            }

            if (kind == TopicKind.ZoneSet)
            {
                HandleZone(topic, zone, name, value);
            }
            else
            {
                HandleConfig(topic, name, value);
            }
        }

        private void HandleZone(string topic, int zone, string name, string value)
        {
            string error;
            int zones = _controller.ZoneCount;
            if (zone < 1 || zone > zones)
            {
                Ack(topic, false, null, "zone must be 1.." + zones.ToString() + " (setting zones)");
                return;
            }

            if (name == "mist")
            {
                long seconds;
                if (!Num.TryParseInt(value, out seconds) || seconds < 1 || seconds > HardLimits.MaxManualMistSeconds)
                {
                    Ack(topic, false, null, "mist must be 1.." + HardLimits.MaxManualMistSeconds.ToString() + " s");
                    return;
                }

                if (_controller.RequestMist(zone, (int)seconds, Source, out error))
                {
                    Ack(topic, true, Num.Format(seconds), null);
                }
                else
                {
                    Ack(topic, false, null, error);
                }

                return;
            }

            string key = "zone" + zone.ToString() + ".";
            if (name == "power")
            {
                string word = value.Trim().ToUpper();
                if (word != "ON" && word != "OFF")
                {
                    Ack(topic, false, null, "power must be ON or OFF");
                    return;
                }

                if (_controller.ApplySetting(key + CoreSettings.Mode, word == "ON" ? "auto" : "off", Source, out error))
                {
                    Ack(topic, true, word, null);
                }
                else
                {
                    Ack(topic, false, null, error);
                }

                return;
            }

            int definition = _settings.IndexOf(name);
            if (definition < 0)
            {
                Ack(topic, false, null, "unknown setting " + ControllerSettings.Sanitise(name));
                return;
            }

            if (!_settings.Definitions[definition].PerZone)
            {
                Ack(topic, false, null, name + " is a device setting: use " + _base + "/config/" + name + "/set");
                return;
            }

            Apply(topic, key + name, definition, zone, value);
        }

        private void HandleConfig(string topic, string name, string value)
        {
            int definition = _settings.IndexOf(name);
            if (definition < 0)
            {
                Ack(topic, false, null, "unknown setting " + ControllerSettings.Sanitise(name));
                return;
            }

            if (_settings.Definitions[definition].PerZone)
            {
                Ack(topic, false, null, name + " is a zone setting: use " + _base + "/zone/<n>/" + name + "/set");
                return;
            }

            Apply(topic, name, definition, 0, value);
        }

        private void Apply(string topic, string key, int definition, int zone, string value)
        {
            string error;
            if (_controller.ApplySetting(key, value, Source, out error))
            {
                // DisplayText masks secrets, so a password is acknowledged as "***".
                Ack(topic, true, _settings.DisplayText(definition, zone), null);
            }
            else
            {
                Ack(topic, false, null, error);
            }
        }

        /// <summary>Per-tick work: session upkeep and paced publishing. Allocates only when something changed.</summary>
        public void Tick(long nowMs)
        {
            PollLink(nowMs);
            TrackAlarms(nowMs);
            CheckConnectionSettings(nowMs);
            bool enabled = Enabled;
            if (!_sessionUp)
            {
                if (enabled && nowMs >= _nextAttemptMs && !_link.IsConnected)
                {
                    long delay = _backoff.NextDelayMs();
                    _nextAttemptMs = nowMs + delay;
                    if (_link.BeginConnect(BuildOptions()))
                    {
                        _log.Info("mqtt", "connecting", "host=" + _settings.Text(_hostDef, 0) + " port=" + Num.Format(_settings.Integer(_portDef, 0)) + " retry_ms=" + Num.Format(delay));
                    }
                }

                return;
            }

            if (!_backoffSettled && nowMs - _connectedSinceMs >= ReconnectBackoff.StableMs)
            {
                _backoff.Reset();
                _backoffSettled = true;
            }

            int budget = MaxPublishesPerTick;
            if (!_subscribed)
            {
                if (!_link.Subscribe(SubscriptionFilters()))
                {
                    return;
                }

                _subscribed = true;
            }

            if (_statusPending)
            {
                if (!Send(_base + "/status", "online", true, ref budget))
                {
                    return;
                }

                _statusPending = false;
            }

            if (!PublishSettings(ref budget))
            {
                return;
            }

            if (!PublishActions(ref budget))
            {
                return;
            }

            if (!PublishDiscovery(nowMs, ref budget))
            {
                return;
            }

            if (!PublishState(nowMs, ref budget))
            {
                return;
            }

            PublishAlarms(ref budget);
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

        private void PollLink(long nowMs)
        {
            bool up = _link.IsConnected;
            if (up && !_sessionUp)
            {
                _sessionUp = true;
                _connectedSinceMs = nowMs;
                _backoffSettled = false;
                _subscribed = false;
                _statusPending = true;
                _stateForced = true;
                _discoveryCursor = 0;
                _discoveryDueMs = nowMs;
                ForceSettingsResync();
                _log.Info("mqtt", "connected", "base=" + _base);
            }
            else if (!up && _sessionUp)
            {
                _sessionUp = false;
                long delay = _backoff.NextDelayMs();
                _nextAttemptMs = nowMs + delay;
                _log.Warn("mqtt", "disconnected", "retry_ms=" + Num.Format(delay));
            }
        }

        private void ForceSettingsResync()
        {
            for (int i = 0; i < _published.Length; i++)
            {
                _published[i] = null;
            }

            for (int i = 0; i < _publishedPower.Length; i++)
            {
                _publishedPower[i] = null;
                _publishedAction[i] = -1;
            }

            _syncedVersion = int.MinValue;
            _scanCursor = -1;
        }

        private void RefreshIdentity()
        {
            string id = _settings.Text(_deviceIdDef, 0);
            _deviceId = id == null || id.Length == 0 ? MqttTopics.DeviceIdFromMac(_mac) : id;
            string prefix = _settings.Text(_prefixDef, 0);
            _base = (prefix == null || prefix.Length == 0 ? "greenhouse" : prefix) + "/" + _deviceId;
            _actionTopics = StringArray.New(ControllerSettings.MaxZones + 1);
            for (int z = 1; z <= ControllerSettings.MaxZones; z++)
            {
                _actionTopics[z] = _base + "/zone/" + z.ToString() + "/action";
            }

            _connectionFingerprint = Fingerprint();
        }

        private string Fingerprint()
        {
            // Held in memory only, never logged: it includes the password so a changed password reconnects.
            return _settings.Text(_hostDef, 0) + "\n" + Num.Format(_settings.Integer(_portDef, 0)) + "\n" + _settings.Text(_userDef, 0) + "\n"
                + _settings.Text(_passwordDef, 0) + "\n" + (_settings.Flag(_tlsDef, 0) ? "tls" : "plain") + "\n"
                + _settings.Text(_prefixDef, 0) + "\n" + _settings.Text(_deviceIdDef, 0);
        }

        private int _fingerprintVersion = int.MinValue;

        private void CheckConnectionSettings(long nowMs)
        {
            if (_settings.Version == _fingerprintVersion)
            {
                return;
            }

            _fingerprintVersion = _settings.Version;
            string fingerprint = Fingerprint();
            if (fingerprint == _connectionFingerprint)
            {
                return;
            }

            string oldBase = _base;
            if (_sessionUp)
            {
                // A clean disconnect suppresses the last will, so say offline on the old base first.
                _link.Publish(oldBase + "/status", Utf8("offline"), true);
                _link.Disconnect();
                _sessionUp = false;
            }

            RefreshIdentity();
            _backoff.Reset();
            _nextAttemptMs = nowMs;
            _log.Info("mqtt", "connection settings changed", "base=" + _base);
        }

        private MqttConnectOptions BuildOptions()
        {
            MqttConnectOptions options = new MqttConnectOptions();
            options.Host = _settings.Text(_hostDef, 0);
            options.Port = (int)_settings.Integer(_portDef, 0);
            options.ClientId = _deviceId;
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

            options.WillTopic = _base + "/status";
            options.WillPayload = "offline";
            options.KeepAliveSeconds = KeepAliveSeconds;
            // Clean session: the broker keeps nothing for us while offline, so stale queued commands cannot arrive
            // after an outage; the applied values live on retained topics instead.
            options.CleanSession = true;
            return options;
        }

        private bool PublishSettings(ref int budget)
        {
            if (_scanCursor < 0)
            {
                if (_settings.Version == _syncedVersion)
                {
                    return true;
                }

                _scanVersion = _settings.Version;
                _scanCursor = 0;
            }

            SettingDefinition[] defs = _settings.Definitions;
            int slots = defs.Length * (ControllerSettings.MaxZones + 1);
            int zones = _controller.ZoneCount;
            while (_scanCursor < slots)
            {
                int definition = _scanCursor / (ControllerSettings.MaxZones + 1);
                int zone = _scanCursor % (ControllerSettings.MaxZones + 1);
                SettingDefinition def = defs[definition];
                bool used = def.PerZone ? zone >= 1 && zone <= zones : zone == 0;
                if (used && def.Kind != SettingKind.Secret)
                {
                    string text = _settings.DisplayText(definition, zone);
                    if (text != _published[_scanCursor])
                    {
                        string topic = def.PerZone
                            ? _base + "/zone/" + zone.ToString() + "/" + def.Name
                            : _base + "/config/" + def.Name;
                        if (!Send(topic, text, true, ref budget))
                        {
                            return false;
                        }

                        _published[_scanCursor] = text;
                    }

                    if (definition == _modeDef)
                    {
                        string power = _settings.ChoiceIndex(_modeDef, zone) == CoreSettings.ModeOff ? "OFF" : "ON";
                        if (power != _publishedPower[zone])
                        {
                            if (!Send(_base + "/zone/" + zone.ToString() + "/power", power, true, ref budget))
                            {
                                return false;
                            }

                            _publishedPower[zone] = power;
                        }
                    }
                }

                _scanCursor++;
            }

            _syncedVersion = _scanVersion;
            _scanCursor = -1;
            return true;
        }

        private bool PublishActions(ref int budget)
        {
            MistZone[] zones = _controller.Zones;
            int count = _controller.ZoneCount;
            for (int i = 0; i < count && i < zones.Length; i++)
            {
                int activity = (int)zones[i].Activity;
                string action = StateDocument.ActionName(zones[i].Activity);
                int z = i + 1;
                if (_publishedAction[z] >= 0 && StateDocument.ActionName((ZoneActivity)_publishedAction[z]) == action)
                {
                    continue;
                }

                if (!Send(_actionTopics[z], action, true, ref budget))
                {
                    return false;
                }

                _publishedAction[z] = activity;
            }

            return true;
        }

        private bool PublishDiscovery(long nowMs, ref int budget)
        {
            if (_discoveryCursor < 0 || nowMs < _discoveryDueMs)
            {
                return true;
            }

            while (_discoveryCursor < Discovery.Count)
            {
                if (budget <= 0)
                {
                    return false;
                }

                string topic;
                string payload;
                Discovery.Build(_discoveryCursor, _json, _base, _deviceId, _controller.FirmwareVersion, _controller.ZoneCount, out topic, out payload);
                if (!Send(topic, payload, true, ref budget))
                {
                    return false;
                }

                _discoveryCursor++;
            }

            _discoveryCursor = -1;
            return true;
        }

        private bool PublishState(long nowMs, ref int budget)
        {
            long period = _settings.Integer(_telemetryDef, 0) * 1000;
            bool due = _stateForced || nowMs - _lastStateMs >= period;
            if (!due && nowMs - _lastStateMs >= MinStateGapMs)
            {
                due = SignificantChange();
            }

            if (!due)
            {
                return true;
            }

            StateDocument.Write(_json, _controller, _clock, nowMs);
            if (!Send(_base + "/state", _json.ToString(), true, ref budget))
            {
                return false;
            }

            _stateForced = false;
            _lastStateMs = nowMs;
            RememberStateSnapshot();
            return true;
        }

        private bool SignificantChange()
        {
            if (_settings.Version != _stateSettingsVersion || _controller.Alarms.Version != _stateAlarmVersion)
            {
                return true;
            }

            MistZone[] zones = _controller.Zones;
            for (int i = 0; i < zones.Length; i++)
            {
                if ((int)zones[i].Activity != _stateActivity[i])
                {
                    return true;
                }
            }

            double rh = StateDocument.ControlHumidity(_controller);
            if (double.IsNaN(rh) || double.IsNaN(_stateRh))
            {
                // Decided here, not by comparing a NaN difference: nanoFramework makes >= with NaN true.
                return double.IsNaN(rh) != double.IsNaN(_stateRh);
            }

            double move = rh - _stateRh;
            return move >= SignificantRhChange || move <= -SignificantRhChange;
        }

        private void RememberStateSnapshot()
        {
            _stateSettingsVersion = _settings.Version;
            _stateAlarmVersion = _controller.Alarms.Version;
            MistZone[] zones = _controller.Zones;
            for (int i = 0; i < zones.Length; i++)
            {
                _stateActivity[i] = (int)zones[i].Activity;
            }

            _stateRh = StateDocument.ControlHumidity(_controller);
        }

        private void TrackAlarms(long nowMs)
        {
            AlarmSet alarms = _controller.Alarms;
            if (alarms.Version == _alarmVersionSeen)
            {
                return;
            }

            _alarmVersionSeen = alarms.Version;
            for (int slot = 0; slot < alarms.SlotCount; slot++)
            {
                string code;
                int zone;
                string detail;
                long since;
                bool active = alarms.TryGet(slot, out code, out zone, out detail, out since);
                if (active == _alarmActive[slot])
                {
                    continue;
                }

                _alarmActive[slot] = active;
                _small.Clear();
                _small.BeginObject();
                _small.Member("code", code);
                _small.MemberInt("zone", zone);
                _small.MemberBool("active", active);
                _small.Member("detail", active ? detail : null);
                _small.MemberInt("uptime_s", nowMs / 1000);
                _small.EndObject();
                _alarmOutbox.Add(_small.ToString());
            }
        }

        private void PublishAlarms(ref int budget)
        {
            string next;
            while ((next = _alarmOutbox.Peek()) != null)
            {
                int dropped = _alarmOutbox.Dropped;
                string payload = next;
                if (dropped > 0)
                {
                    // Tell the reader that older events were lost while the link was down.
                    payload = next.Substring(0, next.Length - 1) + ",\"dropped_before\":" + Num.Format(dropped) + "}";
                }

                if (!Send(_base + "/alarm", payload, false, ref budget))
                {
                    return;
                }

                if (dropped > 0)
                {
                    _alarmOutbox.TakeDropped();
                }

                _alarmOutbox.Remove();
            }
        }

        private bool Send(string topic, string payload, bool retain, ref int budget)
        {
            if (budget <= 0)
            {
                return false;
            }

            budget--;
            return _link.Publish(topic, Utf8(payload), retain);
        }

        private void Ack(string topic, bool ok, string value, string error)
        {
            _small.Clear();
            _small.BeginObject();
            // Real command topics are short; a huge junk topic is echoed cut short rather than copied whole.
            _small.Member("topic", topic.Length > MaxEchoedTopicLength ? Shorten(topic) : topic);
            _small.MemberBool("ok", ok);
            if (ok)
            {
                _small.Member("value", value);
            }
            else
            {
                _small.Member("error", error);
                _log.Warn("mqtt", "refused", "topic=" + ControllerSettings.Sanitise(topic) + " reason=\"" + error + "\"");
            }

            _small.EndObject();
            if (!_link.Publish(_base + "/ack", Utf8(_small.ToString()), false))
            {
                _log.Warn("mqtt", "ack not sent", "topic=" + ControllerSettings.Sanitise(topic));
            }
        }

        private static byte[] Utf8(string text)
        {
            return System.Text.Encoding.UTF8.GetBytes(text);
        }

        private static bool IsText(byte[] payload, string expected)
        {
            if (payload == null || payload.Length != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < payload.Length; i++)
            {
                if (payload[i] != (byte)expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Payload rules for /set topics: at most <see cref="MaxSetPayloadBytes"/> bytes, printable ASCII only
        /// (every setting value is printable ASCII), one trailing line break tolerated (mosquitto_pub -f / -l).
        /// </summary>
        public static bool TryDecode(byte[] payload, out string text, out string error)
        {
            text = null;
            error = null;
            int length = payload == null ? 0 : payload.Length;
            if (length > MaxSetPayloadBytes)
            {
                error = "payload too long: at most " + MaxSetPayloadBytes.ToString() + " bytes";
                return false;
            }

            while (length > 0 && (payload[length - 1] == (byte)'\n' || payload[length - 1] == (byte)'\r'))
            {
                length--;
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = payload[i];
                if (b < 0x20 || b > 0x7e)
                {
                    error = "payload must be printable text (ASCII, no control characters or binary data)";
                    return false;
                }

                chars[i] = (char)b;
            }

            text = new string(chars);
            return true;
        }

        /// <summary>Cuts a long topic for the ack without splitting a surrogate pair.</summary>
        private static string Shorten(string topic)
        {
            int length = MaxEchoedTopicLength;
            if (topic[length - 1] >= (char)0xD800 && topic[length - 1] <= (char)0xDBFF)
            {
                length--;
            }

            return topic.Substring(0, length) + "...";
        }
    }
}
