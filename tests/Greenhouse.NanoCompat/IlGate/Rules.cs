namespace Greenhouse.NanoCompat.IlGate;

/// <summary>The rule codes of the IL gate and the explanation printed with each violation.</summary>
internal static class Rules
{
    public const string GenericType = "NFGATE001";
    public const string GenericMethod = "NFGATE002";
    public const string GenericUse = "NFGATE003";
    public const string MdArray = "NFGATE004";
    public const string EnumToString = "NFGATE005";
    public const string CustomToStringFormat = "NFGATE006";
    public const string CustomCompositeFormat = "NFGATE007";
    public const string ThreadInCore = "NFGATE008";
    public const string Async = "NFGATE009";
    public const string FreshStringArray = "NFGATE010";

    public const string NoGenerics =
        "nanoFramework 1.x (CoreLibrary 1.17.11) has no generics; the metadata processor rejects them (NFMDP 0x81010009)";

    public static string GenericTypeText(string name) =>
        $"generic type definition '{name}': {NoGenerics}; write a non-generic type (object/ArrayList or typed arrays)";

    public static string GenericMethodText(string name) =>
        $"generic method definition '{name}': {NoGenerics}; write one overload per type or take object";

    public static string GenericUseText(string what) =>
        $"uses the generic instantiation '{what}': {NoGenerics}; use ArrayList or typed arrays instead of generic collections and a delegate type of your own instead of Func<>/Action<>";

    public static string MdArrayText(string what) =>
        $"uses the multi-dimensional array '{what}': nanoFramework 1.x does not support multi-dimensional arrays; use a jagged array (T[][]) or a flat array with a computed index";

    public static string EnumText(string enumName, string how) =>
        $"turns the enum '{enumName}' into text ({how}): on nanoFramework 1.x enum ToString() returns the number, not the name; map the value to a name with a switch (or cast to int if the number is meant)";

    public static string CustomToStringText(string fmt, string type) =>
        $"numeric format \"{fmt}\" passed to {type}.ToString(string) is custom or unsupported: nanoFramework 1.x supports only the standard specifiers D, F, G, N, X (with optional digits); use e.g. \"F1\" or the core's number helper";

    public static string CustomCompositeText(string item) =>
        $"format item '{item}' passed to String.Format has a custom or unsupported format: nanoFramework 1.x supports only the standard specifiers D, F, G, N, X (with optional digits); use e.g. {{0:F1}} or format the number first";

    public static string ThreadText(string type) =>
        $"uses {type} in the core: the core is tick-driven (time is passed in through calls, work happens in Tick); only the firmware (namespace Greenhouse.Firmware*) may own threads and timers";

    public static string FreshStringArrayText(string what) =>
        $"{what}: nanoFramework's interpreter (upstream nf-interpreter, so the device) gives an element of a new or cleared string[] a broken null (== null is false; comparing or concatenating it crashes the runtime); create it with Greenhouse.Text.StringArray.New(n), which stores a real null in every element, or initialize every element";

    public const string AsyncText =
        "async method (compiler-generated state machine): nanoFramework 1.x has no async/await or Task; drive the work from the tick loop or a firmware thread";
}
