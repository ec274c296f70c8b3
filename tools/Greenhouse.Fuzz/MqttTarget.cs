using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Settings;
using Greenhouse.TestSupport;

namespace Greenhouse.Fuzz
{
    /// <summary>
    /// MQTT target: random and structured messages posted through <c>Inbox.PostMqtt</c> into a real controller with
    /// fake ports, one batch of at most <see cref="Inbox.Capacity"/> (sometimes a flood above it) per tick.
    /// Oracles per tick: no exception; exactly one ack per /set topic under the own base (of the messages the inbox
    /// kept); each ack is JSON with the topic, ok and value/error; a retained or undecodable command is refused;
    /// an ok value is valid for its setting; nothing changes that no ok ack names (or the connection trial's revert);
    /// no hardware setting is accepted or changed; a connection change's ack says it is on trial; no trial outlives its
    /// time; every setting valid, rules and hard limits hold; no secret in any publish or log line; published topics are valid MQTT topic names;
    /// no valve open longer than the hard limit; the inbox never holds more than its capacity.
    /// </summary>
    public sealed class MqttTarget : ITarget
    {
        public const string Name = "mqtt";
        private readonly Random _random;
        private readonly ValueGenerator _values;
        private readonly MqttGenerator _generator;
        private readonly SettingsCheck _check = new SettingsCheck();
        private readonly FuzzRig _rig;
        private readonly List<Step> _batch = new List<Step>(128);
        private readonly FailureLog _failures;
        private string[] _before;
        private string[] _after;
        private readonly bool[] _explained;
        private readonly int _stageDef;
        private readonly int _targetDef;
        private readonly int _stageAutoDef;
        private readonly int _modeDef;
        private long _ticks;
        private string _tickBase;
        private long _caseIndex;
        private readonly HashSet<string> _knownSecrets = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<int> _connectionNoted = new HashSet<int>();
        private readonly HashSet<int> _reverted = new HashSet<int>();

        public MqttTarget(int seed, FailureLog failures)
        {
            _random = new Random(seed);
            _values = new ValueGenerator(_random);
            _generator = new MqttGenerator(_random, _values);
            _failures = failures;
            _rig = new FuzzRig(null);
            ISettingsView settings = _rig.Controller.Status.Settings;
            _explained = new bool[settings.Definitions.Length * (ControllerSettings.MaxZones + 1)];
            _stageDef = settings.IndexOf(CoreSettings.Stage);
            _targetDef = settings.IndexOf(CoreSettings.TargetRh);
            _stageAutoDef = settings.IndexOf(ControlSettings.StageAuto);
            _modeDef = settings.IndexOf(CoreSettings.Mode);
            Setup(_rig.Controller);
        }

        public string TargetName
        {
            get { return Name; }
        }

        public FuzzRig Rig
        {
            get { return _rig; }
        }

        public long Ticks
        {
            get { return _ticks; }
        }

        private static void Setup(Controller controller)
        {
            controller.Commands.ApplySetting("mqtt.host", "broker.local", "fuzz");
            controller.Commands.ApplySetting("zones", "4", "fuzz");
            controller.Start();
            controller.Tick();
            controller.Tick();
        }

        /// <summary>Runs messages until at least <paramref name="cases"/> more were posted; returns the number posted.</summary>
        public long Run(long cases)
        {
            long done = 0;
            while (done < cases)
            {
                _batch.Clear();
                string baseTopic = _rig.Controller.Mqtt.BaseTopic;
                int pick = _random.Next(100);
                int count = pick < 60 ? 1 + _random.Next(4) : pick < 97 ? 1 + _random.Next(Inbox.Capacity) : Inbox.Capacity + 1 + _random.Next(60);
                if (count > cases - done && cases - done <= Inbox.Capacity)
                {
                    count = (int)(cases - done);
                }

                for (int i = 0; i < count; i++)
                {
                    if (_random.Next(400) == 0)
                    {
                        _batch.Add(new Step { Kind = StepKind.Connection, Up = _random.Next(2) == 0 });
                    }
                    else
                    {
                        _batch.Add(_generator.Next(baseTopic));
                    }
                }

                Wiggle();
                RunTick(_batch, _caseIndex);
                _caseIndex += count;
                done += count;
                Maintain();
            }

            return done;
        }

