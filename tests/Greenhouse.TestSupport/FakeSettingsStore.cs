using Greenhouse.Ports;
using Greenhouse.Text;

namespace Greenhouse.TestSupport
{
    /// <summary>
    /// The board's flash as named blobs in memory. It survives a "reboot" (a new controller over the same instance).
    /// Faults: <see cref="FailWrites"/> makes every write fail and change nothing (worn or full flash);
    /// <see cref="TearNextWrite"/> cuts the next write short, as a power cut during the write leaves it. Reads and
    /// writes copy the bytes, as flash does, unless <see cref="CopyOnAccess"/> is false (then the caller's arrays are
    /// kept and handed back, so measuring the core's allocations sees none of the store's).
    /// </summary>
    public sealed class FakeSettingsStore : ISettingsStore
    {
        /// <summary>Most blobs the store holds; a write of a new name beyond that fails.</summary>
        public const int Capacity = 16;

        public readonly string[] Names = StringArray.New(Capacity);
        public readonly byte[][] Blobs = new byte[Capacity][];
        /// <summary>Successful writes, and those of the settings copies only (the engine's counters and the journal are saved beside them).</summary>
        public int Writes;
        public int SettingsWrites;
        public int Deletes;
        public string LastDeleted;
        /// <summary>Name and size of the last blob written (also when it was torn).</summary>
        public string LastWriteName;
        public int LastWriteBytes;
        /// <summary>Every write fails and leaves the blob as it was.</summary>
        public bool FailWrites;
        public bool CopyOnAccess = true;

        private int _tearAfter = -1;

        /// <summary>
        /// The next write keeps only its first <paramref name="bytesWritten"/> bytes (at most the whole blob) and reports
        /// failure: the power went while the flash was being written.
        /// </summary>
        public void TearNextWrite(int bytesWritten)
        {
            _tearAfter = bytesWritten < 0 ? 0 : bytesWritten;
        }

        /// <summary>True while a torn write is still to come.</summary>
        public bool TearPending
        {
            get { return _tearAfter >= 0; }
        }

        public bool TryRead(string name, out byte[] content)
        {
            int i = Find(name);
            if (i < 0)
            {
                content = null;
                return false;
            }

            content = CopyOnAccess ? Copy(Blobs[i], Blobs[i].Length) : Blobs[i];
            return true;
        }

        public bool Write(string name, byte[] content)
        {
            if (FailWrites)
            {
                return false;
            }

            LastWriteName = name;
            LastWriteBytes = content == null ? 0 : content.Length;
            if (_tearAfter >= 0)
            {
                int kept = _tearAfter < content.Length ? _tearAfter : content.Length;
                _tearAfter = -1;
                Put(name, Copy(content, kept));
                return false;
            }

            if (!Put(name, CopyOnAccess ? Copy(content, content.Length) : content))
            {
                return false;
            }

            Writes++;
            if (name.StartsWith("settings"))
            {
                SettingsWrites++;
            }

            return true;
        }

        public bool Delete(string name)
        {
            Deletes++;
            LastDeleted = name;
            int i = Find(name);
            if (i >= 0)
            {
                Names[i] = null;
                Blobs[i] = null;
            }

            return true;
        }

        /// <summary>Stores the array itself (no copy, not counted as a write): a test setting up what flash holds.</summary>
        public bool Put(string name, byte[] content)
        {
            int i = Find(name);
            if (i < 0)
            {
                i = Find(null);
                if (i < 0)
                {
                    return false;
                }
            }

            Names[i] = name;
            Blobs[i] = content;
            return true;
        }

        /// <summary>The stored array itself, or null.</summary>
        public byte[] Get(string name)
        {
            int i = Find(name);
            return i < 0 ? null : Blobs[i];
        }

        public bool Has(string name)
        {
            return Find(name) >= 0;
        }

        /// <summary>The blob as text (one char per byte), or null.</summary>
        public string Text(string name)
        {
            byte[] content = Get(name);
            if (content == null)
            {
                return null;
            }

            char[] chars = new char[content.Length];
            for (int i = 0; i < content.Length; i++)
            {
                chars[i] = (char)content[i];
            }

            return new string(chars);
        }

        /// <summary>The first <paramref name="length"/> bytes of <paramref name="source"/> in a new array.</summary>
        public static byte[] Copy(byte[] source, int length)
        {
            byte[] copy = new byte[length];
            for (int i = 0; i < length; i++)
            {
                copy[i] = source[i];
            }

            return copy;
        }

        private int Find(string name)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name && (name != null || Blobs[i] == null))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
