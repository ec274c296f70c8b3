// Compile-only shim, not deployed. Declares only members that exist upstream.
// Package: nanoFramework.System.IO.FileSystem 1.1.93
// Upstream: nanoframework/System.IO.FileSystem@434b26c6db29708367e4df3f4ea82095ef843372 System.IO.FileSystem/File.cs
// Upstream: nanoframework/System.IO.FileSystem@434b26c6db29708367e4df3f4ea82095ef843372 System.IO.FileSystem/FileStream.cs
// Upstream: nanoframework/System.IO.FileSystem@434b26c6db29708367e4df3f4ea82095ef843372 System.IO.FileSystem/Directory.cs
// Upstream: nanoframework/System.IO.FileSystem@434b26c6db29708367e4df3f4ea82095ef843372 System.IO.FileSystem/FileMode.cs
// Upstream: nanoframework/System.IO.FileSystem@434b26c6db29708367e4df3f4ea82095ef843372 System.IO.FileSystem/FileAccess.cs
// Upstream: nanoframework/System.IO.FileSystem@434b26c6db29708367e4df3f4ea82095ef843372 System.IO.FileSystem/FileShare.cs
// Upstream: nanoframework/System.IO.FileSystem@434b26c6db29708367e4df3f4ea82095ef843372 System.IO.FileSystem/FileAttributes.cs
// Upstream: nanoframework/System.IO.FileSystem@434b26c6db29708367e4df3f4ea82095ef843372 System.IO.FileSystem/FileSystemInfo.cs
// Upstream: nanoframework/System.IO.FileSystem@434b26c6db29708367e4df3f4ea82095ef843372 System.IO.FileSystem/DirectoryInfo.cs
// Upstream: nanoframework/System.IO.FileSystem@434b26c6db29708367e4df3f4ea82095ef843372 System.IO.FileSystem/FileInfo.cs
// Upstream: nanoframework/System.IO.FileSystem@434b26c6db29708367e4df3f4ea82095ef843372 System.IO.FileSystem/Path.cs
// FileMode/FileAccess/FileShare/FileAttributes live in THIS package (namespace System.IO), not in mscorlib or
// System.IO.Streams. File has no ReadAllLines/WriteAllLines/AppendAllLines and no Encoding overloads.
// Not declared (subset): DriveInfo, SDCard, StorageEventManager and the other nanoFramework.System.IO types.
namespace System.IO
{
    public static class File
    {
        public static StreamWriter AppendText(string path) { throw null; }
        public static void AppendAllText(string path, string contents) { throw null; }
        public static void Copy(string sourceFileName, string destFileName) { throw null; }
        public static void Copy(string sourceFileName, string destFileName, bool overwrite) { throw null; }
        public static FileStream Create(string path) { throw null; }
        public static FileStream Create(string path, int bufferSize) { throw null; }
        public static void Delete(string path) { throw null; }
        public static bool Exists(string path) { throw null; }
        public static FileAttributes GetAttributes(string path) { throw null; }
        public static void Move(string sourceFileName, string destFileName) { throw null; }
        public static FileStream Open(string path, FileMode mode) { throw null; }
        public static FileStream Open(string path, FileMode mode, FileAccess access) { throw null; }
        public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share) { throw null; }
        public static FileStream OpenRead(string path) { throw null; }
        public static StreamReader OpenText(string path) { throw null; }
        public static FileStream OpenWrite(string path) { throw null; }
        public static byte[] ReadAllBytes(string path) { throw null; }
        public static string ReadAllText(string path) { throw null; }
        public static void SetAttributes(string path, FileAttributes fileAttributes) { throw null; }
        public static void WriteAllBytes(string path, byte[] bytes) { throw null; }
        public static void WriteAllText(string path, string contents) { throw null; }
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) { throw null; }
        public FileStream(string path, FileMode mode, FileAccess access) { throw null; }
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share) { throw null; }
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize) { throw null; }
        public override bool CanRead { get { throw null; } }
        public override bool CanSeek { get { throw null; } }
        public override bool CanWrite { get { throw null; } }
        public override long Length { get { throw null; } }
        public override long Position { get { throw null; } set { throw null; } }
        public string Name { get { throw null; } }
        public override void Close() { throw null; }
        protected override void Dispose(bool disposing) { throw null; }
        public override void Flush() { throw null; }
        public override int Read(byte[] buffer, int offset, int count) { throw null; }
        public override int Read(SpanByte buffer) { throw null; }
        public override int ReadByte() { throw null; }
        public override long Seek(long offset, SeekOrigin origin) { throw null; }
        public override void SetLength(long value) { throw null; }
        public override void Write(byte[] buffer, int offset, int count) { throw null; }
        public override void WriteByte(byte value) { throw null; }
    }

    public static class Directory
    {
        public static DirectoryInfo CreateDirectory(string path) { throw null; }
        public static void Delete(string path) { throw null; }
        public static void Delete(string path, bool recursive) { throw null; }
        public static bool Exists(string path) { throw null; }
        public static string GetCurrentDirectory() { throw null; }
        public static string[] GetFiles(string path) { throw null; }
        public static string[] GetDirectories(string path) { throw null; }
        public static void Move(string sourceDirName, string destDirName) { throw null; }
        public static void SetCurrentDirectory(string path) { throw null; }
    }

    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    [Flags]
    public enum FileShare
    {
        None = 0,
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    [Flags]
    public enum FileAttributes
    {
        ReadOnly = 0x1,
        Hidden = 0x2,
        System = 0x4,
        Directory = 0x10,
        Archive = 0x20,
        Normal = 0x80,
    }

    public abstract class FileSystemInfo : MarshalByRefObject
    {
        public FileAttributes Attributes { get { throw null; } }
        public virtual string FullName { get { throw null; } }
        public string Extension { get { throw null; } }
        public abstract bool Exists { get; }
        public abstract string Name { get; }
        public abstract void Delete();
        public virtual void Refresh() { throw null; }
        protected abstract void HandleRefreshError();
    }

    public sealed class DirectoryInfo : FileSystemInfo
    {
        public DirectoryInfo(string path) { throw null; }
        public override string Name { get { throw null; } }
        public override bool Exists { get { throw null; } }
        public DirectoryInfo Root { get { throw null; } }
        public DirectoryInfo Parent { get { throw null; } }
        public void Create() { throw null; }
        public DirectoryInfo CreateSubdirectory(string path) { throw null; }
        public FileInfo[] GetFiles() { throw null; }
        public DirectoryInfo[] GetDirectories() { throw null; }
        public void MoveTo(string destDirName) { throw null; }
        public override void Delete() { throw null; }
        public void Delete(bool recursive) { throw null; }
        protected override void HandleRefreshError() { throw null; }
        public override string ToString() { throw null; }
    }

    public sealed class FileInfo : FileSystemInfo
    {
        public FileInfo(string fileName) { throw null; }
        public override string Name { get { throw null; } }
        public long Length { get { throw null; } }
        public string DirectoryName { get { throw null; } }
        public DirectoryInfo Directory { get { throw null; } }
        public FileStream Create() { throw null; }
        public override void Delete() { throw null; }
        public override bool Exists { get { throw null; } }
        protected override void HandleRefreshError() { throw null; }
        public override string ToString() { throw null; }
    }

    public static class Path
    {
        public static readonly char DirectorySeparatorChar;
        public static readonly char AltDirectorySeparatorChar;
        public static readonly char VolumeSeparatorChar;
        public static readonly char PathSeparator;
        public static string ChangeExtension(string path, string extension) { throw null; }
        public static string Combine(string path1, string path2) { throw null; }
        public static string GetDirectoryName(string path) { throw null; }
        public static string GetExtension(string path) { throw null; }
        public static string GetFileName(string path) { throw null; }
        public static string GetFileNameWithoutExtension(string path) { throw null; }
        public static string GetFullPath(string path) { throw null; }
        public static char[] GetInvalidFileNameChars() { throw null; }
        public static char[] GetInvalidPathChars() { throw null; }
        public static string GetPathRoot(string path) { throw null; }
        public static bool HasExtension(string path) { throw null; }
        public static bool IsPathRooted(string path) { throw null; }
    }
}