        /// <summary>Moves the climate and the clock a little so the engine mists, locks out and raises alarms.</summary>
        private void Wiggle()
        {
            FakeSensor[] sensors = { _rig.Sensor, _rig.Sensor2 };
            foreach (FakeSensor sensor in sensors)
            {
                sensor.Humidity = Math.Clamp(sensor.Humidity + (_random.NextDouble() - 0.55) * 4, 30, 100);
                sensor.Temperature = Math.Clamp(sensor.Temperature + (_random.NextDouble() - 0.5), -5, 45);
                sensor.Status = _random.Next(200) == 0 ? Greenhouse.Ports.SensorReadStatus.BusError : Greenhouse.Ports.SensorReadStatus.Ok;
            }

            _rig.Tank.High = _random.Next(300) != 0;
            _rig.Clock.Advance(_random.Next(50) == 0 ? 60000 + _random.Next(600000) : 1000);
        }

        /// <summary>Now and then: restore the connection settings so the run keeps exercising a live session, or reboot.</summary>
        private void Maintain()
        {
            if (_ticks % 500 == 0)
            {
                Controller controller = _rig.Controller;
                controller.Commands.ApplySetting("mqtt.host", "broker.local", "fuzz");
                controller.Commands.ApplySetting("device.id", "", "fuzz");
                controller.Commands.ApplySetting("mqtt.prefix", "greenhouse", "fuzz");
                controller.Commands.ApplySetting("zones", "4", "fuzz");
            }

            if (_ticks % 2000 == 1999)
            {
                Reboot();
            }
        }

        /// <summary>Saves, rebuilds the controller on the same store and checks that every value survived.</summary>
        private void Reboot()
        {
            Controller old = _rig.Controller;
            if (old.Persistence != null && !old.Persistence.SaveNow())
            {
                Fail("reboot-save", "SaveNow failed on a healthy store", null);
            }

            string before = Greenhouse.Persistence.SettingsFile.Values(old.Status.Settings);
            Controller fresh = _rig.Build();
            try
            {
                fresh.Start();
                fresh.Tick();
            }
            catch (Exception e)
            {
                Fail("exception", "Start after reboot: " + e.GetType().Name + ": " + e.Message, null);
                return;
            }

            string after = Greenhouse.Persistence.SettingsFile.Values(fresh.Status.Settings);
            if (after != before)
            {
                Fail("reboot-lost-settings", "values after reboot differ:\n--- before\n" + before + "--- after\n" + after, null);
            }
        }

