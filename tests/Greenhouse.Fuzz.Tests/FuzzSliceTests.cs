using System.Text;
using Greenhouse.Fuzz;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Fuzz.Tests
{
    /// <summary>
    /// The CI slice: a few thousand seeded cases per target through the same generators and oracles as the dedicated
    /// run (tools/Greenhouse.Fuzz). The three issues the first million-case runs found (wildcards in device.id and
    /// mqtt.prefix, acks that split or carried lone surrogates, a silent empty first word) are fixed and in the corpus.
    /// </summary>
    [TestClass]
    public class FuzzSliceTests
    {
        private const int Seed = 20261128;

        [TestMethod]
        [TestCategory("Fuzz")]
        public void MqttSliceKeepsEveryOracle()
        {
            MqttTarget target = (MqttTarget)Slice(MqttTarget.Name, 6000);
            // The risk-class oracles saw connection changes on trial and trials that ran out (the revert path).
            Assert.IsTrue(target.TrialsStarted > 0, "no connection change went on trial");
            Assert.IsTrue(target.TrialReverts > 0, "no connection trial ran out");
        }

        [TestMethod]
        [TestCategory("Fuzz")]
        public void SettingsFileSliceKeepsEveryOracle()
        {
            Slice(SettingsTarget.Name, 2500);
        }

        [TestMethod]
        [TestCategory("Fuzz")]
        public void ConsoleSliceKeepsEveryOracle()
        {
            ConsoleTarget target = (ConsoleTarget)Slice(ConsoleTarget.Name, 4000);
            Assert.IsTrue(target.HardwareConfirmed > 0, "no hardware change was confirmed");
        }

        private static ITarget Slice(string name, long cases)
        {
            FailureLog failures = new FailureLog();
            ITarget target = Targets.Create(name, Seed, failures);
            RunResult result = Runner.Run(target, cases, 10, failures, null);
            Assert.IsTrue(result.Cases >= cases, "ran " + result.Cases.ToString());
            Assert.AreEqual(0L, failures.Total, Describe(failures));
            return target;
        }

        internal static string Describe(FailureLog failures)
        {
            StringBuilder text = new StringBuilder();
            foreach (Failure failure in failures.Kept)
            {
                text.Append(failure).Append('\n');
                if (failure.Case != null)
                {
                    text.Append(failure.Case.ToString()).Append('\n');
                }
            }

            return text.ToString();
        }
    }
}
