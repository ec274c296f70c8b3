using Greenhouse.Ports;
using Greenhouse.Text;

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
    /// Blob format (ASCII): a header line <c>GHJ1 boots=N</c>, then one line per event: four hex digits of a
    /// Fletcher-16 checksum of the text, a space, the text. Lines that fail the check, contain bytes outside
    /// printable ASCII or lack their line feed (a truncated write) are skipped; a bad header discards the blob.
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
        /// <summary>Blobs larger than this are not parsed (a corrupt length).</summary>
        public const int MaxBlobBytes = 16 + ImportantCapacity * (MaxEventLength + 6) + 64;

        /// <summary>
        /// Source name of the settings file when it is applied at start (SettingsPersistence). Those
        /// "settings changed" lines restore values rather than change them, so they are not journalled.
        /// </summary>
        public const string RestoreSource = "file";

        private const string Magic = "GHJ1 boots=";
        private const string RestoreMarker = " source=" + RestoreSource;

        private readonly ISettingsStore _store;
        private readonly string[] _recent = StringArray.New(RecentCapacity);
        private int _recentHead;
        private int _recentCount;
        private readonly string[] _important = StringArray.New(ImportantCapacity);
        private int _importantHead;
        private int _importantCount;
        private readonly string[] _alarmLines = StringArray.New(8);
        private int _alarmLineCount;
        private bool _dirty;
        private long _lastFlushMs = FirstFlushAfterMs - FlushIntervalMs;

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

        /// <summary>The newest important event that was stored before this boot, or null.</summary>
        public string LastStoredEvent { get; private set; }

        /// <summary>Events that were read from the store (they are the oldest ones held, indexes 0..LoadedCount-1).</summary>
        public int LoadedCount { get; private set; }

        /// <summary>Incremented whenever an important event is added or the journal is cleared (for MQTT publishing).</summary>
        public int ImportantVersion { get; private set; }

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
            _recent[(_recentHead + _recentCount) % RecentCapacity] = line;
            if (_recentCount < RecentCapacity)
            {
                _recentCount++;
            }
            else
            {
                _recentHead = (_recentHead + 1) % RecentCapacity;
            }

            if (component == "alarm" && _alarmLineCount < _alarmLines.Length)
            {
                _alarmLines[_alarmLineCount++] = line;
            }

            if (IsImportant(level, component, message) && !IsRestore(component, line))
            {
                AddImportant(line);
            }
        }

        /// <summary>Adds an event to the persisted part directly (already formatted as a log line).</summary>
        public void AddImportant(string line)
        {
            string clean = Clean(line);
            _important[(_importantHead + _importantCount) % ImportantCapacity] = clean;
            if (_importantCount < ImportantCapacity)
            {
                _importantCount++;
            }
            else
            {
                _importantHead = (_importantHead + 1) % ImportantCapacity;
            }

            _dirty = true;
            ImportantVersion++;
        }

        /// <summary>
        /// True when a module already logged this alarm transition ("alarm raised|cleared code=C [zone=Z]") since
        /// <see cref="ForgetAlarmLines"/>, so the alarm watch does not write it twice.
        /// </summary>
        public bool SawAlarmLine(string code, int zone, bool raised)
        {
            string verb = raised ? " alarm raised " : " alarm cleared ";
            for (int i = 0; i < _alarmLineCount; i++)
            {
                string line = _alarmLines[i];
                if (line.IndexOf(verb) >= 0 && HasToken(line, " code=" + code)
                    && (zone == 0 ? line.IndexOf(" zone=") < 0 : HasToken(line, " zone=" + zone.ToString())))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Forgets the alarm lines seen (the alarm watch calls this after each check). No allocation.</summary>
        public void ForgetAlarmLines()
        {
            for (int i = 0; i < _alarmLineCount; i++)
            {
                _alarmLines[i] = null;
            }

            _alarmLineCount = 0;
        }

        private static bool HasToken(string line, string token)
        {
            int at = line.IndexOf(token);
            while (at >= 0)
            {
                int end = at + token.Length;
                if (end == line.Length || line[end] == ' ')
                {
                    return true;
                }

                at = end < line.Length ? line.IndexOf(token, end) : -1;
            }

            return false;
        }

        /// <summary>Recent log lines held in RAM.</summary>
        public int RecentCount
        {
            get { return _recentCount; }
        }

        /// <summary>A recent line, 0 = oldest.</summary>
        public string GetRecent(int index)
        {
            return _recent[(_recentHead + index) % RecentCapacity];
        }

        /// <summary>Important events held (stored ones from before the reboot included).</summary>
        public int ImportantCount
        {
            get { return _importantCount; }
        }

        /// <summary>An important event, 0 = oldest.</summary>
        public string GetImportant(int index)
        {
            return _important[(_importantHead + index) % ImportantCapacity];
        }

        /// <summary>Copies the newest important events, oldest first, into target; returns how many were copied.</summary>
        public int CopyImportant(string[] target)
        {
            int count = _importantCount < target.Length ? _importantCount : target.Length;
            int skip = _importantCount - count;
            for (int i = 0; i < count; i++)
            {
                target[i] = GetImportant(skip + i);
            }

            return count;
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
            for (int i = 0; i < RecentCapacity; i++)
            {
                _recent[i] = null;
            }

            for (int i = 0; i < ImportantCapacity; i++)
            {
                _important[i] = null;
            }

            _recentHead = 0;
            _recentCount = 0;
            _importantHead = 0;
            _importantCount = 0;
            LoadedCount = 0;
            BootCount = 0;
            _dirty = false;
            ImportantVersion++;
            return _store == null || _store.Delete(BlobName);
        }

        /// <summary>The blob bytes for the current important events.</summary>
        public byte[] Serialise()
        {
            string header = Magic + BootCount.ToString();
            int length = header.Length + 1;
            for (int i = 0; i < _importantCount; i++)
            {
                length += 5 + GetImportant(i).Length + 1;
            }

            byte[] bytes = new byte[length];
            int at = Put(bytes, 0, header);
            bytes[at++] = (byte)'\n';
            for (int i = 0; i < _importantCount; i++)
            {
                string line = GetImportant(i);
                int sum = Fletcher16(line);
                for (int shift = 12; shift >= 0; shift -= 4)
                {
                    bytes[at++] = (byte)"0123456789abcdef"[(sum >> shift) & 0xF];
                }

                bytes[at++] = (byte)' ';
                at = Put(bytes, at, line);
                bytes[at++] = (byte)'\n';
            }

            return bytes;
        }

        private void Load()
        {
            LoadResult = JournalLoad.Missing;
            byte[] bytes;
            if (_store == null || !_store.TryRead(BlobName, out bytes) || bytes == null)
            {
                return;
            }

            int end = bytes.Length > MaxBlobBytes ? MaxBlobBytes : bytes.Length;
            int lineEnd = IndexOfNewLine(bytes, 0, end);
            int boots;
            if (lineEnd < 0 || !ParseHeader(bytes, lineEnd, out boots))
            {
                LoadResult = JournalLoad.Corrupt;
                return;
            }

            BootCount = boots;
            LoadResult = JournalLoad.Loaded;
            int start = lineEnd + 1;
            while (start < end)
            {
                lineEnd = IndexOfNewLine(bytes, start, end);
                if (lineEnd < 0)
                {
                    // Truncated last line: the write was cut short.
                    SkippedOnLoad++;
                    break;
                }

                string text = ParseEvent(bytes, start, lineEnd);
                if (text == null)
                {
                    SkippedOnLoad++;
                }
                else
                {
                    _important[(_importantHead + _importantCount) % ImportantCapacity] = text;
                    if (_importantCount < ImportantCapacity)
                    {
                        _importantCount++;
                    }
                    else
                    {
                        _importantHead = (_importantHead + 1) % ImportantCapacity;
                    }
                }

                start = lineEnd + 1;
            }

            if (SkippedOnLoad > 0)
            {
                LoadResult = JournalLoad.Damaged;
            }

            if (_importantCount > 0)
            {
                LastStoredEvent = GetImportant(_importantCount - 1);
            }

            LoadedCount = _importantCount;
        }

        private static bool ParseHeader(byte[] bytes, int lineEnd, out int boots)
        {
            boots = 0;
            if (lineEnd < Magic.Length + 1 || lineEnd > Magic.Length + 9)
            {
                return false;
            }

            for (int i = 0; i < Magic.Length; i++)
            {
                if (bytes[i] != (byte)Magic[i])
                {
                    return false;
                }
            }

            for (int i = Magic.Length; i < lineEnd; i++)
            {
                byte b = bytes[i];
                if (b < (byte)'0' || b > (byte)'9')
                {
                    return false;
                }

                boots = boots * 10 + (b - (byte)'0');
            }

            return true;
        }

        /// <summary>One stored event line, or null when it is damaged.</summary>
        private static string ParseEvent(byte[] bytes, int start, int lineEnd)
        {
            int textStart = start + 5;
            int textLength = lineEnd - textStart;
            if (textLength < 1 || textLength > MaxEventLength || bytes[start + 4] != (byte)' ')
            {
                return null;
            }

            int stored = 0;
            for (int i = start; i < start + 4; i++)
            {
                int digit = HexValue(bytes[i]);
                if (digit < 0)
                {
                    return null;
                }

                stored = stored * 16 + digit;
            }

            char[] chars = new char[textLength];
            for (int i = 0; i < textLength; i++)
            {
                byte b = bytes[textStart + i];
                if (b < 0x20 || b > 0x7E)
                {
                    return null;
                }

                chars[i] = (char)b;
            }

            string text = new string(chars);
            return Fletcher16(text) == stored ? text : null;
        }

        private static int HexValue(byte b)
        {
            if (b >= (byte)'0' && b <= (byte)'9')
            {
                return b - (byte)'0';
            }

            if (b >= (byte)'a' && b <= (byte)'f')
            {
                return b - (byte)'a' + 10;
            }

            return -1;
        }

        private static int IndexOfNewLine(byte[] bytes, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    return i;
                }
            }

            return -1;
        }

        private static int Put(byte[] bytes, int at, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                bytes[at++] = (byte)text[i];
            }

            return at;
        }

        /// <summary>Fletcher-16 of the text's characters (ASCII).</summary>
        public static int Fletcher16(string text)
        {
            int a = 0;
            int b = 0;
            for (int i = 0; i < text.Length; i++)
            {
                a = (a + (text[i] & 0xFF)) % 255;
                b = (b + a) % 255;
            }

            return (b << 8) | a;
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
