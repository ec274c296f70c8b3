using System.Diagnostics;
using Greenhouse.Dashboard.Commands;
using Greenhouse.Dashboard.Houses;
using Greenhouse.Dashboard.Mqtt;
using Greenhouse.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Greenhouse.Dashboard.Tests;

/// <summary>
/// The dashboard as installed next to Mosquitto (README): accounts, the documented access list (deploy/mosquitto.acl),
/// a settings file, and a controller (the real core on host adapters) logging in with its device id.
/// </summary>
[TestClass]
public class MosquittoTests
{
    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheDashboardRunsNextToMosquittoWithBrokerAccountsAndTheDocumentedAcl()
    {
        string exe = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists) ?? "";
        if (exe.Length == 0)
        {
            const string message = "mosquitto is not installed (apt-get install -y mosquitto mosquitto-clients)";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Inconclusive(message);
        }

        string folder = Directory.CreateTempSubdirectory("gh-dash-mosquitto-").FullName;
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(folder, open);
        string passwd = Path.Combine(folder, "passwd");
        foreach (var (user, password) in new[] { ("greenhouse-dashboard", "dash-secret"), ("gh-a1b2c3", "device-secret") })
        {
            using Process p = Process.Start(new ProcessStartInfo("mosquitto_passwd", File.Exists(passwd) ? new[] { "-b", passwd, user, password } : new[] { "-b", "-c", passwd, user, password }) { UseShellExecute = false })!;
            p.WaitForExit();
            Assert.AreEqual(0, p.ExitCode, "mosquitto_passwd");
        }

        string acl = Path.Combine(folder, "greenhouse.acl");
        File.Copy(Path.Combine(RepoRoot(), "tools", "Greenhouse.Dashboard", "deploy", "mosquitto.acl"), acl);
        File.SetUnixFileMode(passwd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(acl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        int port = EmbeddedBroker.FreeTcpPort();
        string conf = Path.Combine(folder, "mosquitto.conf");
        File.WriteAllText(conf, $"per_listener_settings false\nallow_anonymous false\npassword_file {passwd}\nacl_file {acl}\nlistener {port} 127.0.0.1\npersistence false\nlog_dest stderr\n");
        using Process broker = Process.Start(new ProcessStartInfo(exe, new[] { "-c", conf }) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true })!;
        broker.BeginErrorReadLine();
        broker.BeginOutputReadLine();
        HostedController? device = null;
        DashboardApp? app = null;
        try
        {
            await WaitForPort(port);
            string settings = Path.Combine(folder, "dashboard.json");
            File.WriteAllText(settings, $$"""
                { "Urls": "http://127.0.0.1:0", "DataFolder": "{{Path.Combine(folder, "data")}}",
                  "Mqtt": { "Host": "127.0.0.1", "Port": {{port}}, "User": "greenhouse-dashboard", "Password": "dash-secret", "Prefix": "greenhouse" } }
                """);
            var output = new StringWriter();
            app = await DashboardApp.StartAsync(DashboardOptions.FromArgs(new[] { "--settings", settings }), output);
            StringAssert.Contains(output.ToString(), "first start: user admin, one-time password");

            device = new HostedController("A4:CF:12:A1:B2:C3", new FileSettingsStore(Path.Combine(folder, "device")))
                .Configure("mqtt.host", "127.0.0.1").Configure("mqtt.port", port.ToString()).Configure("mqtt.user", "gh-a1b2c3")
                .Configure("mqtt.password", "device-secret");
            device.Sensor.Temperature = 21.5;
            device.Sensor.Humidity = 82.0;
            device.Start();

            var registry = app.Services.GetRequiredService<HouseRegistry>();
            House house = await Eventually(() => registry.Find("gh-a1b2c3") is { Online: true } h && h.Zone(1)?.RhPct != null ? h : null);
            Assert.AreEqual(82.0, house.Zone(1)!.RhPct!.Value, 0.5);

            var commands = app.Services.GetRequiredService<CommandService>();
            CommandOutcome outcome = await commands.SendAsync("admin", "gh-a1b2c3", 1, new ValidatedCommand("target_rh", "93"), CancellationToken.None);
            Assert.AreEqual(CommandOutcome.Applied, outcome.Result, outcome.Error);
            Assert.AreEqual("93", outcome.Value);
            await Eventually(() => registry.Find("gh-a1b2c3")?.ZoneValue(1, "target_rh") == "93" ? "ok" : null);

            Assert.IsTrue(app.Services.GetRequiredService<BrokerClient>().Connected);
        }
        finally
        {
            device?.Dispose();
            if (app != null)
            {
                await app.DisposeAsync();
            }

            if (!broker.HasExited)
            {
                broker.Kill();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    private static async Task<T> Eventually<T>(Func<T?> probe, int seconds = 20) where T : class
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            if (probe() is T value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"not within {seconds} s");
        return null!;
    }

    private static async Task WaitForPort(int port)
    {
        for (int i = 0; i < 100; i++)
        {
            try
            {
                using var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail("mosquitto did not start");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Controller.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Controller.sln not found above the tests");
    }
}
