using System.Diagnostics;
using System.Globalization;
using System.Text;
using Greenhouse.NanoClr.Replay;

namespace Greenhouse.NanoClr.Tests;

/// <summary>
/// Builds the device programs of Device/ once per test run and converts them to nanoFramework PEs with the kit's
/// MetadataProcessor: Greenhouse.Core.pe and Greenhouse.Controller.pe (the controller's two assemblies),
/// Greenhouse.DeviceTests.pe and Greenhouse.DeviceTests2.pe (the shared tests in two parts, each with the device
/// test runner) and Greenhouse.DeviceReplay.pe (the replayed day, its recorded minute values compiled
/// in). Debug builds, C# 9, NoStdLib against the nanoFramework mscorlib and the kit's reference assemblies; the work
/// folder is under the test's output folder, so a second run builds incrementally.
/// </summary>
internal sealed class DeviceBuild
{
    private static readonly object Gate = new();
    private static DeviceBuild _built;
    private static string _failure;

    private DeviceBuild(string work)
    {
        Work = work;
    }

    public string Work { get; }
    public string CorePe => Path.Combine(Work, "pe", "Greenhouse.Core.pe");
    public string ControllerPe => Path.Combine(Work, "pe", "Greenhouse.Controller.pe");
    /// <summary>The controller's assemblies in load order: the core, then the controller over it.</summary>
    public string[] ControllerPes => new[] { CorePe, ControllerPe };
    /// <summary>The device test programs, each run on its own; together they hold every shared test (a PE's string
    /// table holds at most 64 KB, so the shared tests are split: Device/SharedTests.props).</summary>
    public string[] TestPes => TestPrograms.Select(p => Path.Combine(Work, "pe", p + ".pe")).ToArray();
    private static readonly string[] TestPrograms = { "Greenhouse.DeviceTests", "Greenhouse.DeviceTests2" };
    public string ReplayPe => Path.Combine(Work, "pe", "Greenhouse.DeviceReplay.pe");
    /// <summary>The replay program's build output: it holds nanoFramework's own mscorlib.dll and library dlls.</summary>
    public string ReplayBin => Path.Combine(Work, "artifacts", "bin", "Greenhouse.DeviceReplay", "debug");
    public TimeSpan BuildTime { get; private set; }
    public TimeSpan ConvertTime { get; private set; }

    /// <summary>The recorded day the replay runs, as the host and the device program both get it.</summary>
    public static ReplayInput RecordedDay() => RecordedDayCsv.Load(Repo.PathOf("tests/recorded/mqtt-day.csv"));

    /// <summary>The built programs; a build or conversion failure fails every test that needs them.</summary>
    public static DeviceBuild Get(NanoKit kit)
    {
        lock (Gate)
        {
            if (_built is null && _failure is null)
            {
                var build = new DeviceBuild(Path.Combine(AppContext.BaseDirectory, "nanoclr"));
                _failure = build.Make(kit);
                if (_failure is null)
                {
                    _built = build;
                }
            }
            if (_failure is not null)
            {
                Assert.Fail(_failure);
            }
            return _built;
        }
    }

    private string Make(NanoKit kit)
    {
        Directory.CreateDirectory(Path.Combine(Work, "pe"));
        var replayData = Path.Combine(Work, "ReplayData.g.cs");
        WriteIfChanged(replayData, RecordedDayCsv.ToCSharp(RecordedDay()));
        var artifacts = Path.Combine(Work, "artifacts");
        var clock = Stopwatch.StartNew();
        foreach (var (project, extra) in new[]
        {
            ("Device/Tests/Greenhouse.DeviceTests.csproj", (string)null),
            ("Device/Tests2/Greenhouse.DeviceTests2.csproj", (string)null),
            ("Device/Replay/Greenhouse.DeviceReplay.csproj", "-p:ReplayData=" + replayData),
        })
        {
            var args = new List<string>
            {
                "build", Path.Combine(Repo.PathOf("tests/Greenhouse.NanoClr.Tests"), project), "-c", "Debug",
                "--artifacts-path", artifacts, "-p:NanoKit=" + kit.Root, "-nologo", "-v:q", "-nodeReuse:false",
            };
            if (extra is not null)
            {
                args.Add(extra);
            }
            var (code, output, timedOut) = Dotnet(args, TimeSpan.FromMinutes(5));
            if (code != 0 || timedOut)
            {
                return $"building {project} for the nanoCLR failed (exit {code}{(timedOut ? ", timed out" : "")}):\n{output}";
            }
        }
        BuildTime = clock.Elapsed;

        // Convert: the core, the controller over it and each program, with the assemblies they use as load hints.
        // They run side by side.
        clock.Restart();
        var testsBin = Path.Combine(artifacts, "bin", "Greenhouse.DeviceTests", "debug");
        var replayBin = ReplayBin;
        var conversions = new List<Task<string>>
        {
            Task.Run(() => Convert(kit, testsBin, "Greenhouse.Core", CorePe, Array.Empty<string>())),
            Task.Run(() => Convert(kit, testsBin, "Greenhouse.Controller", ControllerPe, new[] { "Greenhouse.Core" })),
            Task.Run(() => Convert(kit, replayBin, "Greenhouse.DeviceReplay", ReplayPe, Ours)),
        };
        var testPes = TestPes;
        for (var i = 0; i < TestPrograms.Length; i++)
        {
            var program = TestPrograms[i];
            var pe = testPes[i];
            conversions.Add(Task.Run(() => Convert(kit, Path.Combine(artifacts, "bin", program, "debug"), program, pe, Ours)));
        }
        Task.WaitAll(conversions.ToArray());
        ConvertTime = clock.Elapsed;
        return conversions.Select(c => c.Result).FirstOrDefault(r => r is not null);
    }

