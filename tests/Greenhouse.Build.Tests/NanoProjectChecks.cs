using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Greenhouse.Build.Tests;

/// <summary>
/// Consistency checks between the nanoFramework project files (.nfproj), their packages.config files and
/// the compile-only shims of the gate. Each check takes a repository root and returns the problems found
/// (empty = consistent), so the tests can run them on the real tree and on small broken trees alike.
/// </summary>
internal static partial class NanoProjectChecks
{
    public const string NfUnitTestProject = "tests/NFUnitTest/NFUnitTest.nfproj";
    public const string TestSupportProject = "tests/Greenhouse.TestSupport/Greenhouse.TestSupport.nfproj";
    public const string GateProject = "tests/Greenhouse.NanoCompat/Greenhouse.NanoCompat.csproj";
    public const string ShimsFolder = "tests/Greenhouse.NanoCompat/Shims";
    public const string GateProps = "tests/Greenhouse.NanoCompat/NanoFramework.props";
    public const string CoreLibraryId = "nanoFramework.CoreLibrary";

    public sealed record Package(string Id, string Version, string ConfigPath);

    public static IReadOnlyList<string> NfProjects(string root) => Repo.Files(root, "*.nfproj").OrderBy(p => p, StringComparer.Ordinal).ToList();

    public static IReadOnlyList<string> PackageConfigs(string root) => Repo.Files(root, "packages.config").OrderBy(p => p, StringComparer.Ordinal).ToList();

    // ------------------------------------------------------------------ <Compile> lists

