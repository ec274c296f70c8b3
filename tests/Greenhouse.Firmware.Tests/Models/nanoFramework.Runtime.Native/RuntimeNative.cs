// Behaviour model for host tests, not upstream code. Models: nanoFramework.Runtime.Native 1.7.11
// (nanoframework/nanoFramework.Runtime.Native@v1.7.11 nanoFramework.Runtime.Native/Power.cs and System/Environment.cs).
// Environment on the device has only TickCount64 (ms since boot); here it is the board's virtual uptime, and this
// type deliberately replaces the base library's System.Environment inside this test assembly (CS0436).
// Power.RebootDevice never returns on the device; here it counts the request and returns, and the caller's loop stops.
using Greenhouse.Firmware.Tests.Models;

namespace System
{
    public static class Environment
    {
        public static long TickCount64
        {
            get { return Esp32Board.UptimeMs; }
        }
    }
}

namespace nanoFramework.Runtime.Native
{
    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }

    public class Power
    {
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot)
        {
            System.Threading.Interlocked.Increment(ref Esp32Board.RebootRequests);
        }
    }
}
