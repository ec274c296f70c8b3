using Greenhouse.Commands;
using Greenhouse.Diagnostics;
using Greenhouse.Messaging;
using Greenhouse.Persistence;
using Greenhouse.Ports;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.App
{
    /// <summary>
    /// Connection changes on trial (issue: no remote command may cut a house off). The connection settings (broker,
    /// login, TLS, prefix, device id, Wi-Fi: <see cref="SettingRisk.Connection"/>) of the last MQTT session that came up
    /// are the working ones, kept in the store (<see cref="BlobName"/>) so a restart in the middle of a trial still
    /// knows them. A change from MQTT or the console starts (or extends) a trial: the new values are applied, and
    /// unless a session made with them comes up within net.trial_min, the working values are applied again (source
    /// "trial"), the event says what failed, and the controller reconnects where it worked. A session made with them
    /// that is proven (its own "online" came back through the broker: see MqttSession.Proven) makes the new values the
    /// working ones. A trial survives a restart: values stored in the settings file that
    /// differ from the working ones are put on trial again at start.
    /// </summary>
    public sealed class ConnectionTrial
    {
        /// <summary>Store blob of the working connection settings (secrets in clear, like the settings file).</summary>
        public const string BlobName = "net-good.txt";

        private readonly ControllerSettings _settings;
        private readonly ISettingsStore _store;
        private readonly AlarmSet _alarms;
        private readonly Logger _log;
        private readonly int[] _defs;
        private readonly string[] _good;
        private readonly int _trialDef;
        private ICommandPort _commands;
        private MqttInterface _mqtt;
        private bool _hasGood;
        private string _written;
        private bool _running;
        private long _deadlineMs;
        private int _startSerial;
        private string _keys = "";
        private long _nowMs;
        private int _seenVersion = int.MinValue;
        private int _seenSerial = int.MinValue;
        private bool _seenOnline;

        public ConnectionTrial(ControllerSettings settings, ISettingsStore store, AlarmSet alarms, Logger log)
        {
            _settings = settings;
            _store = store;
            _alarms = alarms;
            _log = log;
            _trialDef = settings.Require(CoreSettings.TrialMinutes);
            SettingDefinition[] all = settings.Definitions;
            int count = 0;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].Risk == SettingRisk.Connection)
                {
                    count++;
                }
            }

            _defs = new int[count];
            _good = StringArray.New(count);
            int at = 0;
            for (int i = 0; i < all.Length; i++)
            {
                if (all[i].Risk == SettingRisk.Connection)
                {
                    _good[at] = "";
                    _defs[at++] = i;
                }
            }
        }

        /// <summary>The session to judge by and the port the revert goes through (null session: no network, no trials).</summary>
        public void Attach(MqttInterface mqtt, ICommandPort commands)
        {
            _mqtt = mqtt;
            _commands = commands;
        }

        public bool Running
        {
            get { return _running; }
        }

        public string Keys
        {
            get { return _running ? _keys : ""; }
        }

        public bool HasWorkingConnection
        {
            get { return _hasGood; }
        }

        public long RemainingMs
        {
            get { return _running && _deadlineMs > _nowMs ? _deadlineMs - _nowMs : 0; }
        }

        /// <summary>The trial length from net.trial_min, within the hard limits.</summary>
        public long TrialMs
        {
            get
            {
                double minutes = _settings.Number(_trialDef, 0);
                // NaN explicitly: nanoFramework orders NaN above every number, so no comparison may be trusted with it.
                if (double.IsNaN(minutes) || minutes < HardLimits.MinConnectionTrialMinutes)
                {
                    minutes = HardLimits.MinConnectionTrialMinutes;
                }

                if (minutes > HardLimits.MaxConnectionTrialMinutes)
                {
                    minutes = HardLimits.MaxConnectionTrialMinutes;
                }

                return (long)(minutes * 60000);
            }
        }

        /// <summary>
        /// At start, after the stored settings were applied: reads the working connection and puts stored values that
        /// differ from it on trial again (a restart came in the middle of a trial).
        /// </summary>
        public void Load(long nowMs)
        {
            _nowMs = nowMs;
            byte[] bytes;
            SettingsDocument doc;
            string error;
            if (_store == null || !_store.TryRead(BlobName, out bytes) || bytes == null || !SettingsFile.TryParse(bytes, true, out doc, out error))
            {
                return;
            }

            for (int i = 0; i < _defs.Length; i++)
            {
                string value = doc.Find(_settings.Definitions[_defs[i]].Name);
                _good[i] = value == null ? _settings.Definitions[_defs[i]].DefaultText : value;
            }

            _hasGood = true;
            _written = Serialise();
            string differing = Differing();
            if (_mqtt != null && differing.Length > 0)
            {
                _keys = differing;
                Begin(nowMs);
                // No session of this run was made with older values: any session with the current ones proves them.
                _startSerial = int.MinValue;
                _log.Warn("net", "trial resumed", "keys=" + Logger.Quote(_keys) + " left_s=" + Num.Format(TrialMs / 1000));
            }
        }

        /// <summary>
        /// Before a connection change from MQTT or the console: when no working connection is known yet but the session
        /// up now was made with the current values and is proven, those are the working ones.
        /// </summary>
        public void BeforeChange(string source)
        {
            // A command that came over MQTT proves the session as well as the status echo does.
            if (!_hasGood && !_running && _mqtt != null
                && (_mqtt.OnlineWithCurrentSettings || (source == CommandSources.Mqtt && _mqtt.UpWithCurrentSettings)))
            {
                Record();
            }
        }

        /// <summary>After a connection change from MQTT or the console was applied: starts or extends the trial; the note for the user.</summary>
        public string Changed(string name, long nowMs)
        {
            _nowMs = nowMs;
            if (_mqtt == null)
            {
                return null;
            }

            if (!_hasGood)
            {
                return "applied without a trial: no connection has worked yet to go back to";
            }

            if (Differing().Length == 0)
            {
                End("back to the working connection");
                return "back to the working connection: no trial";
            }

            if (!_running)
            {
                _keys = "";
            }

            if (!Contains(_keys, name))
            {
                _keys = _keys.Length == 0 ? name : _keys + ", " + name;
            }

            Begin(nowMs);
            return "on trial: kept once the controller is online on the broker with it within " + Minutes() + " min, otherwise the last working connection returns";
        }

        /// <summary>Call every tick after the MQTT upkeep: a session made with the trial's values ends it well, the deadline badly.</summary>
        public void Tick(long nowMs)
        {
            _nowMs = nowMs;
            if (_mqtt == null)
            {
                return;
            }

            bool online = _mqtt.OnlineWithCurrentSettings;
            int serial = _mqtt.ConnectionSerial;
            if (online && (_settings.Version != _seenVersion || serial != _seenSerial || !_seenOnline))
            {
                // Something changed since the last look: compare (this allocates, so not in every quiet tick). Called
                // after the MQTT upkeep took up any change, so "online" means a session made with the current values.
                _seenVersion = _settings.Version;
                _seenSerial = serial;
                if (_running && serial > _startSerial)
                {
                    Pass(nowMs);
                }
                else if (!_running && (!_hasGood || Differing().Length > 0))
                {
                    Record();
                }
            }

            _seenOnline = online;
            if (_running && nowMs >= _deadlineMs)
            {
                string what = !_mqtt.WifiJoined ? "Wi-Fi not joined" : "no broker session";
                Fail(what + " within " + Minutes() + " min with the new " + _keys, nowMs);
            }
        }

        /// <summary>The technician skips the trial: the values on trial become the working ones now.</summary>
        public CommandResult Keep(string source, long nowMs)
        {
            if (!_running)
            {
                return CommandResult.Refused("no connection change is on trial");
            }

            string keys = _keys;
            _running = false;
            Record();
            _alarms.Notice(AlarmCodes.ConnectionTrialPassed, 0, "kept by " + source + " without trial: " + keys, false, nowMs);
            return CommandResult.Applied("kept", "the values on trial are now the working connection (" + keys + ")");
        }

        /// <summary>The technician ends the trial now by going back to the last working connection.</summary>
        public CommandResult Revert(string source, long nowMs)
        {
            if (!_running)
            {
                return CommandResult.Refused("no connection change is on trial");
            }

            Fail("reverted by " + source + ": " + _keys, nowMs);
            return CommandResult.Applied("reverted", "back to the last working connection");
        }

        /// <summary>Forgets the working connection (factory reset erases its blob with the settings).</summary>
        public void Forget()
        {
            _running = false;
            _hasGood = false;
            _written = null;
        }

        private void Begin(long nowMs)
        {
            if (!_running)
            {
                _startSerial = _mqtt.ConnectionSerial;
            }

            _running = true;
            _deadlineMs = nowMs + TrialMs;
        }

        private void Pass(long nowMs)
        {
            string keys = _keys;
            _running = false;
            Record();
            _alarms.Notice(AlarmCodes.ConnectionTrialPassed, 0, "online with the new " + keys, false, nowMs);
        }

        private void Fail(string what, long nowMs)
        {
            _running = false;
            // Two passes, so that cross-setting rules do not depend on the order (as when the settings file loads).
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < _defs.Length; i++)
                {
                    if (_settings.CanonicalText(_defs[i], 0) != _good[i])
                    {
                        _commands.ApplySetting(_settings.Definitions[_defs[i]].Name, _good[i], CommandSources.Trial);
                    }
                }
            }

            _alarms.Notice(AlarmCodes.ConnectionTrialFailed, 0, what + "; the last working connection is back", true, nowMs);
        }

        private void End(string why)
        {
            if (_running)
            {
                _running = false;
                _log.Info("net", "trial ended", "reason=" + Logger.Quote(why));
            }
        }

        /// <summary>Takes the current connection values as the working ones and stores them when they changed.</summary>
        private void Record()
        {
            for (int i = 0; i < _defs.Length; i++)
            {
                _good[i] = _settings.CanonicalText(_defs[i], 0);
            }

            _hasGood = true;
            string text = Serialise();
            if (text == _written || _store == null)
            {
                return;
            }

            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
            if (_store.Write(BlobName, bytes))
            {
                _written = text;
                _log.Info("net", "working connection saved");
            }
            else
            {
                _log.Error("net", "working connection not saved", "blob=" + BlobName);
            }
        }

        private string Serialise()
        {
            string body = "# The last connection settings that reached the broker (the connection trial goes back to them).\n"
                + SettingsFile.VersionKey + "=" + SettingsFile.CurrentVersion.ToString() + "\n";
            for (int i = 0; i < _defs.Length; i++)
            {
                body = body + _settings.Definitions[_defs[i]].Name + "=" + _good[i] + "\n";
            }

            return body + SettingsFile.ChecksumLine(body);
        }

        /// <summary>Names of the connection settings whose values differ from the working ones ("" when none).</summary>
        private string Differing()
        {
            string keys = "";
            for (int i = 0; i < _defs.Length; i++)
            {
                if (_settings.CanonicalText(_defs[i], 0) != _good[i])
                {
                    string name = _settings.Definitions[_defs[i]].Name;
                    keys = keys.Length == 0 ? name : keys + ", " + name;
                }
            }

            return keys;
        }

        private string Minutes()
        {
            return Num.FormatShort(TrialMs / 60000.0, 1);
        }

        private static bool Contains(string list, string name)
        {
            int at = list.IndexOf(name);
            while (at >= 0)
            {
                int end = at + name.Length;
                if ((at == 0 || list[at - 1] == ' ') && (end == list.Length || list[end] == ','))
                {
                    return true;
                }

                at = end < list.Length ? list.IndexOf(name, end) : -1;
            }

            return false;
        }
    }
}
