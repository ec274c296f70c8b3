using Greenhouse.Ports;

namespace Greenhouse.Diagnostics
{
    /// <summary>How the stored journal looked when it was loaded.</summary>
    public enum JournalLoad
    {
        /// <summary>No store, or no journal blob yet.</summary>
        Missing = 0,
        /// <summary>Read and every line checked out.</summary>
        Loaded = 1,
        /// <summary>Read, but some lines were damaged and skipped (see <see cref="Journal.SkippedOnLoad"/>).</summary>
        Damaged = 2,
        /// <summary>Unreadable (bad header): started empty.</summary>
        Corrupt = 3
    }

    /// <summary>
    /// The event journal. Keeps the last <see cref="RecentCapacity"/> log lines in RAM (what the console's
    /// <c>log</c> shows) and the last <see cref="ImportantCapacity"/> important events (boots, safety trips and
    /// other warnings and errors, alarms, setting changes with their source, but not the settings file being
    /// applied at start) both in RAM and in a bounded blob
    /// <see cref="BlobName"/> in the settings store, so they can be read after a reboot.
    /// <para>
    /// Flash wear: writes are coalesced: at most one every <see cref="FlushIntervalMs"/>, plus <see cref="Flush"/>
    /// before a reboot. The first write happens <see cref="FirstFlushAfterMs"/> after start (at once), so that
    /// every boot is counted even in a boot loop.
    /// </para>
    /// <para>
    /// The blob (format: <see cref="JournalBlob"/>) also carries the boot count and how this run is meant to end
    /// (<see cref="PlanEnd"/>), which the next boot reads back as its reason.
    /// </para>
    /// </summary>
    public sealed class Journal : ILogObserver
    {
        public const string BlobName = "events.log";
        public const int RecentCapacity = 64;
        public const int ImportantCapacity = 50;
        /// <summary>Longest important line kept; longer ones are cut and end in "...".</summary>
        public const int MaxEventLength = 120;
        public const long FlushIntervalMs = 60000;
        public const long FirstFlushAfterMs = 0;
        /// <summary>How a run ends when nothing planned its end (power cut, crash, reset button).</summary>
        public const string UnplannedEnd = "unplanned";

        /// <summary>
        /// Source name of the settings file when it is applied at start (SettingsPersistence). Those
        /// "settings changed" lines restore values rather than change them, so they are not journalled.
        /// </summary>
        public const string RestoreSource = "file";

        private const string RestoreMarker = " source=" + RestoreSource;

        private readonly ISettingsStore _store;
        private readonly Greenhouse.Collections.Ring _recent = new Greenhouse.Collections.Ring(RecentCapacity);
        private readonly Greenhouse.Collections.Ring _important = new Greenhouse.Collections.Ring(ImportantCapacity);
        private bool _dirty;
        private long _lastFlushMs = FirstFlushAfterMs - FlushIntervalMs;
        private string _end = UnplannedEnd;

        /// <summary>Loads the stored journal (if any) from the store; a null store keeps the journal in RAM only.</summary>
        public Journal(ISettingsStore store)
        {
            _store = store;
            Load();
        }

        /// <summary>What loading found.</summary>
        public JournalLoad LoadResult { get; private set; }

        /// <summary>Damaged lines skipped while loading.</summary>
        public int SkippedOnLoad { get; private set; }

        /// <summary>Boots counted so far (stored in the blob header; the current boot included once <see cref="BeginBoot"/> ran).</summary>
        public int BootCount { get; private set; }

        /// <summary>
        /// How the run before this boot ended, as it recorded it ("reboot_console", "factory_reset", "unplanned"), or
        /// null when no journal was stored (first start) or it was unreadable.
        /// </summary>
        public string StoredEnd { get; private set; }

        /// <summary>True while important events wait to be written.</summary>
        public bool Dirty
        {
            get { return _dirty; }
        }

        /// <summary>Successful blob writes since start (for tests and wear statistics).</summary>
        public int WriteCount { get; private set; }

        /// <summary>Failed blob writes since start.</summary>
        public int WriteFailures { get; private set; }

        /// <summary>Counts this boot. Call once at start, before the boot event is logged.</summary>
        public void BeginBoot()
        {
            BootCount++;
            _end = UnplannedEnd;
            _dirty = true;
        }

        /// <summary>
        /// Records how this run will end (a reboot by a source, a factory reset) for the next boot to read. The first
        /// plan wins: a factory reset stays a factory reset when it then asks for the reboot. Written with the next flush.
        /// </summary>
        public void PlanEnd(string reason)
        {
            if (_end != UnplannedEnd)
            {
                return;
            }

            _end = reason;
            _dirty = true;
        }

