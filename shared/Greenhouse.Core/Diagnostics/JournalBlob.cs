using Greenhouse.Collections;

namespace Greenhouse.Diagnostics
{
    /// <summary>
    /// The stored form of the journal (blob <see cref="Journal.BlobName"/>), ASCII: a header line
    /// <c>GHJ1 boots=N end=REASON</c>, then one line per event: four hex digits of a Fletcher-16 checksum of the
    /// text, a space, the text. REASON is how the run that wrote the blob was meant to end ("unplanned" while it
    /// runs, "reboot_console", "factory_reset" …): the next boot reads it as its boot reason. Lines that fail
    /// the check, contain bytes outside printable ASCII or lack their line feed (a truncated write) are skipped; a
    /// bad header discards the blob. A header without <c>end=</c> (older firmware) reads as "unplanned".
    /// </summary>
    public static class JournalBlob
    {
        /// <summary>Blobs larger than this are not parsed (a corrupt length).</summary>
        public const int MaxBytes = 16 + Journal.ImportantCapacity * (Journal.MaxEventLength + 6) + 64;

        /// <summary>Longest end reason kept in the header.</summary>
        public const int MaxEndLength = 32;

        private const string Magic = "GHJ1 boots=";
        private const string EndMarker = " end=";

        /// <summary>The blob bytes for a boot count, an end reason and the important events (oldest first).</summary>
        public static byte[] Serialise(int boots, string end, Ring events)
        {
            string header = Magic + boots.ToString() + EndMarker + end;
            int length = header.Length + 1;
            for (int i = 0; i < events.Count; i++)
            {
                length += 5 + ((string)events.Get(i)).Length + 1;
            }

            byte[] bytes = new byte[length];
            int at = Put(bytes, 0, header);
            bytes[at++] = (byte)'\n';
            for (int i = 0; i < events.Count; i++)
            {
                string line = (string)events.Get(i);
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

        /// <summary>
        /// Reads a blob into <paramref name="events"/>. Returns Corrupt (nothing read) for a bad header, Damaged when
        /// lines were skipped (counted in <paramref name="skipped"/>), otherwise Loaded.
        /// </summary>
        public static JournalLoad Parse(byte[] bytes, Ring events, out int boots, out string end, out int skipped)
        {
            skipped = 0;
            end = null;
            int stop = bytes.Length > MaxBytes ? MaxBytes : bytes.Length;
            int lineEnd = IndexOfNewLine(bytes, 0, stop);
            if (lineEnd < 0 || !ParseHeader(bytes, lineEnd, out boots, out end))
            {
                boots = 0;
                return JournalLoad.Corrupt;
            }

            int start = lineEnd + 1;
            while (start < stop)
            {
                lineEnd = IndexOfNewLine(bytes, start, stop);
                if (lineEnd < 0)
                {
                    // Truncated last line: the write was cut short.
                    skipped++;
                    break;
                }

                string text = ParseEvent(bytes, start, lineEnd);
                if (text == null)
                {
                    skipped++;
                }
                else
                {
                    events.Add(text);
                }

                start = lineEnd + 1;
            }

            return skipped > 0 ? JournalLoad.Damaged : JournalLoad.Loaded;
        }

        private static bool ParseHeader(byte[] bytes, int lineEnd, out int boots, out string end)
        {
            boots = 0;
            end = Journal.UnplannedEnd;
            if (lineEnd < Magic.Length + 1)
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

            int at = Magic.Length;
            while (at < lineEnd && bytes[at] >= (byte)'0' && bytes[at] <= (byte)'9')
            {
                if (at - Magic.Length == 9)
                {
                    return false;
                }

                boots = boots * 10 + (bytes[at] - (byte)'0');
                at++;
            }

            if (at == Magic.Length)
            {
                return false;
            }

            if (at == lineEnd)
            {
                return true;
            }

            if (!Matches(bytes, at, EndMarker))
            {
                return false;
            }

            at += EndMarker.Length;
            int length = lineEnd - at;
            if (length < 1 || length > MaxEndLength)
            {
                return false;
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                byte b = bytes[at + i];
                if (!((b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'0' && b <= (byte)'9') || b == (byte)'_'))
                {
                    return false;
                }

                chars[i] = (char)b;
            }

            end = new string(chars);
            return true;
        }

        private static bool Matches(byte[] bytes, int at, string text)
        {
            if (at + text.Length > bytes.Length)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (bytes[at + i] != (byte)text[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>One stored event line, or null when it is damaged.</summary>
        private static string ParseEvent(byte[] bytes, int start, int lineEnd)
        {
            int textStart = start + 5;
            int textLength = lineEnd - textStart;
            if (textLength < 1 || textLength > Journal.MaxEventLength || bytes[start + 4] != (byte)' ')
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
    }
}
