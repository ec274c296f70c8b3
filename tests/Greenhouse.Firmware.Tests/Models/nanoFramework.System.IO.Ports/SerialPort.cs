// Behaviour model for host tests, not upstream code. Models: nanoFramework.System.IO.Ports 1.1.139 (SerialPort) as
// the technician console uses it: bytes written are collected, bytes typed arrive through DataReceived.
using System.Text;

namespace System.IO.Ports
{
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

    public enum SerialData
    {
        Chars = 1,
        WatchChar = 2,
    }

    public class SerialDataReceivedEventArgs : EventArgs
    {
        public SerialData EventType
        {
            get { return SerialData.Chars; }
        }
    }

    public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);

    public sealed class SerialPort : IDisposable
    {
        public static SerialPort Last;
        public readonly StringBuilder Output = new StringBuilder();
        private byte[] _pending = new byte[0];

        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One)
        {
            PortName = portName;
            BaudRate = baudRate;
            Last = this;
        }

        public string PortName { get; }
        public int BaudRate { get; set; }
        public Handshake Handshake { get; set; }
        public int ReadTimeout { get; set; }
        public int WriteTimeout { get; set; }
        public bool IsOpen { get; private set; }

        public event SerialDataReceivedEventHandler DataReceived;

        public void Open()
        {
            IsOpen = true;
        }

        public void Close()
        {
            IsOpen = false;
        }

        public int BytesToRead
        {
            get { return _pending.Length; }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(count, _pending.Length);
            Array.Copy(_pending, 0, buffer, offset, n);
            byte[] rest = new byte[_pending.Length - n];
            Array.Copy(_pending, n, rest, 0, rest.Length);
            _pending = rest;
            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Output.Append(Encoding.UTF8.GetString(buffer, offset, count));
        }

        public void Write(string text)
        {
            Output.Append(text);
        }

        /// <summary>Model only: the technician types.</summary>
        public void Type(string text)
        {
            _pending = Encoding.UTF8.GetBytes(text);
            DataReceived?.Invoke(this, new SerialDataReceivedEventArgs());
        }

        public void Dispose()
        {
            Close();
        }
    }
}
