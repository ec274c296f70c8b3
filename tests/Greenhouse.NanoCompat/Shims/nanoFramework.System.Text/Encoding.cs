// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.Text 1.3.42
// Upstream: nanoframework/System.Text@a231e6e090940b21dc8a1593ffc09179f08ff1b0 nanoFramework.System.Text/Text/Encoding.cs
// Upstream: nanoframework/System.Text@a231e6e090940b21dc8a1593ffc09179f08ff1b0 nanoFramework.System.Text/Text/UTF8Encoding.cs
// Upstream: nanoframework/System.Text@a231e6e090940b21dc8a1593ffc09179f08ff1b0 nanoFramework.System.Text/Text/Decoder.cs
// The only GetString is (byte[], int, int). There is no GetByteCount/GetCharCount, no Encoding.ASCII/Unicode.
namespace System.Text
{
    public abstract class Encoding
    {
        public virtual byte[] GetBytes(string s) { throw null; }
        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) { throw null; }
        public virtual char[] GetChars(byte[] bytes) { throw null; }
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) { throw null; }
        public virtual string GetString(byte[] bytes, int index, int count) { throw null; }
        public abstract Decoder GetDecoder();
        public static Encoding UTF8 { get { throw null; } }
    }

    public class UTF8Encoding : Encoding
    {
        public UTF8Encoding() { throw null; }
        public override byte[] GetBytes(string s) { throw null; }
        public override int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) { throw null; }
        public override char[] GetChars(byte[] bytes) { throw null; }
        public override char[] GetChars(byte[] bytes, int byteIndex, int byteCount) { throw null; }
        public override Decoder GetDecoder() { throw null; }
    }

    public abstract class Decoder
    {
        public abstract void Convert(byte[] bytes, int byteIndex, int byteCount,
            char[] chars, int charIndex, int charCount, bool flush,
            out int bytesUsed, out int charsUsed, out bool completed);
    }
}
