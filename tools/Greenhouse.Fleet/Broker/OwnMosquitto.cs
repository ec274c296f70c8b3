using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Greenhouse.Fleet;

/// <summary>
/// A private Mosquitto for one run, on a free loopback port, configured the way a county broker would be for this
/// test: unlimited connections on the listener (the open-file limit is raised for it in the shell that starts it),
/// persistence on (so the back office's persistent session and its queued messages survive a restart, as §3 of
/// docs/county-deployment.md recommends), no per-client queue limit for that session, $SYS every 5 s, connection
/// logging off (20,000 connects would otherwise be 20,000 log lines per storm). It can be restarted (SIGTERM, wait,
/// start) to cause a reconnect storm.
/// </summary>
public sealed class OwnMosquitto : IAsyncDisposable
{
    private readonly string _exe;
    private readonly string _folder;
    /// <summary>Files Mosquitto keeps open besides its clients: standard streams, listener, epoll, log, persistence file.</summary>
    public const int OwnFiles = 16;

    private readonly long _wanted;
    private readonly long _needed;
    private Process _process;

    private OwnMosquitto(string exe, string folder, int port, long connections)
    {
        _exe = exe;
        _folder = folder;
        Port = port;
        _needed = connections + OwnFiles;
        _wanted = connections + 1024;
    }

    public int Port { get; }

    /// <summary>Process id of the running broker (null while it is down).</summary>
    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    public string ConfigFile => Path.Combine(_folder, "mosquitto.conf");
    public string LogFile => Path.Combine(_folder, "mosquitto.log");

    /// <summary>Soft open-file limit the broker runs with (from /proc).</summary>
    public long? OpenFileLimit { get; private set; }

    /// <summary>The mosquitto executable on PATH or in the usual sbin folders, or null.</summary>
    public static string Find()
    {
        string[] dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Concat(new[] { "/usr/sbin", "/usr/local/sbin", "/opt/homebrew/sbin" }).ToArray();
        return dirs.Where(d => d.Length > 0).Select(d => Path.Combine(d, "mosquitto")).FirstOrDefault(File.Exists);
    }

    /// <summary>The configuration written for a run (documented in docs/county-deployment.md).</summary>
    public static string[] Configuration(int port, string folder) => new[]
    {
        "listener " + port.ToString(CultureInfo.InvariantCulture) + " 127.0.0.1",
        "max_connections -1",
        "allow_anonymous true",
        "persistence true",
        "persistence_location " + folder.TrimEnd('/') + "/",
        "max_queued_messages 0",
        "sys_interval 5",
        "connection_messages false",
        "log_dest file " + Path.Combine(folder, "mosquitto.log"),
        "log_type error",
        "log_type warning",
    };

    /// <summary>
    /// Starts a broker that can hold <paramref name="connections"/> clients. Throws when mosquitto is missing or the
    /// open-file limit cannot be raised that far.
    /// </summary>
    public static async Task<OwnMosquitto> StartAsync(int connections, string exe = null, CancellationToken token = default)
    {
        exe ??= Find() ?? throw new InvalidOperationException("mosquitto is not installed (apt-get install -y mosquitto)");
        string folder = Directory.CreateTempSubdirectory("fleet-mosquitto-").FullName;
        int port = Greenhouse.Host.EmbeddedBroker.FreeTcpPort();
        File.WriteAllLines(Path.Combine(folder, "mosquitto.conf"), Configuration(port, folder));
        var broker = new OwnMosquitto(exe, folder, port, connections);
        try
        {
            await broker.LaunchAsync(token).ConfigureAwait(false);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task LaunchAsync(CancellationToken token)
    {
        // Every client is a socket. The shell raises the limit with headroom where it may (root with CAP_SYS_RESOURCE, or
        // within the hard limit), else to the hard limit, and then becomes mosquitto, so the process id is the broker's.
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("ulimit -n \"$2\" 2>/dev/null || ulimit -n \"$(ulimit -Hn)\"; exec \"$0\" -c \"$1\"");
        info.ArgumentList.Add(_exe);
        info.ArgumentList.Add(ConfigFile);
        info.ArgumentList.Add(_wanted.ToString(CultureInfo.InvariantCulture));
        _process = Process.Start(info) ?? throw new InvalidOperationException("could not start mosquitto");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            token.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException("mosquitto exited at start (code " + _process.ExitCode.ToString(CultureInfo.InvariantCulture) + "): " + Tail());
            }

            if (await ListeningAsync().ConfigureAwait(false))
            {
                OpenFileLimit = FileLimits.Read(_process.Id)?.Soft;
                if (OpenFileLimit is { } limit && limit < _needed)
                {
                    throw new InvalidOperationException("mosquitto may open only " + limit.ToString(CultureInfo.InvariantCulture) + " files, "
                        + _needed.ToString(CultureInfo.InvariantCulture) + " needed (one per client and " + OwnFiles.ToString(CultureInfo.InvariantCulture)
                        + " of its own): raise the hard limit (as root with CAP_SYS_RESOURCE: ulimit -Hn " + _wanted.ToString(CultureInfo.InvariantCulture)
                        + "; LimitNOFILE= in mosquitto's systemd unit) or run fewer devices");
                }

                return;
            }

            await Task.Delay(50, token).ConfigureAwait(false);
        }

        throw new InvalidOperationException("mosquitto did not start listening within 120 s");
    }

    private async Task<bool> ListeningAsync()
    {
        try
        {
            using var probe = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await probe.ConnectAsync("127.0.0.1", Port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// A graceful restart: SIGTERM (Mosquitto saves its persistence file and closes every connection), wait for the
    /// exit, stay down for <paramref name="down"/>, start again on the same port. <paramref name="at"/> tells the run's
    /// clock; the times it returns are on that clock.
    /// </summary>
    public async Task<RestartTimes> RestartAsync(TimeSpan down, Func<double> at, CancellationToken token)
    {
        var times = new RestartTimes { StopMs = at() };
        await StopAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        times.ExitedMs = at();
        if (down > TimeSpan.Zero)
        {
            await Task.Delay(down, token).ConfigureAwait(false);
        }

        times.StartMs = at();
        await LaunchAsync(token).ConfigureAwait(false);
        times.ListeningMs = at();
        return times;
    }

    private async Task StopAsync(TimeSpan patience)
    {
        if (_process == null || _process.HasExited)
        {
            return;
        }

        // .NET's Process.Kill sends SIGKILL, which would skip saving the persistence file; a service manager's
        // restart sends SIGTERM, so send that (no .NET API for it, hence the one libc call).
        if (kill(_process.Id, SigTerm) != 0)
        {
            _process.Kill();
        }

        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    private string Tail()
    {
        try
        {
            return File.Exists(LogFile) ? string.Join(" | ", File.ReadLines(LogFile).TakeLast(5)) : "";
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Warnings and errors Mosquitto logged (last lines), for the report.</summary>
    public string[] LogTail(int lines)
    {
        try
        {
            return File.Exists(LogFile) ? File.ReadLines(LogFile).TakeLast(lines).ToArray() : Array.Empty<string>();
        }
        catch (IOException)
        {
            return Array.Empty<string>();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (Exception)
        {
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

/// <summary>When a restart happened, in ms of the run's clock.</summary>
public sealed class RestartTimes
{
    public double StopMs { get; set; }
    public double ExitedMs { get; set; }
    public double StartMs { get; set; }
    public double ListeningMs { get; set; }
}
