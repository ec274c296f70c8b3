using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Greenhouse.NanoClr.Replay;

namespace Greenhouse.NanoClr.Tests;

/// <summary>
/// Same decisions on both runtimes: the recorded day (Replay/) replayed through the real Controller on the host and
/// on the upstream nanoCLR (the interpreter the device firmware shares), every relay transition, published document,
/// log line, store write and link call compared line by line. Also reports the managed heap and the time per tick the
/// nanoCLR measured (docs/device-fidelity.md).
/// </summary>
[TestClass]
public sealed partial class ReplayOnNanoClrTests
{
    public TestContext TestContext { get; set; }

    [TestMethod]
    [Timeout(900_000)]
    public void TheReplayedDayIsIdenticalOnTheNanoClrAndTheHost()
    {
        var kit = NanoKit.Require();
        var build = DeviceBuild.Get(kit);
        var host = RunOnHost(DeviceBuild.RecordedDay());
        var run = kit.Run(NanoKit.Upstream, build.CorePe, build.ReplayPe, TimeSpan.FromMinutes(10));

        var device = run.Lines.TakeWhile(l => l != "Done.").Where(l => !l.StartsWith("M ", StringComparison.Ordinal)).ToList();
        var measured = run.Lines.Where(l => l.StartsWith("M ", StringComparison.Ordinal)).ToList();
        var finished = measured.Contains("M replay done");
        var transitions = host.Lines.Count(l => l.StartsWith("R ", StringComparison.Ordinal));
        var logLines = host.Lines.Count(l => l.StartsWith("L ", StringComparison.Ordinal));
        var difference = FirstDifference(host.Lines, device);

        string verdict;
        if (run.Abnormal is { } how)
        {
            verdict = $"nanoCLR stopped: {how} after {device.Count} of {host.Lines.Count} lines";
        }
        else if (!finished)
        {
            verdict = $"nanoCLR stopped early (unhandled exception?) after {device.Count} of {host.Lines.Count} lines";
        }
        else
        {
            verdict = difference is null ? "identical" : $"{CountDifferent(host.Lines, device)} lines differ, first {difference}";
        }
        CiReport.Write("nanoCLR replay", $"nanoCLR replay: {transitions} relay transitions, {logLines} log lines, {verdict}");

        var figures = Figures.From(measured, host, run);
        File.WriteAllText(Path.Combine(build.Work, "replay-figures.txt"), figures);
        File.WriteAllLines(Path.Combine(build.Work, "replay-host.txt"), host.Lines);
        File.WriteAllLines(Path.Combine(build.Work, "replay-nanoclr.txt"), device);
        TestContext.WriteLine($"nanoCLR replay: {transitions} relay transitions, {logLines} log lines, " +
            $"{host.Lines.Count(l => l.StartsWith("P ", StringComparison.Ordinal))} published documents, {host.Lines.Count} lines: {verdict}");
        TestContext.WriteLine(figures);

        Assert.IsNull(run.Abnormal, $"the nanoCLR did not finish the replay: {run.Abnormal}\n{run.Tail()}");
        Assert.IsTrue(finished, "the replay program stopped before its end (an unhandled exception ends a nanoCLR program silently):\n" + run.Tail());
        Assert.IsTrue(transitions > 0 && logLines > 0, "the replayed day did nothing observable");
        Assert.IsNull(difference, "the controller decided differently on the nanoCLR: " + difference
            + $"\n(all lines: {Path.Combine(build.Work, "replay-host.txt")} and replay-nanoclr.txt)");
    }

    /// <summary>The same replay on the host runtime, with the time spent in each Tick.</summary>
    internal static HostReplay RunOnHost(ReplayInput input)
    {
        var output = new ListOutput();
        var probe = new HostProbe();
        ReplayDay.Run(input, output, probe);
        return new HostReplay(output.Lines, probe.Ticks, probe.TickTime, probe.MaxTick);
    }

    private static string FirstDifference(List<string> host, List<string> device)
    {
        for (var i = 0; i < Math.Max(host.Count, device.Count); i++)
        {
            var h = i < host.Count ? host[i] : "<end>";
            var d = i < device.Count ? device[i] : "<end>";
            if (h != d)
            {
                return $"at line {i + 1}: host \"{h}\", nanoCLR \"{d}\"";
            }
        }
        return null;
    }

    private static int CountDifferent(List<string> host, List<string> device)
    {
        var onlyHost = host.Except(device, StringComparer.Ordinal).Count();
        var onlyDevice = device.Except(host, StringComparer.Ordinal).Count();
        return Math.Max(onlyHost, onlyDevice) + Math.Abs(host.Count - device.Count);
    }

    internal sealed record HostReplay(List<string> Lines, int Ticks, TimeSpan TickTime, TimeSpan MaxTick);

    private sealed class ListOutput : IReplayOutput
    {
        public List<string> Lines { get; } = new();

        public void Line(string text) => Lines.Add(text);
    }

    private sealed class HostProbe : IReplayProbe
    {
        private long _start;

        public int Ticks { get; private set; }
        public TimeSpan TickTime { get; private set; }
        public TimeSpan MaxTick { get; private set; }

        public void Started()
        {
        }

        public void BeforeTick(int second) => _start = Stopwatch.GetTimestamp();

        public void AfterTick(int second)
        {
            var took = Stopwatch.GetElapsedTime(_start);
            TickTime += took;
            Ticks++;
            if (took > MaxTick)
            {
                MaxTick = took;
            }
        }
    }

    /// <summary>The measurement lines of the device program, turned into the figures of docs/device-fidelity.md.</summary>
    private static partial class Figures
    {
        public static string From(List<string> measured, HostReplay host, NanoRun run)
        {
            long Value(string name)
            {
                foreach (var line in measured)
                {
                    var m = Regex.Match(line, @"\b" + Regex.Escape(name) + @"=(\d+)");
                    if (m.Success)
                    {
                        return long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    }
                }
                return -1;
            }
            var heap = NanoKit.HeapBytes;
            var atMain = Value("free_at_main");
            var afterStart = Value("free_after_start");
            var minFree = Value("min_free");
            var ticks = Value("n");
            var tickUs = Value("total_us");
            var hostUs = host.TickTime.TotalMicroseconds / Math.Max(1, host.Ticks);
            var deviceUs = ticks > 0 ? (double)tickUs / ticks : double.NaN;
            return string.Join("\n",
                $"heap (64-bit POSIX nanoCLR, {heap} bytes): in use at Main {heap - atMain}, after Start {heap - afterStart} " +
                $"(controller and replay ports {atMain - afterStart}), peak over the day {heap - minFree} at second {Value("min_free_second")} " +
                $"(controller and ports {atMain - minFree}; {Value("samples")} samples)",
                $"tick: nanoCLR {deviceUs:F0} us mean over {ticks} ticks (max {Value("max_us")} us at second {Value("max_second")}); " +
                $"host {hostUs:F2} us mean over {host.Ticks} (max {host.MaxTick.TotalMicroseconds:F0} us); ratio {deviceUs / hostUs:F0}",
                $"nanoCLR wall time {run.Elapsed.TotalSeconds:F1} s");
        }
    }
}
