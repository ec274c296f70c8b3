using System.Diagnostics;
using System.Net.Sockets;
using Greenhouse.Host;

namespace Greenhouse.Fleet.Tests;

/// <summary>
/// A Mosquitto process on a free loopback port with a throw-away configuration (no persistence, unlimited
/// connections). Start returns null when mosquitto is not installed, unless CI=true (then the test fails).
/// </summary>
internal sealed class LocalMosquitto : IDisposable
{
    private Process _process;
    private string _folder;

    public int Port { get; private set; }

    public static string Executable()
    {
        string[] dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Concat(new[] { "/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin" }).ToArray();
        return dirs.Where(d => d.Length > 0).Select(d => Path.Combine(d, "mosquitto")).FirstOrDefault(File.Exists);
    }

    public static async Task<LocalMosquitto> StartAsync()
    {
        string exe = Executable();
        if (exe == null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("mosquitto is not installed and CI=true");
            }

            return null;
        }

        var broker = new LocalMosquitto { Port = EmbeddedBroker.FreeTcpPort() };
        broker._folder = Directory.CreateTempSubdirectory("fleet-mosquitto-").FullName;
        string config = Path.Combine(broker._folder, "mosquitto.conf");
        File.WriteAllLines(config, new[]
        {
            "listener " + broker.Port + " 127.0.0.1",
            "allow_anonymous true",
            "max_connections -1",
            "persistence false",
            "log_type error",
        });
        var info = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(config);
        broker._process = Process.Start(info);
        broker._process.OutputDataReceived += (_, _) => { };
        broker._process.ErrorDataReceived += (_, _) => { };
        broker._process.BeginOutputReadLine();
        broker._process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (broker._process.HasExited)
            {
                broker.Dispose();
                Assert.Fail("mosquitto exited at start");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", broker.Port);
                return broker;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        broker.Dispose();
        Assert.Fail("mosquitto did not start listening");
        return null;
    }

    public void Dispose()
    {
        if (_process != null)
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }

            _process.Dispose();
        }

        if (_folder != null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }
}
