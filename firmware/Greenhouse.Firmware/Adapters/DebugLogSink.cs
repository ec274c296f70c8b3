using System.Diagnostics;
using Greenhouse.Ports;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>Log lines to the debugger output (USB). The technician UART sink is added beside it.</summary>
    public sealed class DebugLogSink : ILogSink
    {
        public void WriteLine(string line)
        {
            Debug.WriteLine(line);
        }
    }
}
