using System.Diagnostics;
using Greenhouse.Ports;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// Log output of the device: every line goes to the debugger output (Debug.WriteLine, seen in Visual Studio over
    /// USB; compiled out of Release builds) and, when given, to the next sink: the technician UART
    /// (<see cref="SerialConsole"/>).
    /// </summary>
    public sealed class DebugLogSink : ILogSink
    {
        private readonly ILogSink _next;

        /// <summary>Debug output only.</summary>
        public DebugLogSink()
        {
        }

        /// <param name="next">The technician UART, or null for debug output only.</param>
        public DebugLogSink(ILogSink next)
        {
            _next = next;
        }

        public void WriteLine(string line)
        {
            Debug.WriteLine(line);
            if (_next != null)
            {
                _next.WriteLine(line);
            }
        }
    }
}
