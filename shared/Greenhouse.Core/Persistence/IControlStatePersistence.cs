namespace Greenhouse.Persistence
{
    /// <summary>
    /// Where the engine keeps what must survive a reboot: stage and phase day counters, water counters, relay
    /// switching counts. Keys and values are short text. The adapter (atomic settings file) decides the format;
    /// the engine saves on phase, day and stage changes and coalesces counter saves (state.save_s).
    /// </summary>
    public interface IControlStatePersistence
    {
        /// <summary>Reads the last saved state; false when there is none (first boot) or it is unreadable.</summary>
        bool TryLoad(out string[] keys, out string[] values);

        /// <summary>Replaces the saved state with these pairs; false when the write failed.</summary>
        bool Save(string[] keys, string[] values);
    }
}
