namespace Greenhouse.Settings
{
    /// <summary>
    /// The settings as readers see them (implemented by <see cref="ControllerSettings"/>): definitions and current
    /// values. Changes go through Greenhouse.Commands.ICommandPort.
    /// </summary>
    public interface ISettingsView
    {
        /// <summary>All definitions, in catalogue order.</summary>
        SettingDefinition[] Definitions { get; }

        /// <summary>Incremented on every applied change.</summary>
        int Version { get; }

        /// <summary>Index of the named definition (without zone prefix), or -1.</summary>
        int IndexOf(string name);

        /// <summary>Index of a definition that must exist (a programming error otherwise).</summary>
        int Require(string name);

        double Number(int definition, int zone);
        long Integer(int definition, int zone);
        bool Flag(int definition, int zone);
        int ChoiceIndex(int definition, int zone);

        /// <summary>Text of a text setting as stored, secrets in clear (for connecting; show <see cref="DisplayText"/>).</summary>
        string Text(int definition, int zone);

        /// <summary>Splits a key such as zone2.target_rh into definition and zone, or says why it is not a setting.</summary>
        bool TryResolve(string key, out int definition, out int zone, out string error);

        /// <summary>The value as canonical text; secrets masked.</summary>
        bool TryGetText(string key, out string text, out string error);

        /// <summary>Canonical text for display and publishing; secrets masked.</summary>
        string DisplayText(int definition, int zone);

        /// <summary>Canonical text with secrets in clear: only for the settings file.</summary>
        string CanonicalText(int definition, int zone);
    }
}
