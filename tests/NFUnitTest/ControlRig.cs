using System;
using Greenhouse.Time;
using Greenhouse.Actuation;
using Greenhouse.App;
using Greenhouse.Commands;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Persistence;
using Greenhouse.Sensing;
using Greenhouse.Settings;
using Greenhouse.TestSupport;

namespace Greenhouse.Tests
{
    /// <summary>
    /// The control engine on fake relays, a fake clock (synced, UTC+8 by default) and climates the test sets
    /// per zone. Reboot() builds a new engine on the same relays, settings and saved state.
    /// </summary>
    /// <summary>The command port of a bare engine: settings straight into the settings, mist-now to the engine.</summary>
    public sealed class SettingsOnlyCommands : ICommandPort
    {
        public ControllerSettings Settings;
        public ControlEngine Engine;
        public bool TankHasWater = true;
        public long NowMs;

        public CommandResult ApplySetting(string key, string value, string source)
        {
            string error;
            if (!Settings.TrySet(key, value, source, out error))
            {
                return CommandResult.Refused(error);
            }

            string shown;
            Settings.TryGetText(key, out shown, out error);
            return CommandResult.Applied(shown);
        }

        public CommandResult RequestMist(int zone, long seconds, string source)
        {
            string error = CommandDesk.MistRangeError(zone, seconds, Engine.ZoneCount);
            if (error == null)
            {
                error = Engine.MistRefusal(zone, TankHasWater, NowMs);
            }

            if (error != null)
            {
                return CommandResult.Refused(error);
            }

            Engine.QueueMist(zone, (int)seconds);
            return CommandResult.Applied(seconds.ToString());
        }

        public CommandResult Reboot(string source)
        {
            return CommandResult.Refused("no reboot in the control rig");
        }

        public CommandResult FactoryReset(string source)
        {
            return CommandResult.Refused("no factory reset in the control rig");
        }

        public CommandResult KeepConnection(string source)
        {
            return CommandResult.Refused("no connection in the control rig");
        }

        public CommandResult RevertConnection(string source)
        {
            return CommandResult.Refused("no connection in the control rig");
        }

        public CommandResult ConfirmHardware(string source)
        {
            return CommandResult.Refused("no hardware changes in the control rig");
        }

        public CommandResult DiscardHardware(string source)
        {
            return CommandResult.Refused("no hardware changes in the control rig");
        }
    }

    public sealed class ControlRig
    {
        public readonly ControllerSettings Settings;
        public readonly FakeRelay Pump = new FakeRelay();
        public readonly FakeRelay Fan = new FakeRelay();
        public readonly FakeRelay[] Valves = new FakeRelay[4];
        public readonly FakeControlState State = new FakeControlState();
        public readonly FakeClock Clock = new FakeClock();
        public readonly FakeLog LogSink = new FakeLog();
        public readonly ZoneClimate[] Climates = new ZoneClimate[4];
        public AlarmSet Alarms;
        public Logger Log;
        public ControlEngine Engine;
        public Actuators Relays;
        public ControlStateKeeper Counters;
        public readonly SettingsOnlyCommands Commands = new SettingsOnlyCommands();
        public bool Tank = true;
        public int Boots;

        public ControlRig()
        {
            Settings = SettingsCatalog.CreateSettings();
            Commands.Settings = Settings;
            for (int i = 0; i < Valves.Length; i++)
            {
                Valves[i] = new FakeRelay();
                Climates[i].HumidityValid = true;
                Climates[i].TemperatureValid = true;
                Climates[i].TemperatureCelsius = 20;
                Climates[i].RelativeHumidityPercent = 95;
                Climates[i].Source = 1;
            }

            // The rig's tests exercise the humidity program and the hard limits around it; the ears' water
            // film program (FilmProgramTests) switches itself back on where a test is about it.
            for (int zone = 1; zone <= Valves.Length; zone++)
            {
                Set("zone" + zone.ToString() + ".film", "off");
            }

            Clock.Synced = true;
            Clock.Uptime = 1000;
            SetLocal(2026, 5, 10, 8, 0);
            Build();
        }

