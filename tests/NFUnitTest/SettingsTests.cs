using Greenhouse.Settings;
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace Greenhouse.Tests
{
    [TestClass]
    public class SettingsTests
    {
        [TestMethod]
        public void AcceptsValidValueAndReportsCanonicalText()
        {
            ControllerSettings settings = new ControllerSettings(SettingsCatalog.All());
            string error;
            Assert.IsTrue(settings.TrySet("zone1.target_rh", " 92.0 ", out error));
            string text;
            Assert.IsTrue(settings.TryGetText("zone1.target_rh", out text, out error));
            Assert.AreEqual("92", text);
        }

        [TestMethod]
        public void RejectsOutOfRangeWithReasonAndKeepsValue()
        {
            ControllerSettings settings = new ControllerSettings(SettingsCatalog.All());
            int version = settings.Version;
            string error;
            Assert.IsFalse(settings.TrySet("zone1.target_rh", "99", out error));
            Assert.AreEqual("target_rh must be 60..98 %", error);
            Assert.IsFalse(settings.TrySet("zone1.target_rh", "9l", out error));
            Assert.IsFalse(settings.TrySet("zone1.target_rh", "", out error));
            string text;
            settings.TryGetText("zone1.target_rh", out text, out error);
            Assert.AreEqual("90", text);
            Assert.AreEqual(version, settings.Version);
        }

        [TestMethod]
        public void RejectsUnknownKeysAndWrongScope()
        {
            ControllerSettings settings = new ControllerSettings(SettingsCatalog.All());
            string error;
            Assert.IsFalse(settings.TrySet("zone1.bogus", "1", out error));
            Assert.AreEqual("unknown setting zone1.bogus", error);
            Assert.IsFalse(settings.TrySet("target_rh", "90", out error));
            Assert.IsFalse(settings.TrySet("zone5.target_rh", "90", out error));
            Assert.IsFalse(settings.TrySet("zone1.mqtt.port", "1883", out error));
        }

        [TestMethod]
        public void ChoicesAreCaseInsensitiveAndListedWhenWrong()
        {
            ControllerSettings settings = new ControllerSettings(SettingsCatalog.All());
            string error;
            Assert.IsTrue(settings.TrySet("zone2.mode", "OFF", out error));
            Assert.IsFalse(settings.TrySet("zone2.mode", "sometimes", out error));
            Assert.AreEqual("mode must be one of auto, off, manual", error);
        }

        [TestMethod]
        public void SecretsAreMaskedForDisplay()
        {
            ControllerSettings settings = new ControllerSettings(SettingsCatalog.All());
            string error;
            Assert.IsTrue(settings.TrySet("mqtt.password", "hunter2", out error));
            string text;
            Assert.IsTrue(settings.TryGetText("mqtt.password", out text, out error));
            Assert.AreEqual("***", text);
            Assert.AreEqual("hunter2", settings.Text(settings.IndexOf("mqtt.password"), 0));
        }

        [TestMethod]
        public void TextRejectsControlCharacters()
        {
            ControllerSettings settings = new ControllerSettings(SettingsCatalog.All());
            string error;
            Assert.IsFalse(settings.TrySet("mqtt.host", "broker\nlocal", out error));
            Assert.IsTrue(settings.TrySet("mqtt.host", "broker.local", out error));
        }
    }
}
