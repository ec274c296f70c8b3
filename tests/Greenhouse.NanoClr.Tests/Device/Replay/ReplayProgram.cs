using System;
using System.Diagnostics;
using Greenhouse.NanoClr.Replay;
using NativeGC = nanoFramework.Runtime.Native.GC;

namespace Greenhouse.NanoClr
{
    /// <summary>
    /// The replayed day on the nanoCLR: the lines of <see cref="ReplayDay"/> as they come, then measurement lines
    /// ("M ...", not compared): free managed heap from GC.Run(false) before the controller exists, after Start and
    /// every <see cref="HeapSampleSeconds"/> ticks, and the time spent in Tick.
    /// </summary>
    public static class ReplayProgram
    {
        /// <summary>Ticks between heap samples (each sample is a full collection, so not every tick).</summary>
        public const int HeapSampleSeconds = 10;

        public static void Main()
        {
            Debug.WriteLine("M replay start");
            DeviceProbe probe = new DeviceProbe(NativeGC.Run(false));
            ReplayDay.Run(new ReplayInput(ReplayData.Temperature, ReplayData.Humidity), new DebugOutput(), probe);
            probe.Report();
            Debug.WriteLine("M replay done");
        }

        private sealed class DebugOutput : IReplayOutput
        {
            public void Line(string text)
            {
                Debug.WriteLine(text);
            }
        }

        private sealed class DeviceProbe : IReplayProbe
        {
            private readonly uint _freeAtMain;
            private uint _freeAfterStart;
            private uint _minFree = uint.MaxValue;
            private int _minFreeSecond = -1;
            private int _samples;
            private long _tickStart;
            private long _tickTotal;
            private long _tickMax;
            private int _tickMaxSecond;
            private int _ticks;
            // Ticks by wall time: below 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500 ms, and above.
            private static readonly long[] Bounds = { 1000, 2000, 5000, 10000, 20000, 50000, 100000, 200000, 500000, 1000000, 2000000, 5000000 };
            private readonly int[] _histogram = new int[Bounds.Length + 1];

            public DeviceProbe(uint freeAtMain)
            {
                _freeAtMain = freeAtMain;
            }

            public void Started(object[] roots)
            {
                _freeAfterStart = NativeGC.Run(false);
            }

            public void BeforeTick(int second)
            {
                _tickStart = DateTime.UtcNow.Ticks;
            }

            public void AfterTick(int second)
            {
                long took = DateTime.UtcNow.Ticks - _tickStart;
                _tickTotal += took;
                _ticks++;
                int bucket = 0;
                while (bucket < Bounds.Length && took >= Bounds[bucket])
                {
                    bucket++;
                }

                _histogram[bucket]++;
                if (took > _tickMax)
                {
                    _tickMax = took;
                    _tickMaxSecond = second;
                }

                if (second % HeapSampleSeconds == 0)
                {
                    uint free = NativeGC.Run(false);
                    _samples++;
                    if (free < _minFree)
                    {
                        _minFree = free;
                        _minFreeSecond = second;
                    }
                }
            }

            public void Report()
            {
                Debug.WriteLine("M heap free_at_main=" + _freeAtMain.ToString() + " free_after_start=" + _freeAfterStart.ToString()
                    + " min_free=" + _minFree.ToString() + " min_free_second=" + _minFreeSecond.ToString() + " samples=" + _samples.ToString());
                Debug.WriteLine("M ticks n=" + _ticks.ToString() + " total_us=" + (_tickTotal / 10).ToString() + " max_us=" + (_tickMax / 10).ToString()
                    + " max_second=" + _tickMaxSecond.ToString());
                string buckets = "M tick_histogram";
                for (int i = 0; i < _histogram.Length; i++)
                {
                    buckets = buckets + " " + _histogram[i].ToString();
                }

                Debug.WriteLine(buckets);
            }
        }
    }
}
