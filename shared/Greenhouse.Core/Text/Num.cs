using System;

namespace Greenhouse.Text
{
    /// <summary>
    /// Culture-free number formatting and strict parsing, identical on the device and the host.
    /// Hand-written because nanoFramework has no IFormatProvider overloads and the host's ToString and Parse
    /// follow the current culture (a comma decimal separator would break MQTT payloads and settings files).
    /// </summary>
    public static class Num
    {
        private static readonly long[] PowersOfTen = { 1, 10, 100, 1000, 10000, 100000, 1000000 };

        /// <summary>Formats with a fixed number of decimals (0..6), dot separator, rounding half away from zero.
        /// NaN and infinities give "null" (JSON has no NaN).</summary>
        public static string Format(double value, int decimals)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return "null";
            }

            if (decimals < 0)
            {
                decimals = 0;
            }
            else if (decimals > 6)
            {
                decimals = 6;
            }

            bool negative = value < 0;
            double magnitude = negative ? -value : value;
            long scale = PowersOfTen[decimals];
            double scaled = magnitude * scale + 0.5;
            if (scaled >= 9.0e18)
            {
                return negative ? "-9e18" : "9e18";
            }

            long units = (long)scaled;
            long whole = units / scale;
            long fraction = units % scale;
            string text = whole.ToString();
            if (decimals > 0)
            {
                string fractionText = fraction.ToString();
                while (fractionText.Length < decimals)
                {
                    fractionText = "0" + fractionText;
                }

                text = text + "." + fractionText;
            }

            if (negative && units != 0)
            {
                text = "-" + text;
            }

            return text;
        }

        /// <summary>Formats with at most the given decimals and drops trailing zeros ("91", "2.5").</summary>
        public static string FormatShort(double value, int decimals)
        {
            string text = Format(value, decimals);
            if (text.IndexOf('.') < 0 || text == "null")
            {
                return text;
            }

            int end = text.Length;
            while (end > 0 && text[end - 1] == '0')
            {
                end--;
            }

            if (end > 0 && text[end - 1] == '.')
            {
                end--;
            }

            string trimmed = text.Substring(0, end);
            return trimmed == "-0" ? "0" : trimmed;
        }

        /// <summary>Formats an integer without grouping.</summary>
        public static string Format(long value)
        {
            return value.ToString();
        }

        /// <summary>
        /// Parses a plain decimal number: optional sign, digits, optional dot and digits. No exponent,
        /// no grouping, no spaces inside, at most 15 significant digits. Leading and trailing spaces are allowed.
        /// </summary>
        public static bool TryParse(string text, out double value)
        {
            value = 0;
            if (text == null)
            {
                return false;
            }

            string s = text.Trim();
            int length = s.Length;
            if (length == 0 || length > 24)
            {
                return false;
            }

            int i = 0;
            bool negative = false;
            if (s[0] == '-' || s[0] == '+')
            {
                negative = s[0] == '-';
                i = 1;
            }

            long mantissa = 0;
            int digits = 0;
            int fractionDigits = 0;
            bool seenDot = false;
            bool seenDigit = false;
            for (; i < length; i++)
            {
                char c = s[i];
                if (c >= '0' && c <= '9')
                {
                    seenDigit = true;
                    if (mantissa == 0 && c == '0' && !seenDot)
                    {
                        continue;
                    }

                    digits++;
                    if (digits > 15)
                    {
                        return false;
                    }

                    mantissa = mantissa * 10 + (c - '0');
                    if (seenDot)
                    {
                        fractionDigits++;
                    }
                }
                else if (c == '.' && !seenDot)
                {
                    seenDot = true;
                }
                else
                {
                    return false;
                }
            }

            if (!seenDigit)
            {
                return false;
            }

            double result = mantissa;
            for (int k = 0; k < fractionDigits; k++)
            {
                result /= 10.0;
            }

            value = negative ? -result : result;
            return true;
        }

        /// <summary>Parses a plain integer (optional sign, digits only, at most 18 digits).</summary>
        public static bool TryParseInt(string text, out long value)
        {
            value = 0;
            if (text == null)
            {
                return false;
            }

            string s = text.Trim();
            if (s.Length == 0 || s.Length > 19)
            {
                return false;
            }

            int i = 0;
            bool negative = false;
            if (s[0] == '-' || s[0] == '+')
            {
                negative = s[0] == '-';
                i = 1;
                if (s.Length == 1)
                {
                    return false;
                }
            }

            long result = 0;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                result = result * 10 + (c - '0');
            }

            value = negative ? -result : result;
            return true;
        }
    }
}
