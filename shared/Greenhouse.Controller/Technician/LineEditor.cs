namespace Greenhouse.Technician
{
    /// <summary>
    /// Turns the bytes a terminal sends into command lines. Runs on the UART reader's thread (one editor per
    /// port, not shared). CR or LF ends a line (CR LF counts once), backspace and DEL erase the last character,
    /// Ctrl-C drops the line, Ctrl-U erases it, Tab counts as a space, ANSI escape sequences (arrow keys) and
    /// other non-printable or non-ASCII bytes are ignored. Input is bounded: a line longer than the limit is
    /// discarded with an error on the echo. Typed characters are echoed, except that the secret part of a
    /// line (see <see cref="CommandLine.SecretStart"/>) is echoed as '*'. Allocates only the finished line.
    /// </summary>
    public sealed class LineEditor
    {
        public const int DefaultMaxLength = 200;

        /// <summary>Error written to the echo when a line is too long.</summary>
        public const string TooLongMessage = "line too long (max 200 characters) - discarded";

        private static readonly byte[] NewLine = { (byte)'\r', (byte)'\n' };
        private static readonly byte[] Erase = { 8, (byte)' ', 8 };
        private static readonly byte[] CancelEcho = { (byte)'^', (byte)'C', (byte)'\r', (byte)'\n' };

        private readonly int _maxLength;
        private readonly IEchoSink _echo;
        private readonly string[] _secretNames;
        private readonly char[] _buffer;
        private readonly int[] _scratch = new int[CommandLine.ScratchLength];
        private readonly byte[] _one = new byte[1];
        private readonly int[] _reprintScratch = new int[CommandLine.ScratchLength];
        private readonly byte[] _reprint;
        private readonly byte[] _tooLong;
        private int _length;
        private bool _discarding;
        private bool _lastWasCr;
        private int _escape;

        /// <param name="maxLength">Longest line accepted.</param>
        /// <param name="echo">Where echoes go, or null for no echo (the simulator's terminal echoes itself).</param>
        /// <param name="secretNames">Names of secret settings (SecretFilter.SecretNames); null = only keys ending in "password".</param>
        public LineEditor(int maxLength, IEchoSink echo, string[] secretNames)
        {
            _maxLength = maxLength;
            _echo = echo;
            _secretNames = secretNames;
            _buffer = new char[maxLength];
            _reprint = new byte[maxLength];
            string message = "\r\n" + (maxLength == DefaultMaxLength ? TooLongMessage : "line too long (max " + maxLength.ToString() + " characters) - discarded") + "\r\n";
            _tooLong = new byte[message.Length];
            for (int i = 0; i < message.Length; i++)
            {
                _tooLong[i] = (byte)message[i];
            }
        }

        /// <summary>Characters in the line being typed.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Lines discarded for being too long (since start).</summary>
        public int Overflows { get; private set; }

        /// <summary>Feeds one byte from the UART. Returns the finished line when this byte ended a non-empty one, else null.</summary>
        public string Feed(byte value)
        {
            return Feed((char)value);
        }

        /// <summary>Feeds one character. Returns the finished line when this character ended a non-empty one, else null.</summary>
        public string Feed(char c)
        {
            bool wasCr = _lastWasCr;
            _lastWasCr = false;

            if (_escape != 0)
            {
                if (_escape == 1)
                {
                    // ESC [ and ESC O start a sequence; any other character ends the escape.
                    _escape = c == '[' || c == 'O' ? 2 : 0;
                    return null;
                }

                if (c >= '@' && c <= '~')
                {
                    _escape = 0;
                }

                return null;
            }

            switch (c)
            {
                case '\r':
                    _lastWasCr = true;
                    return EndLine();
                case '\n':
                    return wasCr ? null : EndLine();
                case (char)8:
                case (char)127:
                    if (!_discarding && _length > 0)
                    {
                        _length--;
                        Write(Erase, Erase.Length);
                    }

                    return null;
                case (char)3:
                    _length = 0;
                    _discarding = false;
                    Write(CancelEcho, CancelEcho.Length);
                    return null;
                case (char)21:
                    while (_length > 0)
                    {
                        _length--;
                        Write(Erase, Erase.Length);
                    }

                    return null;
                case (char)27:
                    _escape = 1;
                    return null;
                case '\t':
                    c = ' ';
                    break;
            }

            if (c < ' ' || c > '~' || _discarding)
            {
                return null;
            }

            if (_length >= _maxLength)
            {
                _discarding = true;
                _length = 0;
                Overflows++;
                Write(_tooLong, _tooLong.Length);
                return null;
            }

            _buffer[_length] = c;
            _length++;
            if (_echo != null)
            {
                int secret = CommandLine.SecretStart(_buffer, _length, _secretNames, _scratch);
                _one[0] = secret >= 0 && _length - 1 >= secret ? (byte)'*' : (byte)c;
                _echo.Echo(_one, 0, 1);
            }

            return null;
        }

        /// <summary>
        /// Echoes the line being typed again (secrets masked), for the UART adapter after it wrote a log line over it.
        /// May be called from another thread than Feed: it uses its own scratch, and a race only garbles the display.
        /// </summary>
        public void Reprint()
        {
            int length = _length;
            if (_echo == null || length == 0 || _discarding)
            {
                return;
            }

            int secret = CommandLine.SecretStart(_buffer, length, _secretNames, _reprintScratch);
            for (int i = 0; i < length; i++)
            {
                _reprint[i] = secret >= 0 && i >= secret ? (byte)'*' : (byte)_buffer[i];
            }

            _echo.Echo(_reprint, 0, length);
        }

        private string EndLine()
        {
            Write(NewLine, NewLine.Length);
            if (_discarding)
            {
                _discarding = false;
                _length = 0;
                return null;
            }

            if (_length == 0)
            {
                return null;
            }

            string line = new string(_buffer, 0, _length);
            _length = 0;
            return line;
        }

        private void Write(byte[] bytes, int count)
        {
            if (_echo != null)
            {
                _echo.Echo(bytes, 0, count);
            }
        }
    }
}
