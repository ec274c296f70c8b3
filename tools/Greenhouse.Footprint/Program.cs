using System;
using System.Collections.Generic;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Greenhouse.Footprint.Rig;

namespace Greenhouse.Footprint
{
    /// <summary>
    /// Footprint benchmarks of the core. See README.md next to this file.
    ///   dotnet run -c Release --project tools/Greenhouse.Footprint -- --filter '*'      all benchmarks, ShortRun job
    ///   ... -- --quick --filter '*'     a smoke run (1 warm-up, 3 short iterations per benchmark)
    ///   ... -- --full --filter '*'      BenchmarkDotNet's default job (slow, most precise)
    ///   ... -- --allocs                 bytes allocated per tick measured directly, no BenchmarkDotNet
    ///   ... -- --trace-allocs [scenario] every tick that allocated, with what else happened in it
    ///   ... -- --il-size [dll]          IL size of Greenhouse.Core.dll (or the given assembly)
    /// Other arguments go to BenchmarkDotNet (--filter, --list flat, --exporters, ...).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            List<string> rest = new List<string>();
            bool quick = false;
            bool full = false;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--il-size":
                        return IlSize.Run(i + 1 < args.Length ? args[i + 1] : null);
                    case "--trace-allocs":
                        return Trace.Run(Console.Out, 3000, i + 1 < args.Length ? args[i + 1] : null);
                    case "--allocs":
                        return Allocations.Run(Console.Out);
                    case "--quick":
                        quick = true;
                        break;
                    case "--full":
                        full = true;
                        break;
                    default:
                        rest.Add(args[i]);
                        break;
                }
            }

            if (rest.Count == 0)
            {
                rest.Add("--filter");
                rest.Add("*");
            }

            Job job;
            if (full)
            {
                job = Job.Default;
            }
            else if (quick)
            {
                job = Job.ShortRun.WithWarmupCount(1).WithIterationCount(3).WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100)).WithId("Quick");
            }
            else
            {
                job = Job.ShortRun;
            }

            ManualConfig config = ManualConfig.Create(DefaultConfig.Instance)
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default);
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest.ToArray(), config);
            return 0;
        }
    }
}
