using Greenhouse.Commands;
using Greenhouse.Diagnostics;
using Greenhouse.Ports;
using Greenhouse.Status;

namespace Greenhouse.Technician
{
    /// <summary>
    /// The technician's side of a controller: the console interpreter, the line editor for the UART reader, the
    /// boot line in the log (with the reason the last run recorded in the journal), and the journal's upkeep. The
    /// controller calls <see cref="HandleLine"/> for console lines from its inbox and <see cref="Poll"/> once per
    /// tick, both inside the tick.
    /// </summary>
    public sealed class TechnicianConsole
    {
        private readonly Journal _journal;
        private readonly ConsoleInterpreter _interpreter;
        private readonly SecretFilter _secrets;
        private readonly Logger _log;
        private readonly string _firmware;
        private bool _booted;

        /// <param name="output">Where console answers go (the UART, the simulator's stdout).</param>
        public TechnicianConsole(ICommandPort commands, IControllerStatus status, Journal journal, SecretFilter secrets, Logger log, ILogSink output)
        {
            _journal = journal;
            _secrets = secrets;
            _log = log;
            _firmware = status.FirmwareVersion;
            _interpreter = new ConsoleInterpreter(commands, status, journal, secrets, new ConsoleOutput(output, secrets), log);
        }

        public ConsoleInterpreter Interpreter
        {
            get { return _interpreter; }
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
        public void HandleLine(string line, long nowMs)
        {
            EnsureBooted();
            _interpreter.Execute(line, nowMs);
        }

        /// <summary>
        /// Once per tick: logs the boot event (first call), writes repeat summaries, times out a pending factory
        /// reset, and writes the journal (at once when a reboot was requested). Allocates nothing when nothing changed.
        /// </summary>
        public void Poll(long nowMs, bool rebootRequested)
        {
            EnsureBooted();
            _log.FlushRepeats();
            _interpreter.Poll(nowMs);
            if (rebootRequested)
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
            string reason = BootReason;
            if (reason == null)
            {
                reason = _journal.StoredEnd == null ? "first_start" : _journal.StoredEnd;
            }

            _journal.BeginBoot();
            _log.Write(LogLevel.Info, "core", "boot", "n=" + _journal.BootCount.ToString() + " reason=" + reason + " fw=" + Logger.Quote(_firmware), false);
            if (_journal.LoadResult == JournalLoad.Corrupt)
            {
                _log.Write(LogLevel.Warning, "journal", "corrupt", "blob=" + Journal.BlobName + " action=started_empty", false);
            }
            else if (_journal.LoadResult == JournalLoad.Damaged)
            {
                _log.Write(LogLevel.Warning, "journal", "damaged", "blob=" + Journal.BlobName + " skipped=" + _journal.SkippedOnLoad.ToString(), false);
            }
        }
    }
}
