using Greenhouse.App;
using Greenhouse.Commands;
using Greenhouse.Ports;

namespace Greenhouse.NanoClr.Replay
{
    /// <summary>Hooks for measuring the runtime the replay runs on (heap, time per tick); they write nothing compared.</summary>
    public interface IReplayProbe
    {
        /// <param name="roots">What the replay keeps for the day: the controller, its ports and the replay's own objects.</param>
        void Started(object[] roots);
        void BeforeTick(int second);
        void AfterTick(int second);
    }

    /// <summary>
    /// A recorded day replayed through the real <see cref="Controller"/> at one tick per second, the same on the host
    /// and on the nanoCLR: two zones with a BME280 each, pump, two valves and the fan, the tank switch, a clock that
    /// syncs after 90 s, an MQTT broker with a scripted day of grower commands, Home Assistant restarts, console lines
    /// and a link outage, and sensor and tank faults (<see cref="ReplayWorld"/>). Everything the controller does goes
    /// to the output as one line each; the two runtimes' lines must be identical.
    /// </summary>
    public static class ReplayDay
    {
        public const int DaySeconds = 86400;
        public const string Base = "greenhouse/gh-51ac01";

        public static int At(int hour, int minute, int second)
        {
            return ReplayWorld.At(hour, minute, second);
        }

        private static ReplayStep Mqtt(int second, string topic, string payload)
        {
            return new ReplayStep(second, "mqtt", topic, payload, false);
        }

        private static ReplayStep ConsoleLine(int second, string line)
        {
            return new ReplayStep(second, "console", "", line, false);
        }

        /// <summary>The day's scripted inputs, in time order.</summary>
        public static ReplayStep[] Script()
        {
            return new ReplayStep[]
            {
                Mqtt(300, "homeassistant/status", "online"),
                Mqtt(900, Base + "/zone/1/target_rh/set", "92"),
                Mqtt(905, Base + "/zone/1/target_rh/set", "150"),
                new ReplayStep(910, "mqtt", Base + "/zone/1/target_rh/set", "91", true),
                Mqtt(911, Base + "/zone/2/target_rh/set", " 88.5\n"),
                Mqtt(915, Base + "/zone/1/nonsense/set", "1"),
                Mqtt(916, Base + "/zone/9/target_rh/set", "90"),
                Mqtt(917, Base + "/config/target_rh/set", "90"),
                Mqtt(918, Base + "/zone/1/lockout.high_c/set", "27"),
                Mqtt(919, Base + "/foo/set", "1"),
                Mqtt(920, Base + "/zone/1/power/set", "OFF"),
                Mqtt(921, Base + "/zone/1/band/set", "\u0001\u0002"),
                Mqtt(922, Base + "/zone/1/band/set", "\u00e9"),
                Mqtt(923, Base + "/zone/1/band/set", "2.55"),
                Mqtt(924, Base + "/config/lockout.high_c/set", "31.25"),
                Mqtt(925, Base + "/config/lockout.low_c/set", "-1.5"),
                Mqtt(926, Base + "/config/time.utc_offset_min/set", "1e3"),
                Mqtt(927, Base + "/zone/1/target_rh/set", "91.55"),
                Mqtt(928, Base + "/zone/1/target_rh/set", "+91"),
                Mqtt(929, Base + "/zone/1/target_rh/set", "0091"),
                Mqtt(930, Base + "/zone/1/target_rh/set", ".5"),
                Mqtt(931, Base + "/zone/1/target_rh/set", "91."),
                Mqtt(932, Base + "/zone/1/target_rh/set", "9e1"),
                Mqtt(933, Base + "/zone/1/target_rh/set", "1,5"),
                Mqtt(934, Base + "/zone/1/target_rh/set", "   "),
                Mqtt(935, Base + "/zone/1/target_rh/set", ""),
                Mqtt(936, Base + "/zone/1/target_rh/set", "9000000000000000000000"),
                Mqtt(937, Base + "/zone/1/target_rh/set", "90.999999999999999999"),
                Mqtt(938, Base + "/zone/1/target_rh/set", "0123456789012345678901234567890123456789012345678901234567890123456789"),
                Mqtt(939, Base + "/zone/1/" + Repeat("\u6e7f\u5ea6", 80) + "/set", "90"),
                Mqtt(940, Base + "/zone/1/" + Repeat("a", 171) + "\ud83c\udf44" + Repeat("b", 20) + "/set", "90"),
                Mqtt(941, Base + "/zone/1/mode/set", "Auto"),
                Mqtt(942, Base + "/zone/1/mode/set", "AUTO"),
                Mqtt(943, Base + "/zone/1/power/set", "on"),
                Mqtt(944, Base + "/zone/2/band/set", "2.25"),
                Mqtt(945, Base + "/config/lockout.hyst_c/set", "0.05"),
                Mqtt(980, Base + "/zone/1/power/set", "ON"),
                Mqtt(1000, Base + "/zone/1/mist/set", "20"),
                Mqtt(1001, Base + "/zone/1/mist/set", "9999"),
                Mqtt(1002, Base + "/zone/2/mist/set", "12"),
                Mqtt(1200, Base + "/config/mqtt.telemetry_s/set", "120"),
                Mqtt(1201, Base + "/config/mqtt.password/set", "s3cret"),
                ConsoleLine(1500, "status"),
                ConsoleLine(1501, "get zone1.target_rh"),
                ConsoleLine(1502, "set zone1.band 4"),
                ConsoleLine(1503, "set zone1.band 99"),
                ConsoleLine(1504, "mist 1 15"),
                ConsoleLine(1505, "zone 1"),
                ConsoleLine(1506, "events"),
                ConsoleLine(1507, "help"),
                ConsoleLine(1508, "get mqtt.password"),
                ConsoleLine(1509, "frobnicate"),
                ConsoleLine(1510, "zone 2"),
                ConsoleLine(1511, "settings"),
                ConsoleLine(1512, "set zone1.target_rh 91.55"),
                ConsoleLine(1513, "set zone1.target_rh -0"),
                ConsoleLine(1514, "set lockout.high_c 27.95"),
                ConsoleLine(1515, "get zone1.band"),
                ConsoleLine(1516, "mist 2 5"),
                ConsoleLine(1517, "SET ZONE1.BAND 3"),
                ConsoleLine(1518, "set zone2.mode OFF"),
                ConsoleLine(1519, "set zone2.mode auto"),
                ConsoleLine(1520, "\"quoted words\" here"),
                new ReplayStep(3600, "down", "", "", false),
                Mqtt(4000, Base + "/zone/1/target_rh/set", "93"),
                Mqtt(4600, Base + "/zone/1/target_rh/set", "90"),
                ConsoleLine(At(6, 0, 0), "status"),
                Mqtt(At(6, 0, 0), Base + "/zone/1/stage/set", "pinning"),
                Mqtt(At(6, 1, 40), Base + "/zone/1/stage/set", "growth"),
                Mqtt(At(6, 3, 20), "homeassistant/status", "online"),
                Mqtt(At(8, 20, 0), Base + "/zone/1/mist/set", "30"),
                ConsoleLine(At(3, 0, 0), "zone 2"),
                ConsoleLine(At(10, 5, 0), "status"),
                ConsoleLine(At(10, 6, 0), "status"),
                ConsoleLine(At(12, 0, 0), "log"),
                Mqtt(At(12, 0, 0), Base + "/config/fan.on_c/set", "24"),
                ConsoleLine(At(12, 0, 10), "status"),
                ConsoleLine(At(13, 0, 2), "zone 1"),
                ConsoleLine(At(13, 30, 1), "status"),
                Mqtt(At(14, 0, 0), Base + "/config/season.summer/set", "on"),
                ConsoleLine(At(15, 5, 0), "status"),
                Mqtt(At(15, 6, 0), Base + "/zone/1/mist/set", "10"),
                ConsoleLine(At(15, 40, 5), "status"),
                ConsoleLine(At(17, 0, 0), "events"),
                Mqtt(At(20, 0, 0), Base + "/config/mqtt.prefix/set", "farm"),
                Mqtt(At(20, 1, 40), "farm/gh-51ac01/zone/1/target_rh/set", "93"),
                Mqtt(At(20, 1, 41), Base + "/zone/1/target_rh/set", "94"),
                ConsoleLine(At(23, 53, 20), "status"),
                ConsoleLine(At(23, 55, 0), "events"),
            };
        }

