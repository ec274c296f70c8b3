namespace Greenhouse.Ports
{
    /// <summary>
    /// Persistent storage for the settings text (internal flash on the device, a file on the host).
    /// The core builds and checks the content (format, checksum, atomic switch); the store moves bytes.
    /// </summary>
    public interface ISettingsStore
    {
        /// <summary>Reads the named blob; false when it does not exist or cannot be read.</summary>
        bool TryRead(string name, out byte[] content);

        /// <summary>Writes the named blob completely (replacing it); false on failure.</summary>
        bool Write(string name, byte[] content);

        /// <summary>Deletes the named blob if it exists; false on failure.</summary>
        bool Delete(string name);
    }
}
