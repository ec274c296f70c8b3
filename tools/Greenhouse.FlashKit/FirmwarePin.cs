using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Greenhouse.FlashKit;

/// <summary>firmware-pin.json: the nanoff version, the target per board, the native assemblies the application needs and the flash layout.</summary>
public sealed class FirmwarePin
{
    [JsonPropertyName("nanoff")]
    public string Nanoff { get; set; } = "";

    [JsonPropertyName("firmwareVersion")]
    public string? FirmwareVersion { get; set; }

    [JsonPropertyName("targets")]
    public List<BoardTarget> Targets { get; set; } = new();

    [JsonPropertyName("nativeAssemblies")]
    public List<NativeRequirement> NativeAssemblies { get; set; } = new();

    [JsonPropertyName("partitions4MB")]
    public PartitionLayout Partitions { get; set; } = new();

    public static FirmwarePin Load(string path)
    {
        return JsonSerializer.Deserialize<FirmwarePin>(File.ReadAllText(path))
            ?? throw new InvalidDataException(path + " is empty");
    }

    /// <summary>The pin file next to the tool (copied to its output and into every kit).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "firmware-pin.json");

    public BoardTarget? Target(string name) => Targets.FirstOrDefault(t => string.Equals(t.Target, name, StringComparison.Ordinal));

    /// <summary>The targets this controller runs on (a module with PSRAM), in the pin's order.</summary>
    public IReadOnlyList<string> SupportedTargets => Targets.Where(t => t.Supported).Select(t => t.Target).ToList();

    /// <summary>Why the application cannot run on a board with this target, or null when it can.</summary>
    public string? Refusal(string target)
    {
        BoardTarget? known = Target(target);
        if (known == null)
        {
            return "unknown target " + target + "; firmware-pin.json lists " + string.Join(", ", Targets.Select(t => t.Target));
        }

        return known.Supported ? null : target + " is not used for this controller: " + known.Why + "; use " + string.Join(" or ", SupportedTargets);
    }
}

public sealed class BoardTarget
{
    [JsonPropertyName("board")]
    public string Board { get; set; } = "";

    [JsonPropertyName("target")]
    public string Target { get; set; } = "";

    [JsonPropertyName("psram")]
    public bool Psram { get; set; }

    /// <summary>True for the targets the kit flashes; the others are listed so a board can be recognised and refused.</summary>
    [JsonPropertyName("supported")]
    public bool Supported { get; set; }

    /// <summary>Why an unsupported target is not used.</summary>
    [JsonPropertyName("why")]
    public string? Why { get; set; }
}

public sealed class NativeRequirement
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("version")]
    public string Version { get; set; } = "";

    [JsonPropertyName("checksum")]
    public string? Checksum { get; set; }

    [JsonPropertyName("package")]
    public string Package { get; set; } = "";
}

public sealed class PartitionLayout
{
    [JsonPropertyName("source")]
    public string Source { get; set; } = "";

    [JsonPropertyName("regions")]
    public List<FlashRegion> Regions { get; set; } = new();

    public FlashRegion? Find(string name) => Regions.FirstOrDefault(r => r.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The region an address falls in, or null.</summary>
    public FlashRegion? Containing(uint address) => Regions.FirstOrDefault(r => address >= r.Start && address < r.Start + r.Length);
}

public sealed class FlashRegion
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("offset")]
    public string Offset { get; set; } = "";

    [JsonPropertyName("size")]
    public string Size { get; set; } = "";

    [JsonIgnore]
    public uint Start => Hex(Offset);

    [JsonIgnore]
    public uint Length => Hex(Size);

    public static uint Hex(string text) =>
        uint.Parse(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.Substring(2) : text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
