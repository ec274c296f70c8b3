using Greenhouse.Commands;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Status;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// The MQTT interface for growers (public topic contract: docs/mqtt.md), run inside the controller's tick: the
    /// session (<see cref="MqttSession"/>), commands on /set topics answered with one ack each
    /// (<see cref="CommandTopics"/>), and, paced over ticks at most <see cref="MaxPublishesPerTick"/> at a time,
    /// the status, the retained settings (<see cref="SettingsMirror"/>), the zones' actions and the state document
    /// (<see cref="StatePublisher"/>), Home Assistant discovery (<see cref="DiscoveryPublisher"/>) and alarm events
    /// (<see cref="AlarmPublisher"/>). It reads the controller's status and changes nothing but through the command
    /// port. It never waits for the network.
    /// </summary>
    public sealed class MqttInterface
    {
        /// <summary>Publishes handed to the link per tick at most (status, settings, discovery, state, alarms).</summary>
        public const int MaxPublishesPerTick = 16;

        /// <summary>Longest delay before discovery is re-sent after Home Assistant restarted, ms.</summary>
        public const int HomeAssistantReplyJitterMs = 3000;

        private readonly IControllerStatus _status;
        private readonly MqttSession _session;
        private readonly CommandTopics _commands;
        private readonly PublishBudget _budget;
        private readonly SettingsMirror _mirror;
        private readonly StatePublisher _state;
        private readonly DiscoveryPublisher _discovery;
        private readonly AlarmPublisher _alarms;
        private readonly WifiJoin _wifi;
        private readonly Logger _log;

        /// <param name="mac">The board's MAC address as text (any separators), for the default device id and jitter seed.</param>
        /// <param name="wifi">The Wi-Fi station to keep on the configured network, or null when the composition joins it.</param>
        public MqttInterface(IMqttLink link, IWifiLink wifi, IClock clock, ISettingsStore store, string mac, ICommandPort commands, IControllerStatus status, Logger log)
        {
            _status = status;
            _log = log;
            _session = new MqttSession(link, store, status.Settings, mac, clock == null ? 0 : clock.UptimeMilliseconds, log);
            _commands = new CommandTopics(link, commands, status, log);
            _budget = new PublishBudget(link);
            _mirror = new SettingsMirror(status);
            // Sized for the largest document: a zone's discovery with Chinese names (ui.language zh) is 1,262
            // characters with a short id, about 1,420 with a 32-character id and prefix. A writer that grew during the
            // connect-time burst would add its copies to that tick's garbage (Greenhouse.Footprint.Tests).
            JsonWriter documents = new JsonWriter(1536);
            _state = new StatePublisher(status, clock, documents);
            _discovery = new DiscoveryPublisher(documents, status.Settings);
            _alarms = new AlarmPublisher(status.Alarms);
            _wifi = wifi == null ? null : new WifiJoin(wifi, status.Settings, log);
        }

        /// <summary><c>&lt;prefix&gt;/&lt;device id&gt;</c> as currently configured.</summary>
        public string BaseTopic
        {
            get { return _session.BaseTopic; }
        }

        public string DeviceId
        {
            get { return _session.DeviceId; }
        }

        /// <summary>True while the session is up as far as the interface has seen.</summary>
        public bool SessionUp
        {
            get { return _session.Up; }
        }

        /// <summary>
        /// True while a session made with the current connection settings is up and proven: its own "online" came back
        /// through the broker (the connection trial's test: online on the broker, not muted by its ACL).
        /// </summary>
        public bool OnlineWithCurrentSettings
        {
            get { return _session.UpOnCurrentSettings && _session.Proven; }
        }

        /// <summary>True while a session made with the current connection settings is up (proven or not yet).</summary>
        public bool UpWithCurrentSettings
        {
            get { return _session.UpOnCurrentSettings; }
        }

        /// <summary>Number of the connection settings in use (one more for each change taken up).</summary>
        public int ConnectionSerial
        {
            get { return _session.IdentitySerial; }
        }

        /// <summary>False when a Wi-Fi station is fitted and not on its network (for saying what failed).</summary>
        public bool WifiJoined
        {
            get { return _wifi == null || _wifi.Joined; }
        }

        /// <summary>Alarm events waiting for the link.</summary>
        public int PendingAlarmEvents
        {
            get { return _alarms.Pending; }
        }

        /// <summary>The topic filters subscribed after each connect.</summary>
        public string[] SubscriptionFilters()
        {
            return _session.SubscriptionFilters();
        }

        /// <summary>The adapter reported the link going up or down (from the inbox).</summary>
        public void ConnectionChanged(long nowMs)
        {
            if (_session.Poll(nowMs))
            {
                Connected(nowMs);
            }
        }

        /// <summary>Handles one received message (from the inbox).</summary>
        public void Handle(string topic, byte[] payload, bool retained, long nowMs)
        {
            if (topic == null || topic.Length == 0)
            {
                return;
            }

            int zone;
            string name;
            string baseTopic = _session.BaseTopic;
            if (topic.EndsWith("/status") && topic != MqttTopics.HomeAssistantStatus)
            {
                // Our own status (the only status topic subscribed), or a late one of the base we just left.
                if (topic.Length == baseTopic.Length + 7 && topic.StartsWith(baseTopic))
                {
                    _session.StatusSeen(IsText(payload, "online"), retained);
                }

                return;
            }

            TopicKind kind = MqttTopics.Parse(baseTopic, topic, out zone, out name);
            switch (kind)
            {
                case TopicKind.HomeAssistantStatus:
                    if (!retained && IsText(payload, "online"))
                    {
                        // Home Assistant restarted: re-send discovery after a short random delay (HA's advice,
                        // spreads a fleet's answers). A retained "online" only repeats what the connect-time
                        // burst already covers.
                        _discovery.StartAt(nowMs + _session.Random.Next(HomeAssistantReplyJitterMs));
                        _state.Force();
                        _mirror.ForceResync();
                        _state.ForgetActions();
                    }

                    return;
                case TopicKind.Foreign:
                    _log.Warn("mqtt", "ignored foreign topic", "topic=" + Greenhouse.Settings.ControllerSettings.Sanitise(topic));
                    return;
                case TopicKind.NotACommand:
                    return;
            }

            _commands.Handle(baseTopic, kind, topic, zone, name, payload, retained);
        }

        /// <summary>Per-tick work: session upkeep and paced publishing. Allocates only when something changed.</summary>
        public void Tick(long nowMs)
        {
            if (_session.Poll(nowMs))
            {
                Connected(nowMs);
            }

            _alarms.Track();
            _session.FollowSettings(nowMs);
            if (_wifi != null && !_session.Leaving)
            {
                // After the old session had its grace for its last publishes (a Wi-Fi change ends it too).
                _wifi.Follow();
            }

            _session.Maintain(nowMs);
            if (!_session.Up)
            {
                return;
            }

            _budget.Reset(MaxPublishesPerTick);
            if (!_session.Subscribe())
            {
                return;
            }

            string baseTopic = _session.BaseTopic;
            if (_session.StatusOwed)
            {
                if (!_budget.Send(baseTopic + "/status", "online", true))
                {
                    return;
                }

                _session.StatusOwed = false;
            }

            if (!_mirror.Publish(baseTopic, _budget) || !_state.PublishActions(baseTopic, _budget)
                || !_discovery.Publish(nowMs, baseTopic, _session.DeviceId, _status.FirmwareVersion, _status.ZoneCount, _budget)
                || !_state.PublishState(nowMs, baseTopic, _budget))
            {
                return;
            }

            _alarms.Publish(baseTopic, _budget);
        }

        /// <summary>A new session: status, every setting, discovery and the state are owed again.</summary>
        private void Connected(long nowMs)
        {
            _state.Force();
            _discovery.StartAt(nowMs);
            _mirror.ForceResync();
            _state.ForgetActions();
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
    }
}
