// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.Runtime.Native 1.7.11
// Upstream: nanoframework/nanoFramework.Runtime.Native@e70ef6920ca811b0403d667036fcbdc605d0e66e nanoFramework.Runtime.Native/System/Environment.cs
// Upstream: nanoframework/nanoFramework.Runtime.Native@e70ef6920ca811b0403d667036fcbdc605d0e66e nanoFramework.Runtime.Native/Power.cs
// Upstream: nanoframework/nanoFramework.Runtime.Native@e70ef6920ca811b0403d667036fcbdc605d0e66e nanoFramework.Runtime.Native/RebootOption.cs
// Upstream: nanoframework/nanoFramework.Runtime.Native@e70ef6920ca811b0403d667036fcbdc605d0e66e nanoFramework.Runtime.Native/GC.cs
// Upstream: nanoframework/nanoFramework.Runtime.Native@e70ef6920ca811b0403d667036fcbdc605d0e66e nanoFramework.Runtime.Native/RTC.cs
// Upstream: nanoframework/nanoFramework.Runtime.Native@e70ef6920ca811b0403d667036fcbdc605d0e66e nanoFramework.Runtime.Native/SystemInfo.cs
// Upstream: nanoframework/nanoFramework.Runtime.Native@e70ef6920ca811b0403d667036fcbdc605d0e66e nanoFramework.Runtime.Native/ExecutionConstraint.cs
// System.Environment exists ONLY here (mscorlib 1.17.11 has none) and has only TickCount64: no TickCount,
// no NewLine, no MachineName. nanoFramework.Runtime.Native.GC is distinct from System.GC (mscorlib).
// Device behaviour this compile-only shim cannot show: Power.RebootDevice does not return; the firmware's loop treats
// code after it as unreachable. There is no managed hardware watchdog (the firmware's TickWatchdog is a Timer).
using System;

namespace System
{
    public static partial class Environment
    {
        public static long TickCount64 { get { throw null; } }
    }
}

namespace nanoFramework.Runtime.Native
{
    public delegate void RebootEventHandler();

    public class Power
    {
        public static event RebootEventHandler OnRebootEvent { add { } remove { } }
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) { throw null; }
        public static void RebootDevice(int exeConstraintTimeout, RebootOption rebootOption = RebootOption.NormalReboot) { throw null; }
    }

    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }

    public static class GC
    {
        public static uint Run(bool compactHeap) { throw null; }
        public static void EnableGCMessages(bool enable) { throw null; }
    }

    public static class Rtc
    {
        public static bool SetSystemTime(DateTime time) { throw null; }
    }

    public static class SystemInfo
    {
        public static Version Version { get { throw null; } }
        public static string OEMString { get { throw null; } }
        public static byte OEM { get { throw null; } }
        public static byte Model { get { throw null; } }
        public static ushort SKU { get { throw null; } }
        public static string TargetName { get { throw null; } }
        public static string Platform { get { throw null; } }
        public static FloatingPoint FloatingPointSupport { get { throw null; } }

        public enum FloatingPoint
        {
            None = 0,
            SinglePrecisionSoftware = 1,
            SinglePrecisionHardware = 2,
            DoublePrecisionSoftware = 3,
            DoublePrecisionHardware = 4,
        }
    }

    public class ConstraintException : Exception
    {
    }

    public static class ExecutionConstraint
    {
        public static void Install(int timeoutMilliseconds, int priority) { throw null; }
    }
}
