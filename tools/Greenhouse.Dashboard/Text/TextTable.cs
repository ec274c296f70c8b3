using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Greenhouse.Dashboard.Text;

/// <summary>
/// Every grower-facing string of one language, from one resource table (<c>Text/zh.json</c>, <c>Text/en.json</c>,
/// embedded). A key missing from the table shows as <c>[[key]]</c>, so a gap is visible on the page (the tests look
/// for it) instead of silently falling back to another language.
/// </summary>
public sealed class TextTable
{
    public const string Chinese = "zh";
    public const string English = "en";
    public static readonly string[] Languages = { Chinese, English };

    private static readonly Dictionary<string, TextTable> Tables = Languages.ToDictionary(l => l, Load);

    private readonly Dictionary<string, string> _entries;
    private readonly List<(Regex Pattern, string Key)> _reasons = new();

    private TextTable(string language, Dictionary<string, string> entries)
    {
        Language = language;
        _entries = entries;
        foreach (string key in entries.Keys.Where(k => k.StartsWith("reason.", StringComparison.Ordinal) && k.Length > "reason.".Length))
        {
            // "mist on: rh {0} < {1}" becomes ^mist on: rh (.+?) < (.+?)$ : the device's reason texts (ReasonCode.cs).
            string pattern = Regex.Escape(key.Substring("reason.".Length));
            pattern = Regex.Replace(pattern, @"\\\{(\d)}", "(.+?)");
            _reasons.Add((new Regex("^" + pattern + "$", RegexOptions.CultureInvariant), key));
        }
    }

    /// <summary>The table of a language; anything but "en" gets Chinese, the default.</summary>
    public static TextTable For(string? language) => Tables[Normalise(language)];

    /// <summary>"zh" or "en".</summary>
    public static string Normalise(string? language) => language == English ? English : Chinese;

    public string Language { get; }

    public IReadOnlyCollection<string> Keys => _entries.Keys;

    public string this[string key] => _entries.TryGetValue(key, out string? value) ? value : "[[" + key + "]]";

    public string Format(string key, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, this[key], args);

    /// <summary>A crop stage word (recovery …) in the growers' terms; an unknown word is shown as it came.</summary>
    public string Stage(string? word) => Word("stage.", word);

    public string Mode(string? word) => Word("mode.", word);

    public string Phase(string? word) => Word("phase.", word);

    public string Action(string? word) => Word("action.", word);

    /// <summary>An alarm code in plain words and what to do about it.</summary>
    public (string Meaning, string WhatToDo) Alarm(string code)
    {
        string text = _entries.TryGetValue("alarm." + code, out string? known) ? known : Format("alarm.unknown", code);
        int bar = text.IndexOf('|');
        return bar < 0 ? (text, "") : (text.Substring(0, bar), text.Substring(bar + 1));
    }

    /// <summary>
    /// The device's reason text ("mist on: rh 85.0 &lt; 87") in this language, or null when the table does not know it
    /// (the caller then shows the device's words).
    /// </summary>
    public string? Reason(string? deviceText)
    {
        if (deviceText == null)
        {
            return null;
        }

        if (deviceText.Length == 0)
        {
            return "";
        }

        foreach (var (pattern, key) in _reasons)
        {
            Match m = pattern.Match(deviceText);
            if (!m.Success)
            {
                continue;
            }

            object[] values = new object[m.Groups.Count - 1];
            for (int i = 1; i < m.Groups.Count; i++)
            {
                string value = m.Groups[i].Value;
                values[i - 1] = _entries.ContainsKey("stage." + value) ? Stage(value) : value;
            }

            return Format(key, values);
        }

        return null;
    }

    private string Word(string prefix, string? word)
    {
        if (string.IsNullOrEmpty(word))
        {
            return this["value.unknown"];
        }

        return _entries.TryGetValue(prefix + word, out string? text) ? text : word;
    }

    private static TextTable Load(string language)
    {
        Assembly assembly = typeof(TextTable).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + language + ".json", StringComparison.Ordinal));
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException("empty text table " + language);
        return new TextTable(language, entries);
    }
}
