using System.Diagnostics;
using System.Text;

namespace Greenhouse.Build.Tests;

/// <summary>
/// Builds the nanoFramework gate (tests/Greenhouse.NanoCompat) with one probe file alone each time
/// (<c>-p:GateProbe=... -p:GateProbeOnly=true</c>, so the probes do not depend on the state of the tree) and checks that what the device cannot run fails the build with the right
/// rule or compiler error, pointing at the probe file. All builds share one private artifacts folder
/// (restored once), so they never touch the tree's bin/obj and only the gate assembly recompiles per probe.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class GateProbeTests
{
    private static readonly SemaphoreSlim BuildLock = new(1, 1);
    private static string? _workDir;
    private static string? _restoreFailure;

    private static string GateProject => Repo.PathOf("tests/Greenhouse.NanoCompat/Greenhouse.NanoCompat.csproj");

    [ClassInitialize]
    public static void Restore(TestContext _)
    {
        _workDir = Path.Combine(Path.GetTempPath(), "greenhouse-gate-probes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_workDir);
        var (code, output) = RunDotnet("restore", Quote(GateProject), "--artifacts-path", Quote(Artifacts));
        _restoreFailure = code == 0 ? null : "restore of the gate failed:\n" + output;
    }

    [ClassCleanup]
    public static void Cleanup()
    {
        if (_workDir is not null && Directory.Exists(_workDir))
        {
            try
            {
                Directory.Delete(_workDir, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static string Artifacts => Path.Combine(_workDir!, "artifacts");

    // Probes the IL rules must reject. They compile, so they are built together in one gate build.
    private static readonly (string Name, string Expected, string Body)[] IlProbes =
    {
        ("generic-class", "NFGATE001", "public class Holder<T> { public T Value; }"),
        ("generic-method", "NFGATE002", "public static class Util { public static T Same<T>(T x) { return x; } }"),
        ("generic-delegate", "NFGATE003", "public class P { public int Run(int n) { System.Func<int, int> f = x => x + n; return f(1); } }"),
        ("generic-event-handler", "NFGATE003", "public class Args : System.EventArgs { } public class P { public event System.EventHandler<Args> Changed; public void Raise() { Changed?.Invoke(this, new Args()); } }"),
        ("two-dimensional-array", "NFGATE004", "public class P { public int Run() { var grid = new double[2, 3]; return grid.Length; } }"),
        ("enum-tostring", "NFGATE005", "public enum Fan { Off, On } public class P { public string Run(Fan f) { return f.ToString(); } }"),
        ("enum-interpolation", "NFGATE005", "public enum Pump { Off, On } public class Q { public string Run(Pump f) { return $\"pump {f}\"; } }"),
        ("enum-stringbuilder-append", "NFGATE005", "public enum Vent { Shut, Open } public class R { public string Run(Vent v) { var sb = new System.Text.StringBuilder(); sb.Append(v); return sb.ToString(); } }"),
        ("custom-tostring-format", "NFGATE006", "public class P { public string Run(double x) { return x.ToString(\"0.0\"); } }"),
        ("custom-format-through-local", "NFGATE006", "public class P { public string Run(double x) { string fmt = \"0.0\"; return x.ToString(fmt); } }"),
        ("custom-composite-format", "NFGATE007", "public class P { public string Run(double x) { return string.Format(\"t={0:0.00}\", x); } }"),
        ("thread-in-core", "NFGATE008", "public class P { public void Run() { System.Threading.Thread.Sleep(10); } }"),
        ("timer-in-core", "NFGATE008", "public class P { private System.Threading.Timer _t; public void Run() { _t = new System.Threading.Timer(s => { }, null, 0, 100); } }"),
        ("fresh-string-array", "NFGATE010", "public class P { private readonly string[] _slots = new string[4]; public bool Empty() { return _slots[0] == null; } }"),
        ("string-array-of-run-time-length", "NFGATE010", "public class P { public string[] Run(int n) { return new string[n]; } }"),
        ("string-array-partly-stored", "NFGATE010", "public class P { public string[] Run() { string[] pair = new string[2]; pair[0] = \"a\"; return pair; } }"),
        ("string-array-initializer-with-null", "NFGATE010", "public class P { public string[] Run() { return new string[] { \"a\", null }; } }"),
        ("string-array-clear", "NFGATE010", "public class P { private string[] _names = { \"a\", \"b\" }; public void Reset() { System.Array.Clear(_names, 0, _names.Length); } }"),
    };

    // Probes the compiler must reject (the device's mscorlib and shims lack the API). Built together in one gate build.
    private static readonly (string Name, string Expected, string Body)[] CompileProbes =
    {
        ("list-of-int", "error CS0234", "public class P { public int Run() { var l = new System.Collections.Generic.List<int>(); return l.Count; } }"),
        ("math-round-digits", "error CS1501", "public class P { public double Run(double x) { return System.Math.Round(x, 1); } }"),
        ("string-replace", "error CS1061", "public class P { public string Run() { return \"a\".Replace(\"a\", \"b\"); } }"),
    };

    [TestMethod]
    [TestCategory("Gate")]
    public void IlRulesRejectTheirProbes() => AssertProbesRejected(IlProbes);

    [TestMethod]
    [TestCategory("Gate")]
    public void CompilerRejectsApisTheDeviceLacks() => AssertProbesRejected(CompileProbes);

    private static void AssertProbesRejected((string Name, string Expected, string Body)[] probes)
    {
        // Each probe gets its own namespace so the probes can be compiled together; GateProbe takes a wildcard.
        var set = "set-" + probes[0].Name;
        var files = probes.ToDictionary(p => p.Name, p => WriteProbe(Path.Combine(set, p.Name),
            "namespace Greenhouse.Core.GateProbe." + p.Name.Replace("-", "_", StringComparison.Ordinal) + "\n{\n    " + p.Body + "\n}\n"));
        var (code, output) = BuildGate(Path.Combine(_workDir!, set, "*.cs"));

        Assert.AreNotEqual(0, code, $"the gate accepted all probes:\n{output}");
        var lines = output.Split('\n');
        var missed = probes
            .Where(p => !lines.Any(l => l.Contains(files[p.Name] + "(", StringComparison.Ordinal) && l.Contains(p.Expected, StringComparison.Ordinal)))
            .Select(p => $"{p.Name}: no '{p.Expected}' line naming {files[p.Name]}")
            .ToList();
        Assert.IsEmpty(missed, string.Join("\n", missed) + "\n--- build output ---\n" + output);
    }

    [TestMethod]
    [TestCategory("Gate")]
    public void ViolationPointsAtTheSourceLineAsAnMsBuildError()
    {
        var probe = WriteProbe("line", string.Join("\n",
            "namespace Greenhouse.Core.GateProbe",          // 1
            "{",                                            // 2
            "    public class P",                           // 3
            "    {",                                        // 4
            "        public string Run(double x)",          // 5
            "        {",                                    // 6
            "            string ok = x.ToString(\"F1\");",  // 7: standard, fine
            "            return ok + x.ToString(\"0.0\");", // 8: custom
            "        }",
            "    }",
            "}"));
        var (code, output) = BuildGate(probe);

        Assert.AreNotEqual(0, code, output);
        StringAssert.Contains(output, probe + "(8): error NFGATE006: Greenhouse.Core.GateProbe.P.Run: ");
        Assert.DoesNotContain(probe + "(7)", output, "the standard F1 format must not be reported");
    }

    [TestMethod]
    [TestCategory("Gate")]
    public void GateAcceptsValidNanoCode()
    {
        // Ordinary device code that must not trip the IL rules: closures, events, foreach over ArrayList,
        // interpolation with standard formats, a static constructor, enums as numbers, structs, nested types,
        // string switch, try/catch/finally, lock, and threads/timers in the firmware namespace.
        const string source = """
            using System;
            using System.Collections;
            using System.Threading;

            namespace Greenhouse.Core.GateProbe
            {
                public enum Mode { Off, On, Auto }
                public delegate int IntOp(int x);
                public struct Reading { public double Value; public Reading(double v) { Value = v; } }

                public class Clean
                {
                    private static readonly int[] Table;
                    static Clean() { Table = new int[] { 1, 2, 3 }; }
                    public event EventHandler Changed;
                    private readonly ArrayList _items = new ArrayList();
                    private readonly int[][] _jagged = new int[2][];
                    private readonly object _sync = new object();
                    public class Nested { public int X; }

                    public string Describe(Mode m, double t, int n, DateTime when)
                    {
                        int total = 0;
                        foreach (object o in _items) { total += (int)o; }
                        IntOp add = x => x + total + n;
                        Changed?.Invoke(this, EventArgs.Empty);
                        lock (_sync) { total++; }
                        string name;
                        switch (m) { case Mode.On: name = "on"; break; case Mode.Auto: name = "auto"; break; default: name = "off"; break; }
                        switch (name) { case "on": case "off": case "auto": case "a": case "b": case "c": case "d": total++; break; }
                        try { total += add(1); } catch (Exception ex) { name = ex.Message; } finally { total--; }
                        string s1 = $"t={t:F1} n={n} name={name} mode#{(int)m} {(n > 0 ? "pos" : "neg")}";
                        string s2 = string.Format("{0:F2} {1:D3} {2,5:N1} {3} {{literal}}", t, n, t, name);
                        string s3 = string.Format("{0:HH:mm}", when);
                        string s4 = n.ToString("X4") + t.ToString("g") + t.ToString() + ((long)n).ToString("N0");
                        return s1 + s2 + s3 + s4 + new Reading(t).Value + Table.Length + _jagged.Length + new Nested().X;
                    }
                }
            }

            namespace Greenhouse.Text
            {
                // The one helper allowed to make a string[] of run-time length (it stores null into every element).
                public static class StringArray
                {
                    public static string[] New(int length)
                    {
                        string[] array = new string[length];
                        for (int i = 0; i < array.Length; i++) { array[i] = null; }
                        return array;
                    }
                }
            }

            namespace Greenhouse.Core.GateProbe.Strings
            {
                // string[] with every element stored, other arrays of any length, Array.Clear on a non-string array.
                public class Arrays
                {
                    private static readonly string[] Names = { "pump", "fan" };
                    private readonly string[] _none = new string[0];
                    private readonly string[] _slots = Greenhouse.Text.StringArray.New(4);
                    public string Run(int n)
                    {
                        string[] pair = new string[2];
                        pair[0] = "x";
                        pair[1] = n.ToString();
                        object[] boxes = new object[n];
                        int[] counts = new int[n];
                        System.Array.Clear(counts, 0, counts.Length);
                        string[] split = "a,b".Split(',');
                        return Names[0] + _none.Length + _slots.Length + pair[1] + boxes.Length + split[1] + new string[] { "a", "b" }[1];
                    }
                }
            }

            namespace Greenhouse.Firmware.GateProbe
            {
                public class Runner
                {
                    private Timer _timer;
                    public void Start() { new Thread(Loop).Start(); _timer = new Timer(Tick, null, 0, 1000); }
                    private void Loop() { Thread.Sleep(10); }
                    private void Tick(object state) { }
                }
            }
            """;
        var probe = WriteProbe("clean", source);
        var (code, output) = BuildGate(probe);

        Assert.AreEqual(0, code, $"the gate rejected valid nanoFramework code:\n{output}");
        StringAssert.Contains(output, "nanoFramework IL gate: OK");
    }

    [TestMethod]
    [TestCategory("Gate")]
    public void TreePassesTheGate()
    {
        // The real gate: core, firmware and shared test sources compile against nanoFramework mscorlib + shims
        // and pass the IL rules. Same as `dotnet build tests/Greenhouse.NanoCompat/Greenhouse.NanoCompat.csproj`.
        var (code, output) = BuildGate(null);

        Assert.AreEqual(0, code, $"the tree fails the nanoFramework gate:\n{output}");
        StringAssert.Contains(output, "nanoFramework IL gate: OK");
    }

    private static string WriteProbe(string name, string source)
    {
        var path = Path.Combine(_workDir!, Path.GetDirectoryName(name) ?? "", "probe-" + Path.GetFileName(name) + ".cs");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, source);
        return path;
    }

    private static (int Code, string Output) BuildGate(string? probe)
    {
        if (_restoreFailure is not null)
        {
            Assert.Fail(_restoreFailure);
        }
        BuildLock.Wait();
        try
        {
            var probeArgs = probe is null ? Array.Empty<string>() : new[] { Quote("-p:GateProbe=" + probe), "-p:GateProbeOnly=true" };
            return RunDotnet(new[] { "build", Quote(GateProject), "--no-restore", "--artifacts-path", Quote(Artifacts), "-nologo", "-v:m" }
                .Concat(probeArgs).ToArray());
        }
        finally
        {
            BuildLock.Release();
        }
    }

    private static void Collect(string? line, TaskCompletionSource done, StringBuilder output)
    {
        if (line is null)
        {
            done.TrySetResult();
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Quote(string s) => "\"" + s + "\"";

    private static (int Code, string Output) RunDotnet(params string[] args)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(dotnet) || !File.Exists(dotnet))
        {
            dotnet = "dotnet";
        }
        // No MSBuild node outlives the build (-nodeReuse:false). The compiler server may stay (it speeds up the
        // many small compiles); in case it holds our pipes, output is awaited only briefly once the build has exited.
        var psi = new ProcessStartInfo(dotnet, string.Join(" ", args) + " -nodeReuse:false")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        // Do not leak the MSBuild state of a surrounding `dotnet test` into the child build.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";

        var output = new StringBuilder();
        var stdoutDone = new TaskCompletionSource();
        var stderrDone = new TaskCompletionSource();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Collect(e.Data, stdoutDone, output);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, stderrDone, output);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("dotnet " + string.Join(" ", args) + " did not finish within 5 minutes:\n" + output);
        }
        Task.WaitAll(new Task[] { stdoutDone.Task, stderrDone.Task }, TimeSpan.FromSeconds(20));
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
