using Greenhouse.Text;

namespace Greenhouse.Technician
{
    /// <summary>
    /// One console line split into words. Words are separated by spaces; a word may be put in double quotes to
    /// contain spaces (<c>wifi "Farm Net" secret</c>). The first word (the command) is compared case-insensitively.
    /// Also knows which part of a line is secret, so that echoes and logged lines can be masked.
    /// </summary>
    public sealed class CommandLine
    {
        /// <summary>Most words kept; more make <see cref="TooManyWords"/> true.</summary>
        public const int MaxWords = 8;

        /// <summary>Replaces secret parts of a command line.</summary>
        public const string Mask = "********";

        private readonly string _line;
        private readonly string[] _words = StringArray.New(MaxWords);
        private readonly int[] _starts = new int[MaxWords];
        private int _count;

        private CommandLine(string line)
        {
            _line = line == null ? "" : line;
        }

        /// <summary>Splits a line into words.</summary>
        public static CommandLine Parse(string line)
        {
            CommandLine parsed = new CommandLine(line);
            string text = parsed._line;
            int i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && IsSpace(text[i]))
                {
                    i++;
                }

                if (i >= text.Length)
                {
                    break;
                }

                int start = i;
                string word;
                if (text[i] == '"')
                {
                    int close = text.IndexOf('"', i + 1);
                    int end = close < 0 ? text.Length : close;
                    word = text.Substring(i + 1, end - i - 1);
                    i = close < 0 ? text.Length : close + 1;
                }
                else
                {
                    while (i < text.Length && !IsSpace(text[i]))
                    {
                        i++;
                    }

                    word = text.Substring(start, i - start);
                }

                if (parsed._count < MaxWords)
                {
                    parsed._words[parsed._count] = word;
                    parsed._starts[parsed._count] = start;
                }
                else
                {
                    parsed.TooManyWords = true;
                }

                parsed._count++;
            }

            if (parsed._count > MaxWords)
            {
                parsed._count = MaxWords;
            }

            return parsed;
        }

        /// <summary>Number of words (at most MaxWords).</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>True when the line had more than MaxWords words.</summary>
        public bool TooManyWords { get; private set; }

        /// <summary>The command word in lower case, or "" for an empty line.</summary>
        public string Command
        {
            get { return _count == 0 ? "" : _words[0].ToLower(); }
        }

        /// <summary>Word i (0 = command), or null.</summary>
        public string Word(int index)
        {
            return index < _count ? _words[index] : null;
        }

        /// <summary>
        /// Everything from word i to the end of the line, trimmed; if that is one quoted word, without its quotes.
        /// Used for values that may contain spaces (<c>set wifi.ssid Farm Net</c>).
        /// </summary>
        public string Rest(int index)
        {
            if (index >= _count)
            {
                return null;
            }

            string rest = _line.Substring(_starts[index]).Trim();
            if (rest.Length >= 2 && rest[0] == '"' && rest.IndexOf('"', 1) == rest.Length - 1)
            {
                return rest.Substring(1, rest.Length - 2);
            }

            return rest;
        }

        /// <summary>The line with its secret part replaced by <see cref="Mask"/> (for logs and echoes).</summary>
        public static string MaskSecrets(string line, string[] secretNames)
        {
            if (line == null)
            {
                return null;
            }

            char[] chars = line.ToCharArray();
            int[] scratch = new int[ScratchLength];
            int start = SecretStart(chars, chars.Length, secretNames, scratch);
            if (start < 0 || start >= line.Length)
            {
                return line;
            }

            return line.Substring(0, start) + Mask;
        }

        /// <summary>Length of the scratch array <see cref="SecretStart"/> needs.</summary>
        public const int ScratchLength = 10;

        /// <summary>
        /// Index in the buffer where the secret part of a (possibly partly typed) command line starts, or -1:
        /// the password of <c>wifi SSID PASSWORD</c>, the password of <c>mqtt HOST PORT USER PASSWORD</c>, and the
        /// value of <c>set KEY VALUE</c> when KEY is a secret setting (or ends in "password"). Allocation-free.
        /// </summary>
        public static int SecretStart(char[] buffer, int length, string[] secretNames, int[] scratch)
        {
            int words = WordBounds(buffer, length, scratch);
            if (words == 0)
            {
                return -1;
            }

            int secretWord;
            if (WordIs(buffer, scratch, 0, "wifi"))
            {
                secretWord = 2;
            }
            else if (WordIs(buffer, scratch, 0, "mqtt"))
            {
                secretWord = 4;
            }
            else if (WordIs(buffer, scratch, 0, "set") && words >= 2 && IsSecretKey(buffer, scratch[2], scratch[3], secretNames))
            {
                secretWord = 2;
            }
            else
            {
                return -1;
            }

            return words > secretWord ? scratch[secretWord * 2] : -1;
        }

        /// <summary>Fills scratch with start/end pairs of the first words; returns the number of words (at most 5).</summary>
        private static int WordBounds(char[] buffer, int length, int[] scratch)
        {
            int words = 0;
            int i = 0;
            while (i < length && words < ScratchLength / 2)
            {
                while (i < length && IsSpace(buffer[i]))
                {
                    i++;
                }

                if (i >= length)
                {
                    break;
                }

                int start = i;
                if (buffer[i] == '"')
                {
                    i++;
                    while (i < length && buffer[i] != '"')
                    {
                        i++;
                    }

                    if (i < length)
                    {
                        i++;
                    }
                }
                else
                {
                    while (i < length && !IsSpace(buffer[i]))
                    {
                        i++;
                    }
                }

                scratch[words * 2] = start;
                scratch[words * 2 + 1] = i;
                words++;
            }

            return words;
        }

        private static bool WordIs(char[] buffer, int[] scratch, int word, string expected)
        {
            int start = scratch[word * 2];
            int end = scratch[word * 2 + 1];
            if (end - start != expected.Length)
            {
                return false;
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (Lower(buffer[start + i]) != expected[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsSecretKey(char[] buffer, int start, int end, string[] secretNames)
        {
            const string suffix = "password";
            int length = end - start;
            if (length >= suffix.Length)
            {
                bool match = true;
                for (int i = 0; i < suffix.Length && match; i++)
                {
                    match = Lower(buffer[end - suffix.Length + i]) == suffix[i];
                }

                if (match)
                {
                    return true;
                }
            }

            if (secretNames == null)
            {
                return false;
            }

            for (int n = 0; n < secretNames.Length; n++)
            {
                string name = secretNames[n];
                if (name.Length != length)
                {
                    continue;
                }

                bool same = true;
                for (int i = 0; i < length && same; i++)
                {
                    same = Lower(buffer[start + i]) == name[i];
                }

                if (same)
                {
                    return true;
                }
            }

            return false;
        }

        private static char Lower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }

        private static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t';
        }
    }
}
