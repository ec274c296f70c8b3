using System;
using System.IO;
using System.Linq;
using Greenhouse.Technician;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Tests
{
    /// <summary>docs/console.md documents every command the interpreter knows, with an example.</summary>
    [TestClass]
    public class ConsoleDocsTests
    {
        private static string RepoFile(string relative)
        {
            DirectoryInfo dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                dir = dir.Parent;
            }

            Assert.IsNotNull(dir, "repository root (global.json) not found");
            return File.ReadAllText(Path.Combine(dir.FullName, relative));
        }

        [TestMethod]
        public void EveryCommandHasASectionWithAnExample()
        {
            string doc = RepoFile("docs/console.md");
            foreach (string name in ConsoleCommands.All.Select(c => c.Name))
            {
                int heading = doc.IndexOf("### `" + name, StringComparison.Ordinal);
                Assert.IsTrue(heading >= 0, "no section for " + name);
                int next = doc.IndexOf("\n### ", heading + 4, StringComparison.Ordinal);
                string section = next < 0 ? doc.Substring(heading) : doc.Substring(heading, next - heading);
                Assert.Contains("\n> " + name, section, "no example typed for " + name);
            }
        }

        [TestMethod]
        public void DocumentedAnswersMatchTheInterpreter()
        {
            string doc = RepoFile("docs/console.md");
            ConsoleRig rig = new ConsoleRig();
            rig.Ticks(1); // boot lines out of the way
            foreach (string line in new[] { "help", "help mist", "foo", "mist one 20", "zone", "get", "mqtt host", "wifi", "log x", "set zone1.target_rh" })
            {
                string answer = rig.Ask(line);
                string expected = "> " + line + "\n" + answer.Replace("ZONE 1..1", "ZONE 1..2");
                Assert.IsTrue(doc.Contains(expected), "docs disagree for: " + expected);
            }
        }
    }
}
