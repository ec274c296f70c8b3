using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Greenhouse.NanoClr.Tests;

/// <summary>
/// What an object graph occupies on nanoFramework's managed heap, for the 64-bit POSIX nanoCLR (24-byte heap blocks,
/// as measured with the kit) and for a 32-bit device such as the ESP32 (12-byte blocks: sizeof(CLR_RT_HeapBlock)
/// is asserted to be 12 in nf-interpreter src/CLR/Include/nanoCLR_Runtime.h for every 32-bit target). The rules follow
/// nf-interpreter's allocation code: an object or boxed value is one block plus one per instance field, a struct
/// field or struct array element is its own boxed object, an array is its header (32 bytes on the 64-bit host,
/// 20 on a device) plus its elements (primitives packed, references and structs one block each), a string built at
/// run time is one block plus its UTF-8 text and a terminating zero, a string literal one block per reference (it
/// points into the assembly). Every allocation is rounded up to whole blocks. The 64-bit figure is checked against
/// GC.Run(false) on the kit's nanoCLR; the same census with 12-byte blocks is the device estimate.
/// </summary>
internal sealed class HeapModel
{
    private const int Block64 = 24;
    private const int Block32 = 12;
    private const int ArrayHeader64 = 32;
    private const int ArrayHeader32 = 20;
    private const int DelegateBlocks = 3;

    private readonly Dictionary<string, int> _nanoFieldCounts;