        private static string Repeat(string text, int times)
        {
            string result = "";
            for (int i = 0; i < times; i++)
            {
                result = result + text;
            }

            return result;
        }

        /// <summary>Replays the day and writes every observable action to <paramref name="output"/>.</summary>
        public static void Run(ReplayInput input, IReplayOutput output, IReplayProbe probe)
        {
            ReplayWorld world = new ReplayWorld(input);
            ReplayLink link = new ReplayLink(world, output, Script());
            ReplayRelay pump = new ReplayRelay(world, "pump", output);
            ReplayRelay fan = new ReplayRelay(world, "fan", output);
            ReplayRelay valve1 = new ReplayRelay(world, "valve1", output);
            ReplayRelay valve2 = new ReplayRelay(world, "valve2", output);
            ReplayLog log = new ReplayLog(output);

            ControllerPorts ports = new ControllerPorts();
            ports.Sensors[0] = new ReplaySensor(world, 1, output);
            ports.Sensors[1] = new ReplaySensor(world, 2, output);
            ports.Pump = pump;
            ports.Valves[0] = valve1;
            ports.Valves[1] = valve2;
            ports.Fan = fan;
            ports.TankSwitch = new ReplayTank(world);
            ports.Clock = new ReplayClock(world);
            ports.Store = new ReplayStore(world, output);
            ports.Mqtt = link;
            ports.MacAddress = "02:00:00:51:AC:01";
            ports.Log = log;

            Controller core = new Controller(ports, "replay");
            link.Attach(core);
            Apply(core, output, "zones", "2");
            Apply(core, output, "zone2.sensor", "sensor2");
            Apply(core, output, "mqtt.host", "127.0.0.1");
            Apply(core, output, "mqtt.port", "1883");
            core.Start();
            probe.Started(new object[] { core, ports, link, world, pump, fan, valve1, valve2, log });

            int seconds = input.Seconds;
            for (int second = 0; second < seconds; second++)
            {
                world.Second = second;
                link.Play();
                probe.BeforeTick(second);
                core.Tick();
                probe.AfterTick(second);
            }

            int transitions = pump.Transitions + fan.Transitions + valve1.Transitions + valve2.Transitions;
            output.Line("E " + seconds.ToString() + " ticks, " + transitions.ToString() + " relay transitions, " + log.Lines.ToString()
                + " log lines, " + link.Published.ToString() + " published");
        }

        private static void Apply(Controller core, IReplayOutput output, string key, string value)
        {
            CommandResult result = core.Commands.ApplySetting(key, value, "replay");
            output.Line("A " + key + "=" + value + (result.Ok ? " ok" : " refused: " + result.Error));
        }
    }
}
