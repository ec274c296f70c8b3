using System.IO;
using System.Text;
using Greenhouse.Persistence;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Tests
{
    /// <summary>Keeps the examples in docs/mqtt.md honest.</summary>
    [TestClass]
    public class MqttDocsTests
    {
        private static string Docs()
        {
            DirectoryInfo dir = new DirectoryInfo(System.AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "docs", "mqtt.md")))
            {
                dir = dir.Parent;
            }

            Assert.IsNotNull(dir, "docs/mqtt.md not found above the test folder");
            return File.ReadAllText(Path.Combine(dir.FullName, "docs", "mqtt.md"));
        }

        [TestMethod]
        public void SettingsFileExampleParsesWithItsChecksum()
        {
            string docs = Docs();
            int start = docs.IndexOf("```text\n") + "```text\n".Length;
            int end = docs.IndexOf("```", start);
            byte[] example = Encoding.UTF8.GetBytes(docs.Substring(start, end - start));
            Assert.IsTrue(SettingsFile.TryParse(example, true, out SettingsDocument doc, out string error), error);
            Assert.AreEqual("92", doc.Find("zone1.target_rh"));
            Assert.AreEqual(12L, doc.Generation);
        }

        [TestMethod]
        public void AckExamplesMatchTheController()
        {
            string docs = Docs();
            MqttRig rig = new MqttRig();
            rig.Ticks(10);
            string ok = rig.Send("greenhouse/gh-a1b2c3/zone/1/target_rh/set", "92", false);
            string refused = rig.Send("greenhouse/gh-a1b2c3/zone/1/target_rh/set", "99", false);
            StringAssert.Contains(docs, "# greenhouse/gh-a1b2c3/ack " + ok);
            StringAssert.Contains(docs, "# greenhouse/gh-a1b2c3/ack " + refused);
        }
    }
}
