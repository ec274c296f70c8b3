using System;
using Greenhouse.App;
using Greenhouse.TestSupport;

namespace Greenhouse.Footprint.Rig
{
    /// <summary>How the rig's humidity moves from tick to tick.</summary>
    public enum HumidityProfile
    {
        /// <summary>
        /// 88.5 % ± 1.2 % (temperature 22 °C ± 0.5 °C): inside the default dead band (target 90, band 3, so
        /// misting starts below 87 and stops at 90). Every tick reads, derives and decides; no relay switches.
        /// </summary>
        Wiggle = 0,

        /// <summary>
        /// A triangle 85 % → 92 % → 85 % over 600 ticks: a zone switches on and off once per period, so the
        /// change-only costs (reason strings, relay writes) are amortised over the period.
        /// </summary>
        MistCycle = 1
    }

    /// <summary>
    /// A controller built from the shared fakes (tests/Greenhouse.TestSupport, which never allocate once built; the store
    /// keeps the core's arrays instead of copying them), configured, started and warmed up, then stepped one
    /// simulated second per <see cref="Step"/>. Shared by the BenchmarkDotNet benchmarks and the footprint test
    /// (tests/Greenhouse.Footprint.Tests links this file).
    /// </summary>
    public sealed class SteadyStateRig : FakeBoard
    {
        /// <summary>Ticks run by the constructor so that lazily built strings and counters already exist.</summary>
        public const int DefaultWarmUpTicks = 1200;

        /// <summary>Broker host set by <see cref="WithBroker"/>; the rig's link is "connected" from the start.</summary>
        public const string BrokerHost = "broker.local";
        private readonly HumidityProfile _profile;
        private long _step;

        /// <param name="profile">How humidity moves.</param>
        /// <param name="settings">key, value pairs applied through ApplySetting before start (may be null).</param>
        /// <param name="warmUpTicks">Ticks run before the rig is handed out.</param>
        public SteadyStateRig(HumidityProfile profile, string[] settings, int warmUpTicks)
            : this(profile, settings, warmUpTicks, true)
        {
        }

        /// <param name="linkUp">False: the MQTT link is down and unreachable from the start (with no broker
        /// configured the controller never tries it).</param>
        public SteadyStateRig(HumidityProfile profile, string[] settings, int warmUpTicks, bool linkUp) : base(4)
        {
            _profile = profile;
            // Synced from the start at 2026-06-01 04:00 UTC (noon local), so timestamps are realistic.
            Clock.Utc = new DateTime(2026, 6, 1, 4, 0, 0, DateTimeKind.Utc);
            Clock.Synced = true;
            Sensor = new FakeSensor(22, 88) { Pressure = 1005 };
            Sensor2 = new FakeSensor(22, 88) { Pressure = 1005 };
            Log = new FakeLog(64);
            // The store keeps the core's own arrays (no copies), so every byte measured is the core's.
            Store = new FakeSettingsStore { CopyOnAccess = false };
            // "Connected" from the start; records every publish attempt (the last 64).
            Link = new FakeMqttLink(64) { Connected = linkUp, AutoConnect = linkUp, RecordRefused = true };
            MacAddress = DefaultMac;
            Build("bench");
            if (settings != null)
            {
                for (int i = 0; i + 1 < settings.Length; i += 2)
                {
                    Greenhouse.Commands.CommandResult result = Controller.Commands.ApplySetting(settings[i], settings[i + 1], "bench");
                    if (!result.Ok)
                    {
                        throw new InvalidOperationException("rig setting refused: " + settings[i] + "=" + settings[i + 1] + ": " + result.Error);
                    }
                }
            }

            Controller.Start();
            for (int i = 0; i < warmUpTicks; i++)
            {
                Step();
            }
        }

        /// <summary>
        /// The rig with the default settings except four zones in use and a broker configured, so the MQTT
        /// interface runs its per-tick upkeep and publishes a state document every mqtt.telemetry_s (60 s). The
        /// zones run the humidity program alone (zoneN.film off), so the profiles keep their meaning (the wiggle
        /// never switches a relay); film top-ups between ticks are measured in the core's allocation tests and
        /// with the default settings below.
        /// </summary>
        public static SteadyStateRig FourZones(HumidityProfile profile)
        {
            return new SteadyStateRig(profile, WithBroker(FourHumidityZones), DefaultWarmUpTicks);
        }

        /// <summary>Four zones, no broker configured and the link down: the control tick alone.</summary>
        public static SteadyStateRig FourZonesWithoutBroker(HumidityProfile profile)
        {
            return new SteadyStateRig(profile, FourHumidityZones, DefaultWarmUpTicks, false);
        }

        private static readonly string[] FourHumidityZones =
        {
            "zones", "4", "zone1.film", "off", "zone2.film", "off", "zone3.film", "off", "zone4.film", "off",
        };

        /// <summary>The MQTT base topic of the rig's controller (greenhouse/gh-a1b2c3 by default).</summary>
        public string BaseTopic
        {
            get { return Controller.Mqtt.BaseTopic; }
        }

        /// <summary>The topic acks are published on (the base topic + "/ack").</summary>
        public string AckTopic
        {
            get { return BaseTopic + "/ack"; }
        }

        /// <summary>Acks among the publishes from number <paramref name="from"/> on (a former Link.Count; at most the last 64 are kept).</summary>
        public int AcksSince(string ackTopic, int from)
        {
            return Link.CountOn(ackTopic, from);
        }

        /// <summary>The given key, value pairs preceded by mqtt.host = <see cref="BrokerHost"/>.</summary>
        public static string[] WithBroker(string[] settings)
        {
            int count = settings == null ? 0 : settings.Length;
            string[] all = new string[count + 2];
            all[0] = "mqtt.host";
            all[1] = BrokerHost;
            for (int i = 0; i < count; i++)
            {
                all[i + 2] = settings[i];
            }

            return all;
        }

        /// <summary>Steps taken since construction (warm-up included).</summary>
        public long Steps
        {
            get { return _step; }
        }

        /// <summary>Sets the inputs for the next simulated second without ticking.</summary>
        public void PrepareInputs()
        {
            double t = _step;
            double rh;
            if (_profile == HumidityProfile.Wiggle)
            {
                rh = 88.5 + 1.2 * Math.Sin(t * 0.1);
            }
            else
            {
                long phase = _step % 600;
                rh = phase < 300 ? 92.0 - 7.0 * phase / 300.0 : 85.0 + 7.0 * (phase - 300) / 300.0;
            }

            double temperature = 22.0 + 0.5 * Math.Sin(t * 0.013);
            Sensor.Humidity = rh;
            Sensor.Temperature = temperature;
            Sensor2.Humidity = rh + 0.4;
            Sensor2.Temperature = temperature - 0.2;
            Clock.Advance(1000);
            _step++;
        }

        /// <summary>One simulated second: move the inputs, then one control tick.</summary>
        public void Step()
        {
            PrepareInputs();
            Controller.Tick();
        }
    }
}
