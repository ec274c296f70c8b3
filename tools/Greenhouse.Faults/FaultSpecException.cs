using System;

namespace Greenhouse.Faults
{
    /// <summary>A fault spec could not be read. The message names the offending item, what is wrong and the allowed syntax.</summary>
    public sealed class FaultSpecException : FormatException
    {
        public FaultSpecException(string item, string reason)
            : base("fault item '" + item + "': " + reason + ". " + FaultSchedule.SyntaxHelp)
        {
            Item = item;
            Reason = reason;
        }

        /// <summary>The offending item as written (trimmed; shortened when very long).</summary>
        public string Item { get; }

        /// <summary>What is wrong with it, without the syntax help.</summary>
        public string Reason { get; }
    }
}
