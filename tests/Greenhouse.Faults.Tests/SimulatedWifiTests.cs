using Greenhouse.Ports;
using Greenhouse.TestSupport;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Faults.Tests
{
    /// <summary>The simulator's Wi-Fi model: the station is on a network only with its right password, and gates the link.</summary>
    [TestClass]
    public class SimulatedWifiTests
    {
        [TestMethod]
        public void TheStationJoinsOnlyANetworkInReachWithItsPasswordAndNotDuringWifiDown()
        {
            var faults = new FakeFaultState();
            var wifi = new SimulatedWifi(faults).AddNetwork("FarmNet", "good");
            Assert.IsFalse(wifi.IsJoined, "nothing asked yet");
            wifi.Join("FarmNet", "good");
            Assert.IsTrue(wifi.IsJoined);
            wifi.Join("FarmNet", "wrong");
            Assert.IsFalse(wifi.IsJoined);
            wifi.Join("Elsewhere", "good");
            Assert.IsFalse(wifi.IsJoined);
            wifi.Join("FarmNet", "good");
            faults.Active.Add((FaultKind.WifiDown, 0));
            Assert.IsFalse(wifi.IsJoined, "wifi-down takes the network away");
            faults.Active.Clear();
            wifi.RemoveNetwork("FarmNet");
            Assert.IsFalse(wifi.IsJoined, "the access point switched off");
            Assert.AreEqual(4, wifi.Joins);
        }

        [TestMethod]
        public void OffItsNetworkTheBoardHasNoLinkAndCannotEvenStartAConnect()
        {
            var faults = new FakeFaultState();
            var wifi = new SimulatedWifi(faults).AddNetwork("FarmNet", "good");
            var inner = new FakeMqttLink();
            bool? told = null;
            var link = new FaultyMqttLink(inner, faults, up => told = up, wifi);
            wifi.Join("FarmNet", "good");
            Assert.IsTrue(link.BeginConnect(new MqttConnectOptions { Host = "broker.local" }));
            Assert.IsTrue(link.IsConnected);
            wifi.Join("FarmNet", "wrong");
            Assert.IsFalse(link.IsConnected);
            Assert.IsFalse(inner.Connected, "the session ends with the network");
            Assert.AreEqual(false, told);
            Assert.IsFalse(link.BeginConnect(new MqttConnectOptions { Host = "broker.local" }), "no network: an attempt cannot start");
            Assert.IsFalse(link.Publish("t", new byte[] { 1 }, false));
            wifi.Join("FarmNet", "good");
            Assert.IsTrue(link.BeginConnect(new MqttConnectOptions { Host = "broker.local" }));
            Assert.IsTrue(link.IsConnected);
        }
    }
}
