using Greenhouse.FlashKit;

namespace Greenhouse.FlashKit.Tests;

[TestClass]
public sealed class KitTests
{
    private static string PinPath => FirmwarePin.DefaultPath;

    private static (string Kit, FakeNanoff Nanoff, StringWriter Out) Prepared()
    {
        string work = Directory.CreateTempSubdirectory("gh-kit-").FullName;
        string image = Path.Combine(work, "Greenhouse.Firmware.bin");
        File.WriteAllBytes(image, new byte[] { 0x4E, 0x46, 0x4D, 0x52, 1, 2, 3 });
        string package = Path.Combine(work, "nanoff.2.5.162.nupkg");
        File.WriteAllText(package, "nupkg");
        var nanoff = new FakeNanoff();
        var output = new StringWriter();
        string kit = Path.Combine(work, "kit");
        int code = new Operations(nanoff, output).Prepare(kit, FirmwarePin.Load(PinPath), PinPath, "1.16.0.88",
            FirmwarePin.Load(PinPath).SupportedTargets, image, package);
        Assert.AreEqual(0, code, output.ToString());
        return (kit, nanoff, output);
    }

    [TestMethod]
    public void PrepareArchivesThePinnedFirmwareAndWritesChecksums()
    {
        var (kit, nanoff, _) = Prepared();
        Assert.AreEqual(1, nanoff.Calls.Count, "one target: the module with PSRAM");
        foreach (string call in nanoff.Calls)
        {
            NanoffCommand command = NanoffCommand.Parse(call);
            Assert.AreEqual(0, command.Errors.Count, call);
            Assert.IsTrue(command.Has("updatearchive"), "in town the only download is the archive: " + call);
            Assert.AreEqual("1.16.0.88", command.Value("fwversion"), "a pinned version, never 'latest'");
        }

        foreach (string file in new[] { "kit.json", "firmware-pin.json", "SHA256SUMS", "README.txt", "app/Greenhouse.Firmware.bin",
                     "firmware/ESP32_PSRAM_REV0-1.16.0.88.zip", "nanoff/nanoff.2.5.162.nupkg",
                     "tool/Greenhouse.FlashKit.dll" })
        {
            Assert.IsTrue(File.Exists(Path.Combine(kit, file)), file);
        }

        Assert.AreEqual(0, new Kit(kit).Verify().Count);
        Assert.IsFalse(File.Exists(Path.Combine(kit, "firmware", "ESP32_REV0-1.16.0.88.zip")), "no firmware for boards without PSRAM");
    }

    [TestMethod]
    public void PrepareRefusesATargetWithoutPsram()
    {
        string work = Directory.CreateTempSubdirectory("gh-kit-").FullName;
        string image = Path.Combine(work, "Greenhouse.Firmware.bin");
        File.WriteAllBytes(image, new byte[] { 1 });
        var nanoff = new FakeNanoff();
        var output = new StringWriter();
        int code = new Operations(nanoff, output).Prepare(Path.Combine(work, "kit"), FirmwarePin.Load(PinPath), PinPath, "1.16.0.88",
            new[] { "ESP32_PSRAM_REV0", "ESP32_REV0" }, image, null);
        Assert.AreNotEqual(0, code);
        Assert.AreEqual(0, nanoff.Calls.Count, "nothing archived");
        StringAssert.Contains(output.ToString(), "ESP32_REV0 is not used for this controller: no PSRAM");
    }

    [TestMethod]
    public void AChangedOrAddedFileFailsTheVerification()
    {
        var (kit, _, _) = Prepared();
        File.AppendAllText(Path.Combine(kit, "app", "Greenhouse.Firmware.bin"), "x");
        File.WriteAllText(Path.Combine(kit, "firmware", "extra.zip"), "?");
        List<string> problems = new Kit(kit).Verify();
        CollectionAssert.Contains(problems, "changed: app/Greenhouse.Firmware.bin");
        CollectionAssert.Contains(problems, "not in SHA256SUMS: firmware/extra.zip");
    }

    [TestMethod]
    public void FlashWorksOfflineAndDeploysThroughNanoClrWithoutAnAddress()
    {
        var (kit, _, _) = Prepared();
        var nanoff = new FakeNanoff();
        var output = new StringWriter();
        var operations = new Operations(nanoff, output);
        Assert.AreEqual(0, operations.Flash(kit, "COM3", "ESP32_PSRAM_REV0", false), output.ToString());

        Assert.AreEqual(3, nanoff.Calls.Count, string.Join("\n", nanoff.Calls));
        foreach (string call in nanoff.Calls)
        {
            NanoffCommand command = NanoffCommand.Parse(call);
            Assert.AreEqual(0, command.Errors.Count, call);
            Assert.IsFalse(command.FetchesFirmware, "downloads at flash time: " + call);
            Assert.IsFalse(command.ChecksForNewNanoff, "looks online for a new nanoff: " + call);
            Assert.IsFalse(command.Has("address"), "gives nanoff a flash address: " + call);
        }

        NanoffCommand update = NanoffCommand.Parse(nanoff.Calls[0]);
        Assert.IsTrue(update.Has("update") && update.Has("fromarchive"));
        Assert.AreEqual("ESP32_PSRAM_REV0", update.Value("target"));
        Assert.AreEqual("1.16.0.88", update.Value("fwversion"));
        Assert.IsTrue(NanoffCommand.Parse(nanoff.Calls[1]).Has("devicedetails"), "natives checked before deploying");
        NanoffCommand deploy = NanoffCommand.Parse(nanoff.Calls[2]);
        Assert.IsTrue(deploy.Has("nanodevice") && deploy.Has("deploy"));
    }

