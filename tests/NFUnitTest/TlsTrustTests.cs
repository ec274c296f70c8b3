using Greenhouse.Settings;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    /// <summary>mqtt.tls needs a stored CA certificate: refused at configuration time, never downgraded at load.</summary>
    [TestClass]
    public class TlsTrustTests
    {
        private static byte[] Pem()
        {
            return System.Text.Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        }

        [TestMethod]
        public void TlsWithoutAStoredCaIsRefusedWithTheReason()
        {
            MqttRig rig = new MqttRig();
            string error;
            Assert.IsFalse(rig.Controller.ApplySetting("mqtt.tls", "on", "console", out error));
            Assert.IsTrue(error.IndexOf("ca.pem") >= 0, error);
            Assert.IsFalse(rig.Controller.Settings.Flag(rig.Controller.Settings.Require("mqtt.tls"), 0));
        }

        [TestMethod]
        public void TlsWithAStoredCaIsAccepted()
        {
            MqttRig rig = new MqttRig();
            rig.Store.Write(TlsTrustRule.CaBlob, Pem());
            string error;
            Assert.IsTrue(rig.Controller.ApplySetting("mqtt.tls", "on", "console", out error), error);
        }

        [TestMethod]
        public void OtherChangesAreNotRefusedWhenTheCaDisappearsLater()
        {
            MqttRig rig = new MqttRig();
            rig.Store.Write(TlsTrustRule.CaBlob, Pem());
            string error;
            Assert.IsTrue(rig.Controller.ApplySetting("mqtt.tls", "on", "console", out error), error);
            rig.Store.Delete(TlsTrustRule.CaBlob);
            Assert.IsTrue(rig.Controller.ApplySetting("zone1.target_rh", "88", "console", out error), error);
            Assert.IsTrue(rig.Controller.ApplySetting("mqtt.tls", "off", "console", out error), error);
        }

        [TestMethod]
        public void AStoredTlsSettingIsLoadedEvenWithoutTheCaSoTheLinkIsNeverDowngraded()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            store.Write(TlsTrustRule.CaBlob, Pem());
            MqttRig first = new MqttRig(store, true);
            string error;
            Assert.IsTrue(first.Controller.ApplySetting("mqtt.tls", "on", "console", out error), error);
            Assert.IsTrue(first.Controller.Persistence.SaveNow());
            store.Delete(TlsTrustRule.CaBlob);

            MqttRig second = new MqttRig(store, false);
            Assert.IsTrue(second.Controller.Settings.Flag(second.Controller.Settings.Require("mqtt.tls"), 0),
                "mqtt.tls must stay on: refusing it at load would connect in plain text");
        }
    }
}