        /// <summary>Posts one batch, ticks once and checks every oracle; also used by the corpus replay.</summary>
        public void RunTick(List<Step> batch, long caseIndex)
        {
            _caseIndex = caseIndex;
            Controller controller = _rig.Controller;
            ISettingsView settings = controller.Status.Settings;
            string baseTopic = controller.Mqtt.BaseTopic;
            _tickBase = baseTopic;
            _before = SettingsCheck.Snapshot(settings, _before);
            bool[] stageAuto = new bool[ControllerSettings.MaxZones + 1];
            for (int z = 1; z <= ControllerSettings.MaxZones; z++)
            {
                stageAuto[z] = settings.Flag(_stageAutoDef, z);
            }

            int droppedBefore = controller.Inbox.Dropped;
            foreach (Step step in batch)
            {
                if (step.Kind == StepKind.Message)
                {
                    controller.Inbox.PostMqtt(FuzzCase.Resolve(step.Topic, baseTopic), step.Payload, step.Retained);
                }
                else if (step.Kind == StepKind.Connection)
                {
                    _rig.Link.Connected = step.Up;
                    controller.Inbox.PostConnection(step.Up);
                }

                if (controller.Inbox.Count > Inbox.Capacity)
                {
                    Fail("inbox-bound", "inbox holds " + controller.Inbox.Count.ToString() + " messages", batch);
                    return;
                }
            }

            int kept = Math.Min(batch.Count, Inbox.Capacity);
            if (controller.Inbox.Dropped - droppedBefore != batch.Count - kept)
            {
                Fail("inbox-dropped", "dropped " + (controller.Inbox.Dropped - droppedBefore).ToString() + " of " + batch.Count.ToString(), batch);
            }

            _rig.Link.Clear();
            _rig.Log.Clear();
            _ticks++;
            try
            {
                controller.Tick();
            }
            catch (Exception e)
            {
                Fail("exception", e.GetType().Name + ": " + e.Message + " at " + FirstFrame(e), batch);
                return;
            }

            // Acks: the inbox kept the last `kept` messages; each /set under the base gets one, in order.
            List<Step> expected = new List<Step>(kept);
            for (int i = batch.Count - kept; i < batch.Count; i++)
            {
                Step step = batch[i];
                if (step.Kind == StepKind.Message && IsOwnSet(FuzzCase.Resolve(step.Topic, baseTopic), baseTopic))
                {
                    expected.Add(step);
                }
            }

            string ackTopic = baseTopic + "/ack";
            List<Publish> acks = new List<Publish>(expected.Count);
            foreach (Publish publish in _rig.Publishes)
            {
                if (publish.Topic == ackTopic)
                {
                    acks.Add(publish);
                }
            }

            if (acks.Count != expected.Count)
            {
                Fail("ack-count", "expected " + expected.Count.ToString() + " acks, got " + acks.Count.ToString(), batch);
                return;
            }

            Array.Clear(_explained, 0, _explained.Length);
            _connectionNoted.Clear();
            _reverted.Clear();
            for (int i = 0; i < acks.Count; i++)
            {
                CheckAck(expected[i], FuzzCase.Resolve(expected[i].Topic, baseTopic), acks[i], baseTopic, batch);
            }

            ExplainReverts(settings);

            // Nothing changed that no ok ack names (the engine may advance stage and target on its own when stage_auto is
            // on; the connection trial may bring the working connection back).
            _after = SettingsCheck.Snapshot(settings, _after);
            CheckRiskClasses(settings, batch);
            for (int slot = 0; slot < _after.Length; slot++)
            {
                if (_after[slot] == _before[slot] || _explained[slot])
                {
                    continue;
                }

                int def = slot / (ControllerSettings.MaxZones + 1);
                int zone = slot % (ControllerSettings.MaxZones + 1);
                if ((def == _stageDef || def == _targetDef) && zone > 0 && (stageAuto[zone] || settings.Flag(_stageAutoDef, zone)))
                {
                    continue;
                }

                // Entering a stage copies the stage profile's target into zoneN.target_rh (docs/control.md).
                if (def == _targetDef && zone > 0 && (_after[_stageDef * (ControllerSettings.MaxZones + 1) + zone] != _before[_stageDef * (ControllerSettings.MaxZones + 1) + zone] || StageLogged(zone)))
                {
                    continue;
                }

                Fail("unacked-change", SettingsCheck.Key(settings.Definitions[def], zone) + " changed " + Escape.Text(_before[slot]) + " -> " + Escape.Text(_after[slot]) + " without an ok ack", batch);
                break;
            }

            string invalid = _check.Check(settings);
            if (invalid != null)
            {
                Fail("invalid-setting", invalid, batch);
            }

            CheckSecrets(settings, batch, baseTopic);
            CheckTopics(batch);
            CheckRelays(batch);
        }

