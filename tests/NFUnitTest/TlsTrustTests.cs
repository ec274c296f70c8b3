using Greenhouse.Commands;
using Greenhouse.Settings;
using Greenhouse.TestSupport;
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
            CommandResult result = rig.Controller.Commands.ApplySetting("mqtt.tls", "on", "console");
            Assert.IsFalse(result.Ok);
            Assert.IsTrue(result.Error.IndexOf("ca.pem") >= 0, result.Error);
            Assert.IsFalse(TlsOn(rig));
            Assert.IsTrue(rig.Log.Contains("settings refused key=mqtt.tls source=console"), "the refusal is logged with its source");
        }

        [TestMethod]
        public void TlsWithAStoredCaIsAccepted()
        {
            MqttRig rig = new MqttRig();
            rig.Store.Write(TlsTrustRule.CaBlob, Pem());
            CommandResult result = rig.Controller.Commands.ApplySetting("mqtt.tls", "on", "console");
            Assert.IsTrue(result.Ok, result.Error);
            Assert.IsTrue(TlsOn(rig));
        }

        [TestMethod]
        public void OtherChangesAreNotRefusedWhenTheCaDisappearsLater()
        {
            MqttRig rig = new MqttRig();
            rig.Store.Write(TlsTrustRule.CaBlob, Pem());
            Assert.IsTrue(rig.Controller.Commands.ApplySetting("mqtt.tls", "on", "console").Ok);
            rig.Store.Delete(TlsTrustRule.CaBlob);
            CommandResult other = rig.Controller.Commands.ApplySetting("zone1.target_rh", "88", "console");
            Assert.IsTrue(other.Ok, other.Error);
            CommandResult off = rig.Controller.Commands.ApplySetting("mqtt.tls", "off", "console");
            Assert.IsTrue(off.Ok, off.Error);
        }

        [TestMethod]
        public void AStoredTlsSettingIsLoadedEvenWithoutTheCaSoTheLinkIsNeverDowngraded()
        {
            FakeSettingsStore store = new FakeSettingsStore();
            store.Write(TlsTrustRule.CaBlob, Pem());
            MqttRig first = new MqttRig(store, true);
            CommandResult result = first.Controller.Commands.ApplySetting("mqtt.tls", "on", "console");
            Assert.IsTrue(result.Ok, result.Error);
            Assert.IsTrue(first.Controller.Persistence.SaveNow());
            store.Delete(TlsTrustRule.CaBlob);

            MqttRig second = new MqttRig(store, false);
            Assert.IsTrue(TlsOn(second), "mqtt.tls must stay on: refusing it at load would connect in plain text");
        }

        [TestMethod]
        public void AnMqttSetIsRefusedWithTheReasonInTheAck()
        {
            MqttRig rig = new MqttRig();
            rig.Ticks(1);
            string ack = rig.Send(rig.Base + "/config/mqtt.tls/set", "on", false);
            Assert.IsNotNull(ack, "no ack published");
            Assert.IsTrue(ack.IndexOf("\"ok\":false") >= 0, ack);
            Assert.IsTrue(ack.IndexOf("ca.pem") >= 0, ack);
            Assert.IsFalse(TlsOn(rig));
        }

        private static bool TlsOn(MqttRig rig)
        {
            ISettingsView settings = rig.Controller.Status.Settings;
            return settings.Flag(settings.Require("mqtt.tls"), 0);
        }
    }
}
