using System;
using System.IO.Ports;
using Greenhouse.App;
using Greenhouse.Ports;
using Greenhouse.Settings;
using Greenhouse.Technician;
using nanoFramework.Hardware.Esp32;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// The technician UART (COM2, 8N1; pins and baud rate from the settings pins.console_tx, pins.console_rx and
    /// console.baud). Output: log lines and console answers (<see cref="ILogSink"/>) and the echo of typed
    /// characters (<see cref="IEchoSink"/>), serialised by one lock. Input: the driver's DataReceived event feeds the
    /// core's <see cref="LineEditor"/>; each finished line goes to <see cref="Inbox.PostConsoleLine"/>. The reader
    /// never touches the controller otherwise. Before <see cref="Open"/> succeeds every write is dropped.
    /// <para>Default pins (DefaultPins): TX on GPIO 14, RX on GPIO 35. The WROVER module the firmware needs keeps GPIO 16
    /// and 17 (nanoFramework's usual COM2 pins) for its PSRAM. RX may be an input-only pin because the UART only reads
    /// it through the GPIO matrix; GPIO 34-39 have no pull resistors, so the interface board's 10 kΩ pull-up holds the
    /// line idle while no adapter is plugged in.</para>
    /// </summary>
    public sealed class SerialConsole : ILogSink, IEchoSink
    {
        public const string PortName = "COM2";

        private static readonly byte[] LineEnd = { 13, 10 };

        private readonly object _gate = new object();
        private readonly byte[] _readBuffer = new byte[64];
        private SerialPort _port;
        private LineEditor _editor;
        private Inbox _inbox;

        /// <summary>True once the port is open.</summary>
        public bool IsOpen
        {
            get { return _port != null; }
        }

        /// <summary>Bytes dropped because a read or write failed (since start).</summary>
        public int Errors { get; private set; }

        /// <summary>Opens COM2 with the pins and baud rate from the settings.</summary>
        public bool Open(ControllerSettings settings, out string error)
        {
            int tx = (int)settings.Integer(settings.Require("pins.console_tx"), 0);
            int rx = (int)settings.Integer(settings.Require("pins.console_rx"), 0);
            int baud = (int)settings.Integer(settings.Require("console.baud"), 0);
            return Open(tx, rx, baud, out error);
        }

        /// <summary>Routes the pins to COM2 and opens it at the given rate, 8N1, no handshake.</summary>
        public bool Open(int txPin, int rxPin, int baudRate, out string error)
        {
            try
            {
                Configuration.SetPinFunction(txPin, DeviceFunction.COM2_TX);
                Configuration.SetPinFunction(rxPin, DeviceFunction.COM2_RX);
                SerialPort port = new SerialPort(PortName, baudRate, Parity.None, 8, StopBits.One);
                port.Handshake = Handshake.None;
                port.ReadTimeout = 50;
                port.WriteTimeout = 500;
                port.Open();
                lock (_gate)
                {
                    _port = port;
                }

                error = null;
                return true;
            }
            catch (Exception e)
            {
                error = e.Message == null || e.Message.Length == 0 ? "cannot open " + PortName : e.Message;
                return false;
            }
        }

        /// <summary>
        /// Starts reading: received bytes go through the editor (create it with
        /// controller.Technician.CreateLineEditor(this) so the echo comes back here, secrets masked).
        /// </summary>
        public void Attach(Inbox inbox, LineEditor editor)
        {
            _inbox = inbox;
            _editor = editor;
            if (_port != null)
            {
                _port.DataReceived += OnDataReceived;
            }
        }

        /// <summary>Writes one line (a log line or an answer) and then redraws what the technician was typing.</summary>
        public void WriteLine(string line)
        {
            bool typing = false;
            lock (_gate)
            {
                if (_port == null)
                {
                    return;
                }

                try
                {
                    typing = _editor != null && _editor.Length > 0;
                    if (typing)
                    {
                        // Start the log line on a fresh line; the partial input is reprinted below it.
                        _port.Write(LineEnd, 0, LineEnd.Length);
                    }

                    _port.Write(line);
                    _port.Write(LineEnd, 0, LineEnd.Length);
                }
                catch (Exception)
                {
                    Errors++;
                }
            }

            if (typing)
            {
                // Outside the lock: Reprint echoes through Echo, which takes it.
                _editor.Reprint();
            }
        }

        /// <summary>Echo of typed characters (called by the line editor on the reader's thread).</summary>
        public void Echo(byte[] buffer, int offset, int count)
        {
            lock (_gate)
            {
                if (_port == null)
                {
                    return;
                }

                try
                {
                    _port.Write(buffer, offset, count);
                }
                catch (Exception)
                {
                    Errors++;
                }
            }
        }

        private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
        {
            LineEditor editor = _editor;
            Inbox inbox = _inbox;
            if (editor == null || inbox == null)
            {
                return;
            }

            try
            {
                int available = _port.BytesToRead;
                while (available > 0)
                {
                    int count = _port.Read(_readBuffer, 0, available < _readBuffer.Length ? available : _readBuffer.Length);
                    for (int i = 0; i < count; i++)
                    {
                        string line = editor.Feed(_readBuffer[i]);
                        if (line != null)
                        {
                            inbox.PostConsoleLine(line);
                        }
                    }

                    available = count > 0 ? _port.BytesToRead : 0;
                }
            }
            catch (Exception)
            {
                // A read timeout or a port closed under us: the bytes are lost, the next event starts afresh.
                Errors++;
            }
        }
    }
}
