using System.Text.RegularExpressions;

namespace Greenhouse.FlashKit;

/// <summary>
/// What "nanoff --nanodevice --devicedetails" prints about a running nanoCLR: the target name, the CLR version and the
/// native assemblies ("  name vX.Y.Z.W, checksum 0x...."), which decide whether our application can be deployed.
/// (nanoff --platform esp32 --devicedetails talks to the ROM loader instead and shows only chip data.)
/// </summary>
public sealed partial class DeviceDetails
{
    public string? Target { get; private set; }
    public string? ClrVersion { get; private set; }
    public Dictionary<string, (string Version, string Checksum)> Natives { get; } = new(StringComparer.Ordinal);

    public static DeviceDetails Parse(string output)
    {
        var details = new DeviceDetails();
        bool inNatives = false;
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            Match target = TargetLine().Match(line);
            if (target.Success && details.Target == null)
            {
                details.Target = target.Groups[1].Value;
            }

            Match clr = ClrLine().Match(line);
            if (clr.Success)
            {
                details.ClrVersion = clr.Groups[1].Value;
            }

            if (line.Trim().StartsWith("Native Assemblies", StringComparison.OrdinalIgnoreCase))
            {
                inNatives = true;
                continue;
            }

            if (inNatives)
            {
                Match native = NativeLine().Match(line);
                if (native.Success)
                {
                    details.Natives[native.Groups[1].Value] = (native.Groups[2].Value, native.Groups[3].Value.ToUpperInvariant());
                }
                else if (line.Trim().Length > 0)
                {
                    inNatives = false;
                }
            }
        }

        return details;
    }

    /// <summary>Every way the board differs from what the application needs; empty when it can be deployed.</summary>
    public List<string> Mismatches(FirmwarePin pin, string? expectedTarget)
    {
        var problems = new List<string>();
        if (Natives.Count == 0)
        {
            problems.Add("no native assemblies in the device details: is nanoCLR running (flash the firmware first)?");
            return problems;
        }

        if (Target != null && pin.Refusal(Target) != null)
        {
            // A board flashed for a module without PSRAM: the application would run out of managed heap.
            problems.Add("board target " + pin.Refusal(Target));
        }

        if (expectedTarget != null && Target != null && !string.Equals(Target, expectedTarget, StringComparison.Ordinal))
        {
            problems.Add("target is " + Target + ", the kit flashes " + expectedTarget);
        }

        foreach (NativeRequirement need in pin.NativeAssemblies)
        {
            if (!Natives.TryGetValue(need.Name, out var have))
            {
                problems.Add(need.Name + " is missing (needs v" + need.Version + ")");
            }
            else if (have.Version != need.Version)
            {
                problems.Add(need.Name + " is v" + have.Version + ", needs v" + need.Version + " (" + need.Package + ")");
            }
            else if (need.Checksum != null && !string.Equals(have.Checksum, need.Checksum, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(need.Name + " checksum is " + have.Checksum + ", needs " + need.Checksum);
            }
        }

        return problems;
    }

    [GeneratedRegex(@"^\s*Target:\s*(\S+)")]
    private static partial Regex TargetLine();

    [GeneratedRegex(@"^\s*CLR Version:\s*(\S+)")]
    private static partial Regex ClrLine();

    [GeneratedRegex(@"^\s+([A-Za-z][\w.]*)\s+v(\d+(?:\.\d+){3}),\s*checksum\s+(0x[0-9A-Fa-f]+)")]
    private static partial Regex NativeLine();
}
