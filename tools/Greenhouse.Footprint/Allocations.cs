using System;
using System.Globalization;
using System.IO;
using System.Text;
using Greenhouse.Footprint.Rig;
using Greenhouse.Messaging;

namespace Greenhouse.Footprint
{
    /// <summary>
    /// <c>--allocs</c>: direct measurement without BenchmarkDotNet. GC.GetAllocatedBytesForCurrentThread around many
    /// operations is exact to the byte on the host runtime; the footprint tests assert the same way. Also prints the
    /// state document's size.
    /// </summary>
    public static class Allocations
    {
        public const int Ticks = 6000;
        public const int Documents = 1000;
        public const int Commands = 1000;

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
            output.WriteLine("Bytes allocated (host runtime, exact), " + Ticks + " ticks per tick scenario:");
            ReportTicks(output, "tick, steady state, no broker (four zones)", SteadyStateRig.FourZonesWithoutBroker(HumidityProfile.Wiggle));
            ReportTicks(output, "tick, steady state, broker up (four zones, state every 60 s)", SteadyStateRig.FourZones(HumidityProfile.Wiggle));
            ReportTicks(output, "tick, mist cycle, broker up (switches 2x per 600 ticks)", SteadyStateRig.FourZones(HumidityProfile.MistCycle));
            ReportTicks(output, "tick, zone 4 mode off, broker up", new SteadyStateRig(HumidityProfile.Wiggle, SteadyStateRig.WithBroker(new[] { "zones", "4", "zone4.mode", "off" }), SteadyStateRig.DefaultWarmUpTicks));
            ReportTicks(output, "tick, zone 4 stage rest, broker up", new SteadyStateRig(HumidityProfile.Wiggle, SteadyStateRig.WithBroker(new[] { "zones", "4", "zone4.stage", "rest" }), SteadyStateRig.DefaultWarmUpTicks));
            output.WriteLine();
            output.WriteLine("State document (" + Documents + " builds each):");
            ReportDocument(output, 1);
            ReportDocument(output, 4);
            output.WriteLine();
            ReportConnectBurst(output, 1);
            ReportConnectBurst(output, 4);
            output.WriteLine();
            output.WriteLine("Largest single ticks:");
            ReportLargest(output, "start and connect (first 60 ticks, 4 zones)", new SteadyStateRig(HumidityProfile.MistCycle, SteadyStateRig.WithBroker(new[] { "zones", "4" }), 0), 60);
            ReportLargest(output, "mist cycle, broker up (1,800 ticks after warm-up)", SteadyStateRig.FourZones(HumidityProfile.MistCycle), 1800);
            output.WriteLine();
            output.WriteLine("Command /set through the inbox, one tick, ack (" + Commands + " each):");
            ReportCommands(output, true);
            ReportCommands(output, false);
            return 0;
        }

        private static void ReportTicks(TextWriter output, string name, SteadyStateRig rig)
        {
            long published = rig.Link.Count;
            long bytes = MeasureTicks(rig, Ticks);
            output.WriteLine("  " + name + ": " + bytes + " bytes = " + PerOp(bytes, Ticks) + " bytes/tick; " + (rig.Link.Count - published) + " publishes");
        }

        private static void ReportDocument(TextWriter output, int zones)
        {
            SteadyStateRig rig = new SteadyStateRig(HumidityProfile.Wiggle, SteadyStateRig.WithBroker(new[] { "zones", zones.ToString(CultureInfo.InvariantCulture) }), SteadyStateRig.DefaultWarmUpTicks);
            JsonWriter json = new JsonWriter(1024);
            StateDocument.Write(json, rig.Controller.Status, rig.Clock, rig.Clock.Uptime);
            byte[] sample = Encoding.UTF8.GetBytes(json.ToString());
            long before = GC.GetAllocatedBytesForCurrentThread();
            int length = 0;
            for (int i = 0; i < Documents; i++)
            {
                StateDocument.Write(json, rig.Controller.Status, rig.Clock, rig.Clock.Uptime);
                length = Encoding.UTF8.GetBytes(json.ToString()).Length;
            }

            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Documents; i++)
            {
                StateDocument.Write(json, rig.Controller.Status, rig.Clock, rig.Clock.Uptime);
            }

