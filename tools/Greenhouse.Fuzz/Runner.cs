using System;
using System.Diagnostics;

namespace Greenhouse.Fuzz
{
    /// <summary>Measured figures of one target's run.</summary>
    public sealed class RunResult
    {
        public string Target;
        public long Cases;
        public double Seconds;
        public long PeakManagedBytes;
        public long BaselineBytes;
        public long FinalBytes;
        public long MaxSettledBytes;

        public double CasesPerSecond
        {
            get { return Seconds > 0 ? Cases / Seconds : 0; }
        }
    }

    /// <summary>
    /// Runs a target in batches and watches memory: the managed heap after a full collection, once warmed up (after
    /// the first fifth of the batches), must stay within <see cref="AllowedGrowthBytes"/> (or 25 %) of the warm
    /// baseline; otherwise a "memory-growth" failure is recorded.
    /// </summary>
    public static class Runner
    {
        public const long AllowedGrowthBytes = 4L * 1024 * 1024;

        public static RunResult Run(ITarget target, long cases, int batches, FailureLog failures, Action<string> progress)
        {
            if (batches < 2)
            {
                batches = 2;
            }

            long perBatch = Math.Max(1, cases / batches);
            int warmBatches = Math.Max(1, batches / 5);
            RunResult result = new RunResult { Target = target.TargetName };
            Stopwatch watch = Stopwatch.StartNew();
            long done = 0;
            int batch = 0;
            while (done < cases)
            {
                long size = Math.Min(perBatch, cases - done);
                done += target.Run(size);
                batch++;
                long now = GC.GetTotalMemory(false);
                result.PeakManagedBytes = Math.Max(result.PeakManagedBytes, now);
                if (batch == warmBatches || (batch > warmBatches && batch % 2 == 0) || done >= cases)
                {
                    long settled = GC.GetTotalMemory(true);
                    if (batch == warmBatches)
                    {
                        result.BaselineBytes = settled;
                    }
                    else if (batch > warmBatches)
                    {
                        result.MaxSettledBytes = Math.Max(result.MaxSettledBytes, settled);
                    }

                    result.FinalBytes = settled;
                }

                if (progress != null)
                {
                    progress(target.TargetName + ": " + done.ToString() + "/" + cases.ToString() + " cases, " + (done / Math.Max(0.001, watch.Elapsed.TotalSeconds)).ToString("F0") + " cases/s, failures " + failures.Total.ToString());
                }
            }

            watch.Stop();
            result.Cases = done;
            result.Seconds = watch.Elapsed.TotalSeconds;
            if (result.BaselineBytes > 0 && result.MaxSettledBytes > result.BaselineBytes + Math.Max(AllowedGrowthBytes, result.BaselineBytes / 4))
            {
                failures.Add(new Failure
                {
                    Target = target.TargetName,
                    Oracle = "memory-growth",
                    Detail = "managed heap after GC grew from " + result.BaselineBytes.ToString() + " to " + result.MaxSettledBytes.ToString() + " bytes",
                    CaseIndex = done,
                });
            }

            return result;
        }
    }
}
