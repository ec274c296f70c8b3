using System.Diagnostics;
using Greenhouse.Host;

namespace Greenhouse.EndToEnd.Tests;

/// <summary>The mosquitto_pub / mosquitto_sub examples of docs/mqtt.md, run as written (plus -p for the test port).</summary>
[TestClass]
public sealed class CommandLineTests
{
    private static string Tool(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Append("/usr/bin"))
        {
            string path = Path.Combine(dir, name);
            if (dir.Length > 0 && File.Exists(path))
            {
                return path;
            }
        }

        string message = name + " is not installed (apt-get install -y mosquitto-clients)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Inconclusive(message);
        return null;
    }

    private static Task<string> Run(string tool, params string[] args) => Run(false, tool, args);

    private static async Task<string> Run(bool timeoutIsFine, string tool, params string[] args)
    {
        var info = new ProcessStartInfo(Tool(tool), args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(info);
        string output = await process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (!(timeoutIsFine && error.Contains("Timed out")))
        {
            Assert.AreEqual(0, process.ExitCode, tool + " failed: " + error);
        }

        return output;
    }

    [TestMethod]
    public async Task DocumentedExamplesWork()
    {
        await using ITestBroker broker = await MosquittoBroker.StartAsync();
        string port = broker.Port.ToString();
        await using TestClient watcher = await TestClient.ConnectAsync(broker.Host, broker.Port, "watcher", "greenhouse/gh-a1b2c3/#");
        using var controller = new HostedController("A4:CF:12:A1:B2:C3", null);
        controller.Configure("mqtt.host", broker.Host).Configure("mqtt.port", port);
        controller.Start();
        await watcher.WaitForAsync(m => m.Topic == "greenhouse/gh-a1b2c3/status" && m.Payload == "online");

        await Run("mosquitto_pub", "-h", "localhost", "-p", port, "-t", "greenhouse/gh-a1b2c3/zone/1/target_rh/set", "-m", "92");
        await watcher.WaitForAsync(m => m.Topic == "greenhouse/gh-a1b2c3/ack"
            && m.Payload == "{\"topic\":\"greenhouse/gh-a1b2c3/zone/1/target_rh/set\",\"ok\":true,\"value\":\"92\"}");
        await watcher.WaitForAsync(m => m.Topic == "greenhouse/gh-a1b2c3/zone/1/target_rh" && m.Payload == "92");

        await Run("mosquitto_pub", "-h", "localhost", "-p", port, "-t", "greenhouse/gh-a1b2c3/zone/1/target_rh/set", "-m", "99");
        await watcher.WaitForAsync(m => m.Topic == "greenhouse/gh-a1b2c3/ack"
            && m.Payload == "{\"topic\":\"greenhouse/gh-a1b2c3/zone/1/target_rh/set\",\"ok\":false,\"error\":\"target_rh must be 60..98 %\"}");

        await Run("mosquitto_pub", "-h", "localhost", "-p", port, "-t", "greenhouse/gh-a1b2c3/zone/1/stage/set", "-m", "pinning");
        await Run("mosquitto_pub", "-h", "localhost", "-p", port, "-t", "greenhouse/gh-a1b2c3/config/mqtt.telemetry_s/set", "-m", "30");
        await watcher.WaitForAsync(m => m.Topic == "greenhouse/gh-a1b2c3/config/mqtt.telemetry_s" && m.Payload == "30");
        string read = await Run("mosquitto_sub", "-h", "localhost", "-p", port, "-t", "greenhouse/gh-a1b2c3/zone/1/stage", "-C", "1", "-W", "10");
        Assert.AreEqual("pinning", read.Trim());

        // The documented way to delete a stale retained command.
        await Run("mosquitto_pub", "-h", "localhost", "-p", port, "-r", "-t", "greenhouse/gh-a1b2c3/zone/1/mode/set", "-m", "off");
        await Run("mosquitto_pub", "-h", "localhost", "-p", port, "-r", "-n", "-t", "greenhouse/gh-a1b2c3/zone/1/mode/set");
        string leftover = await Run(true, "mosquitto_sub", "-h", "localhost", "-p", port, "-t", "greenhouse/gh-a1b2c3/zone/1/mode/set", "-W", "1", "--retained-only");
        Assert.AreEqual("", leftover.Trim());
    }
}
