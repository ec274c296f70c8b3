using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Greenhouse.Fuzz
{
    /// <summary>
    /// Dedicated fuzz run: <c>dotnet run -c Release --project tools/Greenhouse.Fuzz -- --cases 1000000 --seed 1
    /// [--target mqtt|settings|console|all] [--corpus DIR]</c>. Prints cases/s, failures and peak managed memory per
    /// target, writes each kept failing case to DIR (default ./fuzz-failures) and exits 1 on any failure (2 on bad arguments).
    /// <c>--replay FILE...</c> replays corpus cases instead.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length >= 2 && args[0] == "--replay")
            {
                return Replay(args);
            }

            long cases = 100000;
            int seed = 1;
            string target = "all";
            string corpus = "fuzz-failures";
            try
            {
                for (int i = 0; i < args.Length; i++)
                {
                    switch (args[i])
                    {
                        case "--cases":
                            cases = long.Parse(args[++i], CultureInfo.InvariantCulture);
                            break;
                        case "--seed":
                            seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                            break;
                        case "--target":
                            target = args[++i];
                            break;
                        case "--corpus":
                            corpus = args[++i];
                            break;
                        default:
                            throw new ArgumentException("unknown option " + args[i]);
                    }
                }

                if (cases < 1 || Array.IndexOf(Targets.Names, target) < 0 && target != "all")
                {
                    throw new ArgumentException("--target must be one of " + string.Join(", ", Targets.Names) + ", all; --cases at least 1");
                }
            }
            catch (Exception e) when (e is ArgumentException || e is FormatException || e is IndexOutOfRangeException || e is OverflowException)
            {
                Console.Error.WriteLine("usage: Greenhouse.Fuzz --cases N --seed N [--target " + string.Join("|", Targets.Names) + "|all] [--corpus DIR]");
                Console.Error.WriteLine(e.Message);
                return 2;
            }

            List<string> names = new List<string>();
            if (target == "all")
            {
                names.AddRange(Targets.Names);
            }
            else
            {
                names.Add(target);
            }

            FailureLog failures = new FailureLog();
            List<RunResult> results = new List<RunResult>();
            foreach (string name in names)
            {
                ITarget instance = Targets.Create(name, seed, failures);
                DateTime lastProgress = DateTime.UtcNow;
                RunResult result = Runner.Run(instance, cases, 50, failures, line =>
                {
                    if ((DateTime.UtcNow - lastProgress).TotalSeconds >= 10)
                    {
                        lastProgress = DateTime.UtcNow;
                        Console.Error.WriteLine(line);
                    }
                });
                results.Add(result);
                Console.WriteLine(name + ": " + result.Cases.ToString(CultureInfo.InvariantCulture) + " cases in " + result.Seconds.ToString("F1", CultureInfo.InvariantCulture)
                    + " s = " + result.CasesPerSecond.ToString("F0", CultureInfo.InvariantCulture) + " cases/s; peak managed "
                    + (result.PeakManagedBytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB; heap after GC warm "
                    + (result.BaselineBytes / 1048576.0).ToString("F2", CultureInfo.InvariantCulture) + " MiB, max later "
                    + (result.MaxSettledBytes / 1048576.0).ToString("F2", CultureInfo.InvariantCulture) + " MiB");
            }

            Console.WriteLine("seed " + seed.ToString(CultureInfo.InvariantCulture) + ", failures: " + failures.Total.ToString(CultureInfo.InvariantCulture));
            foreach (KeyValuePair<string, long> count in failures.Counts)
            {
                Console.WriteLine("  " + count.Key + ": " + count.Value.ToString(CultureInfo.InvariantCulture));
            }

            int n = 0;
            foreach (Failure failure in failures.Kept)
            {
                Console.WriteLine("  " + Shorten(failure.ToString()));
                if (failure.Case != null)
                {
                    string path = failure.Case.Save(corpus, failure.Target + "-" + failure.Oracle + "-seed" + seed.ToString(CultureInfo.InvariantCulture) + "-" + (n++).ToString(CultureInfo.InvariantCulture));
                    Console.WriteLine("    -> " + path);
                }
            }

            return failures.Total == 0 ? 0 : 1;
        }

        /// <summary><c>--replay FILE...</c>: runs corpus cases with every oracle and prints what broke.</summary>
        private static int Replay(string[] args)
        {
            FailureLog failures = new FailureLog();
            for (int i = 1; i < args.Length; i++)
            {
                long before = failures.Total;
                Targets.Replay(Targets.Load(args[i]), failures);
                Console.WriteLine(args[i] + ": " + (failures.Total == before ? "ok" : (failures.Total - before).ToString(CultureInfo.InvariantCulture) + " failure(s)"));
            }

            foreach (Failure failure in failures.Kept)
            {
                Console.WriteLine("  " + Shorten(failure.ToString()));
            }

            return failures.Total == 0 ? 0 : 1;
        }

        private static string Shorten(string text)
        {
            text = text.Replace('\n', ' ');
            return text.Length > 400 ? text.Substring(0, 400) + "..." : text;
        }
    }

    /// <summary>The targets by name, and replay of corpus cases.</summary>
    public static class Targets
    {
        public static readonly string[] Names = { MqttTarget.Name, SettingsTarget.Name, ConsoleTarget.Name };

        public static ITarget Create(string name, int seed, FailureLog failures)
        {
            switch (name)
            {
                case MqttTarget.Name:
                    return new MqttTarget(seed, failures);
                case SettingsTarget.Name:
                    return new SettingsTarget(seed, failures);
                case ConsoleTarget.Name:
                    return new ConsoleTarget(seed, failures);
                default:
                    throw new ArgumentException("unknown target " + name);
            }
        }

        /// <summary>Runs one corpus case on a fresh rig with every oracle of its target.</summary>
        public static void Replay(FuzzCase fuzzCase, FailureLog failures)
        {
            switch (fuzzCase.Target)
            {
                case MqttTarget.Name:
                {
                    MqttTarget target = new MqttTarget(0, failures);
                    List<Step> batch = new List<Step>();
                    foreach (Step step in fuzzCase.Steps)
                    {
                        switch (step.Kind)
                        {
                            case StepKind.Message:
                            case StepKind.Connection:
                                batch.Add(step);
                                break;
                            case StepKind.Tick:
                                target.RunTick(batch, 0);
                                batch = new List<Step>();
                                break;
                            case StepKind.Advance:
                                target.Rig.Clock.Advance(step.Milliseconds);
                                break;
                            case StepKind.Set:
                                target.Rig.Controller.Commands.ApplySetting(step.Key, step.Text, "fuzz");
                                break;
                        }
                    }

                    if (batch.Count > 0)
                    {
                        target.RunTick(batch, 0);
                    }

                    break;
                }

                case SettingsTarget.Name:
                    new SettingsTarget(0, failures).RunCase(fuzzCase, 0);
                    break;
                case ConsoleTarget.Name:
                {
                    ConsoleTarget target = new ConsoleTarget(0, failures);
                    foreach (Step step in fuzzCase.Steps)
                    {
                        if (step.Kind == StepKind.Line)
                        {
                            target.RunLine(step.Text, 0);
                        }
                        else if (step.Kind == StepKind.Set)
                        {
                            target.Rig.Controller.Commands.ApplySetting(step.Key, step.Text, "fuzz");
                        }
                    }

                    break;
                }
                default:
                    throw new ArgumentException("unknown target " + fuzzCase.Target);
            }
        }

        public static FuzzCase Load(string path)
        {
            return FuzzCase.Parse(File.ReadAllText(path));
        }
    }
}
