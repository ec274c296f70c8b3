using Greenhouse.Text;

namespace Greenhouse.Diagnostics
{
    /// <summary>
    /// The logger's repeat limiter (rules in <see cref="Logger"/>): per component+message, identical lines and lines
    /// of one kind are counted past their burst within a window and summarised once with <c>repeated=N</c>. Fixed
    /// arrays: no allocation unless a line is actually written.
    /// </summary>
    internal sealed class RepeatLimiter
    {
        private readonly Logger _log;
        private readonly string[] _repeatComponent = StringArray.New(Logger.RepeatSlots);
        private readonly string[] _repeatMessage = StringArray.New(Logger.RepeatSlots);
        private readonly long[] _repeatWindowStart = new long[Logger.RepeatSlots];
        private readonly int[] _repeatWritten = new int[Logger.RepeatSlots];
        private readonly int[] _repeatSame = new int[Logger.RepeatSlots];
        private readonly string[] _repeatWrittenPairs = StringArray.New(Logger.RepeatSlots);
        private readonly int[] _repeatSuppressed = new int[Logger.RepeatSlots];
        private readonly string[] _repeatLastPairs = StringArray.New(Logger.RepeatSlots);
        private readonly LogLevel[] _repeatLevel = new LogLevel[Logger.RepeatSlots];

        public RepeatLimiter(Logger log)
        {
            _log = log;
        }

        /// <summary>Lines suppressed since start.</summary>
        public long SuppressedTotal { get; private set; }

        /// <summary>Writes the summaries of repeats whose window has ended.</summary>
        public void Flush(long now)
        {
            for (int i = 0; i < Logger.RepeatSlots; i++)
            {
                if (_repeatComponent[i] != null && now - _repeatWindowStart[i] >= Logger.RepeatWindowMs)
                {
                    EndWindow(i);
                    _repeatComponent[i] = null;
                    _repeatMessage[i] = null;
                    _repeatWrittenPairs[i] = null;
                }
            }
        }

        /// <summary>True when the line may be written; false when it is counted as a repeat instead.</summary>
        public bool Pass(LogLevel level, string component, string message, string pairs, long now)
        {
            int free = -1;
            int oldest = 0;
            for (int i = 0; i < Logger.RepeatSlots; i++)
            {
                string c = _repeatComponent[i];
                if (c == null)
                {
                    if (free < 0)
                    {
                        free = i;
                    }

                    continue;
                }

                if (_repeatWindowStart[i] < _repeatWindowStart[oldest] || _repeatComponent[oldest] == null)
                {
                    oldest = i;
                }

                if (Same(c, component) && Same(_repeatMessage[i], message))
                {
                    if (now - _repeatWindowStart[i] >= Logger.RepeatWindowMs)
                    {
                        EndWindow(i);
                        StartWindow(i, component, message, pairs, now);
                        return true;
                    }

                    bool same = Same(_repeatWrittenPairs[i], pairs);
                    if (_repeatWritten[i] < Logger.KindBurst && (!same || _repeatSame[i] < Logger.RepeatBurst))
                    {
                        _repeatWritten[i]++;
                        _repeatSame[i] = same ? _repeatSame[i] + 1 : 1;
                        _repeatWrittenPairs[i] = pairs;
                        return true;
                    }

                    _repeatSuppressed[i]++;
                    _repeatLastPairs[i] = pairs;
                    _repeatLevel[i] = level;
                    SuppressedTotal++;
                    return false;
                }
            }

            int slot = free;
            if (slot < 0)
            {
                slot = oldest;
                EndWindow(slot);
            }

            StartWindow(slot, component, message, pairs, now);
            return true;
        }

        private void StartWindow(int slot, string component, string message, string pairs, long now)
        {
            _repeatComponent[slot] = component;
            _repeatMessage[slot] = message;
            _repeatWindowStart[slot] = now;
            _repeatWritten[slot] = 1;
            _repeatSame[slot] = 1;
            _repeatWrittenPairs[slot] = pairs;
            _repeatSuppressed[slot] = 0;
            _repeatLastPairs[slot] = null;
        }

        /// <summary>Writes the summary of a window that suppressed lines, then forgets the count.</summary>
        private void EndWindow(int slot)
        {
            int suppressed = _repeatSuppressed[slot];
            if (suppressed == 0)
            {
                return;
            }

            string pairs = _repeatLastPairs[slot];
            string summary = "repeated=" + suppressed.ToString();
            pairs = pairs == null || pairs.Length == 0 ? summary : pairs + " " + summary;
            _repeatSuppressed[slot] = 0;
            _repeatLastPairs[slot] = null;
            _log.Emit(_repeatLevel[slot], _repeatComponent[slot], _repeatMessage[slot], pairs);
        }

        private static bool Same(string a, string b)
        {
            return (object)a == (object)b || a == b;
        }
    }
}
