using System;
using System.IO;
using Greenhouse.Benchmarks.Rig;

namespace Greenhouse.Benchmarks
{
    /// <summary>
    /// Direct measurement without BenchmarkDotNet: GC.GetAllocatedBytesForCurrentThread around many steady-state
    /// ticks. Exact to the byte on the host runtime; the same figure the footprint test asserts.
    /// </summary>
    public static class Allocations
    {
        public const int Ticks = 6000;

        /// <summary>Bytes allocated by <paramref name="ticks"/> steps of a warmed-up rig.</summary>
        public static long MeasureTicks(SteadyStateRig rig, int ticks)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < ticks; i++)
            {
                rig.Step();
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        public static int Run(TextWriter output)
        {
            Report(output, "tick, steady state (four zones, no switching)", SteadyStateRig.FourZones(HumidityProfile.Wiggle));
            Report(output, "tick, mist cycle (switches 2x per 600 ticks)", SteadyStateRig.FourZones(HumidityProfile.MistCycle));
            Report(output, "tick, zone 4 mode off", new SteadyStateRig(HumidityProfile.Wiggle, new[] { "zones", "4", "zone4.mode", "off" }, SteadyStateRig.DefaultWarmUpTicks));
            Report(output, "tick, zone 4 stage rest", new SteadyStateRig(HumidityProfile.Wiggle, new[] { "zones", "4", "zone4.stage", "rest" }, SteadyStateRig.DefaultWarmUpTicks));
            return 0;
        }

        private static void Report(TextWriter output, string name, SteadyStateRig rig)
        {
            long bytes = MeasureTicks(rig, Ticks);
            output.WriteLine(name + ": " + bytes + " bytes over " + Ticks + " ticks = " + ((double)bytes / Ticks).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " bytes/tick");
        }
    }
}
