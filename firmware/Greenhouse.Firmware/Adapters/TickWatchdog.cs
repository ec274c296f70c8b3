using System;
using System.Threading;
using nanoFramework.Runtime.Native;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// Software watchdog: nanoFramework 1.x gives C# no hardware watchdog, so a timer checks that the main loop
    /// completed a tick recently and reboots the board when it did not. It complements, not replaces, the
    /// external heartbeat timer (a hung CLR would stop this timer too).
    /// </summary>
    public sealed class TickWatchdog
    {
        private readonly int _timeoutMs;
        private readonly Timer _timer;
        private long _lastTickMs;
        private bool _expired;

        public TickWatchdog(int timeoutMs)
        {
            _timeoutMs = timeoutMs;
            _lastTickMs = Environment.TickCount64;
            _timer = new Timer(Check, null, 1000, 1000);
        }

        /// <summary>Called after every completed tick.</summary>
        public void Feed()
        {
            _lastTickMs = Environment.TickCount64;
        }

        /// <summary>Action run before the reboot (drive relays off directly).</summary>
        public ThreadStart BeforeReboot;

        private void Check(object state)
        {
            if (_expired || Environment.TickCount64 - _lastTickMs < _timeoutMs)
            {
                return;
            }

            _expired = true;
            try
            {
                if (BeforeReboot != null)
                {
                    BeforeReboot();
                }
            }
            finally
            {
                Power.RebootDevice();
            }
        }
    }
}