        private bool StageLogged(int zone)
        {
            string needle = " zone stage zone=" + zone.ToString() + " ";
            foreach (string line in _rig.LogLines)
            {
                if (line.Contains(needle, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The spec, written independently of MqttTopics: under "base/", ending "/set" after at least one more level.</summary>
        public static bool IsOwnSet(string topic, string baseTopic)
        {
            if (topic == null || !topic.StartsWith(baseTopic + "/", StringComparison.Ordinal))
            {
                return false;
            }

            string rest = topic.Substring(baseTopic.Length + 1);
            return rest.EndsWith("/set", StringComparison.Ordinal);
        }

        private void CheckAck(Step message, string topic, Publish ack, string baseTopic, List<Step> batch)
        {
            string json = Encoding.UTF8.GetString(ack.Payload);
            bool ok;
            string echoed;
            string value = null;
            string error = null;
            string note = null;
            try
            {
                using (JsonDocument doc = JsonDocument.Parse(ack.Payload))
                {
                    JsonElement root = doc.RootElement;
                    echoed = root.GetProperty("topic").GetString();
                    ok = root.GetProperty("ok").GetBoolean();
                    JsonElement item;
                    if (ok)
                    {
                        value = root.TryGetProperty("value", out item) ? item.GetString() : null;
                        note = root.TryGetProperty("note", out item) ? item.GetString() : null;
                    }
                    else
                    {
                        error = root.TryGetProperty("error", out item) ? item.GetString() : null;
                    }
                }
            }
            catch (Exception e)
            {
                Fail("ack-json", "ack is not the expected JSON (" + e.Message + "): " + Escape.Text(json.Length > 300 ? json.Substring(0, 300) : json), batch);
                return;
            }

            if (ack.Retain)
            {
                Fail("ack-retained", "ack published with retain", batch);
            }

            string normalised = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(topic));
            bool topicOk = topic.Length > 200
                ? echoed != null && echoed.EndsWith("...", StringComparison.Ordinal) && echoed.Length <= 210
                : echoed == normalised;
            if (!topicOk)
            {
                Fail("ack-topic", "ack topic " + Escape.Text(echoed) + " for " + Escape.Text(topic), batch);
            }

            if (!ok)
            {
                if (error == null || error.Length == 0)
                {
                    Fail("ack-error-missing", "refusal without an error text", batch);
                }

                return;
            }

            if (message.Retained)
            {
                Fail("retained-applied", "retained command acknowledged ok", batch);
            }

            if (!PayloadAcceptable(message.Payload))
            {
                Fail("payload-accepted", "ok for a payload that is not short printable text: " + Escape.Bytes(message.Payload), batch);
            }

            if (value == null)
            {
                Fail("ack-value-missing", "ok ack without value", batch);
                return;
            }

            // Which setting the topic names, and whether the acknowledged value is valid for it.
            ISettingsView settings = _rig.Controller.Status.Settings;
            string rest = topic.Substring(baseTopic.Length + 1);
            rest = rest.Substring(0, rest.Length - 4);
            string key = null;
            string[] levels = rest.Split('/');
            if (levels.Length == 3 && levels[0] == "zone")
            {
                int zone;
                if (!int.TryParse(levels[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out zone) || zone < 1 || zone > ControllerSettings.MaxZones)
                {
                    Fail("ack-ok-bad-zone", "ok for zone " + Escape.Text(levels[1]), batch);
                    return;
                }

                if (levels[2] == "mist")
                {
                    long seconds;
                    if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out seconds) || seconds < 1 || seconds > HardLimits.MaxManualMistSeconds)
                    {
                        Fail("mist-limit", "mist accepted with " + Escape.Text(value), batch);
                    }

                    return;
                }

                if (levels[2] == "power")
                {
                    if (value != "ON" && value != "OFF")
                    {
                        Fail("ack-value-invalid", "power ack value " + Escape.Text(value), batch);
                    }

                    Explain(settings, CoreSettings.Mode, zone);
                    return;
                }

                key = "zone" + zone.ToString() + "." + levels[2];
                Explain(settings, levels[2], zone);
            }
            else if (levels.Length == 2 && levels[0] == "config")
            {
                key = levels[1];
                Explain(settings, levels[1], 0);
            }
            else
            {
                Fail("ack-ok-unknown-topic", "ok for a topic that names no setting", batch);
                return;
            }

            int def = settings.IndexOf(key.StartsWith("zone", StringComparison.Ordinal) && key.Length > 6 && key[5] == '.' ? key.Substring(6) : key);
            if (def < 0)
            {
                Fail("ack-ok-unknown-setting", "ok for unknown setting " + Escape.Text(key), batch);
                return;
            }

            if (settings.Definitions[def].Risk == SettingRisk.Hardware)
            {
                Fail("hardware-accepted-remotely", key + " acknowledged ok over MQTT: hardware settings are the console's only", batch);
                return;
            }

            if (settings.Definitions[def].Risk == SettingRisk.Connection && note != null)
            {
                _connectionNoted.Add(def * (ControllerSettings.MaxZones + 1));
                if (note.StartsWith("on trial", StringComparison.Ordinal))
                {
                    TrialsStarted++;
                }
            }

            if (settings.Definitions[def].Kind == SettingKind.Secret)
            {
                if (value != "***" && value != "")
                {
                    Fail("secret-echoed", "secret acknowledged with its value", batch);
                }

                return;
            }

            if (!_check.IsValidValue(key, value))
            {
                Fail("ack-value-invalid", key + " acknowledged with invalid value " + Escape.Text(value), batch);
            }
        }

        /// <summary>
        /// The connection trial's revert (the working values coming back, logged "settings changed ... source=trial")
        /// explains the change of each key it names.
        /// </summary>
        private void ExplainReverts(ISettingsView settings)
        {
            bool any = false;
            foreach (string line in _rig.LogLines)
            {
                if (line.Contains(" alarm event code=" + Greenhouse.Diagnostics.AlarmCodes.ConnectionTrialFailed, StringComparison.Ordinal))
                {
                    any = true;
                }

                int at = line.IndexOf(" INFO settings changed key=", StringComparison.Ordinal);
                if (at < 0 || !line.EndsWith(" source=" + Greenhouse.Commands.CommandSources.Trial, StringComparison.Ordinal))
                {
                    continue;
                }

                int start = at + " INFO settings changed key=".Length;
                int end = line.IndexOf(' ', start);
                int def = end < 0 ? -1 : settings.IndexOf(line.Substring(start, end - start));
                if (def >= 0 && settings.Definitions[def].Risk == SettingRisk.Connection)
                {
                    _explained[def * (ControllerSettings.MaxZones + 1)] = true;
                    _reverted.Add(def * (ControllerSettings.MaxZones + 1));
                }
            }

            if (any)
            {
                TrialReverts++;
            }
        }

        /// <summary>Connection trials that ran out and brought the working connection back (the oracles saw them).</summary>
        public long TrialReverts { get; private set; }

        /// <summary>Connection changes acknowledged as on trial.</summary>
        public long TrialsStarted { get; private set; }

        /// <summary>
        /// The risk classes over MQTT: no hardware setting changes at all (whatever the messages), a connection setting
        /// that an ok ack changed carries the ack's note (on trial, or why not), and a trial never outlives its time.
        /// </summary>
        private void CheckRiskClasses(ISettingsView settings, List<Step> batch)
        {
            for (int slot = 0; slot < _after.Length; slot++)
            {
                int def = slot / (ControllerSettings.MaxZones + 1);
                if (_after[slot] == _before[slot])
                {
                    continue;
                }

                if (settings.Definitions[def].Risk == SettingRisk.Hardware)
                {
                    Fail("hardware-changed-remotely", SettingsCheck.Key(settings.Definitions[def], slot % (ControllerSettings.MaxZones + 1))
                        + " changed " + Escape.Text(_before[slot]) + " -> " + Escape.Text(_after[slot]) + " in an MQTT tick", batch);
                    return;
                }

                if (settings.Definitions[def].Risk == SettingRisk.Connection && !_connectionNoted.Contains(slot) && !_reverted.Contains(slot))
                {
                    Fail("connection-change-without-note", settings.Definitions[def].Name + " changed by an ok ack that says nothing of a trial", batch);
                    return;
                }
            }

            Greenhouse.Commands.IChangeGuardView changes = _rig.Controller.Status.Changes;
            if (changes.TrialRunning && (changes.TrialRemainingMs <= 0 || changes.TrialRemainingMs > (long)(HardLimits.MaxConnectionTrialMinutes * 60000)))
            {
                Fail("trial-overdue", "a connection trial runs with " + changes.TrialRemainingMs.ToString() + " ms left", batch);
            }
        }

        private void Explain(ISettingsView settings, string name, int zone)
        {
            int def = settings.IndexOf(name);
            if (def >= 0)
            {
                _explained[def * (ControllerSettings.MaxZones + 1) + zone] = true;
            }
        }

        /// <summary>Independent payload rule: at most 64 bytes, printable ASCII apart from trailing line breaks.</summary>
        private static bool PayloadAcceptable(byte[] payload)
        {
            if (payload == null)
            {
                return true;
            }

            if (payload.Length > 64)
            {
                return false;
            }

            int length = payload.Length;
            while (length > 0 && (payload[length - 1] == 10 || payload[length - 1] == 13))
            {
                length--;
            }

            for (int i = 0; i < length; i++)
            {
                if (payload[i] < 0x20 || payload[i] > 0x7e)
                {
                    return false;
                }
            }

            return true;
        }

        private void CheckSecrets(ISettingsView settings, List<Step> batch, string baseTopic)
        {
            _knownSecrets.Clear();
            for (int d = 0; d < settings.Definitions.Length; d++)
            {
                if (settings.Definitions[d].Kind == SettingKind.Secret)
                {
                    // Only the generator's distinctive tokens: a secret set to ordinary text (e.g. "0123...") may
                    // legitimately also be the value of another setting.
                    string secret = settings.Text(d, 0);
                    if (secret != null && secret.Contains(ValueGenerator.SecretMarker, StringComparison.Ordinal))
                    {
                        _knownSecrets.Add(secret);
                    }
                }
            }

            foreach (Step step in batch)
            {
                if (step.Kind == StepKind.Message && step.Payload != null && step.Payload.Length >= 6)
                {
                    string text = Encoding.UTF8.GetString(step.Payload).TrimEnd('\r', '\n');
                    if (text.Contains(ValueGenerator.SecretMarker, StringComparison.Ordinal))
                    {
                        _knownSecrets.Add(text);
                        if (text.Length > 64)
                        {
                            _knownSecrets.Add(text.Substring(0, 64));
                        }
                    }
                }
            }

            if (_knownSecrets.Count == 0)
            {
                return;
            }

            foreach (Publish publish in _rig.Publishes)
            {
                string payload = Encoding.UTF8.GetString(publish.Payload);
                foreach (string secret in _knownSecrets)
                {
                    if (payload.Contains(secret, StringComparison.Ordinal) || publish.Topic.Contains(secret, StringComparison.Ordinal))
                    {
                        Fail("secret-published", "a secret appeared on " + Escape.Text(FuzzCase.Portable(publish.Topic, baseTopic)), batch);
                        return;
                    }
                }
            }

            foreach (string line in _rig.LogLines)
            {
                foreach (string secret in _knownSecrets)
                {
                    if (line.Contains(secret, StringComparison.Ordinal))
                    {
                        Fail("secret-logged", "a secret appeared in the log: " + Escape.Text(line.Replace(secret, "<SECRET>")), batch);
                        return;
                    }
                }
            }
        }

        /// <summary>Every publish goes to a valid MQTT topic name (no wildcards or NUL, not empty, at most 65535 bytes).</summary>
        private void CheckTopics(List<Step> batch)
        {
            foreach (Publish publish in _rig.Publishes)
            {
                string topic = publish.Topic;
                if (topic == null || topic.Length == 0 || topic.IndexOf('+') >= 0 || topic.IndexOf('#') >= 0 || topic.IndexOf('\0') >= 0
                    || Encoding.UTF8.GetByteCount(topic) > 65535)
                {
                    Fail("publish-topic-invalid", "publish to " + Escape.Text(topic) + " (device.id " + Escape.Text(_rig.Controller.Mqtt.DeviceId) + ")", batch);
                    return;
                }
            }

            string[] filters = _rig.Link.Subscribed;
            if (filters != null)
            {
                foreach (string filter in filters)
                {
                    string[] levels = filter.Split('/');
                    foreach (string level in levels)
                    {
                        if ((level.IndexOf('+') >= 0 && level != "+") || (level.IndexOf('#') >= 0))
                        {
                            Fail("subscribe-filter-invalid", "subscribed to " + Escape.Text(filter), batch);
                            _rig.Link.Subscribed = null;
                            return;
                        }
                    }
                }
            }
        }

        private void CheckRelays(List<Step> batch)
        {
            // After a tick the controller has seen the current time: a valve it leaves open must not have been open
            // longer than the hard limit (plus one tick) by then.
            long limit = HardLimits.MaxContinuousMistSeconds * 1000L + 1000;
            for (int i = 0; i < _rig.Valves.Length; i++)
            {
                if (_rig.Valves[i].OnForMs > limit)
                {
                    Fail("valve-open-too-long", "valve " + (i + 1).ToString() + " open " + (_rig.Valves[i].OnForMs / 1000).ToString() + " s", batch);
                }
            }
        }

        private void Fail(string oracle, string detail, List<Step> batch)
        {
            FuzzCase fuzzCase = new FuzzCase { Target = Name };
            fuzzCase.Comments.Add(oracle + ": " + detail.Replace('\n', ' '));
            string baseTopic = _tickBase ?? _rig.Controller.Mqtt.BaseTopic;
            if (batch != null)
            {
                foreach (Step step in batch)
                {
                    if (step.Kind == StepKind.Message)
                    {
                        fuzzCase.Steps.Add(Step.Message(FuzzCase.Portable(step.Topic, baseTopic), step.Payload, step.Retained));
                    }
                    else
                    {
                        fuzzCase.Steps.Add(step);
                    }
                }

                fuzzCase.Steps.Add(new Step { Kind = StepKind.Tick });
            }

            _failures.Add(new Failure { Target = Name, Oracle = oracle, Detail = detail, CaseIndex = _caseIndex, Case = fuzzCase });
        }

        private static string FirstFrame(Exception e)
        {
            string trace = e.StackTrace ?? "";
            int newline = trace.IndexOf('\n');
            return (newline > 0 ? trace.Substring(0, newline) : trace).Trim();
        }
    }
}
