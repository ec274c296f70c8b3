namespace Greenhouse.FlashKit;

/// <summary>
/// The kit's steps. Every nanoff command is built here, parsed back against nanoff's documented options and refused
/// if it is malformed; the commands used at the board never fetch firmware (they run from the kit's archive) and never
/// give nanoff a flash address: the application is deployed through the running nanoCLR, which knows its own
/// deployment region (nanoff 2.5.162's built-in ESP32 default, 0x1B0000, lies inside nanoCLR on current layouts).
/// </summary>
public sealed class Operations
{
    private readonly INanoff _nanoff;
    private readonly TextWriter _out;

    public Operations(INanoff nanoff, TextWriter output)
    {
        _nanoff = nanoff;
        _out = output;
    }

    /// <summary>Every nanoff command run so far, as a command line (for the log and the tests).</summary>
    public List<string> Commands { get; } = new();

    /// <summary>Town side, online: archives the firmware for each target, copies the image and the tools, writes the checksums.</summary>
    public int Prepare(string kitDir, FirmwarePin pin, string pinPath, string fwVersion, IReadOnlyList<string> targets, string image, string? nanoffPackage)
    {
        if (!File.Exists(image) || !image.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("the deployment image must be the .bin the nanoFramework build writes (bin/Release/Greenhouse.Firmware.bin): " + image);
        }

        if (string.IsNullOrWhiteSpace(fwVersion))
        {
            return Fail("give --fwversion (firmware-pin.json has none yet): the exact nanoCLR version to archive");
        }

        if (targets.Count == 0)
        {
            return Fail("no target to archive");
        }

        foreach (string target in targets)
        {
            string? refusal = pin.Refusal(target);
            if (refusal != null)
            {
                return Fail(refusal);
            }
        }

        if (Directory.Exists(kitDir) && Directory.EnumerateFileSystemEntries(kitDir).Any())
        {
            return Fail("the kit folder must be new or empty: " + kitDir);
        }

        var kit = new Kit(kitDir);
        Directory.CreateDirectory(kit.FirmwareArchive);
        foreach (string target in targets)
        {
            // Online, in town: the only step that downloads.
            int code = Nanoff("--updatearchive", "--target", target, "--fwversion", fwVersion, "--archivepath", kit.FirmwareArchive, "--suppressnanoffversioncheck");
            string package = Path.Combine(kit.FirmwareArchive, target + "-" + fwVersion + ".zip");
            if (code != 0 || !File.Exists(package))
            {
                return Fail("nanoff could not archive " + target + " " + fwVersion + " (exit " + code + "); check the version with: nanoff --listtargets --platform esp32");
            }
        }

        string app = Path.Combine(kit.Root, Kit.AppFolder);
        Directory.CreateDirectory(app);
        string imageName = Path.GetFileName(image);
        File.Copy(image, Path.Combine(app, imageName));
        File.Copy(pinPath, Path.Combine(kit.Root, "firmware-pin.json"));
        if (nanoffPackage != null)
        {
            string folder = Path.Combine(kit.Root, "nanoff");
            Directory.CreateDirectory(folder);
            File.Copy(nanoffPackage, Path.Combine(folder, Path.GetFileName(nanoffPackage)));
        }

        CopyTool(Path.Combine(kit.Root, "tool"));
        File.WriteAllText(Path.Combine(kit.Root, "README.txt"), ReadMe(pin, fwVersion, targets, imageName));
        kit.WriteManifest(new KitManifest
        {
            FirmwareVersion = fwVersion,
            Targets = targets.ToList(),
            Nanoff = pin.Nanoff,
            Image = imageName,
            ImageSha256 = Kit.Sha256(image),
            Prepared = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"),
        });
        int files = kit.WriteSums();
        _out.WriteLine("kit ready: " + kit.Root + " (" + files + " files, " + Kit.Sums + " written)");
        return 0;
    }

    /// <summary>Checks the kit's checksums.</summary>
    public int Verify(string kitDir)
    {
        List<string> problems = new Kit(kitDir).Verify();
        foreach (string problem in problems)
        {
            _out.WriteLine("KIT DAMAGED: " + problem);
        }

        if (problems.Count == 0)
        {
            _out.WriteLine("kit intact: every checksum matches");
        }

        return problems.Count == 0 ? 0 : 2;
    }