    /// <summary>One MetadataProcessor conversion; options act in order, so the load hints come first.</summary>
    private static readonly string[] Ours = { "Greenhouse.Core", "Greenhouse.Controller" };

    private static string Convert(NanoKit kit, string bin, string assembly, string pe, string[] uses)
    {
        var args = new List<string> { kit.Mdp, "-loadHints", "mscorlib", Path.Combine(bin, "mscorlib.dll") };
        foreach (var lib in NanoKit.Libraries)
        {
            var dll = Path.Combine(bin, lib + ".dll");
            if (File.Exists(dll))
            {
                args.AddRange(new[] { "-loadHints", lib, dll });
            }
        }
        foreach (var ours in uses)
        {
            args.AddRange(new[] { "-loadHints", ours, Path.Combine(bin, ours + ".dll") });
        }
        args.AddRange(new[] { "-parse", Path.Combine(bin, assembly + ".dll"), "-compile", pe, "false" });
        File.Delete(pe);
        var (code, output, timedOut) = Dotnet(args, TimeSpan.FromMinutes(3));
        if (code != 0 || timedOut || !File.Exists(pe) || new FileInfo(pe).Length == 0)
        {
            return $"the MetadataProcessor did not convert {assembly} (exit {code}{(timedOut ? ", timed out" : "")}):\n{output}";
        }
        return null;
    }

    private static (int Code, string Output, bool TimedOut) Dotnet(List<string> args, TimeSpan timeout)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(dotnet) || !File.Exists(dotnet))
        {
            dotnet = "dotnet";
        }
        var psi = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        // The surrounding `dotnet test` leaves MSBuild state in the environment; the child build must not inherit it.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        return Processes.Run(psi, timeout);
    }

    private static void WriteIfChanged(string path, string text)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            File.WriteAllText(path, text);
        }
    }
}

/// <summary>The recorded MQTT day's trace (one row a minute) as the replay's input, and as C# for the device program.</summary>
internal static class RecordedDayCsv
{
    public static ReplayInput Load(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var t = Array.IndexOf(header, "inside_temp_c");
        var rh = Array.IndexOf(header, "sensor_rh_pct");
        if (t < 0 || rh < 0)
        {
            throw new InvalidDataException($"{path}: columns inside_temp_c and sensor_rh_pct expected");
        }
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        short Centi(string text) => checked((short)Math.Round(double.Parse(text, CultureInfo.InvariantCulture) * 100, MidpointRounding.AwayFromZero));
        return new ReplayInput(rows.Select(r => Centi(r[t])).ToArray(), rows.Select(r => Centi(r[rh])).ToArray());
    }

    /// <summary>A short[] initializer is kept as one data blob in the PE (the PE's blob table must stay under 64 KB).</summary>
    public static string ToCSharp(ReplayInput input)
    {
        static string Values(short[] v) => string.Join(",", v.Select(x => x.ToString(CultureInfo.InvariantCulture)));
        var text = new StringBuilder();
        text.Append("// Generated by tests/Greenhouse.NanoClr.Tests from tests/recorded/mqtt-day.csv: zone 1's temperature and humidity\n");
        text.Append("// once a minute in hundredths. Not committed; rewritten when the recording changes.\n");
        text.Append("namespace Greenhouse.NanoClr.Replay\n{\n    public static class ReplayData\n    {\n");
        text.Append("        public static readonly short[] Temperature = new short[] { ").Append(Values(input.TemperatureCenti)).Append(" };\n");
        text.Append("        public static readonly short[] Humidity = new short[] { ").Append(Values(input.HumidityCenti)).Append(" };\n");
        text.Append("    }\n}\n");
        return text.ToString();
    }
}
