namespace Greenhouse.Technician
{
    /// <summary>One technician command as <c>help</c> explains it.</summary>
    public sealed class ConsoleCommand
    {
        public ConsoleCommand(string name, string usage, string summary, string detail, string example)
        {
            Name = name;
            Usage = usage;
            Summary = summary;
            Detail = detail;
            Example = example;
        }

        public string Name { get; private set; }
        public string Usage { get; private set; }

        /// <summary>One line for the command list.</summary>
        public string Summary { get; private set; }

        /// <summary>What <c>help COMMAND</c> adds.</summary>
        public string Detail { get; private set; }
        public string Example { get; private set; }
    }

    /// <summary>The console's commands in help order: the one table help, the docs test and the interpreter use.</summary>
    public static class ConsoleCommands
    {
        public static readonly ConsoleCommand[] All =
        {
            new ConsoleCommand("help", "help [COMMAND]", "list the commands, or explain one",
                "Without a command: one line per command. With one: its usage, what it does and an example.", "help mist"),
            new ConsoleCommand("status", "status", "sensors, zones, pump, tank, alarms, network, uptime, firmware",
                "One line per item: fw/uptime/time, each sensor with health, each zone in use with mode, activity and reason, pump, fan, tank, alarms, network, inbox.", "status"),
            new ConsoleCommand("get", "get KEY", "show one setting",
                "KEY is a device setting (mqtt.port) or a zone setting (zone1.target_rh). Prints key=value, then the allowed values.", "get zone1.target_rh"),
            new ConsoleCommand("set", "set KEY VALUE", "change one setting (checked and saved like an MQTT change)",
                "VALUE is everything after KEY (spaces allowed; quotes optional). Errors say what is allowed. Secret values are never shown. "
                + "A connection setting goes on trial (see trial); a hardware setting waits for a restart and hardware confirm (see hardware).", "set zone1.target_rh 91"),
            new ConsoleCommand("settings", "settings [PREFIX]", "list settings, secrets masked",
                "PREFIX keeps only keys starting with it (zone1. or mqtt.). Zone settings are listed for all 4 zones.", "settings zone1."),
            new ConsoleCommand("mist", "mist ZONE SECONDS", "open a zone's valve for a short pulse",
                "ZONE is a zone in use (1..zones), SECONDS 1..the hard limit. Refused when the zone is off, the tank is empty or a safety rule forbids it.", "mist 1 30"),
            new ConsoleCommand("zone", "zone ZONE auto|off|manual", "switch a zone to automatic, off or manual",
                "Sets zoneN.mode. auto: the controller mists; off: valve closed; manual: only mist pulses.", "zone 2 off"),
            new ConsoleCommand("events", "events", "important events, kept across reboots",
                "Boots with reason, safety trips and warnings, alarms raised and cleared, setting changes with their source. Oldest first.", "events"),
            new ConsoleCommand("log", "log [COUNT]", "recent log lines",
                "The last COUNT lines of the log held in RAM (default 20, at most 64). Lost at reboot; use events for what is kept.", "log 10"),
            new ConsoleCommand("wifi", "wifi SSID [PASSWORD]", "set the Wi-Fi network (on trial)",
                "Sets wifi.ssid and wifi.password (an open network has no password). Quote an SSID with spaces: wifi \"Farm Net\" secret. "
                + "The board joins it at once, on trial like any connection change.", "wifi FarmNet s3cret-pass"),
            new ConsoleCommand("mqtt", "mqtt HOST PORT [USER PASSWORD]", "set the MQTT broker (on trial)",
                "Sets mqtt.host, mqtt.port, mqtt.user and mqtt.password. Without USER and PASSWORD the broker is used anonymously (user and password are cleared). "
                + "The board reconnects at once, on trial like any connection change.", "mqtt 192.168.1.10 1883 greenhouse s3cret-pass"),
            new ConsoleCommand("trial", "trial [keep|revert]", "show a connection change on trial; keep it now, or go back",
                "A change of Wi-Fi, broker, login, TLS, prefix or device id is kept once the board is online on the broker with it within net.trial_min; "
                + "otherwise the last working connection returns. keep skips the trial (the new values become the working ones now); revert goes back now.", "trial keep"),
            new ConsoleCommand("hardware", "hardware [confirm|discard]", "show hardware changes waiting; confirm them after a restart",
                "set on a hardware setting (relays.active_low, pins.*, zones, sensor2.bus, console.baud) only records the change. After a restart, confirm applies it "
                + "and restarts the board with it; discard forgets it. MQTT can never change these.", "hardware confirm"),
            new ConsoleCommand("reboot", "reboot", "restart the controller",
                "Drives every relay off, saves the journal and restarts.", "reboot"),
            new ConsoleCommand("factory-reset", "factory-reset", "erase settings and the journal, then restart (asks to confirm)",
                "Type factory-reset, then yes within 30 s. Every setting returns to its default (Wi-Fi and MQTT included), the stored settings and the journal are erased, and the controller restarts.", "factory-reset"),
        };

        /// <summary>Who may change which settings: the last lines of help (docs/console.md and docs/mqtt.md say the same).</summary>
        public static readonly string[] SettingClasses =
        {
            "setting classes (get KEY shows a setting's class):",
            "  crop        targets, bands, stages, modes, windows, budgets: MQTT and console",
            "  connection  wifi.*, mqtt.* broker/login/tls/prefix, device.id: MQTT and console, on trial (net.trial_min)",
            "  hardware    relays.active_low, pins.*, zones, sensor2.bus, console.baud: console only, after a restart and hardware confirm",
        };

        /// <summary>The command of that name, or null.</summary>
        public static ConsoleCommand Find(string name)
        {
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Name == name)
                {
                    return All[i];
                }
            }

            return null;
        }
    }
}
