namespace Greenhouse.Ports
{
    /// <summary>A digital output the core drives itself, such as the dead-man heartbeat.</summary>
    public interface IDigitalOutput
    {
        /// <summary>Drives the output high (true) or low. Returns false when the write failed; never throws.</summary>
        bool TryWrite(bool high);
    }
}
