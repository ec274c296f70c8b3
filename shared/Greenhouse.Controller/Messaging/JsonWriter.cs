using Greenhouse.Text;

namespace Greenhouse.Messaging
{
    /// <summary>
    /// A minimal forward-only JSON writer into a reusable char buffer. Hand-written on purpose:
    /// nanoFramework.Json serialises through reflection and allocates an object graph per document, which a
    /// ~100 KB ESP32 heap cannot afford every telemetry period, and mscorlib 1.x has no StringBuilder.
    /// Commas are inserted automatically; strings are escaped (quote, backslash, control characters as \uXXXX);
    /// numbers use <see cref="Num"/> (dot decimals) and NaN/infinity become null.
    /// </summary>
    public sealed class JsonWriter
    {
        private const int MaxDepth = 16;
        private const string Hex = "0123456789abcdef";
        private char[] _buffer;
        private int _length;
        private readonly bool[] _needComma = new bool[MaxDepth];
        private int _depth;
        private bool _afterName;

        public JsonWriter(int capacity)
        {
            _buffer = new char[capacity < 16 ? 16 : capacity];
        }

        /// <summary>Characters written so far.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>Empties the writer, keeping its buffer.</summary>
        public void Clear()
        {
            _length = 0;
            _depth = 0;
            _afterName = false;
            _needComma[0] = false;
        }

        public JsonWriter BeginObject()
        {
            ValueStart();
            Append('{');
            Push();
            return this;
        }

        public JsonWriter EndObject()
        {
            Pop();
            Append('}');
            return this;
        }

        public JsonWriter BeginArray()
        {
            ValueStart();
            Append('[');
            Push();
            return this;
        }

        public JsonWriter EndArray()
        {
            Pop();
            Append(']');
            return this;
        }

        /// <summary>Writes a member name; the next call writes its value.</summary>
        public JsonWriter Name(string name)
        {
            if (_needComma[_depth])
            {
                Append(',');
            }

            _needComma[_depth] = true;
            AppendQuoted(name);
            Append(':');
            _afterName = true;
            return this;
        }

        public JsonWriter String(string value)
        {
            ValueStart();
            if (value == null)
            {
                AppendRaw("null");
            }
            else
            {
                AppendQuoted(value);
            }

            return this;
        }

        /// <summary>A number with at most the given decimals (trailing zeros dropped); NaN/infinity give null.</summary>
        public JsonWriter Number(double value, int decimals)
        {
            ValueStart();
            AppendRaw(Num.FormatShort(value, decimals));
            return this;
        }

        public JsonWriter Integer(long value)
        {
            ValueStart();
            AppendRaw(Num.Format(value));
            return this;
        }

        public JsonWriter Bool(bool value)
        {
            ValueStart();
            AppendRaw(value ? "true" : "false");
            return this;
        }

        public JsonWriter Null()
        {
            ValueStart();
            AppendRaw("null");
            return this;
        }

        /// <summary>Name + string value.</summary>
        public JsonWriter Member(string name, string value)
        {
            return Name(name).String(value);
        }

        /// <summary>Name + number value.</summary>
        public JsonWriter Member(string name, double value, int decimals)
        {
            return Name(name).Number(value, decimals);
        }

        /// <summary>Name + integer value.</summary>
        public JsonWriter MemberInt(string name, long value)
        {
            return Name(name).Integer(value);
        }

        /// <summary>Name + boolean value.</summary>
        public JsonWriter MemberBool(string name, bool value)
        {
            return Name(name).Bool(value);
        }

        public override string ToString()
        {
            return new string(_buffer, 0, _length);
        }

        /// <summary>
        /// The document as UTF-8 bytes, encoded straight from the buffer: the same bytes as Encoding.UTF8 gives for
        /// <see cref="ToString"/>, without that string. Hand-written because nanoFramework's Encoding encodes only
        /// from a string, which costs two bytes per character of garbage first (2.5 KB for a zone's Chinese discovery
        /// document, sent four at a time in the connect burst). The buffer never holds a surrogate (strings escape
        /// them), so every character is one, two or three bytes.
        /// </summary>
        public byte[] ToUtf8()
        {
            int count = 0;
            for (int i = 0; i < _length; i++)
            {
                char c = _buffer[i];
                count += c < (char)0x80 ? 1 : (c < (char)0x800 ? 2 : 3);
            }

            byte[] bytes = new byte[count];
            int at = 0;
            for (int i = 0; i < _length; i++)
            {
                int c = _buffer[i];
                if (c < 0x80)
                {
                    bytes[at++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    bytes[at++] = (byte)(0xC0 | (c >> 6));
                    bytes[at++] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    bytes[at++] = (byte)(0xE0 | (c >> 12));
                    bytes[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    bytes[at++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            return bytes;
        }

        /// <summary>Escapes one string as a complete JSON string literal (with quotes).</summary>
        public static string Quote(string value)
        {
            JsonWriter writer = new JsonWriter(value == null ? 8 : value.Length + 8);
            writer.String(value);
            return writer.ToString();
        }

        private void ValueStart()
        {
            if (_afterName)
            {
                _afterName = false;
                return;
            }

            if (_needComma[_depth])
            {
                Append(',');
            }

            _needComma[_depth] = true;
        }

        private void Push()
        {
            if (_depth < MaxDepth - 1)
            {
                _depth++;
            }

            _needComma[_depth] = false;
        }

        private void Pop()
        {
            if (_depth > 0)
            {
                _depth--;
            }

            _afterName = false;
        }

        /// <summary>True when the surrogate at index is half of a well-formed pair.</summary>
        private static bool PairedSurrogate(string value, int index)
        {
            char c = value[index];
            if (c <= (char)0xDBFF)
            {
                return index + 1 < value.Length && value[index + 1] >= (char)0xDC00 && value[index + 1] <= (char)0xDFFF;
            }

            return index > 0 && value[index - 1] >= (char)0xD800 && value[index - 1] <= (char)0xDBFF;
        }

        private void AppendQuoted(string value)
        {
            Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"' || c == '\\')
                {
                    Append('\\');
                    Append(c);
                }
                else if (c == '\n')
                {
                    Append('\\');
                    Append('n');
                }
                else if (c == '\r')
                {
                    Append('\\');
                    Append('r');
                }
                else if (c == '\t')
                {
                    Append('\\');
                    Append('t');
                }
                else if (c >= (char)0xD800 && c <= (char)0xDFFF && !PairedSurrogate(value, i))
                {
                    // A lone surrogate is not a character: JSON readers refuse it even escaped. Write U+FFFD instead.
                    Append('\\');
                    Append('u');
                    Append('f');
                    Append('f');
                    Append('f');
                    Append('d');
                }
                else if (c < ' ' || c == (char)0x7f || (c >= (char)0xD800 && c <= (char)0xDFFF))
                {
                    // Control characters, and surrogate pairs (kept ASCII-only on the wire), as \uXXXX.
                    Append('\\');
                    Append('u');
                    Append(Hex[(c >> 12) & 0xf]);
                    Append(Hex[(c >> 8) & 0xf]);
                    Append(Hex[(c >> 4) & 0xf]);
                    Append(Hex[c & 0xf]);
                }
                else
                {
                    Append(c);
                }
            }

            Append('"');
        }

        private void AppendRaw(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Append(text[i]);
            }
        }

        private void Append(char c)
        {
            if (_length == _buffer.Length)
            {
                char[] grown = new char[_buffer.Length * 2];
                for (int i = 0; i < _length; i++)
                {
                    grown[i] = _buffer[i];
                }

                _buffer = grown;
            }

            _buffer[_length++] = c;
        }
    }
}
