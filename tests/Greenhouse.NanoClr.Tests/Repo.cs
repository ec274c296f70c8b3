namespace Greenhouse.NanoClr.Tests;

/// <summary>Locates the repository the tests were built from.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    public static string PathOf(string relative) => Path.GetFullPath(Path.Combine(Root, relative.Replace('\\', '/')));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) &&
                Directory.Exists(Path.Combine(dir.FullName, "tests", "Greenhouse.NanoClr.Tests")))
            {
                return dir.FullName;
            }
            dir = dir.Parent;
        }
        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