        /// <summary>True for the lines that go to the persisted part of the journal.</summary>
        public static bool IsImportant(LogLevel level, string component, string message)
        {
            if (component == "settings")
            {
                return message == "changed";
            }

            if (component == "core" || component == "alarm" || component == "journal")
            {
                return true;
            }

            return level >= LogLevel.Warning;
        }

        /// <summary>True for a "settings changed" line of the settings file being applied at start.</summary>
        private static bool IsRestore(string component, string line)
        {
            if (component != "settings" || line == null)
            {
                return false;
            }

            int at = line.IndexOf(RestoreMarker);
            return at >= 0 && (at + RestoreMarker.Length == line.Length || line[at + RestoreMarker.Length] == ' ');
        }

        /// <summary>Receives each written log line (the Logger calls this).</summary>
        public void OnLine(LogLevel level, string component, string message, string line)
        {
            _recent.Add(line);
            if (IsImportant(level, component, message) && !IsRestore(component, line))
            {
                AddImportant(line);
            }
        }

        /// <summary>Adds an event to the persisted part directly (already formatted as a log line).</summary>
        public void AddImportant(string line)
        {
            _important.Add(Clean(line));
            _dirty = true;
        }

        /// <summary>Recent log lines held in RAM.</summary>
        public int RecentCount
        {
            get { return _recent.Count; }
        }

        /// <summary>A recent line, 0 = oldest.</summary>
        public string GetRecent(int index)
        {
            return (string)_recent.Get(index);
        }

        /// <summary>Important events held (stored ones from before the reboot included).</summary>
        public int ImportantCount
        {
            get { return _important.Count; }
        }

        /// <summary>An important event, 0 = oldest.</summary>
        public string GetImportant(int index)
        {
            return (string)_important.Get(index);
        }

        /// <summary>Writes the blob when events are waiting and the coalescing interval has passed. Call every tick.</summary>
        public void Poll(long nowMs)
        {
            if (!_dirty || nowMs - _lastFlushMs < FlushIntervalMs)
            {
                return;
            }

            _lastFlushMs = nowMs;
            Flush();
        }

        /// <summary>Writes the blob now if events are waiting (before a reboot). Returns false when the write failed.</summary>
        public bool Flush()
        {
            if (!_dirty || _store == null)
            {
                return true;
            }

            if (_store.Write(BlobName, Serialise()))
            {
                WriteCount++;
                _dirty = false;
                return true;
            }

            WriteFailures++;
            return false;
        }

        /// <summary>Forgets every important event and recent line and deletes the stored blob (factory reset).</summary>
        public bool Clear()
        {
            _recent.Clear();
            _important.Clear();
            BootCount = 0;
            _dirty = false;
            return _store == null || _store.Delete(BlobName);
        }

        /// <summary>The blob bytes for the current state (see <see cref="JournalBlob"/>).</summary>
        public byte[] Serialise()
        {
            return JournalBlob.Serialise(BootCount, _end, _important);
        }

        private void Load()
        {
            LoadResult = JournalLoad.Missing;
            byte[] bytes;
            if (_store == null || !_store.TryRead(BlobName, out bytes) || bytes == null)
            {
                return;
            }

            int boots;
            string end;
            int skipped;
            LoadResult = JournalBlob.Parse(bytes, _important, out boots, out end, out skipped);
            if (LoadResult == JournalLoad.Corrupt)
            {
                return;
            }

            BootCount = boots;
            StoredEnd = end;
            SkippedOnLoad = skipped;
        }

        /// <summary>Printable ASCII, at most MaxEventLength characters (cut ones end in "...").</summary>
        private static string Clean(string line)
        {
            if (line == null || line.Length == 0)
            {
                return "?";
            }

            bool ok = line.Length <= MaxEventLength;
            for (int i = 0; ok && i < line.Length; i++)
            {
                ok = line[i] >= ' ' && line[i] <= '~';
            }

            if (ok)
            {
                return line;
            }

            int length = line.Length > MaxEventLength ? MaxEventLength : line.Length;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                char c = line[i];
                chars[i] = c < ' ' || c > '~' ? '?' : c;
            }

            if (line.Length > MaxEventLength)
            {
                chars[length - 3] = '.';
                chars[length - 2] = '.';
                chars[length - 1] = '.';
            }

            return new string(chars);
        }
    }
}
