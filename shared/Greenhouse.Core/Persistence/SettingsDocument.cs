using Greenhouse.Text;

namespace Greenhouse.Persistence
{
    /// <summary>The parsed content of a settings file: its header values and the key=value lines in file order.</summary>
    public sealed class SettingsDocument
    {
        /// <summary>Format version from the <c>version=</c> line (0 when missing).</summary>
        public int Version;
        /// <summary>Save counter from the <c>generation=</c> line; the newer of the two stored copies wins.</summary>
        public long Generation;
        /// <summary>True when a well-formed checksum line was present and matched.</summary>
        public bool ChecksumValid;
        /// <summary>Setting keys, in file order (Count entries used).</summary>
        public string[] Keys = StringArray.New(16);
        /// <summary>Values as written (after the first '='), parallel to Keys.</summary>
        public string[] Values = StringArray.New(16);
        public int Count;
        /// <summary>Lines that were neither comments, blank, header nor key=value (reported, not applied).</summary>
        public int BadLines;
        /// <summary>Line number (1-based) of the first bad line, or 0.</summary>
        public int FirstBadLine;

        /// <summary>Appends one key/value pair.</summary>
        public void Add(string key, string value)
        {
            if (Count == Keys.Length)
            {
                string[] keys = StringArray.New(Keys.Length * 2);
                string[] values = StringArray.New(Keys.Length * 2);
                for (int i = 0; i < Count; i++)
                {
                    keys[i] = Keys[i];
                    values[i] = Values[i];
                }

                Keys = keys;
                Values = values;
            }

            Keys[Count] = key;
            Values[Count] = value;
            Count++;
        }

        /// <summary>The last value written for a key, or null.</summary>
        public string Find(string key)
        {
            for (int i = Count - 1; i >= 0; i--)
            {
                if (Keys[i] == key)
                {
                    return Values[i];
                }
            }

            return null;
        }
    }
}
