using Greenhouse.Ports;
using Greenhouse.Text;

namespace Greenhouse.TestSupport
{
    /// <summary>Receives a line the log sink was given (the simulator forwards the serial log this way).</summary>
    public delegate void LineHandler(string line);

    /// <summary>
    /// A log sink that keeps the last lines in a fixed ring (references only, so writing never allocates) and counts
    /// them all. Line numbers are absolute: line <c>i</c> is in the ring while <c>i &gt;= Oldest</c>. An
    /// <see cref="Echo"/> handler, when set, gets every line as well.
    /// </summary>
    public sealed class FakeLog : ILogSink
    {
        /// <summary>The ring: line i is at i % Lines.Length.</summary>
        public readonly string[] Lines;
        /// <summary>Lines written since construction or <see cref="Clear"/>.</summary>
        public int Count;
        /// <summary>Also called with every line (null = none).</summary>
        public LineHandler Echo;
        /// <summary>While true, writing throws (a sink that fails makes the controller's tick fail half-way).</summary>
        public bool ThrowOnWrite;

        /// <summary>Keeps the last 256 lines.</summary>
        public FakeLog() : this(256)
        {
        }

        public FakeLog(int capacity)
        {
            Lines = StringArray.New(capacity);
        }

        public void WriteLine(string line)
        {
            if (ThrowOnWrite)
            {
                throw new System.InvalidOperationException("log sink failed");
            }

            Lines[Count % Lines.Length] = line;
            Count++;
            if (Echo != null)
            {
                Echo(line);
            }
        }

        /// <summary>The last line written, or null.</summary>
        public string Last
        {
            get { return Count == 0 ? null : Lines[(Count - 1) % Lines.Length]; }
        }

        /// <summary>Number of the oldest line still kept.</summary>
        public int Oldest
        {
            get { return Count > Lines.Length ? Count - Lines.Length : 0; }
        }

        /// <summary>Line number <paramref name="index"/>, or null when it is not kept (forgotten or not written yet).</summary>
        public string Line(int index)
        {
            return index < Oldest || index >= Count ? null : Lines[index % Lines.Length];
        }

        /// <summary>The kept lines from <paramref name="mark"/> (a former <see cref="Count"/>) on, each followed by '\n'.</summary>
        public string Since(int mark)
        {
            string text = "";
            for (int i = mark < Oldest ? Oldest : mark; i < Count; i++)
            {
                text = text + Lines[i % Lines.Length] + "\n";
            }

            return text;
        }

        /// <summary>Every kept line, each followed by '\n'.</summary>
        public string All()
        {
            return Since(Oldest);
        }

        /// <summary>True when a kept line contains <paramref name="fragment"/>.</summary>
        public bool Contains(string fragment)
        {
            for (int i = Oldest; i < Count; i++)
            {
                if (Lines[i % Lines.Length].IndexOf(fragment) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Forgets every line and starts counting again.</summary>
        public void Clear()
        {
            for (int i = 0; i < Lines.Length; i++)
            {
                Lines[i] = null;
            }

            Count = 0;
        }
    }
}
