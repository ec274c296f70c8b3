using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Greenhouse.Footprint
{
    /// <summary>
    /// Size of an assembly as a proxy for flash use: method-body IL bytes summed over every method with a body,
    /// plus the file size. The device image (.pe from nanoFramework's metadata processor) is a different, more
    /// compact format; the IL byte count is what carries over, the file size only bounds it.
    /// </summary>
    public static class IlSize
    {
        public sealed class Result
        {
            public string Path;
            public long FileBytes;
            public int Types;
            public int Methods;
            public int MethodsWithBody;
            public long IlCodeBytes;
            public long IlBodyBytes;
            public long UserStringHeapBytes;
        }

        public static Result Measure(string path)
        {
            Result result = new Result();
            result.Path = path;
            result.FileBytes = new FileInfo(path).Length;
            using (FileStream stream = File.OpenRead(path))
            using (PEReader pe = new PEReader(stream))
            {
                MetadataReader md = pe.GetMetadataReader();
                result.Types = md.TypeDefinitions.Count;
                result.UserStringHeapBytes = md.GetHeapSize(HeapIndex.UserString);
                foreach (MethodDefinitionHandle handle in md.MethodDefinitions)
                {
                    result.Methods++;
                    MethodDefinition method = md.GetMethodDefinition(handle);
                    int rva = method.RelativeVirtualAddress;
                    if (rva == 0)
                    {
                        continue;
                    }

                    MethodBodyBlock body = pe.GetMethodBody(rva);
                    result.MethodsWithBody++;
                    result.IlCodeBytes += body.GetILBytes().Length;
                    result.IlBodyBytes += body.Size;
                }
            }

            return result;
        }

        public static int Run(string path)
        {
            if (path == null)
            {
                path = typeof(Greenhouse.App.Controller).Assembly.Location;
            }

            if (!File.Exists(path))
            {
                Console.Error.WriteLine("not found: " + path);
                return 2;
            }

            Result r = Measure(path);
            Console.WriteLine("assembly:             " + r.Path);
            Console.WriteLine("file bytes:           " + r.FileBytes);
            Console.WriteLine("types:                " + r.Types);
            Console.WriteLine("methods:              " + r.Methods + " (" + r.MethodsWithBody + " with IL body)");
            Console.WriteLine("IL code bytes:        " + r.IlCodeBytes);
            Console.WriteLine("IL body bytes:        " + r.IlBodyBytes + " (code + method headers + exception clauses)");
            Console.WriteLine("user-string heap:     " + r.UserStringHeapBytes + " (string literals, UTF-16)");
            return 0;
        }
    }
}
