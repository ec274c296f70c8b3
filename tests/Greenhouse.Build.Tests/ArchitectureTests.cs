using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Greenhouse.Build.Tests;

/// <summary>
/// The core's rooms keep to the one-way structure of docs/architecture.md: nothing under Messaging/,
/// Technician/, Persistence/, Control/ or Sensing/ knows the Controller (they get the command port and the
/// read-only status instead). Checked on the metadata of the host build — signatures, field types, base types
/// and every token in the IL — not on the source text; and the files stay small enough to hold in mind.
/// </summary>
[TestClass]
public sealed class ArchitectureTests
{
    private const string ControllerName = "Greenhouse.App.Controller";

    private static readonly string[] RoomsBelowApp =
    {
        "Greenhouse.Messaging", "Greenhouse.Technician", "Greenhouse.Persistence", "Greenhouse.Control", "Greenhouse.Sensing",
    };

    /// <summary>Longest source file allowed in the core, lines (issue 10: "none over about 400").</summary>
    public const int MaxCoreFileLines = 400;

    [TestMethod]
    public void NothingBelowAppReferencesTheController()
    {
        var references = ControllerReferences();
        string[] offending = references.Where(r => RoomsBelowApp.Contains(r.Namespace)).Select(r => r.Where).Distinct().ToArray();
        Assert.AreEqual(0, offending.Length, "types below App/ that reference " + ControllerName + ":\n" + string.Join("\n", offending));
    }

    [TestMethod]
    public void TheScanSeesAReferenceWhereThereIsOne()
    {
        // The controller itself and its status object use the controller's own members or are built by it: the scan
        // must find them, or the test above would pass for the wrong reason.
        var references = ControllerReferences();
        Assert.IsTrue(references.Any(r => r.Where.StartsWith(ControllerName + ".", StringComparison.Ordinal)),
            "the scan found no reference even inside " + ControllerName);
    }

    [TestMethod]
    public void CoreFilesStaySmall()
    {
        var tooLong = Repo.Files(Repo.PathOf("shared/Greenhouse.Core"), "*.cs")
            .Concat(Repo.Files(Repo.PathOf("shared/Greenhouse.Controller"), "*.cs"))
            .Select(f => (File: Repo.Relative(f), Lines: File.ReadAllLines(f).Length))
            .Where(x => x.Lines > MaxCoreFileLines)
            .Select(x => $"{x.File}: {x.Lines} lines")
            .ToArray();
        Assert.AreEqual(0, tooLong.Length, "core files over " + MaxCoreFileLines + " lines:\n" + string.Join("\n", tooLong));
    }

    private readonly record struct Reference(string Namespace, string Where);

    private static List<Reference> ControllerReferences()
    {
        string path = typeof(Greenhouse.App.Controller).Assembly.Location;
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        var names = new NameProvider(md);

        TypeDefinitionHandle controller = md.TypeDefinitions.Single(h => FullName(md, h) == ControllerName);
        var controllerMembers = new HashSet<EntityHandle> { controller };
        TypeDefinition controllerDef = md.GetTypeDefinition(controller);
        foreach (var m in controllerDef.GetMethods())
        {
            controllerMembers.Add(m);
        }

        foreach (var f in controllerDef.GetFields())
        {
            controllerMembers.Add(f);
        }

        var found = new List<Reference>();
        foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(handle);
            string ns = OuterNamespace(md, handle);
            string typeName = FullName(md, handle);
            void Found(string where) => found.Add(new Reference(ns, typeName + "." + where));

            if (!type.BaseType.IsNil && names.Name(type.BaseType).Contains(ControllerName))
            {
                Found("(base type)");
            }

            foreach (var i in type.GetInterfaceImplementations())
            {
                if (names.Name(md.GetInterfaceImplementation(i).Interface).Contains(ControllerName))
                {
                    Found("(interface)");
                }
            }

            foreach (var f in type.GetFields())
            {
                FieldDefinition field = md.GetFieldDefinition(f);
                if (field.DecodeSignature(names, null).Contains(ControllerName))
                {
                    Found(md.GetString(field.Name));
                }
            }

            foreach (var m in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(m);
                string name = md.GetString(method.Name);
                var sig = method.DecodeSignature(names, null);
                if (sig.ReturnType.Contains(ControllerName) || sig.ParameterTypes.Any(p => p.Contains(ControllerName)))
                {
                    Found(name + " (signature)");
                }

                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                {
                    var locals = md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(names, null);
                    if (locals.Any(l => l.Contains(ControllerName)))
                    {
                        Found(name + " (local)");
                    }
                }

                foreach (int token in Tokens(body.GetILBytes() ?? Array.Empty<byte>()))
                {
                    EntityHandle entity = MetadataTokens.EntityHandle(token);
                    if (controllerMembers.Contains(entity) || names.Name(entity).Contains(ControllerName))
                    {
                        Found(name + " (IL)");
                    }
                }
            }
        }

