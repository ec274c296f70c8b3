using Greenhouse.App;
using Greenhouse.Diagnostics;
using Greenhouse.Persistence;
using Greenhouse.Ports;
using Greenhouse.Text;

namespace Greenhouse.Technician
{
    /// <summary>
    /// The technician side of a controller: the event journal (RAM ring of log lines plus important events kept
    /// in the store), the console interpreter, the secret filter on every log line and answer, and the watch that
    /// journals boots and alarm transitions (an alarm transition is logged here only when the module that owns
    /// the alarm did not log "alarm raised|cleared code=..." itself in the same tick). The controller creates it and calls <see cref="HandleLine"/> for
    /// console lines from its inbox and <see cref="Poll"/> once per tick, both inside the tick.
    /// </summary>
    public sealed class TechnicianConsole
    {
        private readonly Controller _controller;
        private readonly Journal _journal;
        private readonly ConsoleInterpreter _interpreter;
        private readonly SecretFilter _secrets;
        private readonly bool[] _alarmSeen;
        private int _alarmVersion;
        private bool _booted;

        public TechnicianConsole(Controller controller, ISettingsStore store, ILogSink output)
        {
            _controller = controller;
            _secrets = new SecretFilter(controller.Settings);
            _journal = new Journal(store);
            controller.Log.ProtectSecrets(_secrets);
            controller.Log.Observer = _journal;
            _interpreter = new ConsoleInterpreter(controller, _journal, _secrets, output);
            _interpreter.Store = store;
            _interpreter.AddFactoryResetBlob(SettingsPersistence.SlotA);
            _interpreter.AddFactoryResetBlob(SettingsPersistence.SlotB);
            _alarmSeen = new bool[controller.Alarms.SlotCount];
            _alarmVersion = controller.Alarms.Version;
            BootReason = null;
        }

        /// <summary>The journal: recent lines, important events, and their persistence. Publish it with CopyImportant.</summary>
        public Journal Journal
        {
            get { return _journal; }
        }

        public ConsoleInterpreter Interpreter
        {
            get { return _interpreter; }
        }

        /// <summary>Masks secret values; its SecretNames feed the line editor.</summary>
        public SecretFilter Secrets
        {
            get { return _secrets; }
        }

        /// <summary>
        /// Why the board started, when the firmware knows better than the journal (for example "watchdog" after
        /// its software watchdog rebooted the board). Set before the first tick; null = derive it from the journal.
        /// </summary>
        public string BootReason { get; set; }

        /// <summary>A line editor for a UART reader thread: echoes to the given sink and masks secrets as they are typed.</summary>
        public LineEditor CreateLineEditor(IEchoSink echo)
        {
            return new LineEditor(LineEditor.DefaultMaxLength, echo, _secrets.SecretNames);
        }

        /// <summary>Runs one console line (called from the controller's tick).</summary>
        public void HandleLine(string line)
        {
            EnsureBooted();
            _interpreter.Execute(line);
        }

        /// <summary>
        /// Once per tick: logs the boot event (first call), journals alarm transitions, writes repeat summaries,
        /// times out a pending factory reset, and writes the journal (at once when a reboot was requested).
        /// Allocates nothing when nothing changed.
        /// </summary>
        public void Poll(long nowMs)
        {
            EnsureBooted();
            AlarmSet alarms = _controller.Alarms;
            if (alarms.Version != _alarmVersion)
            {
                _alarmVersion = alarms.Version;
                JournalAlarms(alarms);
            }

            _journal.ForgetAlarmLines();

            _controller.Log.FlushRepeats();
            _interpreter.Poll(nowMs);
            if (_controller.RebootRequested)
            {
                _journal.Flush();
            }
            else
            {
                _journal.Poll(nowMs);
            }
        }

        private void EnsureBooted()
        {
            if (_booted)
            {
                return;
            }

            _booted = true;
            Logger log = _controller.Log;
            string reason = BootReason;
            if (reason == null)
            {
                string[] stored = StringArray.New(_journal.LoadedCount);
                for (int i = 0; i < stored.Length; i++)
                {
                    stored[i] = _journal.GetImportant(i);
                }

                reason = ReasonFrom(stored);
            }

            _journal.BeginBoot();
            log.Write(LogLevel.Info, "core", "boot", "n=" + _journal.BootCount.ToString() + " reason=" + reason + " fw=" + Logger.Quote(_controller.FirmwareVersion), false);
            if (_journal.LoadResult == JournalLoad.Corrupt)
            {
                log.Write(LogLevel.Warning, "journal", "corrupt", "blob=" + Journal.BlobName + " action=started_empty", false);
            }
            else if (_journal.LoadResult == JournalLoad.Damaged)
            {
                log.Write(LogLevel.Warning, "journal", "damaged", "blob=" + Journal.BlobName + " skipped=" + _journal.SkippedOnLoad.ToString(), false);
            }
        }

        /// <summary>
        /// Boot reason from the events stored before this boot (oldest first): the newest lifecycle line decides.
        /// A reboot request after the last start gives "reboot_SOURCE" ("factory_reset" when a factory reset came
        /// before it); nothing stored gives "first_start"; otherwise "unplanned" (power cut, crash, reset button).
        /// Events logged between the request and the actual restart (alarms clearing) do not matter.
        /// </summary>
        public static string ReasonFrom(string[] storedEvents)
        {
            if (storedEvents == null || storedEvents.Length == 0)
            {
                return "first_start";
            }

            string reboot = null;
            for (int i = storedEvents.Length - 1; i >= 0; i--)
            {
                string line = storedEvents[i];
                if (line == null)
                {
                    continue;
                }

                if (line.IndexOf(" core factory reset") >= 0 && line.IndexOf("delete failed") < 0)
                {
                    return "factory_reset";
                }

                if (line.IndexOf(" core boot ") >= 0 || line.IndexOf(" core start") >= 0)
                {
                    break;
                }

                if (reboot == null && line.IndexOf(" core reboot requested") >= 0)
                {
                    reboot = "reboot";
                    int at = line.IndexOf("source=");
                    if (at >= 0)
                    {
                        int end = line.IndexOf(' ', at);
                        reboot = "reboot_" + (end < 0 ? line.Substring(at + 7) : line.Substring(at + 7, end - at - 7));
                    }
                }
            }

            return reboot == null ? "unplanned" : reboot;
        }

        private void JournalAlarms(AlarmSet alarms)
        {
            Logger log = _controller.Log;
            int slots = alarms.SlotCount < _alarmSeen.Length ? alarms.SlotCount : _alarmSeen.Length;
            for (int slot = 0; slot < slots; slot++)
            {
                string code;
                int zone;
                string detail;
                long since;
                bool active = alarms.TryGet(slot, out code, out zone, out detail, out since);
                if (active == _alarmSeen[slot])
                {
                    continue;
                }

                _alarmSeen[slot] = active;
                if (_journal.SawAlarmLine(code, zone, active))
                {
                    // The module that owns the alarm logged the transition itself (the control engine does).
                    continue;
                }

                string where = zone > 0 ? " zone=" + zone.ToString() : "";
                if (active)
                {
                    log.Write(LogLevel.Warning, "alarm", "raised", "code=" + code + where + " detail=" + Logger.Quote(detail), false);
                }
                else
                {
                    log.Write(LogLevel.Info, "alarm", "cleared", "code=" + code + where, false);
                }
            }
        }
    }
}
