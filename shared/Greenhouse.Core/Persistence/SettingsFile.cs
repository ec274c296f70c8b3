using Greenhouse.Ports;
using Greenhouse.Settings;
using Greenhouse.Text;

namespace Greenhouse.Persistence
{
    /// <summary>
    /// The settings text format shared by the device's flash, the console and the simulator's <c>--settings FILE</c>:
    /// <code>
    /// # comment lines start with '#'; blank lines are ignored
    /// version=1
    /// generation=12
    /// zone1.target_rh=91
    /// mqtt.host=192.168.1.10
    /// checksum=1a2b3c4d
    /// </code>
    /// Keys are the setting keys (<c>zoneN.name</c> for zone settings, dotted names for device settings); the value
    /// is everything after the first '='. Only values that differ from the defaults are written. The checksum line
    /// is last: FNV-1a 32-bit over every byte before it, 8 lower-case hex digits, followed by a line break. Files the
    /// device writes always carry it; a hand-written file for the simulator may leave it out (parse with
    /// requireChecksum false). Secrets are stored in clear: the file lives on the device's own flash.
    /// </summary>
    public static class SettingsFile
    {
        /// <summary>Format version written by this firmware.</summary>
        public const int CurrentVersion = 1;
        public const string VersionKey = "version";
        public const string GenerationKey = "generation";
        public const string ChecksumKey = "checksum";

        /// <summary>Writes every non-default setting (secrets in clear) with the header and checksum.</summary>
        public static string Format(ISettingsView settings, long generation)
        {
            return Body(settings, generation) + ChecksumLine(Body(settings, generation));
        }

        /// <summary>The part before the checksum line.</summary>
        public static string Body(ISettingsView settings, long generation)
        {
            return "# Greenhouse controller settings: key=value, one per line; '#' starts a comment.\n"
                + "# Settings not listed use their defaults. The checksum line must stay last (FNV-1a of all bytes above it).\n"
                + VersionKey + "=" + CurrentVersion.ToString() + "\n"
                + GenerationKey + "=" + Num.Format(generation) + "\n"
                + Values(settings);
        }

        /// <summary>Only the key=value lines of non-default settings (used to detect real changes).</summary>
        public static string Values(ISettingsView settings)
        {
            SettingDefinition[] defs = settings.Definitions;
            System.Text.StringBuilder text = new System.Text.StringBuilder(512);
            for (int d = 0; d < defs.Length; d++)
            {
                if (defs[d].PerZone)
                {
                    for (int zone = 1; zone <= ControllerSettings.MaxZones; zone++)
                    {
                        string value = settings.CanonicalText(d, zone);
                        if (value != defs[d].DefaultText)
                        {
                            text.Append("zone").Append(zone).Append('.').Append(defs[d].Name).Append('=').Append(value).Append('\n');
                        }
                    }
                }
                else
                {
                    string value = settings.CanonicalText(d, 0);
                    if (value != defs[d].DefaultText)
                    {
                        text.Append(defs[d].Name).Append('=').Append(value).Append('\n');
                    }
                }
            }

            return text.ToString();
        }

        /// <summary>The checksum line for a body.</summary>
        public static string ChecksumLine(string body)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(body);
            return ChecksumKey + "=" + Hex8(Fnv1a(bytes, 0, bytes.Length)) + "\n";
        }

        /// <summary>FNV-1a 32-bit: any single changed byte changes the result.</summary>
        /// <summary>
        /// Reads one stored copy and checks it (checksum required). exists tells a missing copy from a damaged one.
        /// Shared by the settings, the boot-time pin read and the engine's counters, which all keep two copies.
        /// </summary>
        public static bool TryReadCopy(ISettingsStore store, string name, out SettingsDocument doc, out bool exists, out string error)
        {
            doc = null;
            error = null;
            byte[] content = null;
            exists = store != null && store.TryRead(name, out content) && content != null;
            return exists && TryParse(content, true, out doc, out error);
        }

        /// <summary>The valid copy with the higher generation (a when equal), or null when neither is valid.</summary>
        public static SettingsDocument Newest(bool okA, SettingsDocument a, bool okB, SettingsDocument b)
        {
            return okA && (!okB || a.Generation >= b.Generation) ? a : okB ? b : null;
        }

        /// <summary>Byte-for-byte equality: the check that a write reached the flash as written.</summary>
        public static bool SameBytes(byte[] a, byte[] b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }

        public static uint Fnv1a(byte[] bytes, int start, int count)
        {
            uint hash = 2166136261u;
            for (int i = start; i < start + count; i++)
            {
                hash ^= bytes[i];
                hash *= 16777619u;
            }

            return hash;
        }

        public static string Hex8(uint value)
        {
            const string digits = "0123456789abcdef";
            char[] chars = new char[8];
            for (int i = 7; i >= 0; i--)
            {
                chars[i] = digits[(int)(value & 0xf)];
                value >>= 4;
            }

            return new string(chars);
        }

