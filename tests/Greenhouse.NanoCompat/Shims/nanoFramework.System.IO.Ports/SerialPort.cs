// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.IO.Ports 1.1.139
// Upstream: nanoframework/System.IO.Ports@3cc8cdfcc2f8ac6cb0082b6dd42d3856bfefb4ca System.IO.Ports/SerialPort.cs
// Upstream: nanoframework/System.IO.Ports@3cc8cdfcc2f8ac6cb0082b6dd42d3856bfefb4ca System.IO.Ports/SerialDataReceivedEventArgs.cs
// Upstream: nanoframework/System.IO.Ports@3cc8cdfcc2f8ac6cb0082b6dd42d3856bfefb4ca System.IO.Ports/SerialDataReceivedEventHandler.cs
// Upstream: nanoframework/System.IO.Ports@3cc8cdfcc2f8ac6cb0082b6dd42d3856bfefb4ca System.IO.Ports/SerialData.cs
// Upstream: nanoframework/System.IO.Ports@3cc8cdfcc2f8ac6cb0082b6dd42d3856bfefb4ca System.IO.Ports/Parity.cs
// Upstream: nanoframework/System.IO.Ports@3cc8cdfcc2f8ac6cb0082b6dd42d3856bfefb4ca System.IO.Ports/StopBits.cs
// Upstream: nanoframework/System.IO.Ports@3cc8cdfcc2f8ac6cb0082b6dd42d3856bfefb4ca System.IO.Ports/Handshake.cs
// Upstream: nanoframework/System.IO.Ports@3cc8cdfcc2f8ac6cb0082b6dd42d3856bfefb4ca System.IO.Ports/SerialMode.cs
// Differences from desktop .NET: ONE constructor (portName + optional settings), sealed class, no
// DiscardInBuffer/DiscardOutBuffer, no Write(char[],...), no ReadTo/ReadChar, no ErrorReceived/PinChanged events,
// no DtrEnable/RtsEnable, no Encoding property; extra Mode (RS485), WatchChar, InvertSignalLevels.
// SerialDataReceivedEventArgs has no public constructor. StopBits has no None; Parity has no Mark/Space.
namespace System.IO.Ports
{
    public sealed class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { throw null; }
        public void Open() { throw null; }
        public void Close() { throw null; }
        public static string[] GetPortNames() { throw null; }
        public int BaudRate { get { throw null; } set { throw null; } }
        public Handshake Handshake { get { throw null; } set { throw null; } }
        public int DataBits { get { throw null; } set { throw null; } }
        public Parity Parity { get { throw null; } set { throw null; } }
        public SerialMode Mode { get { throw null; } set { throw null; } }
        public StopBits StopBits { get { throw null; } set { throw null; } }
        public string PortName { get { throw null; } }
        public char WatchChar { get { throw null; } set { throw null; } }
        public bool IsOpen { get { throw null; } }
        public string NewLine { get { throw null; } set { throw null; } }
        public int ReadTimeout { get { throw null; } set { throw null; } }
        public int WriteTimeout { get { throw null; } set { throw null; } }
        public int ReceivedBytesThreshold { get { throw null; } set { throw null; } }
        public Stream BaseStream { get { throw null; } }
        public int BytesToRead { get { throw null; } }
        public bool InvertSignalLevels { get { throw null; } set { throw null; } }
        public int ReadBufferSize { get { throw null; } set { throw null; } }
        public int WriteBufferSize { get { throw null; } set { throw null; } }
        public event SerialDataReceivedEventHandler DataReceived { add { } remove { } }
        public int Read(byte[] buffer, int offset, int count) { throw null; }
        public int ReadByte() { throw null; }
        public string ReadExisting() { throw null; }
        public string ReadLine() { throw null; }
        public void Write(byte[] buffer, int offset, int count) { throw null; }
        public void WriteByte(byte value) { throw null; }
        public void Write(string text) { throw null; }
        public void WriteLine(string text) { throw null; }
        public void Dispose() { throw null; }
    }

    public class SerialDataReceivedEventArgs : EventArgs
    {
        internal SerialDataReceivedEventArgs() { }
        public SerialData EventType { get { throw null; } }
    }

    public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);

    public enum SerialData
    {
        Chars = 1,
        WatchChar = 2,
    }

    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }

    public enum StopBits
    {
        One = 1,
        Two = 2,
        OnePointFive = 3,
    }

    public enum Handshake
    {
        None,
        XOnXOff,
        RequestToSend,
        RequestToSendXOnXOff,
    }

    public enum SerialMode
    {
        Normal,
        RS485,
    }
}
