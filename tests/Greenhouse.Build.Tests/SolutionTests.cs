using System.Text.Json;
using System.Text.RegularExpressions;

namespace Greenhouse.Build.Tests;

/// <summary>Controller.sln and Controller.Host.slnf (written by tools/sync-solution.py) list every project once, under a unique name.</summary>
[TestClass]
public sealed partial class SolutionTests
{
    [GeneratedRegex("^Project\\(\"\\{[0-9A-F-]+\\}\"\\) = \"(?<name>[^\"]+)\", \"(?<path>[^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();

    private static List<(string Name, string Path)> SolutionProjects() =>
        ProjectLine().Matches(File.ReadAllText(Repo.PathOf("Controller.sln")))
            .Select(m => (m.Groups["name"].Value, m.Groups["path"].Value.Replace('\\', '/')))
            .Where(p => p.Item2.EndsWith("proj", StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex(@"^NOT_IN_SOLUTION = \((?<items>[^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex NotInSolutionLine();

    /// <summary>
    /// Folders whose projects the solution leaves out on purpose, read from tools/sync-solution.py so there is one list
    /// (the device programs the nanoCLR tests build themselves: they need the kit beside the checkout).
    /// </summary>
    private static List<string> NotInSolution()
    {
        var m = NotInSolutionLine().Match(File.ReadAllText(Repo.PathOf("tools/sync-solution.py")));
        return m.Success ? Regex.Matches(m.Groups["items"].Value, "'([^']+)'").Select(q => q.Groups[1].Value).ToList() : new List<string>();
    }

    private static List<string> TreeProjects(string pattern)
    {
        var skip = NotInSolution();
        return Repo.Files(Repo.Root, pattern).Select(Repo.Relative)
            .Where(p => !skip.Any(folder => p.StartsWith(folder, StringComparison.Ordinal)))
            .OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    [TestMethod]
    public void SolutionListsEveryProjectOfTheTreeUnderAUniqueName()
    {
        var listed = SolutionProjects();
        var duplicates = listed.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.IsEmpty(duplicates, "names used twice in Controller.sln (dotnet refuses the solution): " + string.Join(", ", duplicates));
        var tree = TreeProjects("*.csproj").Concat(TreeProjects("*.nfproj")).OrderBy(p => p, StringComparer.Ordinal).ToList();
        CollectionAssert.AreEquivalent(tree, listed.Select(p => p.Path).ToList(), "run python3 tools/sync-solution.py");
    }

    [TestMethod]
    public void OnlyTheNanoClrDeviceProgramsAreLeftOutOfTheSolution()
    {
        var skip = NotInSolution();
        Assert.IsNotEmpty(skip, "tools/sync-solution.py: NOT_IN_SOLUTION not found");
        foreach (var folder in skip)
        {
            var projects = Repo.Files(Repo.PathOf(folder), "*.csproj").Concat(Repo.Files(Repo.PathOf(folder), "*.nfproj")).ToList();
            Assert.IsNotEmpty(projects, $"{folder} holds no project: drop it from NOT_IN_SOLUTION");
            foreach (var project in projects)
            {
                StringAssert.Contains(File.ReadAllText(project), "NanoClrDevice.props",
                    $"{Repo.Relative(project)} is left out of Controller.sln but is not a nanoCLR device program");
            }
        }
    }

    [TestMethod]
    public void HostFilterListsEveryHostProject()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Repo.PathOf("Controller.Host.slnf")));
        var filtered = doc.RootElement.GetProperty("solution").GetProperty("projects").EnumerateArray()
            .Select(e => e.GetString()!.Replace('\\', '/')).ToList();
        CollectionAssert.AreEquivalent(TreeProjects("*.csproj"), filtered, "run python3 tools/sync-solution.py");
    }
}
