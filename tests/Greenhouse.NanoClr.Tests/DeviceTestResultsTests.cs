namespace Greenhouse.NanoClr.Tests;

/// <summary>How the device runner's lines are judged (no kit needed): a crash or a missing summary is never a pass.</summary>
[TestClass]
public sealed class DeviceTestResultsTests
{
    [TestMethod]
    public void ResultsAndSummaryAreCounted()
    {
        var r = DeviceTestResults.Parse(new[]
        {
            "RUNNER start", "RUN A.One", "PASS A.One 3", "RUN A.Two", "FAIL A.Two: Assert.IsTrue failed. x", "RUN A.Three",
            "SKIP A.Three: later", "SUMMARY total=3 passed=1 failed=1 skipped=1",
        });
        CollectionAssert.AreEqual(new[] { "A.One 3" }, r.Passed);
        CollectionAssert.AreEqual(new[] { "A.Two: Assert.IsTrue failed. x" }, r.Failed);
        Assert.HasCount(1, r.Skipped);
        Assert.IsTrue(r.HasSummary);
        Assert.AreEqual(3, r.SummaryTotal);
        Assert.AreEqual(3, r.Executed);
        Assert.IsFalse(r.Crashed);
    }

    [TestMethod]
    public void ATestStartedWithoutResultOrSummaryIsACrashInThatTest()
    {
        var r = DeviceTestResults.Parse(new[] { "RUN A.One", "PASS A.One 1", "RUN A.Two" });
        Assert.IsTrue(r.Crashed);
        Assert.AreEqual("A.Two", r.Running);
        Assert.IsFalse(r.HasSummary);
        Assert.AreEqual(1, r.Executed);
    }

    [TestMethod]
    public void OutputThatStopsBeforeTheSummaryIsNotAPass()
    {
        var r = DeviceTestResults.Parse(new[] { "RUN A.One", "PASS A.One 1" });
        Assert.IsFalse(r.HasSummary);
        Assert.IsFalse(r.Crashed);
        Assert.AreEqual(1, r.Passed.Count);
    }
}
