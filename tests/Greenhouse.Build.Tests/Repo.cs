namespace Greenhouse.Build.Tests;

/// <summary>Locates the repository the tests were built from and lists its files.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    public static string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative.Replace('\\', '/')));

    public static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    /// <summary>Files under <paramref name="directory"/> matching the pattern, skipping bin/, obj/ and hidden folders.</summary>
    public static IEnumerable<string> Files(string directory, string pattern)
    {
        if (!Directory.Exists(directory))
        {
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(directory, pattern))
        {
            yield return Path.GetFullPath(file);
        }
        foreach (var sub in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(sub);
            if (name is "bin" or "obj" or "TestResults" or "packages" || name.StartsWith('.'))
            {
                continue;
            }
            foreach (var file in Files(sub, pattern))
            {
                yield return file;
            }
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) &&
                Directory.Exists(Path.Combine(dir.FullName, "tests", "Greenhouse.NanoCompat")))
            {
                return dir.FullName;
            }
            dir = dir.Parent;
        }
        throw new InvalidOperationException("Repository root (global.json + tests/Greenhouse.NanoCompat) not found above " + AppContext.BaseDirectory);
    }
}
