using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace Greenhouse.NanoCompat.IlGate;

internal sealed record Violation(string Code, string Member, string Message, SourceLocation? Location);

/// <summary>Reads one assembly (and its portable PDB) and checks it against the nanoFramework 1.x rules.</summary>
internal sealed partial class Gate : IDisposable
{
    private static readonly HashSet<string> NumericTypes = new(StringComparer.Ordinal)
    {
        "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32",
        "System.Int64", "System.UInt64", "System.Single", "System.Double",
    };

    private static readonly HashSet<string> CoreForbiddenTypes = new(StringComparer.Ordinal)
    {
        "System.Threading.Thread", "System.Threading.Timer",
    };

    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .GroupBy(o => (ushort)o.Value)
        .ToDictionary(g => g.Key, g => g.First());

    private readonly string _assemblyPath;
    private readonly PEReader _pe;
    private readonly MetadataReader _md;
    private readonly MetadataReaderProvider? _pdbProvider;
    private readonly Locations _locations;
    private readonly List<string> _referencePaths;
    private readonly Dictionary<string, MetadataReader?> _referenced = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PEReader> _openReferences = new();
    private readonly List<Violation> _violations = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public Gate(string assemblyPath, IEnumerable<string> referencePaths)
    {
        _assemblyPath = Path.GetFullPath(assemblyPath);
        _pe = new PEReader(File.OpenRead(_assemblyPath));
        _md = _pe.GetMetadataReader();
        if (_pe.TryOpenAssociatedPortablePdb(_assemblyPath, p => File.Exists(p) ? File.OpenRead(p) : null, out var provider, out _))
        {
            _pdbProvider = provider;
        }
        _locations = new Locations(_md, _pdbProvider?.GetMetadataReader());
        _referencePaths = referencePaths.Prepend(Path.GetDirectoryName(_assemblyPath)!).ToList();
    }

    public bool HasPdb => _pdbProvider is not null;
    public int TypesChecked { get; private set; }
    public int MethodsChecked { get; private set; }
    public IReadOnlyList<Violation> Violations => _violations;

    public void Dispose()
    {
        _pdbProvider?.Dispose();
        _pe.Dispose();
        foreach (var r in _openReferences)
        {
            r.Dispose();
        }
    }

    public void Run()
    {
        foreach (var typeHandle in _md.TypeDefinitions)
        {
            CheckType(typeHandle);
        }
    }

    public string Format(Violation v)
    {
        var origin = v.Location is { } loc ? $"{loc.File}({loc.Line})" : _assemblyPath;
        return $"{origin}: error {v.Code}: {v.Member}: {v.Message}";
    }

    private void Report(string code, string member, string message, SourceLocation? location)
    {
        var key = $"{code}|{member}|{message}|{location}";
        if (_seen.Add(key))
        {
            _violations.Add(new Violation(code, member, message, location));
        }
    }

    // ---------------------------------------------------------------- types, fields, signatures

    private void CheckType(TypeDefinitionHandle typeHandle)
    {
        var type = _md.GetTypeDefinition(typeHandle);
        var typeName = Names.TypeDef(_md, typeHandle);
        if (typeName == "<Module>" && type.GetMethods().Count == 0 && type.GetFields().Count == 0)
        {
            return;
        }
        TypesChecked++;
        var isCore = IsCoreNamespace(Names.Namespace(_md, typeHandle));
        var simpleName = _md.GetString(type.Name);
        var tick = simpleName.IndexOf('`');
        var declared = Regex.Escape(tick < 0 ? simpleName : simpleName.Substring(0, tick));
        var typePattern = new Regex(@"\b(class|struct|interface|enum|delegate\s+\S+)\s+" + declared + @"\b");
        var ctx = new MemberContext(typeName, typeName, isCore, () => _locations.Declaration(_locations.Type(typeHandle), typePattern));

        if (type.GetGenericParameters().Count > 0)
        {
            Report(Rules.GenericType, typeName, Rules.GenericTypeText(typeName), ctx.Location());
        }
        if (!type.BaseType.IsNil)
        {
            CheckTypeToken(type.BaseType, ctx);
        }
        foreach (var ih in type.GetInterfaceImplementations())
        {
            CheckTypeToken(_md.GetInterfaceImplementation(ih).Interface, ctx);
        }
        foreach (var fh in type.GetFields())
        {
            var field = _md.GetFieldDefinition(fh);
            var fieldName = _md.GetString(field.Name);
            var backing = Regex.Match(fieldName, "^<(?<p>[^>]+)>k__BackingField$");
            var declaredName = backing.Success ? backing.Groups["p"].Value : fieldName;
            var fieldPattern = new Regex(@"\b" + Regex.Escape(declaredName) + @"\s*(=(?!=)|;|\{|$)");
            var fctx = ctx with
            {
                Member = typeName + "." + declaredName,
                DefaultLocation = () => _locations.Declaration(_locations.Type(typeHandle), fieldPattern),
            };
            CheckSig(field.DecodeSignature(SigProvider.Instance, null), fctx);
        }
        foreach (var mh in type.GetMethods())
        {
            CheckMethod(typeName, mh, isCore);
        }
    }

