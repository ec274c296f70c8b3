using System.Diagnostics;
using System.Net.Sockets;
using Greenhouse.Host;

namespace Greenhouse.EndToEnd.Tests;

/// <summary>A broker the test talks to: Mosquitto in its own process, or the embedded MQTTnet broker.</summary>
public interface ITestBroker : IAsyncDisposable
{
    string Host { get; }
    int Port { get; }
}

public sealed class EmbeddedTestBroker : ITestBroker
{
    private EmbeddedBroker _broker;

    public string Host => "127.0.0.1";
    public int Port => _broker.Port;

    public static async Task<ITestBroker> StartAsync()
    {
        return new EmbeddedTestBroker { _broker = await EmbeddedBroker.StartAsync() };
    }

    public ValueTask DisposeAsync() => _broker.DisposeAsync();
}

/// <summary>
/// Mosquitto started with a temporary configuration on a free loopback port. When the executable is missing the
/// test is inconclusive on a developer machine, but fails when CI=true (CI installs it; a silent skip would hide
/// a broken pipeline).
/// </summary>
public sealed class MosquittoBroker : ITestBroker
{
    private Process _process;
    private string _folder;

    public string Host => "127.0.0.1";
    public int Port { get; private set; }

    public static string FindExecutable()
    {
        foreach (string candidate in new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/local/bin/mosquitto", "/opt/homebrew/sbin/mosquitto" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string path = Path.Combine(dir, "mosquitto");
            if (dir.Length > 0 && File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }

    public static Task<ITestBroker> StartAsync() => StartAsync(null, null);

    /// <summary>PEM files for a TLS listener: CA certificate, server certificate and server key.</summary>
    public sealed record TlsFiles(string CaPem, string CertPem, string KeyPem);

    /// <summary>Extra configuration lines for the listener (e.g. TLS), or null.</summary>
    private TlsFiles _tls;

    public static Task<ITestBroker> StartTlsAsync(TlsFiles tls) => StartAsync(null, null, tls);

    /// <summary>Starts Mosquitto; with a user and password, anonymous clients are refused.</summary>
    public static Task<ITestBroker> StartAsync(string user, string password) => StartAsync(user, password, null);

    /// <summary>
    /// Starts Mosquitto with one account per (user, password) in a password_file and the given file as acl_file;
    /// anonymous clients are refused.
    /// </summary>
    public static Task<ITestBroker> StartWithAclAsync((string User, string Password)[] accounts, string aclFile) =>
        StartAsync(null, null, null, accounts, aclFile);

    private static Task<ITestBroker> StartAsync(string user, string password, TlsFiles tls) =>
        StartAsync(user, password, tls, user == null ? null : new[] { (user, password) }, null);

    private static async Task<ITestBroker> StartAsync(string user, string password, TlsFiles tls, (string User, string Password)[] accounts, string aclFile)
    {
        string exe = FindExecutable();
        if (exe == null)
        {
            string message = "mosquitto is not installed (apt-get install -y mosquitto mosquitto-clients)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message + "; CI=true, so this is a failure, not a skip");
            }

            Assert.Inconclusive(message);
        }

        var broker = new MosquittoBroker { Port = EmbeddedBroker.FreeTcpPort() };
        broker._folder = Directory.CreateTempSubdirectory("gh-mosquitto-").FullName;
        string conf = Path.Combine(broker._folder, "mosquitto.conf");
        string auth = "allow_anonymous true\n";
        if (accounts != null)
        {
            string passwd = Path.Combine(broker._folder, "passwd");
            string tool = Path.Combine(Path.GetDirectoryName(exe) ?? "", "mosquitto_passwd");
            if (!File.Exists(tool))
            {
                tool = "/usr/bin/mosquitto_passwd";
            }

            for (int i = 0; i < accounts.Length; i++)
            {
                string[] args = i == 0 ? new[] { "-b", "-c", passwd, accounts[i].User, accounts[i].Password } : new[] { "-b", passwd, accounts[i].User, accounts[i].Password };
                using (Process p = Process.Start(new ProcessStartInfo(tool, args) { UseShellExecute = false }))
                {
                    p.WaitForExit();
                    Assert.AreEqual(0, p.ExitCode, "mosquitto_passwd failed");
                }
            }

            // Started as root, mosquitto drops to its own user: it must be able to read the folder and file.
            File.SetUnixFileMode(broker._folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(passwd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            auth = "allow_anonymous false\npassword_file " + passwd + "\n";
        }

        if (aclFile != null)
        {
            string acl = Path.Combine(broker._folder, "greenhouse.acl");
            File.Copy(aclFile, acl);
            File.SetUnixFileMode(acl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            auth = auth + "acl_file " + acl + "\n";
        }

        string tlsLines = "";
        if (tls != null)
        {
            File.SetUnixFileMode(broker._folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            string[] names = { "ca.crt", "server.crt", "server.key" };
            string[] texts = { tls.CaPem, tls.CertPem, tls.KeyPem };
            for (int i = 0; i < 3; i++)
            {
                string path = Path.Combine(broker._folder, names[i]);
                File.WriteAllText(path, texts[i]);
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            tlsLines = $"cafile {Path.Combine(broker._folder, "ca.crt")}\ncertfile {Path.Combine(broker._folder, "server.crt")}\nkeyfile {Path.Combine(broker._folder, "server.key")}\n";
        }

        File.WriteAllText(conf, $"listener {broker.Port} 127.0.0.1\n{tlsLines}{auth}persistence false\nlog_dest stderr\n");
        var start = new ProcessStartInfo(exe, new[] { "-c", conf })
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        broker._process = Process.Start(start);
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        broker._process.ErrorDataReceived += (_, e) => { if (e.Data != null) log.Enqueue(e.Data); };
        broker._process.BeginErrorReadLine();
        broker._process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (broker._process.HasExited)
            {
                Assert.Fail("mosquitto exited at start with code " + broker._process.ExitCode + ": " + string.Join(" | ", log));
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(broker.Host, broker.Port);
                return broker;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await broker.DisposeAsync();
        Assert.Fail("mosquitto did not listen on port " + broker.Port);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process != null && !_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        if (_folder != null)
        {
            Directory.Delete(_folder, true);
        }
    }
}
