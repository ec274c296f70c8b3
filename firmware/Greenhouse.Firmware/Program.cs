using System.Threading;
using Greenhouse.Firmware.Adapters;

namespace Greenhouse.Firmware
{
    /// <summary>
    /// Entry point: boots the controller board (composition in <see cref="ControllerBoard"/>) and runs its tick once a
    /// second. Every decision lives in shared/Greenhouse.Core.
    /// </summary>
    public static class Program
    {
        private const string FlashRoot = "I:\\";

        public static void Main()
        {
            ControllerBoard board = ControllerBoard.Boot(new FlashSettingsStore(FlashRoot), true);
            while (board.RunTick())
            {
                Thread.Sleep(board.SleepBeforeNextTick());
            }

            // A reboot was requested; Power.RebootDevice restarts the board.
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
