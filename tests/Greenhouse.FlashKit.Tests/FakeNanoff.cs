using Greenhouse.FlashKit;

namespace Greenhouse.FlashKit.Tests;

/// <summary>Records nanoff calls; archives a fake package on --updatearchive; answers --devicedetails with a board.</summary>
public sealed class FakeNanoff : INanoff
{
    public readonly List<string> Calls = new();
    public string DeviceDetails = Boards.Matching;
    public int UpdateExitCode;

    public (int ExitCode, string Output) Run(IReadOnlyList<string> arguments)
    {
        string line = "nanoff " + string.Join(" ", arguments.Select(NanoffCommand.Quote));
        Calls.Add(line);
        NanoffCommand command = NanoffCommand.Parse(line);
        if (command.Has("updatearchive"))
        {
            string file = Path.Combine(command.Value("archivepath"), command.Value("target") + "-" + command.Value("fwversion") + ".zip");
            File.WriteAllText(file, "firmware package " + command.Value("target"));
            File.WriteAllText(file + ".json", "{}");
            return (0, "Added target");
        }

        if (command.Has("devicedetails"))
        {
            return (0, DeviceDetails);
        }

        if (command.Has("update"))
        {
            return (UpdateExitCode, "");
        }

        return (0, "");
    }
}

/// <summary>Device details as nanoff --nanodevice --devicedetails prints them (format of nanoFramework device capabilities).</summary>
public static class Boards
{
    private const string Head = """
        System Information
        HAL build info: nanoCLR running @ ESP32 built with ESP-IDF v5.5.4
          Target:   ESP32_PSRAM_REV0
          Platform: ESP32

        Firmware build Info:
          Date:        Jun 30 2026
          Type:        MinSizeRel build, chip rev. >= 0, support for PSRAM
          CLR Version: 1.16.0.88
          Compiler:    GNU ARM GCC v14.2.0

        AppDomains:

        Assemblies:

        Native Assemblies:

        """;

    private const string Natives = """
          mscorlib v100.5.0.24, checksum 0x1549C856
          nanoFramework.Runtime.Native v100.0.10.0, checksum 0x0EAE898B
          nanoFramework.Hardware.Esp32 v100.0.10.0, checksum 0x6A20A689
          nanoFramework.Runtime.Events v100.0.8.0, checksum 0x0EAB00C9
          nanoFramework.System.Collections v100.0.2.0, checksum 0x2DC2B090
          nanoFramework.System.Text v100.0.0.1, checksum 0x8E6EB73D
          nanoFramework.Networking.Sntp v100.0.4.4, checksum 0xE2D9BDED
          System.Math v100.0.5.5, checksum 0x46092CB1
          System.Device.Gpio v100.1.0.6, checksum 0x097E7BC5
          System.Device.I2c v100.0.0.2, checksum 0x79EDBF71
          System.Device.Wifi v100.0.6.6, checksum 0x1C1D3214
          System.Net v100.2.0.12, checksum 0xD82C1452
          System.IO.FileSystem v1.1.0.4, checksum 0x2FE45E1E
          System.IO.Ports v100.1.6.1, checksum 0xB798CE30

        ++ Memory Map ++
        """;

    public static readonly string Matching = Head + Natives;

    public static readonly string OldMscorlib = Head + Natives.Replace("mscorlib v100.5.0.24, checksum 0x1549C856", "mscorlib v100.5.0.19, checksum 0x445C7AF9");

    public static readonly string NoI2c = Head + Natives.Replace("  System.Device.I2c v100.0.0.2, checksum 0x79EDBF71\n", "");

    /// <summary>A WROOM-32 board flashed with the target for modules without PSRAM, natives otherwise right.</summary>
    public static readonly string Wroom = Head.Replace("Target:   ESP32_PSRAM_REV0", "Target:   ESP32_REV0")
        .Replace("chip rev. >= 0, support for PSRAM", "chip rev. >= 0, without support for PSRAM") + Natives;
}
