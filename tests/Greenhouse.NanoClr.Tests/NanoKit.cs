using System.Diagnostics;
using System.Text;

namespace Greenhouse.NanoClr.Tests;

/// <summary>
/// The nanoCLR kit beside the checkout (../shared/nanoclr; GH_NANOCLR_KIT overrides): nanoFramework's interpreter
/// built for Linux (bin/ with the fix for null string[] elements, bin-upstream/ without it), its MetadataProcessor and
/// the base libraries' .pe files. Used from there, never copied into the repository.
/// </summary>
internal sealed class NanoKit
{
    /// <summary>Interpreter with the kit's one fix (C# semantics for fresh string[] elements).</summary>
    public const string Patched = "bin";
    /// <summary>Interpreter as upstream builds it, which the device firmware shares.</summary>
    public const string Upstream = "bin-upstream";
    /// <summary>The POSIX nanoCLR's managed heap: c_DefaultHeapSizeBytes in nf-interpreter targets/posix/nanoCLR/Memory.cpp.</summary>
    public const long HeapBytes = 10 * 1024 * 1024;

    /// <summary>Base libraries the programs load, in load order after mscorlib.</summary>
    public static readonly string[] Libraries = { "System.Math", "nanoFramework.System.Text", "nanoFramework.Runtime.Native" };

    private NanoKit(string root) => Root = root;

    public string Root { get; }

    public string Mdp => Path.Combine(Root, "mdp", "nanoFramework.Tools.MetadataProcessor.dll");

    public string Host(string interpreter) => Path.Combine(Root, interpreter, "nanoFramework.nanoCLR.test");

    public string Pe(string name) => Path.Combine(Root, "pe", name + ".pe");

    public string ReferenceDll(string name) => Path.Combine(Root, "pe", name + ".dll");

    /// <summary>The kit, or null (with the reason) when it or a part the tests need is missing.</summary>
    public static NanoKit Find(out string missing)
    {
        var root = Environment.GetEnvironmentVariable("GH_NANOCLR_KIT");
        if (string.IsNullOrEmpty(root))
        {
            root = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "nanoclr"));
        }
        var kit = new NanoKit(root);
        var needed = new List<string> { kit.Host(Patched), kit.Host(Upstream), kit.Mdp, kit.Pe("mscorlib") };
        foreach (var lib in Libraries)
        {
            needed.Add(kit.Pe(lib));
            needed.Add(kit.ReferenceDll(lib));
        }
        var absent = needed.Where(p => !File.Exists(p)).ToList();
        missing = absent.Count == 0 ? null : $"the nanoCLR kit is not at {root} (missing {string.Join(", ", absent.Select(p => Path.GetRelativePath(root, p)))})";
        return absent.Count == 0 ? kit : null;
    }

    /// <summary>
    /// The kit, or the test stops: inconclusive on a developer machine without it, failed under CI=true (CI has the
    /// kit beside the checkout, so its absence there is a broken set-up, not a pass).
    /// </summary>
    public static NanoKit Require()
    {
        var kit = Find(out var missing);
        if (kit is not null)
        {
            return kit;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(missing + "; CI=true, so this is a failure");
        }
        Assert.Inconclusive(missing + "; the tests on nanoFramework's interpreter did not run");
        return null;
    }

    /// <summary>
    /// Runs a converted program: mscorlib, the base libraries, our assemblies (the core, the controller), then the program. The host exits 0 even after
    /// an unhandled exception and buffers its output (lost on a crash), so it runs unbuffered under stdbuf when present
    /// and the caller judges the run by the program's own lines.
    /// </summary>
    public NanoRun Run(string interpreter, string[] ourPes, string programPe, TimeSpan timeout)
    {
        var args = new List<string> { Pe("mscorlib") };
        args.AddRange(Libraries.Select(Pe));
        args.AddRange(ourPes);
        args.Add(programPe);
        var stdbuf = File.Exists("/usr/bin/stdbuf") ? "/usr/bin/stdbuf" : null;
        var psi = new ProcessStartInfo(stdbuf ?? Host(interpreter))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (stdbuf is not null)
        {
            psi.ArgumentList.Add("-o0");
            psi.ArgumentList.Add("-e0");
            psi.ArgumentList.Add(Host(interpreter));
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        var clock = Stopwatch.StartNew();
        var (code, output, timedOut) = Processes.Run(psi, timeout);
        return new NanoRun(interpreter, code, timedOut, output, clock.Elapsed);
    }
}

/// <summary>One run of the nanoCLR host: exit code, whether it was killed at the timeout, and the program's lines.</summary>
internal sealed class NanoRun
{
    public NanoRun(string interpreter, int exitCode, bool timedOut, string output, TimeSpan elapsed)
    {
        Interpreter = interpreter;
        ExitCode = exitCode;
        TimedOut = timedOut;
        Output = output;
        Elapsed = elapsed;
        var all = output.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var ready = Array.IndexOf(all, "Ready.");
        Lines = ready < 0 ? Array.Empty<string>() : all.Skip(ready + 1).ToArray();
    }

    public string Interpreter { get; }
    public int ExitCode { get; }
    public bool TimedOut { get; }
    public string Output { get; }
    public TimeSpan Elapsed { get; }
    /// <summary>What the program printed (after the host's "Ready."), without the CR of its CRLF.</summary>
    public string[] Lines { get; }

    /// <summary>How the interpreter ended when it did not end normally, else null.</summary>
    public string Abnormal =>
        TimedOut ? "timed out (killed)"
        : ExitCode != 0 ? $"exit code {ExitCode}{(ExitCode == 139 ? " (SIGSEGV: the interpreter crashed)" : "")}"
        : Output.Contains("Invalid native checksum", StringComparison.Ordinal) ? "native checksum mismatch"
        : Output.Contains("Link failure", StringComparison.Ordinal) ? "link failure (an assembly is missing)"
        : null;

    /// <summary>The last lines of the output, for failure messages.</summary>
    public string Tail(int count = 30) => string.Join("\n", Output.Replace("\r", "", StringComparison.Ordinal).Split('\n').TakeLast(count));
}

internal static class Processes
{
    /// <summary>Runs a process to its end or the timeout (then kills it); output and error interleaved as they come.</summary>
    public static (int Code, string Output, bool TimedOut) Run(ProcessStartInfo psi, TimeSpan timeout)
    {
        var output = new StringBuilder();
        var outDone = new TaskCompletionSource();
        var errDone = new TaskCompletionSource();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Collect(e.Data, outDone, output);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, errDone, output);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var timedOut = false;
        if (!process.WaitForExit(timeout))
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        Task.WaitAll(new Task[] { outDone.Task, errDone.Task }, TimeSpan.FromSeconds(20));
        lock (output)
        {
            return (timedOut ? -1 : process.ExitCode, output.ToString(), timedOut);
        }
    }

    private static void Collect(string line, TaskCompletionSource done, StringBuilder output)
    {
        if (line is null)
        {
            done.TrySetResult();
            return;
        }
        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
