using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Greenhouse.Fuzz
{
    public enum StepKind
    {
        /// <summary>Post an MQTT message (Topic may start with "{base}").</summary>
        Message,
        /// <summary>Report the link up or down (the fake link follows).</summary>
        Connection,
        /// <summary>Run one controller tick and check the oracles.</summary>
        Tick,
        /// <summary>Advance the clock (ms) without ticking.</summary>
        Advance,
        /// <summary>Set a value directly through ApplySetting before the interesting part (source "fuzz").</summary>
        Set,
        /// <summary>Post a console line.</summary>
        Line,
        /// <summary>A settings slot's content and what the oracle expects of it.</summary>
        Slot
    }

    /// <summary>What the settings oracle expects of a stored copy.</summary>
    public enum SlotKind
    {
        Absent,
        /// <summary>Written by the controller and untouched: must load exactly when newest.</summary>
        Original,
        /// <summary>Changed after writing without fixing the checksum: must be refused.</summary>
        Corrupt,
        /// <summary>Changed and the checksum recomputed: a valid file with arbitrary lines.</summary>
        Edited
    }

    public sealed class Step
    {
        public StepKind Kind;
        public string Topic;
        public byte[] Payload;
        public bool Retained;
        public bool Up;
        public long Milliseconds;
        public string Key;
        public string Text;
        public string SlotName;
        public SlotKind SlotKind;

        public static Step Message(string topic, byte[] payload, bool retained)
        {
            return new Step { Kind = StepKind.Message, Topic = topic, Payload = payload, Retained = retained };
        }
    }

    /// <summary>
    /// One fuzz case in the corpus's line format (see Corpus/README.md in the test project):
    /// <c>target mqtt|settings|console</c>, then steps: <c>msg r|n TOPIC PAYLOAD</c>, <c>conn up|down</c>, <c>tick</c>,
    /// <c>advance MS</c>, <c>set KEY VALUE</c>, <c>line TEXT</c>, <c>slot a|b absent|original|corrupt|edited BYTES</c>.
    /// Tokens use <see cref="Escape"/>; '#' lines are comments.
    /// </summary>
    public sealed class FuzzCase
    {
        public const string BasePlaceholder = "{base}";
        public string Target;
        public readonly List<string> Comments = new List<string>();
        public readonly List<Step> Steps = new List<Step>();

        public static FuzzCase Parse(string text)
        {
            FuzzCase result = new FuzzCase();
            string[] lines = text.Replace("\r\n", "\n").Split('\n');
            for (int n = 0; n < lines.Length; n++)
            {
                string line = lines[n].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (line[0] == '#')
                {
                    result.Comments.Add(line.Substring(1).Trim());
                    continue;
                }

                string[] words = line.Split(' ');
                switch (words[0])
                {
                    case "target":
                        result.Target = words[1];
                        break;
                    case "msg":
                        result.Steps.Add(Step.Message(Escape.ParseText(words[2]), Escape.ParseBytes(words[3]), words[1] == "r"));
                        break;
                    case "conn":
                        result.Steps.Add(new Step { Kind = StepKind.Connection, Up = words[1] == "up" });
                        break;
                    case "tick":
                        result.Steps.Add(new Step { Kind = StepKind.Tick });
                        break;
                    case "advance":
                        result.Steps.Add(new Step { Kind = StepKind.Advance, Milliseconds = long.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture) });
                        break;
                    case "set":
                        result.Steps.Add(new Step { Kind = StepKind.Set, Key = Escape.ParseText(words[1]), Text = Escape.ParseText(words[2]) });
                        break;
                    case "line":
                        result.Steps.Add(new Step { Kind = StepKind.Line, Text = Escape.ParseText(words[1]) });
                        break;
                    case "slot":
                        result.Steps.Add(new Step
                        {
                            Kind = StepKind.Slot,
                            SlotName = words[1],
                            SlotKind = (SlotKind)Enum.Parse(typeof(SlotKind), words[2], true),
                            Payload = words.Length > 3 ? Escape.ParseBytes(words[3]) : null,
                        });
                        break;
                    default:
                        throw new FormatException("line " + (n + 1).ToString() + ": unknown directive " + words[0]);
                }
            }

            if (result.Target == null)
            {
                throw new FormatException("no target line");
            }

            return result;
        }

        public override string ToString()
        {
            StringBuilder text = new StringBuilder();
            foreach (string comment in Comments)
            {
                text.Append("# ").Append(comment.Replace('\n', ' ')).Append('\n');
            }

            text.Append("target ").Append(Target).Append('\n');
            foreach (Step step in Steps)
            {
                switch (step.Kind)
                {
                    case StepKind.Message:
                        text.Append("msg ").Append(step.Retained ? "r " : "n ").Append(Escape.Text(step.Topic)).Append(' ').Append(Escape.Bytes(step.Payload)).Append('\n');
                        break;
                    case StepKind.Connection:
                        text.Append(step.Up ? "conn up\n" : "conn down\n");
                        break;
                    case StepKind.Tick:
                        text.Append("tick\n");
                        break;
                    case StepKind.Advance:
                        text.Append("advance ").Append(step.Milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
                        break;
                    case StepKind.Set:
                        text.Append("set ").Append(Escape.Text(step.Key)).Append(' ').Append(Escape.Text(step.Text)).Append('\n');
                        break;
                    case StepKind.Line:
                        text.Append("line ").Append(Escape.Text(step.Text)).Append('\n');
                        break;
                    case StepKind.Slot:
                        text.Append("slot ").Append(step.SlotName).Append(' ').Append(step.SlotKind.ToString().ToLowerInvariant());
                        if (step.SlotKind != SlotKind.Absent)
                        {
                            text.Append(' ').Append(Escape.Bytes(step.Payload));
                        }

                        text.Append('\n');
                        break;
                }
            }

            return text.ToString();
        }

        /// <summary>Replaces a leading base topic by the placeholder so the case replays on any rig.</summary>
        public static string Portable(string topic, string baseTopic)
        {
            if (topic != null && baseTopic != null && topic.StartsWith(baseTopic, StringComparison.Ordinal))
            {
                return BasePlaceholder + topic.Substring(baseTopic.Length);
            }

            return topic;
        }

        public static string Resolve(string topic, string baseTopic)
        {
            if (topic != null && topic.StartsWith(BasePlaceholder, StringComparison.Ordinal))
            {
                return baseTopic + topic.Substring(BasePlaceholder.Length);
            }

            return topic;
        }

        /// <summary>Writes the case to a new file in the folder; returns its path.</summary>
        public string Save(string folder, string name)
        {
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, name + ".case");
            File.WriteAllText(path, ToString());
            return path;
        }
    }

    /// <summary>One oracle violation.</summary>
    public sealed class Failure
    {
        public string Target;
        /// <summary>Short stable id of the broken property (e.g. "ack-count").</summary>
        public string Oracle;
        public string Detail;
        public long CaseIndex;
        public FuzzCase Case;

        public override string ToString()
        {
            return Target + "/" + Oracle + " at case " + CaseIndex.ToString() + ": " + Detail;
        }
    }
}
