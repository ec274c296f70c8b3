using Greenhouse.Commands;

namespace Greenhouse.Technician
{
    /// <summary>
    /// The console's commands for changes that wait: <c>trial</c> (a connection change on trial: show it, keep it now,
    /// or go back to the last working connection) and <c>hardware</c> (hardware changes waiting for confirmation after
    /// a restart: show, confirm, discard). The decisions are the command port's (source "console").
    /// </summary>
    public sealed class GuardCommands
    {
        private readonly ICommandPort _commands;
        private readonly IChangeGuardView _changes;
        private readonly ConsoleOutput _out;
        private readonly ConsoleInterpreter _audit;

        public GuardCommands(ICommandPort commands, IChangeGuardView changes, ConsoleOutput output, ConsoleInterpreter audit)
        {
            _commands = commands;
            _changes = changes;
            _out = output;
            _audit = audit;
        }

        public void Trial(CommandLine command, string line)
        {
            string action = command.Count == 2 ? command.Word(1).ToLower() : "";
            if (command.Count > 2 || (command.Count == 2 && action != "keep" && action != "revert"))
            {
                _out.Line("usage: trial [keep|revert]");
                return;
            }

            if (command.Count == 1)
            {
                if (!WriteTrial(_changes, _out))
                {
                    _out.Line(_changes.HasWorkingConnection ? "no connection change is on trial" : "no connection change is on trial (no connection has worked yet)");
                }

                return;
            }

            _audit.Audit(line);
            Answer(action == "keep" ? _commands.KeepConnection(ConsoleInterpreter.Source) : _commands.RevertConnection(ConsoleInterpreter.Source));
        }

        public void Hardware(CommandLine command, string line)
        {
            string action = command.Count == 2 ? command.Word(1).ToLower() : "";
            if (command.Count > 2 || (command.Count == 2 && action != "confirm" && action != "discard"))
            {
                _out.Line("usage: hardware [confirm|discard]");
                return;
            }

            if (command.Count == 1)
            {
                if (!WriteHardware(_changes, _out))
                {
                    _out.Line("no hardware change is waiting");
                }

                return;
            }

            _audit.Audit(line);
            Answer(action == "confirm" ? _commands.ConfirmHardware(ConsoleInterpreter.Source) : _commands.DiscardHardware(ConsoleInterpreter.Source));
        }

        private void Answer(CommandResult result)
        {
            if (!result.Ok)
            {
                _out.Line(result.Error);
                return;
            }

            _out.Line("ok " + result.Value);
            if (result.Note != null)
            {
                _out.Line("  " + result.Note);
            }
        }

        /// <summary>The status lines of changes that wait (nothing when none wait).</summary>
        public static void WriteWaiting(IChangeGuardView changes, ConsoleOutput output)
        {
            WriteTrial(changes, output);
            WriteHardware(changes, output);
        }

        private static bool WriteTrial(IChangeGuardView changes, ConsoleOutput output)
        {
            if (changes == null || !changes.TrialRunning)
            {
                return false;
            }

            output.Line("trial keys=" + Greenhouse.Diagnostics.Logger.Quote(changes.TrialKeys) + " left=" + StatusReport.Duration(changes.TrialRemainingMs)
                + " (kept once online on the broker; trial keep / trial revert)");
            return true;
        }

        private static bool WriteHardware(IChangeGuardView changes, ConsoleOutput output)
        {
            if (changes == null || changes.PendingHardwareCount == 0)
            {
                return false;
            }

            for (int i = 0; i < changes.PendingHardwareCount; i++)
            {
                output.Line("hardware waiting " + changes.PendingHardware(i));
            }

            output.Line(changes.PendingHardwareConfirmable ? "  hardware confirm applies the waiting changes and restarts; hardware discard forgets them"
                : "  in effect only after a restart: type reboot, then hardware confirm (or hardware discard)");
            return true;
        }
    }
}
