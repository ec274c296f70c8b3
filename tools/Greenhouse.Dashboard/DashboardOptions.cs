using System.Text.Json;
using System.Text.Json.Serialization;

namespace Greenhouse.Dashboard;

/// <summary>The broker the dashboard reads and commands through. The password never leaves the server.</summary>
public sealed class MqttOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1883;
    public string? User { get; set; }
    public string? Password { get; set; }
    public bool Tls { get; set; }
    /// <summary>PEM file of the CA that signed the broker's certificate (TLS); empty = the system's trust store.</summary>
    public string? CaFile { get; set; }
    /// <summary>The controllers' <c>mqtt.prefix</c>.</summary>
    public string Prefix { get; set; } = "greenhouse";
    public string ClientId { get; set; } = "greenhouse-dashboard";
}

/// <summary>
/// The settings file (<c>--settings FILE</c>, JSON; see dashboard.example.json) and the command-line switches.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>Where Kestrel listens, e.g. <c>http://127.0.0.1:5080</c> (behind a TLS reverse proxy) or an https URL.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";
    /// <summary>Folder of the SQLite database and the cookie keys.</summary>
    public string DataFolder { get; set; } = "data";
    public MqttOptions Mqtt { get; set; } = new();
    /// <summary>Hours of history kept (the house page shows the last 24).</summary>
    public int HistoryHours { get; set; } = 48;
    /// <summary>Rows kept per house and zone at most, whatever their age (bounds the file).</summary>
    public int HistoryMaxRowsPerZone { get; set; } = 20000;
    /// <summary>Commands one user may send per minute.</summary>
    public int CommandsPerMinute { get; set; } = 12;
    /// <summary>How long a command waits for the device's ack.</summary>
    public int AckTimeoutSeconds { get; set; } = 10;
    /// <summary>Local time of the houses (China: 480), for the chart when a device's clock is not synchronised.</summary>
    public int UtcOffsetMinutes { get; set; } = 480;

    /// <summary><c>--demo</c>: embedded broker, simulated houses, a fresh database in a temporary folder.</summary>
    [JsonIgnore]
    public bool Demo { get; set; }

    /// <summary>Simulated seconds per real second in the demo.</summary>
    [JsonIgnore]
    public double DemoSpeed { get; set; } = 60;

    /// <summary>Simulated houses in the demo.</summary>
    [JsonIgnore]
    public int DemoHouses { get; set; } = 3;

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Reads the command line: <c>--demo</c>, <c>--settings FILE</c>, <c>--urls URLS</c>, <c>--data FOLDER</c>,
    /// <c>--demo-speed N</c>. Throws <see cref="ArgumentException"/> with a message for the user.
    /// </summary>
    public static DashboardOptions FromArgs(string[] args)
    {
        string? settings = null;
        string? urls = null;
        string? data = null;
        bool demo = false;
        double? speed = null;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
            switch (args[i])
            {
                case "--demo":
                    demo = true;
                    break;
                case "--settings":
                    settings = Next();
                    break;
                case "--urls":
                    urls = Next();
                    break;
                case "--data":
                    data = Next();
                    break;
                case "--demo-speed":
                    string s = Next();
                    if (!double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) || v < 1 || v > 3600)
                    {
                        throw new ArgumentException("--demo-speed must be 1..3600 (simulated seconds per second)");
                    }

                    speed = v;
                    break;
                default:
                    throw new ArgumentException("unknown option " + args[i] + "; use --demo, --settings FILE, --urls URLS, --data FOLDER, --demo-speed N");
            }
        }

        DashboardOptions options;
        if (settings != null)
        {
            if (!File.Exists(settings))
            {
                throw new ArgumentException("settings file not found: " + settings);
            }

            try
            {
                options = JsonSerializer.Deserialize<DashboardOptions>(File.ReadAllText(settings), Json) ?? new DashboardOptions();
            }
            catch (JsonException e)
            {
                throw new ArgumentException("settings file " + settings + ": " + e.Message);
            }
        }
        else if (!demo)
        {
            throw new ArgumentException("give --settings FILE (see tools/Greenhouse.Dashboard/dashboard.example.json), or --demo to try it");
        }
        else
        {
            options = new DashboardOptions();
        }

        options.Demo = demo;
        options.Urls = urls ?? options.Urls;
        options.DataFolder = data ?? options.DataFolder;
        if (speed.HasValue)
        {
            options.DemoSpeed = speed.Value;
        }

        options.Validate();
        return options;
    }

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Mqtt.Prefix) || Mqtt.Prefix.IndexOfAny(new[] { '+', '#', '/' }) >= 0)
        {
            throw new ArgumentException("Mqtt.Prefix must be one topic level without + # /");
        }

        if (Mqtt.Port is < 1 or > 65535)
        {
            throw new ArgumentException("Mqtt.Port must be 1..65535");
        }

        if (HistoryHours is < 24 or > 24 * 90 || HistoryMaxRowsPerZone is < 1000 or > 1_000_000)
        {
            throw new ArgumentException("HistoryHours must be 24..2160 and HistoryMaxRowsPerZone 1000..1000000");
        }

        if (CommandsPerMinute is < 1 or > 600 || AckTimeoutSeconds is < 1 or > 120)
        {
            throw new ArgumentException("CommandsPerMinute must be 1..600 and AckTimeoutSeconds 1..120");
        }
    }
}
