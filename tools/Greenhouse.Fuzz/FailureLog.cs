using System.Collections.Generic;

namespace Greenhouse.Fuzz
{
    /// <summary>A fuzz target: runs at least the given number of cases, reporting oracle violations to its log.</summary>
    public interface ITarget
    {
        string TargetName { get; }

        /// <summary>Runs about <paramref name="cases"/> more cases; returns how many were run.</summary>
        long Run(long cases);
    }

    /// <summary>
    /// Collects oracle violations: every one is counted by oracle id, the first few of each id are kept with their
    /// reproducer (so a violation repeated every tick cannot exhaust memory).
    /// </summary>
    public sealed class FailureLog
    {
        public const int KeptPerOracle = 5;
        public readonly List<Failure> Kept = new List<Failure>();
        public readonly SortedDictionary<string, long> Counts = new SortedDictionary<string, long>();
        public long Total;

        public void Add(Failure failure)
        {
            Total++;
            string id = failure.Target + "/" + failure.Oracle;
            long count;
            Counts.TryGetValue(id, out count);
            Counts[id] = count + 1;
            if (count < KeptPerOracle)
            {
                Kept.Add(failure);
            }
        }
    }
}
