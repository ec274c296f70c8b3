// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.IO.Streams 1.1.96
// Upstream: nanoframework/System.IO.Streams@e6d0ae8b640fa2b1b701f671801c662d16d9cd00 System.IO.Streams/Stream.cs
// Upstream: nanoframework/System.IO.Streams@e6d0ae8b640fa2b1b701f671801c662d16d9cd00 System.IO.Streams/SeekOrigin.cs
// Upstream: nanoframework/System.IO.Streams@e6d0ae8b640fa2b1b701f671801c662d16d9cd00 System.IO.Streams/MemoryStream.cs
// Upstream: nanoframework/System.IO.Streams@e6d0ae8b640fa2b1b701f671801c662d16d9cd00 System.IO.Streams/TextReader.cs
// Upstream: nanoframework/System.IO.Streams@e6d0ae8b640fa2b1b701f671801c662d16d9cd00 System.IO.Streams/TextWriter.cs
// Upstream: nanoframework/System.IO.Streams@e6d0ae8b640fa2b1b701f671801c662d16d9cd00 System.IO.Streams/StreamReader.cs
// Upstream: nanoframework/System.IO.Streams@e6d0ae8b640fa2b1b701f671801c662d16d9cd00 System.IO.Streams/StreamWriter.cs
// mscorlib 1.17.11 has no Stream at all; every stream type comes from this package. Abstract members are
// declared complete so that derived classes compile against the real shape. Read(SpanByte) is abstract.
namespace System.IO
{
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }
        public abstract bool CanSeek { get; }
        public virtual bool CanTimeout { get { throw null; } }
        public abstract bool CanWrite { get; }
        public abstract long Length { get; }
        public abstract long Position { get; set; }
        public virtual int ReadTimeout { get { throw null; } set { throw null; } }
        public virtual int WriteTimeout { get { throw null; } set { throw null; } }
        public virtual void Close() { throw null; }
        public void CopyTo(Stream destination) { throw null; }
        public void Dispose() { throw null; }
        protected virtual void Dispose(bool disposing) { throw null; }
        public abstract void Flush();
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract int Read(SpanByte buffer);
        public abstract int Read(byte[] buffer, int offset, int count);
        public virtual int ReadByte() { throw null; }
        public abstract void Write(byte[] buffer, int offset, int count);
        public virtual void WriteByte(byte value) { throw null; }
    }

    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }

    public class MemoryStream : Stream
    {
        public MemoryStream() { throw null; }
        public MemoryStream(byte[] buffer) { throw null; }
        public MemoryStream(byte[] buffer, bool isWritable) { throw null; }
        public override bool CanRead { get { throw null; } }
        public override bool CanSeek { get { throw null; } }
        public override bool CanWrite { get { throw null; } }
        protected override void Dispose(bool disposing) { throw null; }
        public override void Flush() { throw null; }
        public virtual byte[] GetBuffer() { throw null; }
        public override long Length { get { throw null; } }
        public override long Position { get { throw null; } set { throw null; } }
        public override int Read(SpanByte buffer) { throw null; }
        public override int Read(byte[] buffer, int offset, int count) { throw null; }
        public override int ReadByte() { throw null; }
        public override long Seek(long offset, SeekOrigin origin) { throw null; }
        public override void SetLength(long value) { throw null; }
        public virtual byte[] ToArray() { throw null; }
        public override void Write(byte[] buffer, int offset, int count) { throw null; }
        public override void WriteByte(byte value) { throw null; }
        public virtual void WriteTo(Stream stream) { throw null; }
    }

    public abstract class TextReader : MarshalByRefObject, IDisposable
    {
        protected TextReader() { throw null; }
        public virtual void Close() { throw null; }
        public void Dispose() { throw null; }
        protected virtual void Dispose(bool disposing) { throw null; }
        public virtual int Peek() { throw null; }
        public virtual int Read() { throw null; }
        public virtual int Read(char[] buffer, int index, int count) { throw null; }
        public virtual int ReadBlock(char[] buffer, int index, int count) { throw null; }
        public virtual string ReadLine() { throw null; }
        public virtual string ReadToEnd() { throw null; }
    }

    public abstract class TextWriter : MarshalByRefObject, IDisposable
    {
        protected char[] CoreNewLine;
        public abstract System.Text.Encoding Encoding { get; }
        public virtual string NewLine { get { throw null; } set { throw null; } }
        public virtual void Close() { throw null; }
        protected virtual void Dispose(bool disposing) { throw null; }
        public void Dispose() { throw null; }
        public virtual void Flush() { throw null; }
        public virtual void Write(char value) { throw null; }
        public virtual void Write(char[] buffer) { throw null; }
        public virtual void Write(char[] buffer, int index, int count) { throw null; }
        public virtual void Write(bool value) { throw null; }
        public virtual void Write(int value) { throw null; }
        public virtual void Write(uint value) { throw null; }
        public virtual void Write(long value) { throw null; }
        public virtual void Write(ulong value) { throw null; }
        public virtual void Write(float value) { throw null; }
        public virtual void Write(double value) { throw null; }
        public virtual void Write(string value) { throw null; }
        public virtual void Write(object value) { throw null; }
        public virtual void WriteLine() { throw null; }
        public virtual void WriteLine(char value) { throw null; }
        public virtual void WriteLine(char[] buffer) { throw null; }
        public virtual void WriteLine(char[] buffer, int index, int count) { throw null; }
        public virtual void WriteLine(bool value) { throw null; }
        public virtual void WriteLine(int value) { throw null; }
        public virtual void WriteLine(uint value) { throw null; }
        public virtual void WriteLine(long value) { throw null; }
        public virtual void WriteLine(ulong value) { throw null; }
        public virtual void WriteLine(float value) { throw null; }
        public virtual void WriteLine(double value) { throw null; }
        public virtual void WriteLine(string value) { throw null; }
        public virtual void WriteLine(object value) { throw null; }
    }

    public class StreamReader : TextReader
    {
        public StreamReader(Stream stream, bool leaveOpen = false) { throw null; }
        public virtual Stream BaseStream { get { throw null; } }
        public virtual System.Text.Encoding CurrentEncoding { get { throw null; } }
        public bool EndOfStream { get { throw null; } }
        public override void Close() { throw null; }
        protected override void Dispose(bool disposing) { throw null; }
        public override int Peek() { throw null; }
        public override int Read() { throw null; }
        public override int Read(char[] buffer, int index, int count) { throw null; }
        public override string ReadLine() { throw null; }
        public override string ReadToEnd() { throw null; }
    }

    public class StreamWriter : TextWriter
    {
        public StreamWriter(Stream stream, bool leaveOpen = false) { throw null; }
        public virtual Stream BaseStream { get { throw null; } }
        public override System.Text.Encoding Encoding { get { throw null; } }
        public override string NewLine { get { throw null; } set { throw null; } }
        public override void Close() { throw null; }
        protected override void Dispose(bool disposing) { throw null; }
        public override void Flush() { throw null; }
        public override void Write(char value) { throw null; }
        public override void Write(string value) { throw null; }
        public override void WriteLine() { throw null; }
        public override void WriteLine(string value) { throw null; }
    }
}
