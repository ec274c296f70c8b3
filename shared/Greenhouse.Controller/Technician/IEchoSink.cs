namespace Greenhouse.Technician
{
    /// <summary>Where the line editor sends the echo of typed characters (the technician UART's transmit side).</summary>
    public interface IEchoSink
    {
        /// <summary>Writes raw bytes (no line terminator added).</summary>
        void Echo(byte[] buffer, int offset, int count);
    }
}