    [TestMethod]
    public void WithoutATargetTheKitFlashesItsOwn()
    {
        var (kit, _, _) = Prepared();
        var nanoff = new FakeNanoff();
        var output = new StringWriter();
        Assert.AreEqual(0, new Operations(nanoff, output).Flash(kit, "COM3", null, false), output.ToString());
        Assert.AreEqual("ESP32_PSRAM_REV0", NanoffCommand.Parse(nanoff.Calls[0]).Value("target"));
    }

    [TestMethod]
    public void ATargetWithoutPsramIsRefusedBeforeAnythingIsWritten()
    {
        var (kit, _, _) = Prepared();
        var nanoff = new FakeNanoff();
        var output = new StringWriter();
        Assert.AreNotEqual(0, new Operations(nanoff, output).Flash(kit, "COM3", "ESP32_REV0", false));
        Assert.AreEqual(0, nanoff.Calls.Count, string.Join("\n", nanoff.Calls));
        StringAssert.Contains(output.ToString(), "no PSRAM");
    }

    [TestMethod]
    public void ABoardFlashedForAModuleWithoutPsramGetsNoApplication()
    {
        var (kit, _, _) = Prepared();
        var nanoff = new FakeNanoff { DeviceDetails = Boards.Wroom };
        var output = new StringWriter();
        Assert.AreNotEqual(0, new Operations(nanoff, output).Flash(kit, "COM3", "ESP32_PSRAM_REV0", false));
        Assert.IsFalse(nanoff.Calls.Any(c => c.Contains("--deploy")), "deployed anyway");
        StringAssert.Contains(output.ToString(), "MISMATCH: board target ESP32_REV0 is not used for this controller");
    }

    [TestMethod]
    public void ABoardWithTheWrongNativeAssembliesGetsNoApplication()
    {
        var (kit, _, _) = Prepared();
        var nanoff = new FakeNanoff { DeviceDetails = Boards.OldMscorlib };
        var output = new StringWriter();
        Assert.AreNotEqual(0, new Operations(nanoff, output).Flash(kit, "COM3", "ESP32_PSRAM_REV0", false));
        Assert.IsFalse(nanoff.Calls.Any(c => c.Contains("--deploy")), "deployed anyway");
        StringAssert.Contains(output.ToString(), "mscorlib is v100.5.0.19, needs v100.5.0.24");
    }

    [TestMethod]
    public void ADamagedKitWritesNothingToTheBoard()
    {
        var (kit, _, _) = Prepared();
        File.WriteAllText(Path.Combine(kit, "firmware", "ESP32_PSRAM_REV0-1.16.0.88.zip"), "truncated");
        var nanoff = new FakeNanoff();
        Assert.AreNotEqual(0, new Operations(nanoff, new StringWriter()).Flash(kit, "COM3", "ESP32_PSRAM_REV0", false));
        Assert.AreEqual(0, nanoff.Calls.Count);
    }

    [TestMethod]
    public void CheckReportsEveryMissingOrDifferentNativeAssembly()
    {
        var pin = FirmwarePin.Load(PinPath);
        Assert.AreEqual(0, DeviceDetails.Parse(Boards.Matching).Mismatches(pin, "ESP32_PSRAM_REV0").Count);
        Assert.AreEqual(0, DeviceDetails.Parse(Boards.Matching).Mismatches(pin, null).Count);
        List<string> problems = DeviceDetails.Parse(Boards.NoI2c).Mismatches(pin, "ESP32_PSRAM_REV0");
        CollectionAssert.Contains(problems, "System.Device.I2c is missing (needs v100.0.0.2)");
        problems = DeviceDetails.Parse(Boards.Wroom).Mismatches(pin, "ESP32_PSRAM_REV0");
        CollectionAssert.Contains(problems, "target is ESP32_REV0, the kit flashes ESP32_PSRAM_REV0");
        Assert.IsTrue(DeviceDetails.Parse(Boards.Wroom).Mismatches(pin, null).Any(p => p.Contains("no PSRAM")), "check without --target still refuses a board without PSRAM");
        Assert.AreEqual(1, DeviceDetails.Parse("Connecting to ESP32...\nChip: ESP32-D0WD-V3\nPSRAM: not available\n").Mismatches(pin, null).Count,
            "chip data from the ROM loader carries no native assemblies");
    }

    [TestMethod]
    public void ThePinMatchesThePackagesTheFirmwareUses()
    {
        // Every native assembly in the pin names a package that packages.config pins at that version.
        string repo = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repo, "Controller.sln")))
        {
            repo = Path.GetDirectoryName(repo);
        }

        string packages = File.ReadAllText(Path.Combine(repo, "firmware", "Greenhouse.Firmware", "packages.config"));
        foreach (NativeRequirement need in FirmwarePin.Load(PinPath).NativeAssemblies)
        {
            string[] words = need.Package.Split(' ');
            StringAssert.Contains(packages, "id=\"" + words[0] + "\" version=\"" + words[1] + "\"", need.Name);
        }
    }
}