    /// <summary>Reads the native assemblies of the board on the port and compares them with the pin.</summary>
    public int Check(string port, FirmwarePin pin, string? expectedTarget)
    {
        (int code, string output) = RunNanoff("--nanodevice", "--devicedetails", "--serialport", port, "--suppressnanoffversioncheck");
        if (code != 0)
        {
            return Fail("nanoff could not read the board on " + port + " (exit " + code + "): is nanoCLR running, is the port right, is another program using it?");
        }

        DeviceDetails details = DeviceDetails.Parse(output);
        List<string> problems = details.Mismatches(pin, expectedTarget);
        _out.WriteLine("board: target " + (details.Target ?? "?") + ", nanoCLR " + (details.ClrVersion ?? "?") + ", " + details.Natives.Count + " native assemblies");
        foreach (string problem in problems)
        {
            _out.WriteLine("MISMATCH: " + problem);
        }

        if (problems.Count == 0)
        {
            _out.WriteLine("OK: every native assembly the application needs is on the board");
            return 0;
        }

        _out.WriteLine("Do not deploy: flash the firmware of this kit first (flashkit flash).");
        return 3;
    }

    /// <summary>
    /// Village side, offline: checksums, firmware from the archive, native check, then the application through nanoCLR.
    /// Without a target, the kit's first (the one every supported board takes, ESP32_PSRAM_REV0).
    /// </summary>
    public int Flash(string kitDir, string port, string? target, bool massErase)
    {
        var kit = new Kit(kitDir);
        if (Verify(kitDir) != 0)
        {
            return Fail("the kit is damaged: copy it again from the town computer");
        }

        KitManifest manifest = kit.ReadManifest();
        FirmwarePin pin = FirmwarePin.Load(Path.Combine(kit.Root, "firmware-pin.json"));
        target ??= manifest.Targets.FirstOrDefault() ?? "";
        string? refusal = pin.Refusal(target);
        if (refusal != null)
        {
            return Fail(refusal);
        }

        if (!manifest.Targets.Contains(target))
        {
            return Fail("this kit has no firmware for " + target + " (it has " + string.Join(", ", manifest.Targets) + ")");
        }

        var update = new List<string> { "--update", "--target", target, "--fwversion", manifest.FirmwareVersion, "--serialport", port, "--fromarchive", "--archivepath", kit.FirmwareArchive, "--suppressnanoffversioncheck" };
        if (massErase)
        {
            update.Add("--masserase");
        }

        int code = Nanoff(update.ToArray());
        if (code != 0)
        {
            return Fail("firmware not written (nanoff exit " + code + "): hold BOOT, press and release EN, release BOOT, and run flash again");
        }

        if (Check(port, pin, target) != 0)
        {
            return Fail("the board does not carry the native assemblies the application needs; nothing deployed");
        }

        code = Nanoff("--nanodevice", "--deploy", "--serialport", port, "--image", kit.ImagePath(manifest), "--suppressnanoffversioncheck");
        if (code != 0)
        {
            return Fail("application not deployed (nanoff exit " + code + ")");
        }

        _out.WriteLine("done: firmware " + manifest.FirmwareVersion + " (" + target + ") and " + manifest.Image + " on " + port);
        return 0;
    }

    private int Nanoff(params string[] arguments) => RunNanoff(arguments).ExitCode;

    private (int ExitCode, string Output) RunNanoff(params string[] arguments)
    {
        string line = "nanoff " + string.Join(" ", arguments.Select(NanoffCommand.Quote));
        NanoffCommand parsed = NanoffCommand.Parse(line);
        if (parsed.Errors.Count > 0)
        {
            throw new InvalidOperationException("refusing a malformed nanoff command: " + line + ": " + string.Join("; ", parsed.Errors));
        }

        Commands.Add(line);
        _out.WriteLine("> " + line);
        return _nanoff.Run(arguments);
    }

    private int Fail(string message)
    {
        _out.WriteLine("ERROR: " + message);
        return 1;
    }

    private static void CopyTool(string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.EnumerateFiles(AppContext.BaseDirectory))
        {
            string name = Path.GetFileName(file);
            if (name.StartsWith("Greenhouse.FlashKit", StringComparison.Ordinal) || name.StartsWith("System.CommandLine", StringComparison.Ordinal) || name == "firmware-pin.json")
            {
                File.Copy(file, Path.Combine(destination, name));
            }
        }
    }

    private static string ReadMe(FirmwarePin pin, string fwVersion, IReadOnlyList<string> targets, string image)
    {
        return "Greenhouse controller flashing kit\n"
            + "nanoCLR firmware " + fwVersion + " for " + string.Join(", ", targets) + "; application " + image + ".\n"
            + "Works without internet. Steps (hardware-docs/flashing.md):\n"
            + "  1. dotnet tool install -g nanoff --version " + pin.Nanoff + " --add-source nanoff   (once per laptop)\n"
            + "  2. dotnet tool/Greenhouse.FlashKit.dll verify --kit .\n"
            + "  3. dotnet tool/Greenhouse.FlashKit.dll flash --kit . --port COM3 --target " + targets[0] + "   (boards with PSRAM only: ESP32-WROVER)\n"
            + "  4. dotnet tool/Greenhouse.FlashKit.dll check --kit . --port COM3\n";
    }
}
