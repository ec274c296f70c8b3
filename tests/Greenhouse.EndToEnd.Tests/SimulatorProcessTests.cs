namespace Greenhouse.EndToEnd.Tests;

/// <summary>
/// The simulator as its own OS process against a real Mosquitto: it announces itself online (retained), and when the
/// process is killed the broker publishes its retained last will, offline.
/// </summary>
[TestClass]
public sealed class SimulatorProcessTests
{
    /// <summary>
    /// The simulator dll built with this test project (ProjectReference, ReferenceOutputAssembly=false): same
    /// configuration and framework as the test assembly, under tools/Greenhouse.Simulator/bin.
    /// </summary>
    public static string SimulatorDll()
    {
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = tfmDir.Name;
        string configuration = tfmDir.Parent!.Name;
        var root = tfmDir;
        while (root != null && !File.Exists(Path.Combine(root.FullName, "global.json")))
        {
            root = root.Parent;
        }

        Assert.IsNotNull(root, "repository root (global.json) not found above " + AppContext.BaseDirectory);
        string dll = Path.Combine(root.FullName, "tools", "Greenhouse.Simulator", "bin", configuration, framework, "Greenhouse.Simulator.dll");
        Assert.IsTrue(File.Exists(dll), "simulator not built at " + dll);
        return dll;
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task KilledSimulator_LeavesRetainedOffline()
    {
        await using ITestBroker broker = await MosquittoBroker.StartAsync();
        const string Base = "greenhouse/e2e-kill";
        string dll = SimulatorDll();
        using var sim = ControllerProcess.Start("dotnet",
            $"\"{dll}\" run --broker 127.0.0.1:{broker.Port} --speed 1 --days 1 --device-id e2e-kill");

        await using (TestClient first = await TestClient.ConnectAsync(broker.Host, broker.Port, "e2e-kill-watch", Base + "/status"))
        {
            await first.WaitForAsync(m => m.Topic == Base + "/status" && m.Payload == "online", seconds: 45, what: "online from the simulator process");
        }

        // A client subscribing now gets the retained status: online while the simulator runs.
        await using (TestClient late = await TestClient.ConnectAsync(broker.Host, broker.Port, "e2e-kill-late", Base + "/status"))
        {
            var online = await late.WaitForAsync(m => m.Topic == Base + "/status", seconds: 10, what: "retained status");
            Assert.AreEqual("online", online.Payload);
            Assert.IsTrue(online.Retain, "status is retained");
        }

        Assert.IsFalse(sim.HasExited, "the simulator is still running a one-day run at real time");
        sim.Kill();
        Assert.IsTrue(sim.HasExited);

        // The last will: retained offline, seen by a client that connects after the kill.
        await using TestClient after = await TestClient.ConnectAsync(broker.Host, broker.Port, "e2e-kill-after", Base + "/status");
        var offline = await after.WaitForAsync(m => m.Topic == Base + "/status" && m.Payload == "offline", seconds: 60, what: "retained offline (last will)");
        Assert.IsTrue(offline.Retain, "the will is retained");
    }

    [TestMethod]
    [Timeout(120_000, CooperativeCancellation = true)]
    public async Task SimulatorConsole_OverStandardInput_AnswersStatusSetAndGet()
    {
        var info = new System.Diagnostics.ProcessStartInfo("dotnet", $"\"{SimulatorDll()}\" run --broker none --console")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data != null)
            {
                lines.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            async Task<string> Expect(Func<string, bool> match, string what)
            {
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (DateTime.UtcNow < deadline)
                {
                    string found = lines.FirstOrDefault(match);
                    if (found != null)
                    {
                        return found;
                    }

                    await Task.Delay(50);
                }

                Assert.Fail("no " + what + " in:\n" + string.Join("\n", lines));
                return null;
            }

            await Expect(l => l.Contains("technician console on standard input"), "console banner");
            await process.StandardInput.WriteLineAsync("status");
            await process.StandardInput.FlushAsync();
            await Expect(l => l.StartsWith("zone1 mode=", StringComparison.Ordinal), "status zone line");
            await Expect(l => l.StartsWith("sensor1 health=", StringComparison.Ordinal), "status sensor line");
            await process.StandardInput.WriteLineAsync("set zone1.target_rh 91");
            await process.StandardInput.FlushAsync();
            await Expect(l => l == "ok zone1.target_rh=91", "set answer");
            await process.StandardInput.WriteLineAsync("get zone1.target_rh");
            await process.StandardInput.FlushAsync();
            await Expect(l => l.Trim() == "zone1.target_rh=91", "get answer");

            process.StandardInput.Close(); // end of input ends the run cleanly
            Assert.IsTrue(process.WaitForExit(30_000), "the simulator stops at the end of its input");
            Assert.AreEqual(0, process.ExitCode);
            await Expect(l => l.Contains("end of console input"), "end-of-input message");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
