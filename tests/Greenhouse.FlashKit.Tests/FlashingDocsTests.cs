using System.Text.RegularExpressions;
using Greenhouse.FlashKit;

namespace Greenhouse.FlashKit.Tests;

/// <summary>
/// Every nanoff command in the documentation parses against nanoff's documented options; none downloads firmware at
/// flash time, deploys through the ROM loader or names an address or target outside the documented layout; and the
/// tables of hardware-docs/flashing.md are the ones in firmware-pin.json.
/// </summary>
[TestClass]
public sealed partial class FlashingDocsTests
{
    private static string Repo()
    {
        string dir = AppContext.BaseDirectory;
        while (dir != null && !File.Exists(Path.Combine(dir, "Controller.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        Assert.IsNotNull(dir, "repository root not found");
        return dir;
    }

    private static IEnumerable<string> Documents()
    {
        string repo = Repo();
        yield return Path.Combine(repo, "README.md");
        foreach (string folder in new[] { "hardware-docs", "docs" })
        {
            foreach (string file in Directory.GetFiles(Path.Combine(repo, folder), "*.md"))
            {
                yield return file;
            }
        }

        foreach (string file in Directory.GetFiles(Path.Combine(repo, "tools"), "README.md", SearchOption.AllDirectories))
        {
            yield return file;
        }
    }

    /// <summary>Commands in code blocks (a line starting with "nanoff ") and in inline code spans.</summary>
    private static List<(string File, string Line)> Commands()
    {
        var commands = new List<(string, string)>();
        foreach (string file in Documents())
        {
            string name = Path.GetRelativePath(Repo(), file);
            bool inBlock = false;
            foreach (string raw in File.ReadAllLines(file))
            {
                string line = raw.Trim();
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    inBlock = !inBlock;
                    continue;
                }

                if (inBlock && line.StartsWith("nanoff ", StringComparison.Ordinal))
                {
                    commands.Add((name, line));
                }
                else if (!inBlock)
                {
                    foreach (Match m in InlineCommand().Matches(raw))
                    {
                        commands.Add((name, m.Groups[1].Value));
                    }
                }
            }
        }

        return commands;
    }

    [TestMethod]
    public void EveryNanoffCommandInTheDocsParsesAndIsSafeToRun()
    {
        FirmwarePin pin = FirmwarePin.Load(FirmwarePin.DefaultPath);
        FlashRegion deployment = pin.Partitions.Find("deployment");
        var targets = new HashSet<string>(pin.Targets.Select(t => t.Target));
        var problems = new List<string>();
        List<(string File, string Line)> commands = Commands();
        Assert.IsTrue(commands.Count >= 10, "found only " + commands.Count + " nanoff commands in the docs");
        foreach ((string file, string line) in commands)
        {
            NanoffCommand command = NanoffCommand.Parse(line);
            string where = file + ": " + line + ": ";
            problems.AddRange(command.Errors.Select(e => where + e));
            if (command.FetchesFirmware && !command.Has("updatearchive") && !command.Has("listtargets"))
            {
                problems.Add(where + "downloads firmware at flash time (use --fromarchive with the kit)");
            }

            if (command.Has("deploy") && !command.Has("nanodevice"))
            {
                problems.Add(where + "deploys through the ROM loader (nanoff's default address is inside nanoCLR); use --nanodevice --deploy");
            }

            foreach (string target in command.Values("target"))
            {
                if (!targets.Contains(target))
                {
                    problems.Add(where + "target " + target + " is not in the documented target table");
                }
            }

            foreach (string address in command.Values("address"))
            {
                if (FlashRegion.Hex(address) != deployment.Start)
                {
                    FlashRegion region = pin.Partitions.Containing(FlashRegion.Hex(address));
                    problems.Add(where + "address " + address + " is not the start of the deployment region (" + deployment.Offset + ")"
                        + (region == null ? "" : ": it lies in " + region.Name));
                }
            }
        }

        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    [TestMethod]
    public void EveryTargetTheDocsFlashOrCheckHasPsram()
    {
        // Any "--target X" or "--targets X" in a command of the docs: nanoff's and the kit tool's alike.
        FirmwarePin pin = FirmwarePin.Load(FirmwarePin.DefaultPath);
        var problems = new List<string>();
        int seen = 0;
        foreach (string file in Documents())
        {
            foreach (Match m in TargetArgument().Matches(File.ReadAllText(file)))
            {
                seen++;
                string refusal = pin.Refusal(m.Groups[1].Value);
                if (refusal != null)
                {
                    problems.Add(Path.GetRelativePath(Repo(), file) + ": " + m.Value + ": " + refusal);
                }
            }
        }

        Assert.IsTrue(seen >= 3, "found only " + seen + " --target arguments in the docs");
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
    }

    [TestMethod]
    public void TheOldBrickingCommandWouldBeCaught()
    {
        // The command flashing.md used to show: --address 0x1B000 lies in nanoCLR (0x10000-0x1E0000).
        FirmwarePin pin = FirmwarePin.Load(FirmwarePin.DefaultPath);
        NanoffCommand old = NanoffCommand.Parse("nanoff --target ESP32_PSRAM_REV0 --serialport COM3 --update --deploy --image \"Greenhouse.Firmware.bin\" --address 0x1B000");
        Assert.AreEqual(0, old.Errors.Count);
        Assert.IsTrue(old.FetchesFirmware);
        Assert.IsFalse(old.Has("nanodevice"));
        Assert.AreEqual("nanoCLR (factory)", pin.Partitions.Containing(FlashRegion.Hex(old.Value("address"))).Name);
    }

    private static List<string[]> Table(string markdown, string heading)
    {
        int at = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.IsTrue(at >= 0, heading);
        var rows = new List<string[]>();
        bool inTable = false;
        foreach (string raw in markdown.Substring(at + heading.Length).Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith('|'))
            {
                inTable = true;
                string[] cells = line.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray();
                if (!cells[0].StartsWith("---", StringComparison.Ordinal))
                {
                    rows.Add(cells);
                }
            }
            else if (inTable)
            {
                break;
            }
        }

        rows.RemoveAt(0);
        return rows;
    }

    [TestMethod]
    public void FlashingMdShowsTheLayoutTargetsAndNativeAssembliesOfThePin()
    {
        FirmwarePin pin = FirmwarePin.Load(FirmwarePin.DefaultPath);
        string text = File.ReadAllText(Path.Combine(Repo(), "hardware-docs", "flashing.md"));

        CollectionAssert.AreEqual(
            pin.Partitions.Regions.Select(r => r.Name + " " + r.Start.ToString("X") + " " + r.Length.ToString("X")).ToList(),
            Table(text, "## What is on the flash").Select(r => r[0] + " " + FlashRegion.Hex(r[1]).ToString("X") + " " + FlashRegion.Hex(r[2]).ToString("X")).ToList(),
            "partition table");

        CollectionAssert.AreEqual(pin.Targets.Select(t => t.Board + " " + t.Target + " " + (t.Supported ? "yes" : "no")).ToList(),
            Table(text, "## Which target for which board").Select(r => r[0] + " " + r[1] + " " + r[2].Replace("*", "").Split(':')[0].Trim()).ToList(),
            "targets (board, target, used for this controller)");

        CollectionAssert.AreEqual(pin.NativeAssemblies.Select(n => n.Name + " " + n.Version).ToList(),
            Table(text, "## What the application needs on the board").Select(r => r[0] + " " + r[1].Split(' ')[0]).ToList(), "native assemblies");

        // The regions tile the 4 MB flash without overlap.
        uint end = 0x1000;
        foreach (FlashRegion region in pin.Partitions.Regions)
        {
            Assert.AreEqual(end, region.Start, region.Name + " does not follow the previous region");
            end = region.Start + region.Length;
        }

        Assert.AreEqual(0x400000u, end, "the layout must end at 4 MB");
    }

    [GeneratedRegex("`(nanoff [^`]+)`")]
    private static partial Regex InlineCommand();

    [GeneratedRegex(@"--targets? (ESP32\w*)")]
    private static partial Regex TargetArgument();
}