    private void CheckMethod(string typeName, MethodDefinitionHandle mh, bool isCore)
    {
        MethodsChecked++;
        var method = _md.GetMethodDefinition(mh);
        var name = _md.GetString(method.Name);
        var member = typeName + "." + name;
        var ctx = new MemberContext(member, typeName, isCore, () => _locations.Method(mh) ?? _locations.Type(method.GetDeclaringType()));

        var genericParams = method.GetGenericParameters();
        if (genericParams.Count > 0)
        {
            var display = name + "<" + string.Join(",", genericParams.Select(g => _md.GetString(_md.GetGenericParameter(g).Name))) + ">";
            Report(Rules.GenericMethod, member, Rules.GenericMethodText(display), ctx.Location());
        }
        var sig = method.DecodeSignature(SigProvider.Instance, null);
        CheckSig(sig.ReturnType, ctx);
        foreach (var p in sig.ParameterTypes)
        {
            CheckSig(p, ctx);
        }
        foreach (var ah in method.GetCustomAttributes())
        {
            var attrType = AttributeTypeName(_md.GetCustomAttribute(ah));
            if (attrType == "System.Runtime.CompilerServices.AsyncStateMachineAttribute")
            {
                Report(Rules.Async, member, Rules.AsyncText, ctx.Location());
            }
        }
        if (method.RelativeVirtualAddress != 0)
        {
            var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
            var instructions = Decode(body.GetILBytes() ?? Array.Empty<byte>());
            var ilCtx = ctx with { AtOffset = offset => _locations.Method(mh, offset) };
            var localTypes = ImmutableArray<SigType>.Empty;
            if (!body.LocalSignature.IsNil)
            {
                // A local has no line of its own: report it where it is first stored, loaded or addressed.
                var firstUse = new Dictionary<int, int>();
                foreach (var ins in instructions)
                {
                    if (LocalIndex(ins) is int index)
                    {
                        firstUse.TryAdd(index, ins.Offset);
                    }
                }
                var locals = _md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(SigProvider.Instance, null);
                localTypes = locals;
                for (var i = 0; i < locals.Length; i++)
                {
                    CheckSig(locals[i], ilCtx, firstUse.GetValueOrDefault(i, -1));
                }
            }
            var argTypes = sig.Header.IsInstance ? sig.ParameterTypes.Insert(0, new SigType(typeName)) : sig.ParameterTypes;
            new IlScan(this, body, instructions, ilCtx, sig.ReturnType.Name != "void", localTypes, argTypes).Run();
        }
    }

    private string AttributeTypeName(CustomAttribute ca)
    {
        switch (ca.Constructor.Kind)
        {
            case HandleKind.MemberReference:
                return Names.TypeOf(_md, _md.GetMemberReference((MemberReferenceHandle)ca.Constructor).Parent);
            case HandleKind.MethodDefinition:
                return Names.TypeDef(_md, _md.GetMethodDefinition((MethodDefinitionHandle)ca.Constructor).GetDeclaringType());
            default:
                return "";
        }
    }

    /// <summary>Checks a decoded signature type: generic instances, md arrays, and Thread/Timer in the core.</summary>
    private void CheckSig(SigType sig, MemberContext ctx, int ilOffset = -1)
    {
        if (sig.Generic)
        {
            Report(Rules.GenericUse, ctx.Member, Rules.GenericUseText(sig.GenericText!), ctx.Location(ilOffset));
        }
        if (sig.MdArray)
        {
            Report(Rules.MdArray, ctx.Member, Rules.MdArrayText(sig.MdArrayText!), ctx.Location(ilOffset));
        }
        if (ctx.IsCore)
        {
            foreach (var t in sig.Types)
            {
                if (CoreForbiddenTypes.Contains(t))
                {
                    Report(Rules.ThreadInCore, ctx.Member, Rules.ThreadText(t), ctx.Location(ilOffset));
                }
            }
        }
    }

