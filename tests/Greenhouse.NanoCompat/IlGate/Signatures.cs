using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Greenhouse.NanoCompat.IlGate;

/// <summary>A decoded type from a signature blob, with the properties the gate rules look for.</summary>
internal sealed class SigType
{
    public SigType(string name) { Name = name; }

    public string Name { get; }
    /// <summary>A GENERICINST appears somewhere in the type.</summary>
    public bool Generic { get; private set; }
    /// <summary>An ARRAY (multi-dimensional or non-zero-based array) appears somewhere in the type.</summary>
    public bool MdArray { get; private set; }
    /// <summary>An unmanaged or function pointer appears somewhere in the type.</summary>
    public bool Pointer { get; private set; }
    /// <summary>Full names of the named types the signature refers to.</summary>
    public ImmutableArray<string> Types { get; private set; } = ImmutableArray<string>.Empty;
    /// <summary>The description of the first generic instantiation found (for messages).</summary>
    public string? GenericText { get; private set; }
    public string? MdArrayText { get; private set; }

    public static SigType Named(string fullName) => new(fullName) { Types = ImmutableArray.Create(fullName) };

    public static SigType Compose(string name, IEnumerable<SigType> parts)
    {
        var result = new SigType(name);
        var types = ImmutableArray.CreateBuilder<string>();
        foreach (var p in parts)
        {
            result.Generic |= p.Generic;
            result.MdArray |= p.MdArray;
            result.Pointer |= p.Pointer;
            result.GenericText ??= p.GenericText;
            result.MdArrayText ??= p.MdArrayText;
            types.AddRange(p.Types);
        }
        result.Types = types.ToImmutable();
        return result;
    }

    public SigType MarkGeneric() { Generic = true; GenericText ??= Name; return this; }
    public SigType MarkMdArray() { MdArray = true; MdArrayText ??= Name; return this; }
    public SigType MarkPointer() { Pointer = true; return this; }

    public override string ToString() => Name;
}

/// <summary>Decodes signature blobs into <see cref="SigType"/>.</summary>
internal sealed class SigProvider : ISignatureTypeProvider<SigType, object?>
{
    public static readonly SigProvider Instance = new();

    public SigType GetPrimitiveType(PrimitiveTypeCode typeCode) => new(PrimitiveName(typeCode));

    public SigType GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        => SigType.Named(Names.TypeDef(reader, handle));

    public SigType GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        => SigType.Named(Names.TypeRef(reader, handle));

    public SigType GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public SigType GetSZArrayType(SigType elementType) => SigType.Compose(elementType.Name + "[]", new[] { elementType });

    public SigType GetArrayType(SigType elementType, ArrayShape shape)
        => SigType.Compose(elementType.Name + "[" + new string(',', Math.Max(0, shape.Rank - 1)) + "]", new[] { elementType }).MarkMdArray();

    public SigType GetByReferenceType(SigType elementType) => SigType.Compose(elementType.Name + "&", new[] { elementType });

    public SigType GetPointerType(SigType elementType) => SigType.Compose(elementType.Name + "*", new[] { elementType }).MarkPointer();

    public SigType GetGenericInstantiation(SigType genericType, ImmutableArray<SigType> typeArguments)
        => SigType.Compose(genericType.Name + "<" + string.Join(",", typeArguments.Select(a => a.Name)) + ">",
            typeArguments.Prepend(genericType)).MarkGeneric();

    // Type parameters only occur inside generic definitions, which the definition rules report already.
    public SigType GetGenericTypeParameter(object? genericContext, int index) => new("!" + index);

    public SigType GetGenericMethodParameter(object? genericContext, int index) => new("!!" + index);

    public SigType GetFunctionPointerType(MethodSignature<SigType> signature)
        => SigType.Compose("method*", signature.ParameterTypes.Prepend(signature.ReturnType)).MarkPointer();

    public SigType GetModifiedType(SigType modifier, SigType unmodifiedType, bool isRequired) => unmodifiedType;

    public SigType GetPinnedType(SigType elementType) => elementType;

    private static string PrimitiveName(PrimitiveTypeCode code) => code switch
    {
        PrimitiveTypeCode.Void => "void",
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.SByte => "sbyte",
        PrimitiveTypeCode.Byte => "byte",
        PrimitiveTypeCode.Int16 => "short",
        PrimitiveTypeCode.UInt16 => "ushort",
        PrimitiveTypeCode.Int32 => "int",
        PrimitiveTypeCode.UInt32 => "uint",
        PrimitiveTypeCode.Int64 => "long",
        PrimitiveTypeCode.UInt64 => "ulong",
        PrimitiveTypeCode.Single => "float",
        PrimitiveTypeCode.Double => "double",
        PrimitiveTypeCode.String => "System.String",
        PrimitiveTypeCode.Object => "System.Object",
        PrimitiveTypeCode.IntPtr => "System.IntPtr",
        PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        _ => code.ToString(),
    };
}

internal static class Names
{
    public static string TypeDef(MetadataReader md, TypeDefinitionHandle handle)
    {
        var t = md.GetTypeDefinition(handle);
        var name = md.GetString(t.Name);
        var declaring = t.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return TypeDef(md, declaring) + "+" + name;
        }
        var ns = md.GetString(t.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string TypeRef(MetadataReader md, TypeReferenceHandle handle)
    {
        var t = md.GetTypeReference(handle);
        var name = md.GetString(t.Name);
        if (t.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeRef(md, (TypeReferenceHandle)t.ResolutionScope) + "+" + name;
        }
        var ns = md.GetString(t.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>Namespace of the outermost declaring type.</summary>
    public static string Namespace(MetadataReader md, TypeDefinitionHandle handle)
    {
        var t = md.GetTypeDefinition(handle);
        while (!t.GetDeclaringType().IsNil)
        {
            t = md.GetTypeDefinition(t.GetDeclaringType());
        }
        return md.GetString(t.Namespace);
    }

    public static string TypeOf(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => TypeDef(md, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => TypeRef(md, (TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(SigProvider.Instance, null).Name,
        _ => "?",
    };
}
