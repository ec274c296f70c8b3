using System;
using System.Globalization;
using Greenhouse.Footprint.Rig;

namespace Greenhouse.Footprint.Tests
{
    /// <summary>
    /// Bytes allocated tick by tick, split into event ticks and quiet ticks. An event tick published something over
    /// MQTT (a state document is due every mqtt.telemetry_s), started a connection attempt after a backoff delay,
    /// wrote a log line (something happened: a bus recovery every 10 minutes, a refusal) or saved to the store
    /// (settings, the control engine's counters): these may allocate.
    /// Quiet ticks must allocate nothing. <see cref="EventTicksAreRare"/> keeps the split honest: a tick that
    /// logs or publishes every time would otherwise hide its allocations.
    /// </summary>
    public sealed class TickProfile
    {
        public int Ticks;
        public int QuietTicks;
        public long QuietBytes;
        public int PublishTicks;
        public long PublishBytes;
        public long Publishes;
        public long LogLines;
        public long StoreWrites;
        public long MaxTickBytes;
        public int MaxTick = -1;
        public int FirstQuietAllocationTick = -1;
        public long FirstQuietAllocationBytes;

        public static long MeasureOne(SteadyStateRig rig)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            rig.Step();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        public static TickProfile Measure(SteadyStateRig rig, int ticks)
        {
            TickProfile profile = new TickProfile();
            for (int i = 0; i < ticks; i++)
            {
                long published = rig.Link.Count;
                long attempts = rig.Link.ConnectAttempts;
                long lines = rig.Log.Count;
                long writes = rig.Store.Writes;
                long bytes = MeasureOne(rig);
                profile.Ticks++;
                profile.LogLines += rig.Log.Count - lines;
                profile.StoreWrites += rig.Store.Writes - writes;
                if (bytes > profile.MaxTickBytes)
                {
                    profile.MaxTickBytes = bytes;
                    profile.MaxTick = i;
                }

                if (rig.Link.Count != published || rig.Link.ConnectAttempts != attempts || rig.Log.Count != lines || rig.Store.Writes != writes)
                {
                    profile.PublishTicks++;
                    profile.PublishBytes += bytes;
                    profile.Publishes += rig.Link.Count - published;
                }
                else
                {
                    profile.QuietTicks++;
                    profile.QuietBytes += bytes;
                    if (bytes != 0 && profile.FirstQuietAllocationTick < 0)
                    {
                        profile.FirstQuietAllocationTick = i;
                        profile.FirstQuietAllocationBytes = bytes;
                    }
                }
            }

            return profile;
        }

        /// <summary>At most one tick in 20 is an event tick (telemetry alone is one in 60).</summary>
        public bool EventTicksAreRare
        {
            get { return PublishTicks * 20 <= Ticks; }
        }

        public string Describe(string scenario)
        {
            return scenario + ": " + QuietBytes + " bytes over " + QuietTicks + " quiet ticks = "
                + PerTick(QuietBytes, QuietTicks) + " bytes/tick (goal 0)"
                + (FirstQuietAllocationTick < 0 ? "" : "; first at tick " + FirstQuietAllocationTick + " (" + FirstQuietAllocationBytes + " bytes)")
                + "; event ticks: " + PublishTicks + " with " + Publishes + " publishes, " + LogLines + " log lines and " + StoreWrites + " store writes, " + PerTick(PublishBytes, PublishTicks) + " bytes each; largest tick " + MaxTickBytes + " bytes (tick " + MaxTick + ")";
        }

        private static string PerTick(long bytes, int ticks)
        {
            return ticks == 0 ? "0" : ((double)bytes / ticks).ToString("F1", CultureInfo.InvariantCulture);
        }
    }
}