    private void CheckTypeToken(EntityHandle handle, MemberContext ctx, int ilOffset = -1)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeSpecification:
                CheckSig(_md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(SigProvider.Instance, null), ctx, ilOffset);
                break;
            case HandleKind.TypeReference:
                CheckSig(SigType.Named(Names.TypeRef(_md, (TypeReferenceHandle)handle)), ctx, ilOffset);
                break;
        }
    }

    /// <summary>Checks a metadata token used by an instruction.</summary>
    private void CheckToken(EntityHandle handle, MemberContext ctx, int ilOffset)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeSpecification:
            case HandleKind.TypeReference:
                CheckTypeToken(handle, ctx, ilOffset);
                break;
            case HandleKind.MethodSpecification:
            {
                var spec = _md.GetMethodSpecification((MethodSpecificationHandle)handle);
                var args = spec.DecodeSignature(SigProvider.Instance, null);
                var callee = Callee(spec.Method);
                var text = $"{callee?.ParentType}.{callee?.Name}<{string.Join(",", args.Select(a => a.Name))}>";
                Report(Rules.GenericUse, ctx.Member, Rules.GenericUseText(text), ctx.Location(ilOffset));
                CheckToken(spec.Method, ctx, ilOffset);
                break;
            }
            case HandleKind.MemberReference:
            {
                var mr = _md.GetMemberReference((MemberReferenceHandle)handle);
                if (mr.Parent.Kind is HandleKind.TypeSpecification or HandleKind.TypeReference)
                {
                    CheckTypeToken(mr.Parent, ctx, ilOffset);
                }
                if (mr.GetKind() == MemberReferenceKind.Method)
                {
                    var sig = mr.DecodeMethodSignature(SigProvider.Instance, null);
                    CheckSig(sig.ReturnType, ctx, ilOffset);
                    foreach (var p in sig.ParameterTypes)
                    {
                        CheckSig(p, ctx, ilOffset);
                    }
                }
                else
                {
                    CheckSig(mr.DecodeFieldSignature(SigProvider.Instance, null), ctx, ilOffset);
                }
                break;
            }
        }
    }

    private static bool IsCoreNamespace(string ns)
    {
        var underGreenhouse = ns == "Greenhouse" || ns.StartsWith("Greenhouse.", StringComparison.Ordinal);
        return underGreenhouse && !ns.StartsWith("Greenhouse.Firmware", StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- callee and enum resolution

    private sealed record CalleeInfo(string Name, string ParentType, bool HasThis, bool ReturnsValue, ImmutableArray<SigType> Params, SigType ReturnType);

    /// <summary>The declared type of a field token (definition or reference), or null.</summary>
    private SigType? FieldType(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.FieldDefinition:
                return _md.GetFieldDefinition((FieldDefinitionHandle)handle).DecodeSignature(SigProvider.Instance, null);
            case HandleKind.MemberReference:
            {
                var mr = _md.GetMemberReference((MemberReferenceHandle)handle);
                return mr.GetKind() == MemberReferenceKind.Field ? mr.DecodeFieldSignature(SigProvider.Instance, null) : null;
            }
            default:
                return null;
        }
    }

    private CalleeInfo? Callee(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
            {
                var def = _md.GetMethodDefinition((MethodDefinitionHandle)handle);
                var sig = def.DecodeSignature(SigProvider.Instance, null);
                return new CalleeInfo(_md.GetString(def.Name), Names.TypeDef(_md, def.GetDeclaringType()),
                    sig.Header.IsInstance, sig.ReturnType.Name != "void", sig.ParameterTypes, sig.ReturnType);
            }
            case HandleKind.MemberReference:
            {
                var mr = _md.GetMemberReference((MemberReferenceHandle)handle);
                if (mr.GetKind() != MemberReferenceKind.Method)
                {
                    return null;
                }
                var sig = mr.DecodeMethodSignature(SigProvider.Instance, null);
                var parent = mr.Parent.Kind switch
                {
                    HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification => Names.TypeOf(_md, mr.Parent),
                    _ => "?",
                };
                return new CalleeInfo(_md.GetString(mr.Name), parent, sig.Header.IsInstance, sig.ReturnType.Name != "void", sig.ParameterTypes, sig.ReturnType);
            }
            case HandleKind.MethodSpecification:
                return Callee(_md.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return null;
        }
    }

    /// <summary>The enum's name when the handle is an enum type (resolved into referenced assemblies when needed), else null.</summary>
    private string? EnumName(EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                return IsEnumDef(_md, (TypeDefinitionHandle)handle) ? Names.TypeDef(_md, (TypeDefinitionHandle)handle) : null;
            case HandleKind.TypeReference:
            {
                var resolved = Resolve(_md, (TypeReferenceHandle)handle);
                return resolved is { } r && IsEnumDef(r.Reader, r.Type) ? Names.TypeRef(_md, (TypeReferenceHandle)handle) : null;
            }
            default:
                return null;
        }
    }

    private static bool IsEnumDef(MetadataReader md, TypeDefinitionHandle handle)
    {
        var baseType = md.GetTypeDefinition(handle).BaseType;
        return baseType.Kind switch
        {
            HandleKind.TypeReference => Names.TypeRef(md, (TypeReferenceHandle)baseType) == "System.Enum",
            HandleKind.TypeDefinition => Names.TypeDef(md, (TypeDefinitionHandle)baseType) == "System.Enum",
            _ => false,
        };
    }

    private (MetadataReader Reader, TypeDefinitionHandle Type)? Resolve(MetadataReader md, TypeReferenceHandle handle)
    {
        var tr = md.GetTypeReference(handle);
        var name = md.GetString(tr.Name);
        var ns = md.GetString(tr.Namespace);
        switch (tr.ResolutionScope.Kind)
        {
            case HandleKind.TypeReference:
            {
                var outer = Resolve(md, (TypeReferenceHandle)tr.ResolutionScope);
                if (outer is not { } o)
                {
                    return null;
                }
                foreach (var nested in o.Reader.GetTypeDefinition(o.Type).GetNestedTypes())
                {
                    if (o.Reader.GetString(o.Reader.GetTypeDefinition(nested).Name) == name)
                    {
                        return (o.Reader, nested);
                    }
                }
                return null;
            }
            case HandleKind.AssemblyReference:
            {
                var asmName = md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)tr.ResolutionScope).Name);
                var reader = LoadReference(asmName);
                return reader is null ? null : FindTopLevel(reader, ns, name);
            }
            case HandleKind.ModuleDefinition:
                return FindTopLevel(md, ns, name);
            default:
                return null;
        }
    }

    private static (MetadataReader, TypeDefinitionHandle)? FindTopLevel(MetadataReader reader, string ns, string name)
    {
        foreach (var th in reader.TypeDefinitions)
        {
            var t = reader.GetTypeDefinition(th);
            if (t.GetDeclaringType().IsNil && reader.GetString(t.Name) == name && reader.GetString(t.Namespace) == ns)
            {
                return (reader, th);
            }
        }
        return null;
    }

    private MetadataReader? LoadReference(string assemblyName)
    {
        if (_referenced.TryGetValue(assemblyName, out var cached))
        {
            return cached;
        }
        MetadataReader? found = null;
        foreach (var p in _referencePaths)
        {
            var candidates = Directory.Exists(p)
                ? new[] { Path.Combine(p, assemblyName + ".dll"), Path.Combine(p, assemblyName + ".exe") }
                : new[] { p };
            foreach (var c in candidates)
            {
                if (File.Exists(c) && string.Equals(Path.GetFileNameWithoutExtension(c), assemblyName, StringComparison.OrdinalIgnoreCase))
                {
                    var pe = new PEReader(File.OpenRead(c));
                    _openReferences.Add(pe);
                    found = pe.GetMetadataReader();
                    break;
                }
            }
            if (found is not null)
            {
                break;
            }
        }
        _referenced[assemblyName] = found;
        return found;
    }

    // ---------------------------------------------------------------- format strings

    [GeneratedRegex(@"^[DdFfGgNnXx]\d{0,9}$")]
    private static partial Regex StandardNumericFormat();

    [GeneratedRegex(@"^\s*(?<index>\d+)\s*(,\s*-?\d+\s*)?$")]
    private static partial Regex FormatItemHead();

    internal static bool IsStandardNumericFormat(string format) => format.Length == 0 || StandardNumericFormat().IsMatch(format);

    /// <summary>The format items ({index[,alignment][:format]}) of a composite format string.</summary>
    internal static IEnumerable<(string Item, int Index, string? Format)> FormatItems(string composite)
    {
        var i = 0;
        while (i < composite.Length)
        {
            var c = composite[i];
            if ((c == '{' || c == '}') && i + 1 < composite.Length && composite[i + 1] == c)
            {
                i += 2;
                continue;
            }
            if (c != '{')
            {
                i++;
                continue;
            }
            var close = composite.IndexOf('}', i + 1);
            if (close < 0)
            {
                yield break;
            }
            var inner = composite.Substring(i + 1, close - i - 1);
            var colon = inner.IndexOf(':');
            var head = colon < 0 ? inner : inner.Substring(0, colon);
            var m = FormatItemHead().Match(head);
            if (m.Success)
            {
                yield return (composite.Substring(i, close - i + 1), int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    colon < 0 ? null : inner.Substring(colon + 1));
            }
            i = close + 1;
        }
    }

    // ---------------------------------------------------------------- per-member context

    private sealed record MemberContext(string Member, string TypeName, bool IsCore, Func<SourceLocation?> DefaultLocation)
    {
        public Func<int, SourceLocation?>? AtOffset { get; init; }

        public SourceLocation? Location(int ilOffset = -1)
            => (ilOffset >= 0 && AtOffset is not null ? AtOffset(ilOffset) : null) ?? DefaultLocation();
    }
}