        /// <summary>
        /// Parses settings text. With requireChecksum, the content is valid only when it ends with a well-formed
        /// checksum line that matches every byte before it (a file cut short or changed anywhere fails). Never throws.
        /// </summary>
        public static bool TryParse(byte[] content, bool requireChecksum, out SettingsDocument document, out string error)
        {
            document = null;
            error = null;
            if (content == null || content.Length == 0)
            {
                error = "empty";
                return false;
            }

            int bodyLength = content.Length;
            bool checksumOk = false;
            int lineStart = FindChecksumLine(content);
            if (lineStart >= 0)
            {
                // "checksum=" + 8 hex digits + "\n", exactly, at the very end.
                int expectedEnd = lineStart + ChecksumKey.Length + 1 + 8 + 1;
                if (expectedEnd != content.Length || content[content.Length - 1] != (byte)'\n')
                {
                    error = "checksum line malformed or not last";
                    return false;
                }

                uint stored;
                if (!TryParseHex8(content, lineStart + ChecksumKey.Length + 1, out stored))
                {
                    error = "checksum line malformed";
                    return false;
                }

                if (stored != Fnv1a(content, 0, lineStart))
                {
                    error = "checksum mismatch";
                    return false;
                }

                checksumOk = true;
                bodyLength = lineStart;
            }
            else if (requireChecksum)
            {
                error = "checksum line missing (file cut short?)";
                return false;
            }

            string text;
            try
            {
                text = System.Text.Encoding.UTF8.GetString(content, 0, bodyLength);
            }
            catch (System.Exception)
            {
                error = "not valid UTF-8 text";
                return false;
            }

            if (text == null)
            {
                error = "not valid UTF-8 text";
                return false;
            }

            SettingsDocument doc = new SettingsDocument();
            doc.ChecksumValid = checksumOk;
            int line = 0;
            int start = 0;
            while (start < text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                line++;
                string raw = text.Substring(start, end - start);
                start = end + 1;
                if (raw.Length > 0 && raw[raw.Length - 1] == '\r')
                {
                    raw = raw.Substring(0, raw.Length - 1);
                }

                string trimmed = raw.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    continue;
                }

                int equals = raw.IndexOf('=');
                if (equals <= 0)
                {
                    Bad(doc, line);
                    continue;
                }

                string key = raw.Substring(0, equals).Trim();
                string value = raw.Substring(equals + 1);
                if (key == VersionKey)
                {
                    long version;
                    if (!Num.TryParseInt(value, out version) || version < 1 || version > 1000)
                    {
                        error = "bad version line";
                        return false;
                    }

                    doc.Version = (int)version;
                }
                else if (key == GenerationKey)
                {
                    long generation;
                    if (!Num.TryParseInt(value, out generation) || generation < 0)
                    {
                        error = "bad generation line";
                        return false;
                    }

                    doc.Generation = generation;
                }
                else if (key == ChecksumKey)
                {
                    // Only valid as the last line, handled above.
                    Bad(doc, line);
                }
                else
                {
                    doc.Add(key, value);
                }
            }

            if (doc.Version == 0)
            {
                if (requireChecksum)
                {
                    error = "version line missing";
                    return false;
                }

                doc.Version = CurrentVersion;
            }

            if (!Migrate(doc, out error))
            {
                return false;
            }

            document = doc;
            return true;
        }

        /// <summary>
        /// Migration hook: brings an older format up to <see cref="CurrentVersion"/> in place. Version 1 is the
        /// first format, so there is nothing to migrate yet; a future version 2 adds its step here (e.g. rename a key
        /// in doc.Keys) and bumps CurrentVersion. A file from newer firmware is applied key by key (unknown keys are
        /// refused individually by validation) rather than thrown away.
        /// </summary>
        public static bool Migrate(SettingsDocument doc, out string error)
        {
            error = null;
            if (doc.Version < 1)
            {
                error = "unsupported version " + doc.Version.ToString();
                return false;
            }

            return true;
        }

        private static void Bad(SettingsDocument doc, int line)
        {
            doc.BadLines++;
            if (doc.FirstBadLine == 0)
            {
                doc.FirstBadLine = line;
            }
        }

        private static int FindChecksumLine(byte[] content)
        {
            string key = ChecksumKey + "=";
            for (int start = content.Length - 1; start >= 0; start--)
            {
                if (start != 0 && content[start - 1] != (byte)'\n')
                {
                    continue;
                }

                if (start + key.Length > content.Length)
                {
                    continue;
                }

                bool match = true;
                for (int k = 0; k < key.Length; k++)
                {
                    if (content[start + k] != (byte)key[k])
                    {
                        match = false;
                        break;
                    }
                }

                if (match)
                {
                    return start;
                }
            }

            return -1;
        }

        private static bool TryParseHex8(byte[] content, int at, out uint value)
        {
            value = 0;
            for (int i = 0; i < 8; i++)
            {
                byte b = content[at + i];
                uint digit;
                if (b >= (byte)'0' && b <= (byte)'9')
                {
                    digit = (uint)(b - '0');
                }
                else if (b >= (byte)'a' && b <= (byte)'f')
                {
                    digit = (uint)(b - 'a' + 10);
                }
                else
                {
                    return false;
                }

                value = (value << 4) | digit;
            }

            return true;
        }
    }
}