            long buildOnly = GC.GetAllocatedBytesForCurrentThread() - before;
            long published = LastStateSize(rig);
            output.WriteLine("  " + zones + " zone(s): " + length + " bytes of UTF-8 (last published by the interface: " + published + " bytes); "
                + PerOp(bytes, Documents) + " bytes allocated per document built, as text and as bytes; " + PerOp(buildOnly, Documents) + " for the build alone");
            if (zones == 4)
            {
                output.WriteLine("  sample: " + Encoding.UTF8.GetString(sample));
            }
        }

        /// <summary>What one device sends after its session comes up: publishes and payload bytes per tick until it goes quiet.</summary>
        private static void ReportConnectBurst(TextWriter output, int zones)
        {
            SteadyStateRig rig = new SteadyStateRig(HumidityProfile.Wiggle, SteadyStateRig.WithBroker(new[] { "zones", zones.ToString(CultureInfo.InvariantCulture) }), 0, false);
            rig.Link.AutoConnect = true;
            long published = rig.Link.Count;
            long bytes = rig.Link.PublishedBytes;
            int lastBusy = 0;
            int maxPerTick = 0;
            for (int tick = 1; tick <= 50; tick++)
            {
                long before = rig.Link.Count;
                rig.Step();
                int count = (int)(rig.Link.Count - before);
                if (count > 0)
                {
                    lastBusy = tick;
                }

                if (count > maxPerTick)
                {
                    maxPerTick = count;
                }
            }

            output.WriteLine("Connect burst, " + zones + " zone(s): " + (rig.Link.Count - published) + " publishes, " + (rig.Link.PublishedBytes - bytes)
                + " payload bytes in the first 50 ticks after start; busy until tick " + lastBusy + ", at most " + maxPerTick + " per tick");
        }

        /// <summary>The three ticks that allocated most, with what they did.</summary>
        private static void ReportLargest(TextWriter output, string name, SteadyStateRig rig, int ticks)
        {
            long[] bytes = new long[ticks];
            string[] what = new string[ticks];
            for (int i = 0; i < ticks; i++)
            {
                long published = rig.Link.Count;
                long writes = rig.Store.Writes;
                long lines = rig.Log.Count;
                long before = GC.GetAllocatedBytesForCurrentThread();
                rig.Step();
                bytes[i] = GC.GetAllocatedBytesForCurrentThread() - before;
                what[i] = (rig.Link.Count - published) + " publishes, " + (rig.Log.Count - lines) + " log lines, "
                    + (rig.Store.Writes == writes ? "no store write" : "store write " + rig.Store.LastWriteName + " (" + rig.Store.LastWriteBytes + " bytes)");
            }

            output.WriteLine("  " + name + ":");
            for (int n = 0; n < 3; n++)
            {
                int best = 0;
                for (int i = 1; i < ticks; i++)
                {
                    if (bytes[i] > bytes[best])
                    {
                        best = i;
                    }
                }

                output.WriteLine("    tick " + best + ": " + bytes[best] + " bytes; " + what[best]);
                bytes[best] = -1;
            }
        }

        private static long LastStateSize(SteadyStateRig rig)
        {
            for (int i = rig.Link.Count - 1; i >= rig.Link.Oldest; i--)
            {
                if (rig.Link.TopicAt(i).EndsWith("/state", StringComparison.Ordinal))
                {
                    return rig.Link.PayloadAt(i).Length;
                }
            }

            return -1;
        }

        private static void ReportCommands(TextWriter output, bool changing)
        {
            SteadyStateRig rig = SteadyStateRig.FourZones(HumidityProfile.Wiggle);
            string topic = rig.BaseTopic + "/zone/1/target_rh/set";
            byte[] a = Encoding.ASCII.GetBytes("88");
            byte[] b = Encoding.ASCII.GetBytes("89");
            rig.Controller.Inbox.PostMqtt(topic, a, false);
            rig.Step();
            string ackTopic = rig.AckTopic;
            long acks = 0;
            long published = rig.Link.Count;
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Commands; i++)
            {
                int mark = rig.Link.Count;
                rig.Controller.Inbox.PostMqtt(topic, changing && i % 2 == 0 ? b : a, false);
                rig.Step();
                acks += rig.AcksSince(ackTopic, mark);
            }

            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            output.WriteLine("  " + (changing ? "value changes (88 <-> 89)" : "same value") + ": " + PerOp(bytes, Commands) + " bytes per command; "
                + acks + " acks for " + Commands + " commands; " + PerOp(rig.Link.Count - published, Commands) + " publishes per command; last ack "
                + rig.Link.LastPayload(ackTopic, 0));
        }

        private static string PerOp(long total, int count)
        {
            return ((double)total / count).ToString("F1", CultureInfo.InvariantCulture);
        }
    }
}
