namespace Greenhouse.Settings
{
    /// <summary>
    /// A check across settings (lower band below upper, pulse minimum below maximum). Called with the
    /// candidate values already in place; returns null when they are acceptable, else the reason.
    /// </summary>
    public interface ISettingsRule
    {
        /// <param name="settings">The candidate settings.</param>
        /// <param name="zone">The zone whose setting changed (1..4), or 0 for a device setting.</param>
        string Check(ControllerSettings settings, int zone);
    }
}
