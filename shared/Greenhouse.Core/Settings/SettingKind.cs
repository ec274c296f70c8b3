namespace Greenhouse.Settings
{
    /// <summary>The type of a setting's value; decides how text is parsed and validated.</summary>
    public enum SettingKind
    {
        /// <summary>A whole number within [minimum, maximum].</summary>
        Integer = 0,
        /// <summary>A decimal number within [minimum, maximum].</summary>
        Number = 1,
        /// <summary>One word out of a fixed list.</summary>
        Choice = 2,
        /// <summary>on/off (also accepts true/false, 1/0).</summary>
        Flag = 3,
        /// <summary>Free text of bounded length, printable ASCII.</summary>
        Text = 4,
        /// <summary>Text that is never published, logged or echoed (passwords).</summary>
        Secret = 5
    }
}
