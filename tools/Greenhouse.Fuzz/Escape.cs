using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Greenhouse.Fuzz
{
    /// <summary>
    /// Escaping for the line-based corpus format: one token has no spaces or line breaks. Printable ASCII other than
    /// '\' stands for itself; <c>\xHH</c> is one byte (payloads) or one char below U+0100 (texts); <c>\uHHHH</c> is one
    /// UTF-16 unit (texts); <c>\*N;HH</c> is byte/char HH repeated N times; <c>\e</c> alone is the empty value and
    /// <c>\N</c> alone is null.
    /// </summary>
    public static class Escape
    {
        public static string Bytes(byte[] bytes)
        {
            if (bytes == null)
            {
                return "\\N";
            }

            if (bytes.Length == 0)
            {
                return "\\e";
            }

            StringBuilder text = new StringBuilder(bytes.Length + 8);
            for (int i = 0; i < bytes.Length;)
            {
                int run = 1;
                while (i + run < bytes.Length && bytes[i + run] == bytes[i])
                {
                    run++;
                }

                if (run >= 16)
                {
                    text.Append("\\*").Append(run.ToString(CultureInfo.InvariantCulture)).Append(';').Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
                    i += run;
                    continue;
                }

                byte b = bytes[i];
                if (b > 0x20 && b < 0x7f && b != (byte)'\\')
                {
                    text.Append((char)b);
                }
                else
                {
                    text.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }

                i++;
            }

            return text.ToString();
        }

        public static string Text(string value)
        {
            if (value == null)
            {
                return "\\N";
            }

            if (value.Length == 0)
            {
                return "\\e";
            }

            StringBuilder text = new StringBuilder(value.Length + 8);
            for (int i = 0; i < value.Length;)
            {
                int run = 1;
                while (i + run < value.Length && value[i + run] == value[i])
                {
                    run++;
                }

                char c = value[i];
                if (run >= 16 && c < 0x100)
                {
                    text.Append("\\*").Append(run.ToString(CultureInfo.InvariantCulture)).Append(';').Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    i += run;
                    continue;
                }

                if (c > 0x20 && c < 0x7f && c != '\\')
                {
                    text.Append(c);
                }
                else if (c < 0x100)
                {
                    text.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                }
                else
                {
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }

                i++;
            }

            return text.ToString();
        }

        public static byte[] ParseBytes(string token)
        {
            if (token == "\\N")
            {
                return null;
            }

            if (token == "\\e")
            {
                return new byte[0];
            }

            List<byte> bytes = new List<byte>(token.Length);
            for (int i = 0; i < token.Length; i++)
            {
                char c = token[i];
                if (c != '\\')
                {
                    bytes.Add((byte)c);
                    continue;
                }

                char kind = token[i + 1];
                if (kind == 'x')
                {
                    bytes.Add(byte.Parse(token.Substring(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 3;
                }
                else if (kind == '*')
                {
                    int semi = token.IndexOf(';', i);
                    int count = int.Parse(token.Substring(i + 2, semi - i - 2), CultureInfo.InvariantCulture);
                    byte b = byte.Parse(token.Substring(semi + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    for (int k = 0; k < count; k++)
                    {
                        bytes.Add(b);
                    }

                    i = semi + 2;
                }
                else
                {
                    throw new FormatException("bad escape \\" + kind + " in " + token);
                }
            }

            return bytes.ToArray();
        }

        public static string ParseText(string token)
        {
            if (token == "\\N")
            {
                return null;
            }

            if (token == "\\e")
            {
                return "";
            }

            StringBuilder text = new StringBuilder(token.Length);
            for (int i = 0; i < token.Length; i++)
            {
                char c = token[i];
                if (c != '\\')
                {
                    text.Append(c);
                    continue;
                }

                char kind = token[i + 1];
                if (kind == 'x')
                {
                    text.Append((char)int.Parse(token.Substring(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 3;
                }
                else if (kind == 'u')
                {
                    text.Append((char)int.Parse(token.Substring(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 5;
                }
                else if (kind == '*')
                {
                    int semi = token.IndexOf(';', i);
                    int count = int.Parse(token.Substring(i + 2, semi - i - 2), CultureInfo.InvariantCulture);
                    char repeated = (char)int.Parse(token.Substring(semi + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    text.Append(repeated, count);
                    i = semi + 2;
                }
                else
                {
                    throw new FormatException("bad escape \\" + kind + " in " + token);
                }
            }

            return text.ToString();
        }
    }
}