    /// <param name="nanoAssemblies">nanoFramework's own mscorlib.dll (and library dlls): field counts of base-library types.</param>
    public HeapModel(IEnumerable<string> nanoAssemblies)
    {
        _nanoFieldCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in nanoAssemblies.Where(File.Exists))
        {
            ReadFieldCounts(path, _nanoFieldCounts);
        }
    }

    public sealed class Census
    {
        public long Bytes64 { get; set; }
        public long Bytes32 { get; set; }
        public long Objects { get; set; }
        public HashSet<string> Unmodelled { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (long Count, long Bytes64, long Bytes32)> ByKind { get; } = new(StringComparer.Ordinal);

        public void Add(string kind, long blocks64Bytes, long blocks32Bytes)
        {
            Bytes64 += blocks64Bytes;
            Bytes32 += blocks32Bytes;
            Objects++;
            ByKind.TryGetValue(kind, out var k);
            ByKind[kind] = (k.Count + 1, k.Bytes64 + blocks64Bytes, k.Bytes32 + blocks32Bytes);
        }

        /// <summary>Device bytes per host byte over the whole census.</summary>
        public double Ratio => Bytes64 == 0 ? double.NaN : (double)Bytes32 / Bytes64;
    }

    /// <summary>
    /// The objects reachable from <paramref name="roots"/>, without those reachable from <paramref name="exclude"/> or
    /// from static fields of the assemblies of <paramref name="staticsOf"/> (on the device those exist before Main).
    /// </summary>
    /// <param name="stopAt">Objects neither counted nor followed (fakes of the test harness that hold the controller).</param>
    public Census Measure(object[] roots, object[] exclude, Type[] staticsOf, object[] stopAt = null)
    {
        var census = new Census();
        var seen = new HashSet<object>(stopAt ?? Array.Empty<object>(), ReferenceEqualityComparer.Instance);
        var ignore = new Census();
        foreach (var assembly in staticsOf.Select(t => t.Assembly).Distinct())
        {
            foreach (var type in assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
            {
                foreach (var f in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                {
                    if (f.IsLiteral)
                    {
                        continue;
                    }
                    object value;
                    try
                    {
                        value = f.GetValue(null);
                    }
                    catch (TypeInitializationException)
                    {
                        continue;
                    }
                    Walk(value, seen, ignore);
                }
            }
        }
        foreach (var x in exclude)
        {
            Walk(x, seen, ignore);
        }
        foreach (var r in roots)
        {
            Walk(r, seen, census);
        }
        return census;
    }

    private void Walk(object start, HashSet<object> seen, Census census)
    {
        var pending = new Stack<object>();
        Reference(start, pending, seen, census);
        while (pending.Count > 0)
        {
            var obj = pending.Pop();
            var type = obj.GetType();
            if (obj is string text)
            {
                var bytes = Encoding.UTF8.GetByteCount(text) + 1;
                census.Add("string (built at run time)", Round(Block64 + bytes, Block64), Round(Block32 + bytes, Block32));
                continue;
            }
            if (obj is Array array)
            {
                MeasureArray(array, pending, seen, census);
                continue;
            }
            if (obj is Delegate d)
            {
                census.Add("delegate", DelegateBlocks * Block64, DelegateBlocks * Block32);
                Reference(d.Target, pending, seen, census);
                continue;
            }
            // A class instance, or a boxed value referenced as object.
            var kind = (type.IsValueType ? "boxed " : "") + type.Name;
            var fields = FieldCount(type, census);
            census.Add(kind, (1 + fields) * Block64, (1 + fields) * Block32);
            WalkFields(obj, type, pending, seen, census);
        }
    }

    private void WalkFields(object obj, Type type, Stack<object> pending, HashSet<object> seen, Census census)
    {
        if (IsPrimitiveLike(type) || type.FullName!.StartsWith("System.", StringComparison.Ordinal) && !IsModelledFromHost(type))
        {
            // Base-library internals: counted by nanoFramework's field count; only their object references are followed.
            foreach (var f in InstanceFields(type))
            {
                if (!f.FieldType.IsValueType)
                {
                    Reference(f.GetValue(obj), pending, seen, census);
                }
            }
            return;
        }
        foreach (var f in InstanceFields(type))
        {
            var value = f.GetValue(obj);
            if (f.FieldType.IsValueType)
            {
                Struct(f.FieldType, value, pending, seen, census);
            }
            else
            {
                Reference(value, pending, seen, census);
            }
        }
    }

    /// <summary>A struct stored in a field or array element: a boxed object of its own on nanoFramework.</summary>
    private void Struct(Type type, object value, Stack<object> pending, HashSet<object> seen, Census census)
    {
        if (IsPrimitiveLike(type))
        {
            return;
        }
        var fields = FieldCount(type, census);
        census.Add("struct value", (1 + fields) * Block64, (1 + fields) * Block32);
        if (value is not null)
        {
            WalkFields(value, type, pending, seen, census);
        }
    }

    private void Reference(object value, Stack<object> pending, HashSet<object> seen, Census census)
    {
        if (value is null)
        {
            return;
        }
        if (value is string s && ReferenceEquals(string.IsInterned(s), s))
        {
            // A literal: each ldstr makes a one-block string pointing into the assembly.
            census.Add("string (literal)", Block64, Block32);
            return;
        }
        if (seen.Add(value))
        {
            pending.Push(value);
        }
    }

    private void MeasureArray(Array array, Stack<object> pending, HashSet<object> seen, Census census)
    {
        var element = array.GetType().GetElementType()!;
        var n = array.Length;
        var packed = PackedSize(element);
        if (packed > 0)
        {
            census.Add("array of " + element.Name, Round(ArrayHeader64 + n * packed, Block64), Round(ArrayHeader32 + n * packed, Block32));
            return;
        }
        census.Add("array of " + (element.IsValueType ? "structs" : "references"), Round(ArrayHeader64 + n * Block64, Block64), Round(ArrayHeader32 + n * Block32, Block32));
        foreach (var item in array)
        {
            if (element.IsValueType)
            {
                Struct(element, item, pending, seen, census);
            }
            else
            {
                Reference(item, pending, seen, census);
            }
        }
    }

    /// <summary>Bytes per element of an array packed by value, or 0 when each element is a heap block.</summary>
    private static int PackedSize(Type element)
    {
        if (element.IsEnum)
        {
            element = Enum.GetUnderlyingType(element);
        }
        return Type.GetTypeCode(element) switch
        {
            TypeCode.Boolean or TypeCode.Byte or TypeCode.SByte => 1,
            TypeCode.Char or TypeCode.Int16 or TypeCode.UInt16 => 2,
            TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Single => 4,
            TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Double or TypeCode.DateTime => 8,
            _ => element == typeof(TimeSpan) ? 8 : 0,
        };
    }

    /// <summary>Primitives, enums, DateTime and TimeSpan live inside their heap block; other structs are boxed objects.</summary>
    private static bool IsPrimitiveLike(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(DateTime) || type == typeof(TimeSpan) || type == typeof(decimal);

    /// <summary>Our own types (and compiler-generated ones) have the same fields on the host as on the device.</summary>
    private static bool IsModelledFromHost(Type type) => !type.FullName!.StartsWith("System.", StringComparison.Ordinal);

    private int FieldCount(Type type, Census census)
    {
        if (IsModelledFromHost(type))
        {
            return InstanceFields(type).Count();
        }
        if (_nanoFieldCounts.TryGetValue(type.FullName!, out var n))
        {
            return n;
        }
        census.Unmodelled.Add(type.FullName!);
        return InstanceFields(type).Count();
    }

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return f;
            }
        }
    }

    private static long Round(long bytes, int block) => (bytes + block - 1) / block * block;

    /// <summary>Instance field counts (with base types inside the same assembly) of every type of a nanoFramework assembly.</summary>
    private static void ReadFieldCounts(string path, Dictionary<string, int> counts)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var own = new Dictionary<string, (int Fields, string Base)>(StringComparer.Ordinal);
        foreach (var h in md.TypeDefinitions)
        {
            var t = md.GetTypeDefinition(h);
            var name = FullName(md, t);
            var fields = t.GetFields().Count(f => (md.GetFieldDefinition(f).Attributes & FieldAttributes.Static) == 0);
            string baseName = null;
            if (t.BaseType.IsNil)
            {
                baseName = null;
            }
            else if (t.BaseType.Kind == HandleKind.TypeReference)
            {
                var r = md.GetTypeReference((TypeReferenceHandle)t.BaseType);
                baseName = md.GetString(r.Namespace) + "." + md.GetString(r.Name);
            }
            else if (t.BaseType.Kind == HandleKind.TypeDefinition)
            {
                baseName = FullName(md, md.GetTypeDefinition((TypeDefinitionHandle)t.BaseType));
            }
            own[name] = (fields, baseName);
        }
        foreach (var name in own.Keys)
        {
            var total = 0;
            for (var n = name; n is not null && own.TryGetValue(n, out var e); n = e.Base)
            {
                total += e.Fields;
            }
            counts[name] = total;
        }
    }

    private static string FullName(MetadataReader md, TypeDefinition t)
    {
        var name = md.GetString(t.Name);
        if (t.IsNested)
        {
            return FullName(md, md.GetTypeDefinition(t.GetDeclaringType())) + "+" + name;
        }
        var ns = md.GetString(t.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
