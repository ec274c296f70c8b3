using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;
using Greenhouse.Board;
using Greenhouse.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Tests
{
    /// <summary>The hardware docs and the firmware's single sources (DefaultPins, AlarmCodes) must agree.</summary>
    [TestClass]
    public class DocsConsistencyTests
    {
        private static string RepoFile(string relative)
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "Controller.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            Assert.IsNotNull(dir, "repository root not found above " + AppContext.BaseDirectory);
            return Path.Combine(dir, relative);
        }

        private static List<string[]> TableRows(string markdown, string heading)
        {
            int at = markdown.IndexOf(heading, StringComparison.Ordinal);
            Assert.IsTrue(at >= 0, "heading '" + heading + "' missing");
            var rows = new List<string[]>();
            bool inTable = false;
            foreach (string raw in markdown.Substring(at + heading.Length).Split('\n'))
            {
                string line = raw.Trim();
                if (line.StartsWith("|"))
                {
                    inTable = true;
                    string[] cells = line.Trim('|').Split('|');
                    for (int i = 0; i < cells.Length; i++)
                    {
                        cells[i] = cells[i].Trim();
                    }

                    if (!Regex.IsMatch(cells[0], "^:?-+:?$"))
                    {
                        rows.Add(cells);
                    }
                }
                else if (inTable)
                {
                    break;
                }
            }

            Assert.IsTrue(rows.Count > 1, "table under '" + heading + "' is empty");
            rows.RemoveAt(0); // header
            return rows;
        }

        [TestMethod]
        public void WiringPinTableMatchesTheFirmwareDefaults()
        {
            string text = File.ReadAllText(RepoFile("hardware-docs/wiring.md"));
            var documented = new Dictionary<string, int>();
            foreach (string[] row in TableRows(text, "## Pin table"))
            {
                string name = row[0].Trim('`');
                Assert.IsTrue(int.TryParse(row[1], out int gpio), "GPIO of " + name + " is not a number: " + row[1]);
                documented[name] = gpio;
            }

            var constants = new Dictionary<string, int>();
            foreach (FieldInfo field in typeof(DefaultPins).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.IsLiteral && field.FieldType == typeof(int) && field.Name != nameof(DefaultPins.ConsoleBaudRate))
                {
                    constants[field.Name] = (int)field.GetRawConstantValue();
                }
            }

            CollectionAssert.AreEquivalent(new List<string>(constants.Keys), new List<string>(documented.Keys), "pins in docs vs DefaultPins");
            foreach (var pair in constants)
            {
                Assert.AreEqual(pair.Value, documented[pair.Key], "GPIO of " + pair.Key);
            }
        }

        [TestMethod]
        public void TroubleshootingTableListsEveryAlarmCode()
        {
            string text = File.ReadAllText(RepoFile("hardware-docs/troubleshooting.md"));
            var documented = new List<string>();
            foreach (string[] row in TableRows(text, "## Alarm codes"))
            {
                documented.Add(row[0].Trim('`'));
            }

            CollectionAssert.AreEquivalent(AlarmCodes.All, documented, "alarm codes in troubleshooting.md vs AlarmCodes.All");

            var events = new List<string>();
            foreach (string[] row in TableRows(text, "## Events"))
            {
                events.Add(row[0].Trim('`'));
            }

            CollectionAssert.AreEquivalent(AlarmCodes.Events, events, "event codes in troubleshooting.md vs AlarmCodes.Events");
        }
            [TestMethod]
        public void EveryDocumentedLogLineIsOneTheCoreWrites()
        {
            string text = File.ReadAllText(RepoFile("hardware-docs/troubleshooting.md"));
            var sources = new System.Text.StringBuilder();
            foreach (string folder in new[] { "shared/Greenhouse.Core", "shared/Greenhouse.Controller" })
            {
                foreach (string file in Directory.GetFiles(RepoFile(folder), "*.cs", SearchOption.AllDirectories))
                {
                    sources.Append(File.ReadAllText(file));
                }
            }

            string code = sources.ToString();
            int checkedLines = 0;
            foreach (string[] row in TableRows(text, "## Log messages"))
            {
                foreach (Match m in Regex.Matches(row[0], "`([a-z]+) ([^`]+)`"))
                {
                    string component = m.Groups[1].Value;
                    string message = m.Groups[2].Value;
                    StringAssert.Contains(code, "\"" + component + "\", \"" + message + "\"", "log line documented but never written: " + component + " " + message);
                    checkedLines++;
                }
            }

            Assert.IsTrue(checkedLines >= 20, "too few log lines documented: " + checkedLines);
        }
    }
}
