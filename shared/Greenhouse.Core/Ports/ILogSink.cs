namespace Greenhouse.Ports
{
    /// <summary>Where finished log and console lines go (technician UART and debug output on the device).</summary>
    public interface ILogSink
    {
        /// <summary>Writes one complete line (without line terminator).</summary>
        void WriteLine(string line);
    }
}
