using System;
using System.Threading;
using nanoFramework.Runtime.Native;

namespace Greenhouse.Firmware.Adapters
{
    /// <summary>
    /// Software watchdog: nanoFramework 1.x gives C# no hardware watchdog, so a timer checks that the main loop
    /// completed a tick recently and reboots the board when it did not. It complements, not replaces, the external
    /// dead-man circuit (a hung CLR would stop this timer too). Fed only after a tick that completed.
    /// </summary>
    public sealed class TickWatchdog
    {
        private readonly int _timeoutMs;
        private readonly Timer _timer;
        private long _lastTickMs;
        private bool _expired;

        /// <param name="startTimer">False in host tests, which call <see cref="Check"/> themselves.</param>
        public TickWatchdog(int timeoutMs, bool startTimer)
        {
            _timeoutMs = timeoutMs;
            _lastTickMs = Environment.TickCount64;
            if (startTimer)
            {
                _timer = new Timer(OnTimer, null, 1000, 1000);
            }
        }

        /// <summary>Called after every completed tick.</summary>
        public void Feed()
        {
            _lastTickMs = Environment.TickCount64;
        }

        /// <summary>Uptime of the last feed (or of the start), ms.</summary>
        public long LastFeedMs
        {
            get { return _lastTickMs; }
        }

        /// <summary>Action run before the reboot (release the relays, leave a note for the next boot).</summary>
        public ThreadStart BeforeReboot;

        /// <summary>True once the watchdog fired.</summary>
        public bool Expired
        {
            get { return _expired; }
        }

        /// <summary>Reboots the board when the last completed tick is older than the time-out; true when it fired.</summary>
        public bool Check()
        {
            if (_expired || Environment.TickCount64 - _lastTickMs < _timeoutMs)
            {
                return false;
            }

            _expired = true;
            try
            {
                if (BeforeReboot != null)
                {
                    BeforeReboot();
                }
            }
            catch (Exception)
            {
                // Reboot anyway.
            }
            finally
            {
                Power.RebootDevice();
            }

            return true;
        }

        private void OnTimer(object state)
        {
            Check();
        }
    }
}
