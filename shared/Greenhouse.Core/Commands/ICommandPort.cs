namespace Greenhouse.Commands
{
    /// <summary>
    /// The one door through which growers, technicians, the settings file and the crop calendar change the
    /// controller: a setting, a mist-now pulse, a reboot, a factory reset. Every command is validated here once,
    /// logged with its source ("mqtt", "console", "file", "calendar" …) and answered with a
    /// <see cref="CommandResult"/> that the caller renders (an MQTT ack, a console line). Called inside the tick.
    /// </summary>
    public interface ICommandPort
    {
        /// <summary>Validates and applies one setting (key "zone1.target_rh" or "mqtt.port"). On error nothing changes.</summary>
        CommandResult ApplySetting(string key, string value, string source);

        /// <summary>Queues a mist-now pulse; refused when a hard limit, lockout, the tank, a budget or the stage forbids it.</summary>
        CommandResult RequestMist(int zone, long seconds, string source);

        /// <summary>Drives every relay off, saves what must survive, and restarts after this tick.</summary>
        CommandResult Reboot(string source);

        /// <summary>Erases every setting and the journal, then restarts (the console asks for confirmation first).</summary>
        CommandResult FactoryReset(string source);
    }

    /// <summary>What a command did: applied (with the value as now shown; secrets masked) or refused with why.</summary>
    public sealed class CommandResult
    {
        private CommandResult(bool ok, string value, string error)
        {
            Ok = ok;
            Value = value;
            Error = error;
        }

        public bool Ok { get; private set; }

        /// <summary>The applied value as it is now shown (a setting's canonical text, "***" for a secret; the seconds of a pulse).</summary>
        public string Value { get; private set; }

        /// <summary>Why the command was refused: what is allowed, in words a grower can act on.</summary>
        public string Error { get; private set; }

        public static CommandResult Applied(string value)
        {
            return new CommandResult(true, value, null);
        }

        public static CommandResult Refused(string error)
        {
            return new CommandResult(false, null, error);
        }
    }
}
