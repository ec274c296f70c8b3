using System.Diagnostics;

namespace Greenhouse.EndToEnd.Tests;

/// <summary>
/// Runs a controller in a separate OS process (the simulator, once it exists) so a test can kill it and watch
/// the broker publish the retained last will <c>offline</c>. Usage for the integrator:
/// <code>
/// using var sim = ControllerProcess.Start("dotnet", "run --project tools/Greenhouse.Simulator -- --mqtt 127.0.0.1:" + port);
/// await client.WaitForAsync(m => m.Topic == Base + "/status" &amp;&amp; m.Payload == "online");
/// sim.Kill();
/// await client.WaitForAsync(m => m.Topic == Base + "/status" &amp;&amp; m.Payload == "offline", seconds: 60);
/// </code>
/// A killed process's socket is closed by the OS, so Mosquitto publishes the will at once; if the process is
/// frozen instead, the will follows after about 1.5 × keep-alive (30 s here).
/// </summary>
public sealed class ControllerProcess : IDisposable
{
    private readonly Process _process;

    private ControllerProcess(Process process)
    {
        _process = process;
    }

    public static ControllerProcess Start(string fileName, string arguments)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ControllerProcess(process);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Kills the whole process tree without any clean shutdown.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
