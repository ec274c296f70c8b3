using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.IO;
using System.Text.RegularExpressions;
using Greenhouse.Firmware.Tests.Models;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Firmware.Tests
{
    /// <summary>
    /// hardware-docs/wiring.md against what the firmware really does on the board: every pin the pin table names is
    /// driven or read in the role the table gives it, and the firmware touches no pin the table does not name.
    /// </summary>
    [TestClass]
    public sealed class PinDocsTests
    {
        private static string RepoFile(string relative)
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "Controller.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            Assert.IsNotNull(dir, "repository root not found");
            return Path.Combine(dir, relative);
        }

        /// <summary>Function name → GPIO from the "## Pin table" of wiring.md.</summary>
        private static Dictionary<string, int> DocumentedPins()
        {
            string text = File.ReadAllText(RepoFile("hardware-docs/wiring.md"));
            int at = text.IndexOf("## Pin table", StringComparison.Ordinal);
            Assert.IsTrue(at >= 0);
            var pins = new Dictionary<string, int>();
            foreach (Match m in Regex.Matches(text.Substring(at), @"^\|\s*`(\w+)`\s*\|\s*(\d+)\s*\|", RegexOptions.Multiline))
            {
                pins[m.Groups[1].Value] = int.Parse(m.Groups[2].Value);
            }

            Assert.IsTrue(pins.Count >= 15, "pin table too short: " + pins.Count);
            return pins;
        }

        private sealed class Usage
        {
            public readonly HashSet<PinMode> Modes = new HashSet<PinMode>();
            public readonly HashSet<string> Functions = new HashSet<string>();
        }

        private static void Collect(Dictionary<int, Usage> used)
        {
            foreach (PadState pad in Esp32Board.Pads)
            {
                bool touched = pad.OpenedAs.Count > 0 || pad.MappedFunction != null || pad.I2cBus != 0;
                if (!touched)
                {
                    continue;
                }

                Usage usage;
                if (!used.TryGetValue(pad.Number, out usage))
                {
                    usage = new Usage();
                    used[pad.Number] = usage;
                }

                foreach (PinMode mode in pad.OpenedAs)
                {
                    usage.Modes.Add(mode);
                }

                if (pad.MappedFunction != null)
                {
                    usage.Functions.Add(pad.MappedFunction);
                }
            }
        }

        [TestMethod]
        public void EveryDocumentedPinIsDrivenOrReadByTheFirmwareAndNoOtherPinIsTouched()
        {
            var used = new Dictionary<int, Usage>();
            foreach (bool sensor2OwnBus in new[] { false, true })
            {
                var rig = new BoardRig(sensor2OwnBus);
                rig.Boot();
                rig.Run(30);
                Assert.IsTrue(rig.Controller.DeadMan.Proven, "relay outputs open only after the proof");
                Collect(used);
            }

            Dictionary<string, int> documented = DocumentedPins();
            var problems = new List<string>();
            foreach (KeyValuePair<string, int> pin in documented)
            {
                Usage usage;
                if (!used.TryGetValue(pin.Value, out usage))
                {
                    problems.Add(pin.Key + " (GPIO " + pin.Value + ") is never used by the firmware");
                    continue;
                }

                string expected = ExpectedRole(pin.Key);
                bool ok = expected.StartsWith("mode:")
                    ? usage.Modes.Contains((PinMode)Enum.Parse(typeof(PinMode), expected.Substring(5)))
                    : usage.Functions.Contains(expected.Substring(9));
                if (!ok)
                {
                    problems.Add(pin.Key + " (GPIO " + pin.Value + ") expected " + expected + ", firmware used modes ["
                        + string.Join(",", usage.Modes) + "] functions [" + string.Join(",", usage.Functions) + "]");
                }
            }

            var documentedGpios = new HashSet<int>(documented.Values);
            foreach (int gpio in used.Keys)
            {
                if (!documentedGpios.Contains(gpio))
                {
                    problems.Add("GPIO " + gpio + " is used by the firmware but not in the pin table");
                }
            }

            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        [TestMethod]
        public void OnADevKitCWroverTheFirmwareLeavesThePsramFlashUsbAndStrappingPinsAlone()
        {
            var used = new Dictionary<int, Usage>();
            foreach (bool sensor2OwnBus in new[] { false, true })
            {
                var rig = new BoardRig(sensor2OwnBus);
                rig.Boot();
                rig.Run(30);
                Collect(used);
            }

            var problems = new List<string>();
            foreach (KeyValuePair<int, Usage> pin in used)
            {
                int gpio = pin.Key;
                if ((gpio >= 6 && gpio <= 11) || gpio == 16 || gpio == 17)
                {
                    problems.Add("GPIO " + gpio + " belongs to the WROVER module's flash or PSRAM");
                }

                if (gpio == 1 || gpio == 3)
                {
                    problems.Add("GPIO " + gpio + " is the USB UART (flashing, nanoFramework's debugger link)");
                }

                // GPIO 2 carries only the board's LED, which leaves it low at reset as the strap wants.
                if (gpio == 0 || gpio == 5 || gpio == 12 || gpio == 15)
                {
                    problems.Add("GPIO " + gpio + " is a strapping pin");
                }

                bool drives = pin.Value.Modes.Contains(PinMode.Output) || pin.Value.Functions.Contains("COM2_TX")
                    || pin.Value.Functions.Contains("I2C1_DATA") || pin.Value.Functions.Contains("I2C1_CLOCK")
                    || pin.Value.Functions.Contains("I2C2_DATA") || pin.Value.Functions.Contains("I2C2_CLOCK");
                if (gpio >= 34 && drives)
                {
                    problems.Add("GPIO " + gpio + " is input-only but the firmware drives it");
                }

                if (gpio >= 34 && pin.Value.Modes.Contains(PinMode.InputPullUp))
                {
                    problems.Add("GPIO " + gpio + " has no internal pull-up");
                }
            }

            Assert.IsTrue(used.ContainsKey(Greenhouse.Board.DefaultPins.ConsoleTx) && used.ContainsKey(Greenhouse.Board.DefaultPins.ConsoleRx),
                "the console was not opened on its default pins");
            Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        }

        /// <summary>The role the table's function name implies.</summary>
        private static string ExpectedRole(string name)
        {
            switch (name)
            {
                case "I2cData": return "function:I2C1_DATA";
                case "I2cClock": return "function:I2C1_CLOCK";
                case "I2c2Data": return "function:I2C2_DATA";
                case "I2c2Clock": return "function:I2C2_CLOCK";
                case "ConsoleTx": return "function:COM2_TX";
                case "ConsoleRx": return "function:COM2_RX";
                case "TankFloatSwitch": return "mode:InputPullUp";
                case "RelaySupplySense": return "mode:Input";
                default:
                    // Relays, heartbeat and the status LED are outputs.
                    return "mode:Output";
            }
        }
    }
}
