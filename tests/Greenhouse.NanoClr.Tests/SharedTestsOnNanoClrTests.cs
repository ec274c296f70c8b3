using System.Text.RegularExpressions;

namespace Greenhouse.NanoClr.Tests;

/// <summary>
/// The shared tests of tests/NFUnitTest, unchanged, on nanoFramework's own interpreter: bin/ (with the kit's fix for
/// null string[] elements, i.e. C# semantics) and bin-upstream/ (what the device firmware does). Every test must run
/// and pass on both; a crash, a hang (timeout) or a missing summary line is a failure, never a pass.
/// </summary>
[TestClass]
public sealed partial class SharedTestsOnNanoClrTests
{
    public TestContext TestContext { get; set; }

    [TestMethod]
    [Timeout(600_000)]
    public void EverySharedTestPassesOnTheNanoClr() => RunOn(NanoKit.Patched, "nanoCLR");

    [TestMethod]
    [Timeout(600_000)]
    public void EverySharedTestPassesOnTheUpstreamNanoClr() => RunOn(NanoKit.Upstream, "nanoCLR upstream");

    /// <summary>The [TestMethod]s of the shared sources: what the device runner must find and run.</summary>
    internal static int SharedTestCount()
    {
        var dir = Repo.PathOf("tests/NFUnitTest");
        return Directory.EnumerateFiles(dir, "*.cs").Sum(f => TestMethodAttribute().Matches(File.ReadAllText(f)).Count);
    }

    [GeneratedRegex(@"^\s*\[TestMethod\]", RegexOptions.Multiline)]
    private static partial Regex TestMethodAttribute();

    private void RunOn(string interpreter, string label)
    {
        var kit = NanoKit.Require();
        var build = DeviceBuild.Get(kit);
        var expected = SharedTestCount();
        var problems = new List<string>();
        var notes = new List<string>();
        int passed = 0, failed = 0, skipped = 0, executed = 0, crashed = 0, stopped = 0;
        var elapsed = TimeSpan.Zero;
        var tails = new List<string>();

        // The shared tests are split over several programs (a PE's string table is limited): each runs on its own.
        foreach (var pe in build.TestPes)
        {
            var part = Path.GetFileNameWithoutExtension(pe);
            var run = kit.Run(interpreter, build.ControllerPes, pe, TimeSpan.FromMinutes(3));
            elapsed += run.Elapsed;
            tails.Add($"--- last output of {part} ---\n{run.Tail()}");
            var result = DeviceTestResults.Parse(run.Lines);
            if (run.Abnormal is { } how)
            {
                var at = result.Running is null ? "before the first test" : "in " + result.Running;
                problems.Add($"{part}: the interpreter ended abnormally {at}: {how}");
                notes.Add($"{part}: interpreter {how} {at}");
                stopped++;
            }
            else if (!result.HasSummary)
            {
                problems.Add($"{part}: the runner printed no SUMMARY line: the program stopped early (an unhandled exception ends it silently)"
                    + (result.Running is null ? "" : "; last test started: " + result.Running));
                notes.Add($"{part}: no summary, the runner stopped early");
                stopped++;
            }
            if (result.HasSummary && result.SummaryTotal != result.Executed)
            {
                problems.Add($"{part}: the summary counts {result.SummaryTotal} tests but {result.Executed} reported a result");
            }
            problems.AddRange(result.Failed.Select(f => "FAIL " + f));
            problems.AddRange(result.Skipped.Select(s => "SKIP " + s));
            passed += result.Passed.Count;
            failed += result.Failed.Count + (result.Crashed ? 1 : 0);
            crashed += result.Crashed ? 1 : 0;
            skipped += result.Skipped.Count;
            executed += result.Executed;
        }

        var note = notes.Count == 0 ? "" : $" ({string.Join("; ", notes)}; {Math.Max(0, expected - executed - crashed)} not run)";
        CiReport.Write(label, $"{label}: {passed} passed, {failed} failed{note}");
        TestContext.WriteLine($"{label}: {passed} passed, {failed} failed, {skipped} skipped of {expected} shared tests in {build.TestPes.Length} programs " +
            $"(build {build.BuildTime.TotalSeconds:F1} s, convert {build.ConvertTime.TotalSeconds:F1} s, run {elapsed.TotalSeconds:F1} s)");

        if (stopped == 0 && executed != expected)
        {
            problems.Add($"{executed} tests ran, but tests/NFUnitTest declares {expected} [TestMethod]s");
        }
        Assert.IsEmpty(problems, $"{label} ({interpreter}/):\n{string.Join("\n", problems)}\n{string.Join("\n", tails)}");
    }
}

/// <summary>The device runner's lines: RUN, PASS, FAIL, SKIP per test, then SUMMARY.</summary>
internal sealed class DeviceTestResults
{
    public List<string> Passed { get; } = new();
    public List<string> Failed { get; } = new();
    public List<string> Skipped { get; } = new();
    public bool HasSummary { get; private set; }
    public int SummaryTotal { get; private set; }
    /// <summary>The test started last without a result: where a crash happened.</summary>
    public string Running { get; private set; }
    public bool Crashed => Running is not null && !HasSummary;
    public int Executed => Passed.Count + Failed.Count + Skipped.Count;

    public static DeviceTestResults Parse(IEnumerable<string> lines)
    {
        var r = new DeviceTestResults();
        foreach (var line in lines)
        {
            if (line.StartsWith("RUN ", StringComparison.Ordinal))
            {
                r.Running = line.Substring(4);
            }
            else if (line.StartsWith("PASS ", StringComparison.Ordinal))
            {
                r.Passed.Add(line.Substring(5));
                r.Running = null;
            }
            else if (line.StartsWith("FAIL ", StringComparison.Ordinal))
            {
                r.Failed.Add(line.Substring(5));
                r.Running = null;
            }
            else if (line.StartsWith("SKIP ", StringComparison.Ordinal))
            {
                r.Skipped.Add(line.Substring(5));
                r.Running = null;
            }
            else if (line.StartsWith("SUMMARY ", StringComparison.Ordinal))
            {
                r.HasSummary = true;
                var total = Regex.Match(line, @"total=(\d+)");
                r.SummaryTotal = total.Success ? int.Parse(total.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
            }
        }
        return r;
    }
}
