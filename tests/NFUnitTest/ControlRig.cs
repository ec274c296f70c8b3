using System;
using Greenhouse.App;
using Greenhouse.Control;
using Greenhouse.Diagnostics;
using Greenhouse.Sensing;
using Greenhouse.Settings;

namespace Greenhouse.Tests
{
    /// <summary>Control state kept in memory, as the settings-file adapter would keep it on flash.</summary>
    public sealed class FakeControlState : IControlStatePersistence
    {
        public string[] Keys;
        public string[] Values;
        public int Saves;

        public bool TryLoad(out string[] keys, out string[] values)
        {
            keys = Keys;
            values = Values;
            return Keys != null;
        }

        public bool Save(string[] keys, string[] values)
        {
            Keys = Greenhouse.Text.StringArray.New(keys.Length);
            Values = Greenhouse.Text.StringArray.New(values.Length);
            for (int i = 0; i < keys.Length; i++)
            {
                Keys[i] = keys[i];
                Values[i] = values[i];
            }

            Saves++;
            return true;
        }

        public string Get(string key)
        {
            if (Keys == null)
            {
                return null;
            }

            for (int i = 0; i < Keys.Length; i++)
            {
                if (Keys[i] == key)
                {
                    return Values[i];
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The control engine on fake relays, a fake clock (synced, UTC+8 by default) and climates the test sets
    /// per zone. Reboot() builds a new engine on the same relays, settings and saved state.
    /// </summary>
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
        public bool Tank = true;
        public int Boots;

        public ControlRig()
        {
            Settings = new ControllerSettings(SettingsCatalog.All());
            ControlSettings.AddRules(Settings);
            for (int i = 0; i < Valves.Length; i++)
            {
                Valves[i] = new FakeRelay();
                Climates[i].HumidityValid = true;
                Climates[i].TemperatureValid = true;
                Climates[i].TemperatureCelsius = 20;
                Climates[i].RelativeHumidityPercent = 95;
                Climates[i].Source = 1;
            }

            Clock.Synced = true;
            Clock.Uptime = 1000;
            SetLocal(2026, 5, 10, 8, 0);
            Build();
        }

        /// <summary>Boots the engine (again) from the saved state; relays start off.</summary>
        public void Build()
        {
            Alarms = new AlarmSet();
            Log = new Logger(LogSink, Clock);
            RelayChannel[] valves = new RelayChannel[4];
            for (int i = 0; i < 4; i++)
            {
                valves[i] = new RelayChannel("valve" + (i + 1).ToString(), Valves[i]);
            }

            Engine = new ControlEngine(Settings, new RelayChannel("pump", Pump), new RelayChannel("fan", Fan), valves, Alarms, Log, State);
            Engine.AllOff(ReasonCode.Start);
            Engine.Restore(Clock.Uptime);
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
            Engine.Tick(Clock.Uptime, Climates, Tank, synced, local);
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

        public bool Alarm(string code, int zone)
        {
            return Alarms.IsActive(code, zone);
        }
    }
}
