using Greenhouse.Board;
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
    /// <summary>No pins.* setting may move a function onto the flash, the WROVER's PSRAM or the flashing UART.</summary>
    [TestClass]
    public class PinRulesTests
    {
        [TestMethod]
        public void EveryDefaultPinIsFreeOnAWroverBoard()
        {
            int[] defaults =
            {
                DefaultPins.I2cData, DefaultPins.I2cClock, DefaultPins.PumpRelay, DefaultPins.Valve1Relay, DefaultPins.Valve2Relay,
                DefaultPins.Valve3Relay, DefaultPins.Valve4Relay, DefaultPins.FanRelay, DefaultPins.TankFloatSwitch, DefaultPins.ConsoleTx,
                DefaultPins.ConsoleRx, DefaultPins.Heartbeat, DefaultPins.StatusLed, DefaultPins.RelaySupplySense, DefaultPins.I2c2Data,
                DefaultPins.I2c2Clock,
            };
            for (int i = 0; i < defaults.Length; i++)
            {
                Assert.IsNull(PinRules.Reserved(defaults[i]), "GPIO " + defaults[i].ToString());
                for (int j = i + 1; j < defaults.Length; j++)
                {
                    Assert.AreNotEqual(defaults[i], defaults[j], "two functions on GPIO " + defaults[i].ToString());
                }
            }
        }

        [TestMethod]
        public void ThePsramFlashAndUsbPinsAreRefusedWithTheReason()
        {
            ControllerSettings settings = SettingsCatalog.CreateSettings();
            int version = settings.Version;
            string error;
            Assert.IsFalse(settings.TrySet("pins.console_tx", "17", out error));
            Assert.IsTrue(error.IndexOf("PSRAM") >= 0, error);
            Assert.IsTrue(error.IndexOf("pins.console_tx") >= 0, error);
            Assert.IsFalse(settings.TrySet("pins.console_rx", "16", out error));
            Assert.IsFalse(settings.TrySet("pins.pump_relay", "6", out error));
            Assert.IsTrue(error.IndexOf("flash") >= 0, error);
            Assert.IsFalse(settings.TrySet("pins.status_led", "1", out error));
            Assert.IsFalse(settings.TrySet("pins.relay_supply", "3", out error));
            Assert.AreEqual(version, settings.Version, "nothing changed");
            Assert.AreEqual((long)DefaultPins.ConsoleTx, settings.Integer(settings.Require("pins.console_tx"), 0));
        }

        [TestMethod]
        public void AFreePinIsAccepted()
        {
            ControllerSettings settings = SettingsCatalog.CreateSettings();
            string error;
            Assert.IsTrue(settings.TrySet("pins.pump_relay", "5", out error), error);
            Assert.IsTrue(settings.TrySet("pins.console_rx", "36", out error), error);
        }

        [TestMethod]
        public void TheConsoleRefusesThePsramPinThroughTheCommandPort()
        {
            MqttRig rig = new MqttRig();
            CommandResult result = rig.Controller.Commands.ApplySetting("pins.console_rx", "16", "console");
            Assert.IsFalse(result.Ok);
            Assert.IsTrue(result.Error.IndexOf("PSRAM") >= 0, result.Error);
        }
    }
}
