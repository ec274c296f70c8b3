using System.Device.Gpio;
using System.Threading;
using Greenhouse.Board;
using Greenhouse.Firmware.Adapters;
using Greenhouse.Firmware.Tests.Models;
using Greenhouse.Ports;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using nanoFramework.Networking;

namespace Greenhouse.Firmware.Tests
{
    /// <summary>Relay, input, network and MQTT adapters against the behaviour models.</summary>
    [TestClass]
    public sealed class AdapterTests
    {
        [TestMethod]
        public void OpeningAnOutputWhileTheRelaySupplyIsOnPulsesAnActiveLowRelay()
        {
            // The upstream behaviour the core's sequencing exists for: OpenPin(Output) drives low before any Write.
            Esp32Board.Reset();
            var deadMan = new DeadManCircuit(DefaultPins.Heartbeat, DefaultPins.RelaySupplySense);
            var relays = new RelayBoard(deadMan, true, DefaultPins.PumpRelay);
            Esp32Board.Wire(deadMan);
            Esp32Board.Wire(relays);
            deadMan.EdgeAt(0);
            new GpioController().OpenPin(DefaultPins.PumpRelay, PinMode.Output).Write(PinValue.High);
            Assert.AreEqual(1, relays.TotalPullIns, "the pulse the firmware must never cause");
        }

        [TestMethod]
        public void ARelayAdapterOpensItsPinOnlyWhenTheCoreFirstSetsIt()
        {
            Esp32Board.Reset();
            var gpio = new GpioController();
            var relay = new GpioRelay(gpio, DefaultPins.PumpRelay, true);
            relay.Release();
            Assert.IsFalse(Esp32Board.Pads[DefaultPins.PumpRelay].Reserved, "constructing or releasing opens nothing");
            relay.Set(false);
            Assert.IsTrue(relay.IsOpen);
            Assert.IsTrue(Esp32Board.Drives(DefaultPins.PumpRelay, true), "released = high on an active-low board");
            relay.Set(true);
            Assert.IsTrue(Esp32Board.Drives(DefaultPins.PumpRelay, false));
            relay.Release();
            Assert.IsTrue(Esp32Board.Drives(DefaultPins.PumpRelay, true));
        }

        [TestMethod]
        public void TheRelaySupplyReadBackOpensAsAPlainInput()
        {
            Esp32Board.Reset();
            var deadMan = new DeadManCircuit(DefaultPins.Heartbeat, DefaultPins.RelaySupplySense);
            Esp32Board.Wire(deadMan);
            var gpio = new GpioController();
            var heartbeat = new HeartbeatOutput(gpio, DefaultPins.Heartbeat, DefaultPins.StatusLed);
            var supply = new GpioInput(gpio, DefaultPins.RelaySupplySense, PinMode.Input, false);
            bool on;
            Assert.IsTrue(supply.TryRead(out on));
            Assert.IsFalse(on);
            heartbeat.TryWrite(true);
            Assert.IsTrue(supply.TryRead(out on));
            Assert.IsTrue(on, "a rising edge powers the relay supply");
            Assert.IsTrue(Esp32Board.Drives(DefaultPins.StatusLed, true), "the LED follows the heartbeat");
            Assert.ThrowsExactly<System.ArgumentException>(() => gpio.OpenPin(35, PinMode.InputPullUp), "GPIO 34-39 have no pull resistors");
        }

        [TestMethod]
        public void AFloatSwitchCableLeakingTo10kOhmReadsWaterWithOnlyTheInternalPullUp()
        {
            // hardware-docs/wiring.md: the external 4.7 kOhm pull-up is part of the standard wiring.
            foreach (double external in new[] { double.PositiveInfinity, 4700 })
            {
                Esp32Board.Reset();
                var tank = new FloatSwitch(DefaultPins.TankFloatSwitch) { Closed = false, LeakOhms = 10000, ExternalPullUpOhms = external };
                Esp32Board.Wire(tank);
                var input = new GpioInput(new GpioController(), DefaultPins.TankFloatSwitch, PinMode.InputPullUp, true);
                bool water;
                Assert.IsTrue(input.TryRead(out water));
                Assert.AreEqual(double.IsPositiveInfinity(external), water, "external pull-up " + external + " Ohm");
                tank.LeakOhms = 1000;
                input.TryRead(out water);
                Assert.IsTrue(water, "below about 1.4 kOhm no pull-up helps: the mains-side float protects the pump");
            }
        }

        [TestMethod]
        public void TheWifiCredentialsAreWrittenOncePerBootNotOncePerRetry()
        {
            // Before the fix: one ConnectDhcp, hence one flash write of the Wi-Fi configuration, per retry (3 in 16 s).
            Esp32Board.Reset();
            var network = new NetworkStarter("shed-3", "secret");
            long now = 0;
            int attempts = 0;
            while (now < 23L * 3600 * 1000)
            {
                int wait = network.Attempt(now);
                now += wait + NetworkStarter.AttemptTimeoutMs;
                attempts++;
            }

            Assert.IsTrue(attempts > 200, "retried " + attempts + " times in 23 h");
            Assert.IsTrue(Esp32Board.Wifi.ConfigurationWrites <= 4, Esp32Board.Wifi.ConfigurationWrites + " configuration writes in 23 h (one at boot, then one per 6 h)");
            Assert.IsTrue(Esp32Board.Wifi.ReconnectCalls >= attempts - 5);

            Esp32Board.Wifi.AccessPointUp = true;
            int writes = Esp32Board.Wifi.ConfigurationWrites;
            Assert.AreEqual(0, network.Attempt(now));
            Assert.IsTrue(network.Connected);
            Assert.AreEqual(writes, Esp32Board.Wifi.ConfigurationWrites, "the reconnection needs no write");
            Assert.IsTrue(Esp32Board.Wifi.RtcSet, "SNTP runs as soon as the network is up");
        }

