using System.CommandLine;

namespace Greenhouse.FlashKit;

/// <summary>flashkit prepare | verify | check | flash.</summary>
public static class FlashKitCli
{
    public static RootCommand Build(INanoff nanoff, TextWriter output)
    {
        var kitOption = new Option<string>("--kit") { Description = "kit folder", DefaultValueFactory = _ => ".", HelpName = "FOLDER" };
        var portOption = new Option<string>("--port") { Description = "serial port of the board (COM3, /dev/ttyUSB0)", Required = true, HelpName = "PORT" };
        var targetOption = new Option<string?>("--target") { Description = "ESP32_PSRAM_REV0 (ESP32-WROVER, with PSRAM; the default: the kit's first target). Boards without PSRAM are refused; see hardware-docs/flashing.md", HelpName = "TARGET" };
        var pinOption = new Option<string>("--pin") { Description = "firmware-pin.json", DefaultValueFactory = _ => FirmwarePin.DefaultPath, HelpName = "FILE" };

        var prepare = new Command("prepare", "town, online: archive the pinned firmware, add the deployment image and nanoff, write checksums");
        var outOption = new Option<string>("--out") { Description = "new kit folder", Required = true, HelpName = "FOLDER" };
        var fwOption = new Option<string?>("--fwversion") { Description = "exact nanoCLR version to archive (default: firmware-pin.json)", HelpName = "VERSION" };
        var targetsOption = new Option<string[]?>("--targets") { Description = "targets to archive (default: the supported ones in firmware-pin.json, ESP32_PSRAM_REV0)", AllowMultipleArgumentsPerToken = true };
        var imageOption = new Option<string>("--image") { Description = "firmware\\Greenhouse.Firmware\\bin\\Release\\Greenhouse.Firmware.bin", Required = true, HelpName = "FILE.bin" };
        var nanoffPackageOption = new Option<string?>("--nanoff-package") { Description = "nanoff .nupkg to install on laptops without internet", HelpName = "FILE.nupkg" };
        foreach (Option option in new Option[] { outOption, fwOption, targetsOption, imageOption, nanoffPackageOption, pinOption })
        {
            prepare.Options.Add(option);
        }

        prepare.SetAction(parse =>
        {
            string pinPath = parse.GetValue(pinOption)!;
            FirmwarePin pin = FirmwarePin.Load(pinPath);
            string fw = parse.GetValue(fwOption) ?? pin.FirmwareVersion ?? "";
            IReadOnlyList<string> targets = parse.GetValue(targetsOption) ?? pin.SupportedTargets;
            return new Operations(nanoff, output).Prepare(parse.GetValue(outOption)!, pin, pinPath, fw, targets, parse.GetValue(imageOption)!, parse.GetValue(nanoffPackageOption));
        });

        var verify = new Command("verify", "check the kit's checksums");
        verify.Options.Add(kitOption);
        verify.SetAction(parse => new Operations(nanoff, output).Verify(parse.GetValue(kitOption)!));

        var check = new Command("check", "read the board's native assemblies (nanoCLR running) and compare them with the pin");
        var checkTarget = new Option<string?>("--target") { Description = "target the board should report", HelpName = "TARGET" };
        foreach (Option option in new Option[] { kitOption, portOption, checkTarget })
        {
            check.Options.Add(option);
        }

        check.SetAction(parse =>
        {
            string kitPin = Path.Combine(parse.GetValue(kitOption)!, "firmware-pin.json");
            FirmwarePin pin = FirmwarePin.Load(File.Exists(kitPin) ? kitPin : FirmwarePin.DefaultPath);
            return new Operations(nanoff, output).Check(parse.GetValue(portOption)!, pin, parse.GetValue(checkTarget));
        });

        var flash = new Command("flash", "village, offline: firmware from the kit's archive, native check, then the application");
        var eraseOption = new Option<bool>("--masserase") { Description = "erase the whole flash first (deletes the settings on I:\\)" };
        foreach (Option option in new Option[] { kitOption, portOption, targetOption, eraseOption })
        {
            flash.Options.Add(option);
        }

        flash.SetAction(parse => new Operations(nanoff, output).Flash(parse.GetValue(kitOption)!, parse.GetValue(portOption)!, parse.GetValue(targetOption), parse.GetValue(eraseOption)));

        var root = new RootCommand("Greenhouse controller flashing kit: prepare in town, flash and check in the village without internet");
        root.Subcommands.Add(prepare);
        root.Subcommands.Add(verify);
        root.Subcommands.Add(check);
        root.Subcommands.Add(flash);
        return root;
    }
}
