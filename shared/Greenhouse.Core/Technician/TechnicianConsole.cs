using Greenhouse.App;
using Greenhouse.Diagnostics;
using Greenhouse.Persistence;
using Greenhouse.Ports;

namespace Greenhouse.Technician
{
    /// <summary>
    /// The technician side of a controller: the event journal (RAM ring of log lines plus important events kept
    /// in the store), the console interpreter, the secret filter on every log line and answer, and the watch that
    /// logs the boot (alarm transitions are logged by the alarm set that owns them). The controller creates it and calls <see cref="HandleLine"/> for
    /// console lines from its inbox and <see cref="Poll"/> once per tick, both inside the tick.
    /// </summary>
    public sealed class TechnicianConsole
    {
        private readonly Controller _controller;
        private readonly Journal _journal;
        private readonly ConsoleInterpreter _interpreter;
        private readonly SecretFilter _secrets;
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
            BootReason = null;
        }

        /// <summary>The journal: recent lines, important events, and their persistence.</summary>
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
        /// its software watchdog rebooted the board). Set before the first tick; null = how the last run recorded
        /// its end in the journal (first_start when there is no journal).
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
                reason = _journal.StoredEnd == null ? "first_start" : _journal.StoredEnd;
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
    }
}
