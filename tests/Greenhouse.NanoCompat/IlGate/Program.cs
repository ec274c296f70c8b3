using System.Diagnostics;

namespace Greenhouse.NanoCompat.IlGate;

/// <summary>
/// Usage: Greenhouse.NanoCompat.IlGate &lt;assembly.dll&gt; [-r:&lt;reference.dll or folder&gt;]...
/// Prints one MSBuild-style error line per violation and exits 1; exits 0 with a summary when clean, 2 on usage errors.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string? assembly = null;
        var references = new List<string>();
        foreach (var a in args)
        {
            if (a.StartsWith("-r:", StringComparison.Ordinal) || a.StartsWith("/r:", StringComparison.Ordinal))
            {
                references.Add(a.Substring(3));
            }
            else if (assembly is null)
            {
                assembly = a;
            }
            else
            {
                return Usage($"unexpected argument '{a}'");
            }
        }
        if (assembly is null)
        {
            return Usage("no assembly given");
        }
        if (!File.Exists(assembly))
        {
            Console.Error.WriteLine($"{assembly}: error NFGATE000: assembly not found");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        using var gate = OpenAndRun(assembly, references, out var failure);
        if (gate is null)
        {
            Console.WriteLine($"{Path.GetFullPath(assembly)}: error NFGATE000: the IL gate could not read the assembly: {failure}");
            return 2;
        }
        foreach (var v in gate.Violations)
        {
            Console.WriteLine(gate.Format(v));
        }
        var pdbNote = gate.HasPdb ? "" : " (no portable PDB found: locations fall back to the assembly path)";
        if (gate.Violations.Count > 0)
        {
            Console.WriteLine($"nanoFramework IL gate: {gate.Violations.Count} violation(s) in {Path.GetFileName(assembly)} " +
                $"({gate.TypesChecked} types, {gate.MethodsChecked} methods checked){pdbNote}");
            return 1;
        }
        Console.WriteLine($"nanoFramework IL gate: OK, {gate.TypesChecked} types, {gate.MethodsChecked} methods checked in " +
            $"{Path.GetFileName(assembly)} ({clock.ElapsedMilliseconds} ms){pdbNote}");
        return 0;
    }

    private static Gate? OpenAndRun(string assembly, List<string> references, out string? failure)
    {
        Gate? gate = null;
        try
        {
            gate = new Gate(assembly, references);
            gate.Run();
            failure = null;
            return gate;
        }
        catch (Exception ex) when (ex is BadImageFormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            gate?.Dispose();
            failure = ex.GetType().Name + ": " + ex.Message;
            return null;
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"error NFGATE000: {problem}");
        Console.Error.WriteLine("usage: Greenhouse.NanoCompat.IlGate <assembly.dll> [-r:<reference.dll or folder>]...");
        return 2;
    }
}
