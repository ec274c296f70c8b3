// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.Text 1.3.42
// Upstream: nanoframework/System.Text@a231e6e090940b21dc8a1593ffc09179f08ff1b0 nanoFramework.System.Text/Text/StringBuilder.cs
// Complete public surface. There is no AppendFormat, no Insert(int, string) without count, no Append(decimal).
namespace System.Text
{
    public sealed class StringBuilder
    {
        public StringBuilder(string value, int startIndex, int length, int capacity) { throw null; }
        public StringBuilder(string value, int capacity) { throw null; }
        public StringBuilder(int capacity, int maxCapacity) { throw null; }
        public StringBuilder(int capacity) { throw null; }
        public StringBuilder(string value) { throw null; }
        public StringBuilder() { throw null; }

        public int MaxCapacity { get { throw null; } }
        public char this[int index] { get { throw null; } set { throw null; } }
        public int Capacity { get { throw null; } set { throw null; } }
        public int Length { get { throw null; } set { throw null; } }

        public StringBuilder Append(bool value) { throw null; }
        public StringBuilder Append(byte value) { throw null; }
        public StringBuilder Append(char value) { throw null; }
        public StringBuilder Append(double value) { throw null; }
        public StringBuilder Append(short value) { throw null; }
        public StringBuilder Append(char[] value) { throw null; }
        public StringBuilder Append(int value) { throw null; }
        public StringBuilder Append(long value) { throw null; }
        public StringBuilder Append(object value) { throw null; }
        public StringBuilder Append(string value) { throw null; }
        public StringBuilder Append(sbyte value) { throw null; }
        public StringBuilder Append(float value) { throw null; }
        public StringBuilder Append(ushort value) { throw null; }
        public StringBuilder Append(uint value) { throw null; }
        public StringBuilder Append(ulong value) { throw null; }
        public StringBuilder Append(string value, int startIndex, int count) { throw null; }
        public StringBuilder Append(char[] value, int startIndex, int charCount) { throw null; }
        public StringBuilder Append(char value, int repeatCount) { throw null; }
        public StringBuilder Remove(int startIndex, int length) { throw null; }
        public StringBuilder Insert(int index, string value, int count) { throw null; }
        public StringBuilder Insert(int index, char[] value, int startIndex, int charCount) { throw null; }
        public StringBuilder Replace(char oldChar, char newChar, int startIndex, int count) { throw null; }
        public StringBuilder Replace(char oldChar, char newChar) { throw null; }
        public StringBuilder Replace(string oldValue, string newValue, int startIndex, int count) { throw null; }
        public StringBuilder Replace(string oldValue, string newValue) { throw null; }
        public StringBuilder Clear() { throw null; }
        public override string ToString() { throw null; }
        public string ToString(int startIndex, int length) { throw null; }
        public StringBuilder AppendLine(string str) { throw null; }
        public StringBuilder AppendLine() { throw null; }
    }
}