        /// <summary>Boots the engine (again) from the saved state; relays start off.</summary>
        public void Build()
        {
            Alarms = new AlarmSet(null);
            Log = new Logger(LogSink, Clock);
            Engine = new ControlEngine(Settings, new ControlLimits(Settings), Commands, Alarms, Log);
            Commands.Engine = Engine;
            Relays = new Actuators(Pump, Valves, Fan, Engine, Alarms, Log);
            Counters = new ControlStateKeeper(State, Engine, Relays, Log);
            Relays.AllOff(ReasonCode.Start);
            Counters.Restore(Clock.Uptime);
            Boots++;
        }

        public void Reboot()
        {
            Build();
        }

        /// <summary>Sets the fake UTC clock so that local time (UTC+8) is the given time.</summary>
        public void SetLocal(int year, int month, int day, int hour, int minute)
        {
            Clock.Utc = new DateTime(year, month, day, hour, minute, 0).AddHours(-8);
        }

        public DateTime Local
        {
            get { return Clock.Utc.AddHours(8); }
        }

        public void Set(string key, string value)
        {
            string error;
            if (!Settings.TrySet(key, value, out error))
            {
                throw new Exception(key + ": " + error);
            }
        }

        public void Climate(int zone, double celsius, double rh)
        {
            Climates[zone - 1].TemperatureValid = true;
            Climates[zone - 1].HumidityValid = true;
            Climates[zone - 1].TemperatureCelsius = celsius;
            Climates[zone - 1].RelativeHumidityPercent = rh;
        }

        public MistZone Zone(int number)
        {
            return Engine.Zones[number - 1];
        }

        /// <summary>Advances the clock by ms and runs one tick.</summary>
        public void Step(long ms)
        {
            Clock.Advance(ms);
            DateTime local;
            bool synced = WallClock.TryGetLocal(Clock, 480, out local);
            Engine.Decide(Clock.Uptime, Climates, Tank, synced, local, Relays.Fan.Relay.IsOn, Relays.Fan.SinceSwitchMs(Clock.Uptime));
            Relays.Apply(Clock.Uptime);
            Counters.AfterTick(Clock.Uptime);
            Commands.TankHasWater = Tank;
        }

        /// <summary>Runs for seconds in steps of stepSeconds; returns valve-open seconds of the zone.</summary>
        public int Run(int seconds, int stepSeconds, int zone)
        {
            int open = 0;
            for (int t = 0; t < seconds; t += stepSeconds)
            {
                Step(stepSeconds * 1000L);
                if (zone > 0 && Valves[zone - 1].Energised)
                {
                    open += stepSeconds;
                }
            }

            return open;
        }

        /// <summary>Runs until the given local hour:minute (at most 2 days), in steps of stepSeconds.</summary>
        public int RunUntilLocal(int hour, int minute, int stepSeconds, int zone)
        {
            int open = 0;
            for (int i = 0; i < 2 * 86400 / stepSeconds; i++)
            {
                DateTime l = Local;
                if (l.Hour == hour && l.Minute == minute)
                {
                    break;
                }

                Step(stepSeconds * 1000L);
                if (zone > 0 && Valves[zone - 1].Energised)
                {
                    open += stepSeconds;
                }
            }

            return open;
        }

        /// <summary>A mist-now request as the command port judges it (zone, length, then the zone's own refusal).</summary>
        public bool RequestMist(int zone, int seconds, bool tankHasWater, out string error)
        {
            Commands.NowMs = Clock.Uptime;
            Commands.TankHasWater = tankHasWater;
            CommandResult result = Commands.RequestMist(zone, seconds, "test");
            error = result.Error;
            return result.Ok;
        }

        public bool Alarm(string code, int zone)
        {
            return Alarms.IsActive(code, zone);
        }
    }
}