        return found;
    }

    private static string FullName(MetadataReader md, TypeDefinitionHandle handle)
    {
        TypeDefinition t = md.GetTypeDefinition(handle);
        string name = md.GetString(t.Name);
        return t.GetDeclaringType().IsNil ? md.GetString(t.Namespace) + "." + name : FullName(md, t.GetDeclaringType()) + "/" + name;
    }

    private static string OuterNamespace(MetadataReader md, TypeDefinitionHandle handle)
    {
        TypeDefinition t = md.GetTypeDefinition(handle);
        return t.GetDeclaringType().IsNil ? md.GetString(t.Namespace) : OuterNamespace(md, t.GetDeclaringType());
    }

    /// <summary>The metadata tokens in a method body (operands of ldfld, call, newobj, castclass, ldtoken …).</summary>
    private static IEnumerable<int> Tokens(byte[] il)
    {
        int at = 0;
        while (at < il.Length)
        {
            OpCode op;
            if (il[at] == 0xFE)
            {
                op = TwoByte[il[at + 1]];
                at += 2;
            }
            else
            {
                op = OneByte[il[at]];
                at += 1;
            }

            switch (op.OperandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    yield return BitConverter.ToInt32(il, at);
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + 4 * BitConverter.ToInt32(il, at);
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineBrTarget:
                case OperandType.InlineI:
                case OperandType.InlineSig:
                case OperandType.InlineString:
                case OperandType.ShortInlineR:
                    at += 4;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    at += 1;
                    break;
            }
        }
    }

    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

    static ArchitectureTests()
    {
        foreach (var f in typeof(OpCodes).GetFields())
        {
            if (f.GetValue(null) is OpCode op)
            {
                if (op.Size == 1)
                {
                    OneByte[op.Value & 0xFF] = op;
                }
                else
                {
                    TwoByte[op.Value & 0xFF] = op;
                }
            }
        }
    }

    /// <summary>Type names from signatures and tokens, enough to spot one type.</summary>
    private sealed class NameProvider(MetadataReader md) : ISignatureTypeProvider<string, object?>
    {
        public string Name(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => FullName(md, (TypeDefinitionHandle)handle),
            HandleKind.TypeReference => RefName((TypeReferenceHandle)handle),
            HandleKind.TypeSpecification => md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
            HandleKind.MemberReference => MemberParent(md.GetMemberReference((MemberReferenceHandle)handle)),
            HandleKind.MethodDefinition => FullName(md, md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType()),
            HandleKind.FieldDefinition => FullName(md, md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType()),
            HandleKind.MethodSpecification => Name(md.GetMethodSpecification((MethodSpecificationHandle)handle).Method),
            _ => "",
        };

        private string MemberParent(MemberReference member) => member.Parent.IsNil ? "" : Name(member.Parent);

        private string RefName(TypeReferenceHandle handle)
        {
            TypeReference r = md.GetTypeReference(handle);
            return md.GetString(r.Namespace) + "." + md.GetString(r.Name);
        }

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[,]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => FullName(reader, handle);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => RefName(handle);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => Name(handle);
    }
}
