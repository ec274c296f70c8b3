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
        // Children's CPU time around the run: the nanoCLR is the only child that ends in between.
        var cpuBefore = CpuTime.ReapedChildren();
        var run = kit.Run(NanoKit.Upstream, build.ControllerPes, build.ReplayPe, TimeSpan.FromMinutes(10));
        var nanoClrCpu = CpuTime.ReapedChildren() - cpuBefore;

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

        var census = HeapCensus(build, measured);
        var figures = Figures.From(measured, host, run, nanoClrCpu) + "\n" + census;
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

    /// <summary>
    /// The heap model (<see cref="HeapModel"/>) applied to the host's replay after Start and at the second the nanoCLR
    /// measured its peak: the 64-bit prediction checks the model against GC.Run(false), the 32-bit one is the device's.
    /// </summary>
    private static string HeapCensus(DeviceBuild build, List<string> measured)
    {
        var peak = measured.Select(l => Regex.Match(l, @"min_free_second=(\d+)")).FirstOrDefault(m => m.Success);
        var peakSecond = peak is null ? -1 : int.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture);
        var model = new HeapModel(new[] { "mscorlib", "nanoFramework.System.Text", "nanoFramework.Runtime.Native" }
            .Select(n => Path.Combine(build.ReplayBin, n + ".dll")));
        var input = DeviceBuild.RecordedDay();
        // The host keeps every output line in a list; the device prints them, so the list is not counted.
        var output = new ListOutput();
        var probe = new CensusProbe(model, peakSecond, input, output);
        ReplayDay.Run(input, output, probe);
        string Line(string when, HeapModel.Census c) =>
            $"heap model {when}: {c.Bytes64} bytes with 24-byte blocks (64-bit nanoCLR), {c.Bytes32} with 12-byte blocks (32-bit device), " +
            $"ratio {c.Ratio:F3}, {c.Objects} allocations" + (c.Unmodelled.Count == 0 ? "" : $"; base-library types counted by their host fields: {string.Join(", ", c.Unmodelled)}");
        static string Kinds(string when, HeapModel.Census c) => c is null ? "" : $"\n{when}, largest (64-bit / 32-bit bytes): " + string.Join("; ",
            c.ByKind.OrderByDescending(k => k.Value.Bytes64).Take(14).Select(k => $"{k.Key} x{k.Value.Count} {k.Value.Bytes64}/{k.Value.Bytes32}"));
        var kinds = Kinds("after Start", probe.AfterStart) + Kinds($"at second {peakSecond}", probe.AtPeak);
        var alone = probe.ControllerAfterStart is null || probe.ControllerAtPeak is null ? "" :
            $"\ncontroller alone (without the replay's fakes, script and store): after Start {probe.ControllerAfterStart.Bytes64} / {probe.ControllerAfterStart.Bytes32} bytes, " +
            $"at second {peakSecond} {probe.ControllerAtPeak.Bytes64} / {probe.ControllerAtPeak.Bytes32} bytes (64-bit / 32-bit)";
        return (probe.AfterStart is null ? "" : Line("after Start", probe.AfterStart)) + alone
            + (probe.AtPeak is null ? "" : "\n" + Line($"at second {peakSecond}", probe.AtPeak)) + kinds;
    }

    private sealed class CensusProbe : IReplayProbe
    {
        private readonly HeapModel _model;
        private readonly int _peakSecond;
        private readonly object[] _exclude;
        private object[] _roots;

        public CensusProbe(HeapModel model, int peakSecond, ReplayInput input, ListOutput output)
        {
            _model = model;
            _peakSecond = peakSecond;
            // The recorded minute values are static data on the device, on the heap before Main.
            _exclude = new object[] { input.TemperatureCenti, input.HumidityCenti, output };
        }

        public HeapModel.Census AfterStart { get; private set; }
        public HeapModel.Census AtPeak { get; private set; }
        /// <summary>The controller alone: without the replay's fakes, script and in-memory store (the firmware's adapters differ).</summary>
        public HeapModel.Census ControllerAfterStart { get; private set; }
        public HeapModel.Census ControllerAtPeak { get; private set; }


        private HeapModel.Census Take() =>
            _model.Measure(_roots, _exclude, new[] { typeof(Greenhouse.App.Controller), typeof(ReplayDay) });

        private HeapModel.Census TakeController()
        {
            var ports = (Greenhouse.App.ControllerPorts)_roots[1];
            var harness = _roots.Skip(2).Concat(ports.Sensors).Concat(new object[] { ports.TankSwitch, ports.Clock, ports.Store, ports.Mqtt, ports.Log });
            return _model.Measure(new[] { _roots[0], ports }, _exclude, new[] { typeof(Greenhouse.App.Controller), typeof(ReplayDay) },
                harness.Where(h => h is not null).ToArray());
        }

        public void Started(object[] roots)
        {
            _roots = roots;
            AfterStart = Take();
            ControllerAfterStart = TakeController();
        }

        public void BeforeTick(int second)
        {
        }

        public void AfterTick(int second)
        {
            if (second == _peakSecond)
            {
                AtPeak = Take();
                ControllerAtPeak = TakeController();
            }
        }
    }

    /// <summary>The same replay on the host runtime, with the time spent in each Tick.</summary>
    internal static HostReplay RunOnHost(ReplayInput input)
    {
        var output = new ListOutput();
        var probe = new HostProbe();
        var cpu = CpuTime.CurrentThread();
        ReplayDay.Run(input, output, probe);
        return new HostReplay(output.Lines, probe.Ticks, probe.TickTime, probe.MaxTick, CpuTime.CurrentThread() - cpu);
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

    /// <param name="Cpu">CPU time of the whole host replay (ticks, fakes and output lines).</param>
    internal sealed record HostReplay(List<string> Lines, int Ticks, TimeSpan TickTime, TimeSpan MaxTick, TimeSpan Cpu);

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

        public void Started(object[] roots)
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
        public static string From(List<string> measured, HostReplay host, NanoRun run, TimeSpan nanoClrCpu)
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
                $"nanoCLR wall time {run.Elapsed.TotalSeconds:F1} s, CPU time {nanoClrCpu.TotalSeconds:F1} s; ticks took {tickUs / 1e6:F1} s of the wall time, " +
                $"so about {nanoClrCpu.TotalMicroseconds * (tickUs / 1e6) / run.Elapsed.TotalSeconds / Math.Max(1, ticks):F0} us of CPU per tick; " +
                $"host replay CPU {host.Cpu.TotalMicroseconds / Math.Max(1, host.Ticks):F2} us per tick (ticks, fakes and output)",
                "nanoCLR ticks by wall time (<0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500 ms, more): " +
                string.Join(" ", measured.Where(l => l.StartsWith("M tick_histogram ", StringComparison.Ordinal)).Select(l => l.Substring(17))));
        }
    }
}
