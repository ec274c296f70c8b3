using System.Diagnostics;
using System.Text;

namespace Greenhouse.FlashKit;

/// <summary>Runs nanoff; the tests replace it.</summary>
public interface INanoff
{
    /// <summary>Runs one nanoff command (words after "nanoff"); returns the exit code and everything it printed.</summary>
    (int ExitCode, string Output) Run(IReadOnlyList<string> arguments);
}

/// <summary>The nanoff .NET tool on this machine ("nanoff" on PATH, or the path given).</summary>
public sealed class NanoffProcess : INanoff
{
    private readonly string _executable;

    public NanoffProcess(string executable = "nanoff")
    {
        _executable = executable;
    }

    public (int ExitCode, string Output) Run(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } Console.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (output) { output.AppendLine(e.Data); } Console.Error.WriteLine(e.Data); } };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (127, "cannot start " + _executable + ": " + ex.Message + ". Install nanoff from the kit (README.txt).");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