        [TestMethod]
        public void TheStationMovesToTheNetworkTheCoreAsksForWithOneConfigurationWriteEach()
        {
            // The core asks again after a change of wifi.ssid / wifi.password (a change on trial, or its revert).
            Esp32Board.Reset();
            Esp32Board.Wifi.AccessPointUp = true;
            var network = new NetworkStarter(false);
            Assert.AreEqual(0, network.Attempt(0), "nothing asked for: nothing to do");
            Assert.AreEqual(0, Esp32Board.Wifi.ConnectCalls);
            network.Join("shed-3", "secret");
            Assert.AreEqual(0, network.Attempt(0));
            Assert.IsTrue(network.IsJoined);
            Assert.AreEqual("shed-3", Esp32Board.Wifi.ConnectedSsid);
            Assert.AreEqual(1, Esp32Board.Wifi.ConfigurationWrites);

            network.Join("shed-3", "secret");
            Assert.IsTrue(network.IsJoined, "the same network again changes nothing");
            Assert.AreEqual(0, network.Attempt(1000));
            Assert.AreEqual(1, Esp32Board.Wifi.ConfigurationWrites);

            network.Join("shed-3-new", "other");
            Assert.IsFalse(network.IsJoined, "not on the new network until it is joined");
            Assert.AreEqual(0, network.Attempt(2000));
            Assert.AreEqual(1, Esp32Board.Wifi.DisconnectCalls, "the old network is left first");
            Assert.AreEqual("shed-3-new", Esp32Board.Wifi.ConnectedSsid);
            Assert.AreEqual("shed-3-new", Esp32Board.Wifi.StoredSsid);
            Assert.AreEqual(2, Esp32Board.Wifi.ConfigurationWrites);
            Assert.IsTrue(network.IsJoined);
        }

        private static MqttConnectOptions TlsOptions(string ca)
        {
            return new MqttConnectOptions
            {
                Host = "broker.county",
                Port = 8883,
                ClientId = "gh-51ac01",
                UseTls = true,
                CaCertificatePem = ca,
                WillTopic = "greenhouse/gh-51ac01/status",
                WillPayload = "offline",
                KeepAliveSeconds = 30,
                CleanSession = true
            };
        }

        // Waits for the connect worker's outcome: connected, or a failure text other than the one the link
        // already held (a refusal before this attempt stays in LastError until the attempt ends, so it must
        // not end the wait: on a slow machine that raced the worker and failed in CI).
        private static void WaitFor(M2MqttLink link, string errorBefore = null)
        {
            for (int i = 0; i < 500 && !link.IsConnected && link.LastError == errorBefore; i++)
            {
                Thread.Sleep(10);
            }
        }

        [TestMethod]
        public void TlsWithoutACaIsRefusedBeforeAnyHandshakeWithTheReason()
        {
            // Before the fix: a handshake was tried, failed, and LastError said only "Exception".
            Esp32Board.Reset();
            var link = new M2MqttLink(new TestClock { Synced = true });
            Assert.IsFalse(link.BeginConnect(TlsOptions(null)));
            Assert.IsTrue(link.LastError.IndexOf("ca.pem") >= 0, link.LastError);
            Assert.AreEqual(0, Esp32Board.Broker.TlsHandshakes);
        }

        [TestMethod]
        public void TheFirstTlsConnectWaitsForSntp()
        {
            Esp32Board.Reset();
            var clock = new TestClock();
            var link = new M2MqttLink(clock);
            const string ca = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
            Assert.IsFalse(link.BeginConnect(TlsOptions(ca)));
            Assert.IsTrue(link.LastError.IndexOf("SNTP") >= 0, link.LastError);
            Assert.AreEqual(0, Esp32Board.Broker.TlsHandshakes, "no handshake against the power-on date");

            Esp32Board.Wifi.AccessPointUp = true;
            Assert.AreEqual(0, new NetworkStarter("shed-3", "secret").Attempt(0));
            clock.Synced = Esp32Board.Wifi.RtcSet;
            string refusal = link.LastError;
            Assert.IsTrue(link.BeginConnect(TlsOptions(ca)));
            WaitFor(link, refusal);
            Assert.IsTrue(link.IsConnected, link.LastError);
            Assert.AreEqual(0, Esp32Board.Broker.FailedHandshakes);
        }

        [TestMethod]
        public void PlainMqttDoesNotWaitForTheClock()
        {
            Esp32Board.Reset();
            var link = new M2MqttLink(new TestClock());
            MqttConnectOptions options = TlsOptions(null);
            options.UseTls = false;
            options.Port = 1883;
            Assert.IsTrue(link.BeginConnect(options));
            WaitFor(link);
            Assert.IsTrue(link.IsConnected, link.LastError);
        }
    }
}
