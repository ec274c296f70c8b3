using System.Text;

namespace Greenhouse.FlashKit;

/// <summary>
/// nanoff's command line as documented for the version the kit pins (nanoFirmwareFlasher v2.5.162, the option
/// attributes in nanoFirmwareFlasher.Tool/Options.cs and the README): which options exist, which take a value, and the
/// combinations nanoff itself refuses. Used to build the kit's own commands and to check every nanoff line in the docs.
/// </summary>
public static class NanoffOptions
{
    /// <summary>Options that take a value.</summary>
    public static readonly IReadOnlySet<string> Valued = new HashSet<string>(StringComparer.Ordinal)
    {
        "dfuid", "jtagid", "hexfile", "binfile", "serialport", "baud", "flashmode", "flashfreq", "partitiontablesize",
        "jlinkid", "setvcpbr", "clrfile", "target", "platform", "verbosity", "backuppath", "backupfile", "fwversion",
        "image", "address", "filedeployment", "networkdeployment", "archivepath",
    };

    /// <summary>Switches (no value).</summary>
    public static readonly IReadOnlySet<string> Switches = new HashSet<string>(StringComparer.Ordinal)
    {
        "listdfu", "dfu", "listjtag", "jtag", "installjtagdrivers", "nativedfu", "listnativedfu", "nativeswd",
        "listnativeswd", "nativestlink", "listnativestlink", "checkpsram", "nobackupconfig", "installxdsdrivers",
        "listjlink", "nanodevice", "update", "deploy", "preview", "masserase", "verify", "reset", "nofitcheck",
        "listtargets", "listports", "clearcache", "listdevices", "devicedetails", "identifyfirmware", "updatearchive",
        "fromarchive", "suppressnanoffversioncheck", "uf2deploy",
    };

    /// <summary>Values --platform accepts.</summary>
    public static readonly IReadOnlySet<string> Platforms = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "esp32", "stm32", "cc13x2", "efm32", "rpi_pico",
    };
}

/// <summary>One parsed nanoff invocation.</summary>
public sealed class NanoffCommand
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Errors => _errors;
    private readonly List<string> _errors = new();

    public bool Has(string option) => _switches.Contains(option) || _values.ContainsKey(option);

    public string? Value(string option) => _values.TryGetValue(option, out var v) ? v[0] : null;

    public IReadOnlyList<string> Values(string option) => _values.TryGetValue(option, out var v) ? v : Array.Empty<string>();

    /// <summary>True when this run fetches firmware (or the list of it) from the online repository.</summary>
    public bool FetchesFirmware =>
        (Has("update") && !Has("fromarchive") && !Has("clrfile"))
        || Has("updatearchive")
        || (Has("listtargets") && !Has("fromarchive"));

    /// <summary>True when nanoff will look online for a newer nanoff before it starts (slow without internet).</summary>
    public bool ChecksForNewNanoff => !Has("suppressnanoffversioncheck");

    /// <summary>Parses a command line that starts with "nanoff" (quotes group words, as a shell would).</summary>
    public static NanoffCommand Parse(string line)
    {
        var command = new NanoffCommand();
        List<string> words = Split(line);
        if (words.Count == 0 || words[0] != "nanoff")
        {
            command._errors.Add("not a nanoff command: " + line);
            return command;
        }

        for (int i = 1; i < words.Count; i++)
        {
            string word = words[i];
            string name;
            if (word.StartsWith("--", StringComparison.Ordinal))
            {
                name = word.Substring(2);
            }
            else if (word == "-v")
            {
                name = "verbosity";
            }
            else
            {
                command._errors.Add("unexpected word '" + word + "'");
                continue;
            }

            if (NanoffOptions.Switches.Contains(name))
            {
                command._switches.Add(name);
            }
            else if (NanoffOptions.Valued.Contains(name))
            {
                if (i + 1 >= words.Count || words[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    command._errors.Add("--" + name + " needs a value");
                    continue;
                }

                if (!command._values.TryGetValue(name, out var list))
                {
                    list = new List<string>();
                    command._values[name] = list;
                }

                list.Add(words[++i]);
            }
            else
            {
                command._errors.Add("nanoff has no option --" + name);
            }
        }

        command.CheckCombinations();
        return command;
    }

    private void CheckCombinations()
    {
        // nanoff refuses these itself (Program.cs: E9000 "Incompatible options combined with --nanodevice").
        if (Has("nanodevice") && (Has("platform") || Has("target")))
        {
            _errors.Add("--nanodevice cannot be combined with --platform or --target");
        }

        if (Has("nanodevice") && !Has("serialport"))
        {
            _errors.Add("--nanodevice needs --serialport");
        }

        if (Has("deploy") && !Has("image"))
        {
            _errors.Add("--deploy needs --image");
        }

        if (Has("fromarchive") && !Has("archivepath"))
        {
            _errors.Add("--fromarchive needs --archivepath");
        }

        if (Has("updatearchive") && !Has("archivepath"))
        {
            _errors.Add("--updatearchive needs --archivepath");
        }

        string? platform = Value("platform");
        if (platform != null && !NanoffOptions.Platforms.Contains(platform))
        {
            _errors.Add("--platform must be one of esp32, stm32, cc13x2, efm32, rpi_pico");
        }

        foreach (string address in Values("address"))
        {
            if (!address.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                || !uint.TryParse(address.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, null, out _))
            {
                _errors.Add("--address must be hexadecimal (0x...): " + address);
            }
        }
    }

    /// <summary>Splits like a shell: spaces separate, double quotes group.</summary>
    public static List<string> Split(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        bool any = false;
        foreach (char c in line.Trim())
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>Quotes an argument for a command line shown to people (and parsed back by <see cref="Split"/>).</summary>
    public static string Quote(string word) => word.Any(char.IsWhiteSpace) ? "\"" + word + "\"" : word;
}
