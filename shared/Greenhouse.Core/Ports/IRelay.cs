namespace Greenhouse.Ports
{
    /// <summary>
    /// One relay output (pump, misting valve, fan). The adapter handles active-low boards; the core only
    /// says energised or not. The core remembers the state it commanded and counts switching operations.
    /// </summary>
    public interface IRelay
    {
        /// <summary>Energise (true) or release (false) the relay.</summary>
        void Set(bool energised);
    }
}
