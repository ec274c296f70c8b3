using System;
using System.Collections.Generic;
using System.IO;
using Greenhouse.Fuzz;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Greenhouse.Fuzz.Tests
{
    /// <summary>Replays every case in Corpus/ (copied next to the test assembly) with all oracles of its target.</summary>
    [TestClass]
    public class CorpusTests
    {
        private static string CorpusFolder
        {
            get { return Path.Combine(AppContext.BaseDirectory, "Corpus"); }
        }

        public static IEnumerable<object[]> Cases()
        {
            foreach (string path in Directory.GetFiles(CorpusFolder, "*.case", SearchOption.AllDirectories))
            {
                yield return new object[] { Path.GetRelativePath(CorpusFolder, path) };
            }
        }

        [TestMethod]
        [TestCategory("Fuzz")]
        [DynamicData(nameof(Cases))]
        public void CorpusCaseKeepsEveryOracle(string file)
        {
            FuzzCase fuzzCase = Targets.Load(Path.Combine(CorpusFolder, file));
            FailureLog failures = new FailureLog();
            Targets.Replay(fuzzCase, failures);
            Assert.AreEqual(0L, failures.Total, FuzzSliceTests.Describe(failures));
        }

        [TestMethod]
        public void CorpusCoversEveryTarget()
        {
            HashSet<string> targets = new HashSet<string>();
            foreach (object[] row in Cases())
            {
                targets.Add(Targets.Load(Path.Combine(CorpusFolder, (string)row[0])).Target);
            }

            foreach (string name in Targets.Names)
            {
                Assert.IsTrue(targets.Contains(name), "no corpus case for target " + name);
            }
        }

        [TestMethod]
        public void CorpusFilesRoundTrip()
        {
            foreach (object[] row in Cases())
            {
                FuzzCase parsed = Targets.Load(Path.Combine(CorpusFolder, (string)row[0]));
                string written = parsed.ToString();
                Assert.AreEqual(written, FuzzCase.Parse(written).ToString(), (string)row[0]);
            }
        }
    }
}
