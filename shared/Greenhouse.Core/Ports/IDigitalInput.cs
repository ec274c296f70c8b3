namespace Greenhouse.Ports
{
    /// <summary>A digital input such as the tank float switch.</summary>
    public interface IDigitalInput
    {
        /// <summary>Reads the input level (true = high). Returns false when the input cannot be read.</summary>
        bool TryRead(out bool high);
    }
}
