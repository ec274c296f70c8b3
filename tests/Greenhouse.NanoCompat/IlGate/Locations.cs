using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Text.RegularExpressions;

namespace Greenhouse.NanoCompat.IlGate;

internal readonly record struct SourceLocation(string File, int Line);

/// <summary>Maps methods, IL offsets and types to source lines through the portable PDB.</summary>
internal sealed class Locations
{
    // Custom debug information kind the C# compiler writes for types without method bodies.
    private static readonly Guid TypeDefinitionDocuments = new("932E74BC-DBA9-4478-8D46-0F32A7BAB3D3");

    private readonly MetadataReader _md;
    private readonly MetadataReader? _pdb;

    public Locations(MetadataReader md, MetadataReader? pdb)
    {
        _md = md;
        _pdb = pdb;
    }

    /// <summary>The line of the IL offset in the method (the sequence point covering it), or the method's first line when offset &lt; 0.</summary>
    public SourceLocation? Method(MethodDefinitionHandle method, int ilOffset = -1)
    {
        if (_pdb is null)
        {
            return null;
        }
        var info = _pdb.GetMethodDebugInformation(method.ToDebugInformationHandle());
        if (info.SequencePointsBlob.IsNil)
        {
            return null;
        }
        SequencePoint? first = null, best = null;
        foreach (var sp in info.GetSequencePoints())
        {
            if (sp.IsHidden)
            {
                continue;
            }
            first ??= sp;
            if (ilOffset >= 0 && sp.Offset <= ilOffset && (best is null || sp.Offset >= best.Value.Offset))
            {
                best = sp;
            }
        }
        var chosen = best ?? first;
        if (chosen is null)
        {
            return null;
        }
        var doc = _pdb.GetDocument(chosen.Value.Document);
        return new SourceLocation(_pdb.GetString(doc.Name), chosen.Value.StartLine);
    }

    /// <summary>
    /// Narrows a location to the declaration line of a field or type: the PDB has no lines for declarations, so the
    /// source file the hint points at is searched for the first line matching the pattern. Keeps the hint otherwise.
    /// </summary>
    public SourceLocation? Declaration(SourceLocation? hint, Regex pattern)
    {
        if (hint is not { } h || !File.Exists(h.File))
        {
            return hint;
        }
        var line = 0;
        foreach (var text in File.ReadLines(h.File))
        {
            line++;
            if (pattern.IsMatch(text))
            {
                return new SourceLocation(h.File, line);
            }
        }
        return hint;
    }

    /// <summary>The earliest line of any method of the type (or of its nested types, or its declaring type).</summary>
    public SourceLocation? Type(TypeDefinitionHandle type) => Type(type, allowDeclaring: true);

    private SourceLocation? Type(TypeDefinitionHandle type, bool allowDeclaring)
    {
        if (_pdb is null)
        {
            return null;
        }
        var t = _md.GetTypeDefinition(type);
        SourceLocation? best = null;
        foreach (var m in t.GetMethods())
        {
            var loc = Method(m);
            if (loc is not null && (best is null || (loc.Value.File == best.Value.File && loc.Value.Line < best.Value.Line)))
            {
                best = loc;
            }
        }
        if (best is not null)
        {
            return best;
        }
        // Types without method bodies (interfaces, enums, field-only classes): the compiler records their documents.
        foreach (var cdiHandle in _pdb.GetCustomDebugInformation(type))
        {
            var cdi = _pdb.GetCustomDebugInformation(cdiHandle);
            if (_pdb.GetGuid(cdi.Kind) != TypeDefinitionDocuments)
            {
                continue;
            }
            var blob = _pdb.GetBlobReader(cdi.Value);
            if (blob.RemainingBytes > 0)
            {
                var row = blob.ReadCompressedInteger();
                var doc = _pdb.GetDocument(MetadataTokens.DocumentHandle(row));
                return new SourceLocation(_pdb.GetString(doc.Name), 1);
            }
        }
        foreach (var nested in t.GetNestedTypes())
        {
            var loc = Type(nested, allowDeclaring: false);
            if (loc is not null)
            {
                return loc;
            }
        }
        var declaring = t.GetDeclaringType();
        return allowDeclaring && !declaring.IsNil ? Type(declaring, allowDeclaring: true) : null;
    }
}