    /// <summary>Every .nfproj compiles exactly the .cs files of its folder (the shared tests live in tests/NFUnitTest).</summary>
    public static List<string> CompileLists(string root)
    {
        var problems = new List<string>();
        foreach (var project in NfProjects(root))
        {
            var rel = Rel(root, project);
            var dir = Path.GetDirectoryName(project)!;
            XDocument doc;
            try
            {
                doc = XDocument.Load(project);
            }
            catch (System.Xml.XmlException ex)
            {
                problems.Add($"{rel}: not valid XML ({ex.Message})");
                continue;
            }
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var include in Elements(doc, "Compile").Select(e => (string?)e.Attribute("Include")).Where(i => i is not null).SelectMany(i => i!.Split(';')))
            {
                var item = include.Trim();
                if (item.Length == 0)
                {
                    continue;
                }
                if (item.IndexOfAny(new[] { '*', '?' }) >= 0 || item.Contains("$(", StringComparison.Ordinal))
                {
                    problems.Add($"{rel}: <Compile Include=\"{item}\"> uses a wildcard or property; an .nfproj lists its files one by one");
                    continue;
                }
                if (Path.IsPathRooted(item.Replace('\\', '/')))
                {
                    problems.Add($"{rel}: <Compile Include=\"{item}\"> is an absolute path; use a path relative to the project");
                    continue;
                }
                var full = Path.GetFullPath(Path.Combine(dir, item.Replace('\\', '/')));
                if (!listed.Add(full))
                {
                    problems.Add($"{rel}: {item} is listed twice");
                }
                if (!File.Exists(full))
                {
                    problems.Add($"{rel}: <Compile Include=\"{item}\"> names a file that does not exist ({Rel(root, full)})");
                    continue;
                }
                if (!IsUnder(full, dir))
                {
                    problems.Add($"{rel}: <Compile Include=\"{item}\"> compiles a file outside the project folder ({Rel(root, full)}); use a ProjectReference");
                }
            }
            foreach (var file in Repo.Files(dir, "*.cs"))
            {
                if (!listed.Contains(file))
                {
                    problems.Add($"{rel}: {Rel(root, file)} is in the project folder but not in a <Compile> item, so the device build skips it");
                }
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ project references and the gate

    /// <summary>Every ProjectReference of an .nfproj names an .nfproj that exists (the device build cannot use a host .csproj).</summary>
    public static List<string> ProjectReferences(string root)
    {
        var problems = new List<string>();
        foreach (var project in NfProjects(root))
        {
            var rel = Rel(root, project);
            XDocument doc;
            try
            {
                doc = XDocument.Load(project);
            }
            catch (System.Xml.XmlException)
            {
                continue; // reported by CompileLists
            }
            foreach (var include in Elements(doc, "ProjectReference").Select(e => (string?)e.Attribute("Include")).Where(i => i is not null))
            {
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include!.Replace('\\', '/')));
                if (!include.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{rel}: <ProjectReference Include=\"{include}\"> is not an .nfproj; a device project references device projects only");
                }
                else if (!File.Exists(target))
                {
                    problems.Add($"{rel}: <ProjectReference Include=\"{include}\"> names a project that does not exist ({Rel(root, target)})");
                }
            }
        }
        return problems;
    }

    /// <summary>The compatibility gate compiles the folder of every .nfproj by wildcard, so no device source escapes the gate.</summary>
    public static List<string> GateCoverage(string root)
    {
        var problems = new List<string>();
        var gate = Path.Combine(root, GateProject);
        if (!File.Exists(gate))
        {
            problems.Add($"{GateProject} is missing");
            return problems;
        }
        var includes = Elements(XDocument.Load(gate), "Compile")
            .Select(e => ((string?)e.Attribute("Include") ?? "").Replace('\\', '/'))
            .ToList();
        foreach (var project in NfProjects(root))
        {
            var folder = Rel(root, Path.GetDirectoryName(project)!);
            var wildcard = "$(RepoRoot)" + folder + "/**/*.cs";
            if (!includes.Contains(wildcard, StringComparer.Ordinal))
            {
                problems.Add($"{Rel(root, project)}: the gate ({GateProject}) does not compile {wildcard}, so its sources are not checked against nanoFramework");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ packages.config and HintPaths

    [GeneratedRegex(@"^(?<up>(\.\.\\)*)packages\\(?<folder>[^\\]+)\\lib\\[^/]+$")]
    private static partial Regex HintPathShape();

    /// <summary>HintPaths point into the packages folder at the repository root, at a package of the project's packages.config;
    /// every package id has one version in all packages.config files, on the CoreLibrary 1.17.11 line.</summary>
    public static List<string> PackageVersions(string root)
    {
        var problems = new List<string>();
        var all = new List<Package>();
        foreach (var config in PackageConfigs(root))
        {
            var packages = ReadPackages(root, config, problems);
            all.AddRange(packages);
            if (packages.Count > 0 && !packages.Any(p => p.Id.Equals(CoreLibraryId, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{Rel(root, config)}: does not list {CoreLibraryId}");
            }
        }

        foreach (var group in all.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase))
        {
            var versions = group.Select(p => p.Version).Distinct(StringComparer.Ordinal).ToList();
            if (versions.Count > 1)
            {
                problems.Add($"{group.Key} has different versions: " +
                    string.Join(", ", group.Select(p => $"{p.Version} in {Rel(root, p.ConfigPath)}")));
            }
        }

        var gateCoreLibrary = GateCoreLibraryVersion(root);
        foreach (var p in all)
        {
            if (p.Id.Equals(CoreLibraryId, StringComparison.OrdinalIgnoreCase) && gateCoreLibrary is not null && p.Version != gateCoreLibrary)
            {
                problems.Add($"{Rel(root, p.ConfigPath)}: {CoreLibraryId} {p.Version} differs from the {gateCoreLibrary} the gate compiles against ({GateProps})");
            }
            if (p.Version.Contains("-preview", StringComparison.OrdinalIgnoreCase) && p.Version.StartsWith("2.", StringComparison.Ordinal))
            {
                problems.Add($"{Rel(root, p.ConfigPath)}: {p.Id} {p.Version} belongs to the 2.x preview line (CoreLibrary 2.0 with generics); the device runs the 1.17.11 line");
            }
        }

        foreach (var project in NfProjects(root))
        {
            var rel = Rel(root, project);
            var dir = Path.GetDirectoryName(project)!;
            var depth = Path.GetRelativePath(root, dir).Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Count(s => s != ".");
            var configPath = Path.Combine(dir, "packages.config");
            var local = File.Exists(configPath) ? all.Where(p => p.ConfigPath == Path.GetFullPath(configPath)).ToList() : new List<Package>();
            XDocument doc;
            try
            {
                doc = XDocument.Load(project);
            }
            catch (System.Xml.XmlException)
            {
                continue; // reported by CompileLists
            }
            foreach (var reference in Elements(doc, "Reference"))
            {
                var hint = reference.Elements().FirstOrDefault(e => e.Name.LocalName == "HintPath")?.Value.Trim();
                if (hint is null)
                {
                    continue;
                }
                var name = (string?)reference.Attribute("Include") ?? "?";
                var m = HintPathShape().Match(hint);
                if (!m.Success)
                {
                    problems.Add($"{rel}: HintPath '{hint}' of {name} is not of the form ..\\..\\packages\\<id>.<version>\\lib\\... (Windows backslashes)");
                    continue;
                }
                var up = m.Groups["up"].Value.Length / 3;
                if (up != depth)
                {
                    problems.Add($"{rel}: HintPath '{hint}' climbs {up} folder(s) but the packages folder is at the repository root, {depth} up");
                }
                var folder = m.Groups["folder"].Value;
                if (!File.Exists(configPath))
                {
                    problems.Add($"{rel}: HintPath '{hint}' but there is no packages.config next to the project");
                    continue;
                }
                if (!local.Any(p => string.Equals(p.Id + "." + p.Version, folder, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{rel}: HintPath '{hint}' names package folder '{folder}', which matches no <id>.<version> of {Rel(root, configPath)}");
                }
            }
        }

        var solutions = Repo.Files(root, "Controller.sln").ToList();
        foreach (var sln in solutions.Where(s => Path.GetDirectoryName(s) != Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar)))
        {
            problems.Add($"{Rel(root, sln)}: Controller.sln must sit at the repository root, next to the packages folder the HintPaths use");
        }
        return problems;
    }

    public static List<Package> ReadPackages(string root, string config, List<string> problems)
    {
        var result = new List<Package>();
        XDocument doc;
        try
        {
            doc = XDocument.Load(config);
        }
        catch (System.Xml.XmlException ex)
        {
            problems.Add($"{Rel(root, config)}: not valid XML ({ex.Message})");
            return result;
        }
        foreach (var e in Elements(doc, "package"))
        {
            var id = (string?)e.Attribute("id");
            var version = (string?)e.Attribute("version");
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(version))
            {
                problems.Add($"{Rel(root, config)}: a <package> lacks id or version");
                continue;
            }
            if (result.Any(p => p.Id.Equals(id, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{Rel(root, config)}: {id} is listed twice");
            }
            result.Add(new Package(id, version, Path.GetFullPath(config)));
        }
        return result;
    }

    /// <summary>The nanoFramework.CoreLibrary version the gate compiles against (NanoFramework.props), if readable.</summary>
    public static string? GateCoreLibraryVersion(string root)
    {
        var props = Path.Combine(root, GateProps);
        if (!File.Exists(props))
        {
            return null;
        }
        return Elements(XDocument.Load(props), "PackageReference")
            .Where(e => string.Equals((string?)e.Attribute("Include"), CoreLibraryId, StringComparison.OrdinalIgnoreCase))
            .Select(e => (string?)e.Attribute("Version"))
            .FirstOrDefault();
    }

    // ------------------------------------------------------------------ shim headers

    [GeneratedRegex(@"^//\s*Package:\s*(?<id>\S+)\s+(?<version>\S+)\s*$")]
    private static partial Regex PackageLine();

    [GeneratedRegex(@"^//\s*Upstream:\s*nanoframework/(?<repo>[A-Za-z0-9._-]+)@(?<sha>[0-9a-f]{40})\s+(?<path>\S.*)$")]
    private static partial Regex UpstreamLine();

    /// <summary>Every shim names one package and version that a packages.config uses, and at least one pinned upstream file.</summary>
    public static List<string> ShimHeaders(string root)
    {
        var problems = new List<string>();
        var ignored = new List<string>();
        var packages = PackageConfigs(root).SelectMany(c => ReadPackages(root, c, ignored)).ToList();
        foreach (var shim in Repo.Files(Path.Combine(root, ShimsFolder), "*.cs"))
        {
            var rel = Rel(root, shim);
            var header = File.ReadLines(shim).Select(l => l.Trim()).TakeWhile(l => l.Length == 0 || l.StartsWith("//", StringComparison.Ordinal)).ToList();
            var packageLines = header.Select(l => PackageLine().Match(l)).Where(m => m.Success).ToList();
            var upstreamLines = header.Where(l => l.StartsWith("//", StringComparison.Ordinal) && l.Contains("Upstream:", StringComparison.Ordinal)).ToList();
            if (packageLines.Count != 1)
            {
                problems.Add($"{rel}: the header needs exactly one '// Package: <id> <version>' line (found {packageLines.Count})");
            }
            if (upstreamLines.Count == 0)
            {
                problems.Add($"{rel}: the header needs at least one '// Upstream: nanoframework/<repo>@<40-hex commit> <path>' line");
            }
            foreach (var line in upstreamLines.Where(l => !UpstreamLine().IsMatch(l)))
            {
                problems.Add($"{rel}: '{line}' is not of the form '// Upstream: nanoframework/<repo>@<40-hex commit> <path>'");
            }
            if (packageLines.Count != 1)
            {
                continue;
            }
            var id = packageLines[0].Groups["id"].Value;
            var version = packageLines[0].Groups["version"].Value;
            var folder = Path.GetRelativePath(Path.Combine(root, ShimsFolder), shim).Replace('\\', '/').Split('/')[0];
            if (!string.Equals(folder, id, StringComparison.Ordinal))
            {
                problems.Add($"{rel}: shims package {id} but lives in folder '{folder}'; one folder per package id (Shims/{id}/)");
            }
            var sameId = packages.Where(p => p.Id.Equals(id, StringComparison.OrdinalIgnoreCase)).ToList();
            if (sameId.Count > 0 && !sameId.Any(p => p.Version == version))
            {
                problems.Add($"{rel}: shims {id} {version}, but packages.config uses " +
                    string.Join(", ", sameId.Select(p => $"{p.Version} ({Rel(root, p.ConfigPath)})").Distinct()));
            }
            else if (sameId.Count == 0 && packages.Count > 0)
            {
                problems.Add($"{rel}: shims {id} {version}, which no packages.config lists");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ helpers

    private static IEnumerable<XElement> Elements(XDocument doc, string localName)
        => doc.Descendants().Where(e => e.Name.LocalName == localName);

    private static bool IsUnder(string file, string dir)
    {
        var d = Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return file.StartsWith(d, StringComparison.Ordinal);
    }

    private static string Rel(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
