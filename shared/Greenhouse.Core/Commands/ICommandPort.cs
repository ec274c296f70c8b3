namespace Greenhouse.Commands
{
    /// <summary>
    /// The one door through which growers, technicians, the settings file and the crop calendar change the
    /// controller: a setting, a mist-now pulse, a reboot, a factory reset, and the decisions on changes that wait
    /// (a connection on trial, a hardware change waiting for confirmation). Every command is validated here once,
    /// logged with its source (<see cref="CommandSources"/>) and answered with a <see cref="CommandResult"/> that the
    /// caller renders (an MQTT ack, a console line). Who may change what follows the setting's risk class
    /// (Greenhouse.Settings.SettingRisk), decided here and nowhere else. Called inside the tick.
    /// </summary>
    public interface ICommandPort
    {
        /// <summary>
        /// Validates and applies one setting (key "zone1.target_rh" or "mqtt.port"). On error nothing changes. A
        /// connection setting from MQTT or the console is applied on trial; a hardware setting is refused from MQTT and
        /// only recorded as pending from the console (the result's note says so).
        /// </summary>
        CommandResult ApplySetting(string key, string value, string source);

        /// <summary>Queues a mist-now pulse; refused when a hard limit, lockout, the tank, a budget or the stage forbids it.</summary>
        CommandResult RequestMist(int zone, long seconds, string source);

        /// <summary>Drives every relay off, saves what must survive, and restarts after this tick.</summary>
        CommandResult Reboot(string source);

        /// <summary>Erases every setting and the journal, then restarts (the console asks for confirmation first).</summary>
        CommandResult FactoryReset(string source);

        /// <summary>Ends a connection trial by keeping the values on trial as the working ones (console only: skips the trial).</summary>
        CommandResult KeepConnection(string source);

        /// <summary>Ends a connection trial by going back to the last working connection now.</summary>
        CommandResult RevertConnection(string source);

        /// <summary>Applies the hardware changes set on the console before the last restart, then restarts (console only).</summary>
        CommandResult ConfirmHardware(string source);

        /// <summary>Forgets the hardware changes waiting for confirmation (console only).</summary>
        CommandResult DiscardHardware(string source);
    }

    /// <summary>What a command did: applied (with the value as now shown; secrets masked) or refused with why.</summary>
    public sealed class CommandResult
    {
        private CommandResult(bool ok, string value, string error, string note)
        {
            Ok = ok;
            Value = value;
            Error = error;
            Note = note;
        }

        public bool Ok { get; private set; }

        /// <summary>The applied value as it is now shown (a setting's canonical text, "***" for a secret; the seconds of a pulse).</summary>
        public string Value { get; private set; }

        /// <summary>Why the command was refused: what is allowed, in words a grower can act on.</summary>
        public string Error { get; private set; }

        /// <summary>What else the user must know about an accepted command (on trial, waiting for confirmation), or null.</summary>
        public string Note { get; private set; }

        public static CommandResult Applied(string value)
        {
            return new CommandResult(true, value, null, null);
        }

        public static CommandResult Applied(string value, string note)
        {
            return new CommandResult(true, value, null, note);
        }

        public static CommandResult Refused(string error)
        {
            return new CommandResult(false, null, error, null);
        }
    }
}
