using System.Text;
using CsCheck;
using Greenhouse.Fuzz;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Fuzz.Tests
{
    /// <summary>The fuzzer's own parts: escaping round-trips, the independent /set rule, and oracles that do bite.</summary>
    [TestClass]
    public class OracleTests
    {
        [TestMethod]
        public void EscapedBytesRoundTrip()
        {
            Gen.Byte.Array[0, 300].Sample(bytes =>
            {
                string token = Escape.Bytes(bytes);
                Assert.AreEqual(-1, token.IndexOf(' '));
                Assert.AreEqual(-1, token.IndexOf('\n'));
                CollectionAssert.AreEqual(bytes, Escape.ParseBytes(token));
            });
        }

        [TestMethod]
        public void EscapedTextRoundTrips()
        {
            Gen.String.Sample(text =>
            {
                string token = Escape.Text(text);
                Assert.AreEqual(-1, token.IndexOf(' '));
                Assert.AreEqual(text, Escape.ParseText(token));
            });
            Assert.IsNull(Escape.ParseText(Escape.Text(null)));
            Assert.AreEqual("", Escape.ParseText(Escape.Text("")));
        }

        [TestMethod]
        public void OwnSetRuleFollowsTheIssueText()
        {
            const string b = "greenhouse/gh-a1b2c3";
            Assert.IsTrue(MqttTarget.IsOwnSet(b + "/config/zones/set", b));
            Assert.IsTrue(MqttTarget.IsOwnSet(b + "//set", b));
            Assert.IsTrue(MqttTarget.IsOwnSet(b + "/+/set", b));
            Assert.IsFalse(MqttTarget.IsOwnSet(b + "/set", b));
            Assert.IsFalse(MqttTarget.IsOwnSet(b + "x/config/zones/set", b));
            Assert.IsFalse(MqttTarget.IsOwnSet(b + "/config/zones/set/", b));
            Assert.IsFalse(MqttTarget.IsOwnSet(null, b));
        }

        [TestMethod]
        public void IndependentChecksumMatchesAKnownFnv1aValue()
        {
            // FNV-1a 32 of "a" is 0xe40c292c (reference value of the algorithm).
            Assert.AreEqual(0xe40c292cu, SettingsTarget.Fnv1a(Encoding.ASCII.GetBytes("a")));
        }

        /// <summary>A valid copy labelled corrupt must be reported: the settings oracle really compares.</summary>
        [TestMethod]
        public void SettingsOracleReportsAValidCopyLabelledCorrupt()
        {
            string body = "version=1\ngeneration=3\nzones=3\n";
            string text = body + "checksum=" + SettingsTarget.Fnv1a(Encoding.ASCII.GetBytes(body)).ToString("x8") + "\n";
            FuzzCase fuzzCase = FuzzCase.Parse("target settings\nslot a corrupt " + Escape.Bytes(Encoding.ASCII.GetBytes(text)) + "\nslot b absent\n");
            FailureLog failures = new FailureLog();
            Targets.Replay(fuzzCase, failures);
            Assert.IsTrue(failures.Counts.ContainsKey("settings/load-defaults"), FuzzSliceTests.Describe(failures));
            Assert.IsTrue(failures.Counts.ContainsKey("settings/corrupt-alarm"), FuzzSliceTests.Describe(failures));

            FailureLog clean = new FailureLog();
            Targets.Replay(FuzzCase.Parse(fuzzCase.ToString().Replace("slot a corrupt", "slot a original")), clean);
            Assert.AreEqual(0L, clean.Total, FuzzSliceTests.Describe(clean));
        }

        /// <summary>Two untouched copies: the one with the higher generation loads exactly (zones=4 from b).</summary>
        [TestMethod]
        public void TwoUntouchedCopiesLoadTheNewest()
        {
            FuzzCase fuzzCase = FuzzCase.Parse("target settings\nslot a original " + Escape.Bytes(File("5", "zones=2\n")) + "\nslot b original " + Escape.Bytes(File("6", "zones=4\n")) + "\n");
            FailureLog failures = new FailureLog();
            Targets.Replay(fuzzCase, failures);
            Assert.AreEqual(0L, failures.Total, FuzzSliceTests.Describe(failures));
        }

        /// <summary>CsCheck-driven single messages (shrunk on failure) into a warm controller: every oracle holds.</summary>
        [TestMethod]
        [TestCategory("Fuzz")]
        public void SingleMessagesFromCsCheckKeepEveryOracle()
        {
            Gen<string> level = Gen.OneOf("zone", "config", "1", "4", "0", "target_rh", "mode", "mist", "power", "zones", "mqtt.port", "", "+", "#", "set");
            Gen<string> topic = level.Array[0, 5].Select(levels => FuzzCase.BasePlaceholder + (levels.Length == 0 ? "" : "/" + string.Join("/", levels)) + "/set");
            Gen<byte[]> payload = Gen.OneOf<byte[]>(Gen.Byte.Array[0, 80], Gen.OneOf("90", "98.1", "auto", "ON", "30", "").Select(s => Encoding.ASCII.GetBytes(s)));
            FailureLog failures = new FailureLog();
            MqttTarget target = new MqttTarget(1, failures);
            Gen.Select(topic, payload, Gen.Bool).Sample((t, p, r) =>
            {
                long before = failures.Total;
                target.RunTick(new System.Collections.Generic.List<Step> { Step.Message(t, p, r) }, 0);
                return failures.Total == before;
            }, iter: 2000, threads: 1);
        }

        /// <summary>A flood above the inbox capacity: 8 dropped, the 32 kept answered once each (what the ack oracle expects).</summary>
        [TestMethod]
        public void FloodAboveCapacityIsAnsweredForTheKeptMessages()
        {
            FailureLog failures = new FailureLog();
            MqttTarget target = new MqttTarget(1, failures);
            System.Collections.Generic.List<Step> batch = new System.Collections.Generic.List<Step>();
            for (int i = 0; i < 40; i++)
            {
                batch.Add(Step.Message(FuzzCase.BasePlaceholder + "/zone/1/target_rh/set", Encoding.ASCII.GetBytes((80 + i % 10).ToString()), false));
            }

            int dropped = target.Rig.Controller.Inbox.Dropped;
            target.RunTick(batch, 0);
            Assert.AreEqual(0L, failures.Total, FuzzSliceTests.Describe(failures));
            Assert.AreEqual(dropped + 8, target.Rig.Controller.Inbox.Dropped);
            int acks = 0;
            foreach (Publish publish in target.Rig.Publishes)
            {
                if (publish.Topic == target.Rig.Controller.Mqtt.BaseTopic + "/ack")
                {
                    acks++;
                }
            }

            Assert.AreEqual(32, acks);
            Assert.AreEqual("89", target.Rig.Controller.Status.Settings.CanonicalText(target.Rig.Controller.Status.Settings.IndexOf("target_rh"), 1));
        }

        private static byte[] File(string generation, string values)
        {
            string body = "version=1\ngeneration=" + generation + "\n" + values;
            return Encoding.ASCII.GetBytes(body + "checksum=" + SettingsTarget.Fnv1a(Encoding.ASCII.GetBytes(body)).ToString("x8") + "\n");
        }
    }
}
