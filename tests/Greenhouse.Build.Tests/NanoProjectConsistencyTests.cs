namespace Greenhouse.Build.Tests;

/// <summary>The real tree: .nfproj compile lists, packages.config versions, HintPaths and shim headers agree.</summary>
[TestClass]
public sealed class NanoProjectConsistencyTests
{
    [TestMethod]
    public void DeviceProjectsAndTheirPackagesConfigsExist()
    {
        // Guards the checks below against passing on an empty tree if a project moves.
        var projects = NanoProjectChecks.NfProjects(Repo.Root).Select(Repo.Relative).ToList();
        foreach (var expected in new[]
                 {
                     "firmware/Greenhouse.Firmware/Greenhouse.Firmware.nfproj",
                     "shared/Greenhouse.Core/Greenhouse.Core.nfproj",
                     "shared/Greenhouse.Controller/Greenhouse.Controller.nfproj",
                     NanoProjectChecks.NfUnitTestProject,
                     NanoProjectChecks.TestSupportProject,
                 })
        {
            Assert.Contains(expected, projects);
            Assert.IsTrue(File.Exists(Path.Combine(Path.GetDirectoryName(Repo.PathOf(expected))!, "packages.config")), expected + " has no packages.config");
        }
        Assert.IsTrue(File.Exists(Repo.PathOf("Controller.sln")), "Controller.sln (next to the packages folder) is missing at the repository root");
    }

    [TestMethod]
    public void EveryNfprojCompilesExactlyTheFilesOfItsFolder()
    {
        var problems = NanoProjectChecks.CompileLists(Repo.Root);
        Assert.IsEmpty(problems, string.Join("\n", problems));
    }

    [TestMethod]
    public void DeviceProjectReferencesNameDeviceProjectsThatExist()
    {
        var problems = NanoProjectChecks.ProjectReferences(Repo.Root);
        Assert.IsEmpty(problems, string.Join("\n", problems));
    }

    [TestMethod]
    public void UnitTestProjectUsesTheSharedTestSupportOnTheDevice()
    {
        var text = File.ReadAllText(Repo.PathOf(NanoProjectChecks.NfUnitTestProject));
        Assert.Contains("<ProjectReference Include=\"..\\Greenhouse.TestSupport\\Greenhouse.TestSupport.nfproj\" />", text);
    }

    [TestMethod]
    public void GateCompilesTheFolderOfEveryDeviceProject()
    {
        var problems = NanoProjectChecks.GateCoverage(Repo.Root);
        Assert.IsEmpty(problems, string.Join("\n", problems));
    }

    [TestMethod]
    public void PackagesConfigsAndHintPathsAgreeOnVersions()
    {
        var problems = NanoProjectChecks.PackageVersions(Repo.Root);
        Assert.IsEmpty(problems, string.Join("\n", problems));
    }

    [TestMethod]
    public void ShimHeadersNameUsedPackagesAndPinnedUpstreamFiles()
    {
        var problems = NanoProjectChecks.ShimHeaders(Repo.Root);
        Assert.IsEmpty(problems, string.Join("\n", problems));
    }

    [TestMethod]
    public void GateCompilesAgainstTheCoreLibraryOfTheDeviceLine()
    {
        Assert.AreEqual("1.17.11", NanoProjectChecks.GateCoreLibraryVersion(Repo.Root));
    }
}

/// <summary>The checks themselves, on small trees written to a temp folder: a consistent tree passes, each kind of drift is caught.</summary>
[TestClass]
public sealed class NanoProjectChecksTests
{
    private string _root = "";

    [TestInitialize]
    public void CreateTree()
    {
        _root = Path.Combine(Path.GetTempPath(), "greenhouse-nfcheck-" + Guid.NewGuid().ToString("N"));
        Write("tests/Greenhouse.NanoCompat/NanoFramework.props",
            "<Project><ItemGroup><PackageReference Include=\"nanoFramework.CoreLibrary\" Version=\"1.17.11\" /></ItemGroup></Project>");
        Write("Controller.sln", "");
        Write("shared/Greenhouse.Core/Core.cs", "namespace Greenhouse.Core { }");
        Write("shared/Greenhouse.Core/Text/Num.cs", "namespace Greenhouse.Text { }");
        Write("shared/Greenhouse.Core/Properties/AssemblyInfo.cs", "");
        Write("shared/Greenhouse.Core/Greenhouse.Core.nfproj", NfProj(
            new[] { "Core.cs", "Text\\Num.cs", "Properties\\AssemblyInfo.cs" },
            ("mscorlib", "..\\..\\packages\\nanoFramework.CoreLibrary.1.17.11\\lib\\mscorlib.dll"),
            ("System.Math", "..\\..\\packages\\nanoFramework.System.Math.1.5.116\\lib\\System.Math.dll")));
        Write("shared/Greenhouse.Core/packages.config", PackagesConfig(("nanoFramework.CoreLibrary", "1.17.11"), ("nanoFramework.System.Math", "1.5.116")));
        Write("shared/Greenhouse.Core/bin/Debug/Generated.cs", "");
        Write("tests/NFUnitTest/ClimateTests.cs", "");
        Write("tests/NFUnitTest/Launcher.cs", "");
        Write("tests/NFUnitTest/NFUnitTest.nfproj", NfProj(
            new[] { "Launcher.cs", "ClimateTests.cs" },
            ("mscorlib", "..\\..\\packages\\nanoFramework.CoreLibrary.1.17.11\\lib\\mscorlib.dll"),
            ("nanoFramework.TestFramework", "..\\..\\packages\\nanoFramework.TestFramework.3.0.80\\lib\\nanoFramework.TestFramework.dll")));
        Write("tests/NFUnitTest/packages.config", PackagesConfig(("nanoFramework.CoreLibrary", "1.17.11"), ("nanoFramework.TestFramework", "3.0.80")));
        Write("tests/Greenhouse.TestSupport/FakeClock.cs", "");
        Write("tests/Greenhouse.TestSupport/Greenhouse.TestSupport.nfproj", NfProj(
            new[] { "FakeClock.cs" },
            ("mscorlib", "..\\..\\packages\\nanoFramework.CoreLibrary.1.17.11\\lib\\mscorlib.dll")));
        Write("tests/Greenhouse.TestSupport/packages.config", PackagesConfig(("nanoFramework.CoreLibrary", "1.17.11")));
        Rewrite("tests/NFUnitTest/NFUnitTest.nfproj", "    <None Include=\"packages.config\" />",
            "    <None Include=\"packages.config\" />\n    <ProjectReference Include=\"..\\Greenhouse.TestSupport\\Greenhouse.TestSupport.nfproj\" />");
        Write("tests/Greenhouse.NanoCompat/Greenhouse.NanoCompat.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup>\n" +
            "<Compile Include=\"$(RepoRoot)shared/Greenhouse.Core/**/*.cs\" />\n" +
            "<Compile Include=\"$(RepoRoot)tests/NFUnitTest/**/*.cs\" />\n" +
            "<Compile Include=\"$(RepoRoot)tests/Greenhouse.TestSupport/**/*.cs\" />\n" +
            "</ItemGroup></Project>\n");
        Write("tests/Greenhouse.NanoCompat/Shims/nanoFramework.System.Math/Math.cs",
            "// Compile-only shim, not deployed.\n// Package: nanoFramework.System.Math 1.5.116\n" +
            "// Upstream: nanoframework/System.Math@9e35956f75b12d44654ed5ef55602eea3efa545e nanoFramework.System.Math/Math.cs\nnamespace System { }\n");
    }

    [TestCleanup]
    public void DeleteTree()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [TestMethod]
    public void ConsistentTreePasses()
    {
        Assert.IsEmpty(NanoProjectChecks.CompileLists(_root), string.Join("\n", NanoProjectChecks.CompileLists(_root)));
        Assert.IsEmpty(NanoProjectChecks.PackageVersions(_root), string.Join("\n", NanoProjectChecks.PackageVersions(_root)));
        Assert.IsEmpty(NanoProjectChecks.ShimHeaders(_root), string.Join("\n", NanoProjectChecks.ShimHeaders(_root)));
        Assert.IsEmpty(NanoProjectChecks.ProjectReferences(_root), string.Join("\n", NanoProjectChecks.ProjectReferences(_root)));
        Assert.IsEmpty(NanoProjectChecks.GateCoverage(_root), string.Join("\n", NanoProjectChecks.GateCoverage(_root)));
        Assert.HasCount(3, NanoProjectChecks.NfProjects(_root));
    }

    [TestMethod]
    public void SourceFileMissingFromCompileListIsReported()
    {
        Write("shared/Greenhouse.Core/Climate/Vpd.cs", "");
        AssertReported(NanoProjectChecks.CompileLists(_root), "shared/Greenhouse.Core/Climate/Vpd.cs is in the project folder but not in a <Compile>");
    }

    [TestMethod]
    public void CompileItemOfDeletedFileIsReported()
    {
        File.Delete(Path.Combine(_root, "shared/Greenhouse.Core/Text/Num.cs"));
        AssertReported(NanoProjectChecks.CompileLists(_root), "names a file that does not exist");
    }

    [TestMethod]
    public void WildcardCompileItemIsReported()
    {
        Rewrite("shared/Greenhouse.Core/Greenhouse.Core.nfproj", "Include=\"Core.cs\"", "Include=\"**\\*.cs\"");
        AssertReported(NanoProjectChecks.CompileLists(_root), "uses a wildcard");
    }

    [TestMethod]
    public void SharedTestSourceMissingFromTheUnitTestProjectIsReported()
    {
        Write("tests/NFUnitTest/MqttTests.cs", "");
        AssertReported(NanoProjectChecks.CompileLists(_root), "tests/NFUnitTest/MqttTests.cs is in the project folder but not in a <Compile>");
    }

    [TestMethod]
    public void LinkOutsideTheFolderIsReported()
    {
        Rewrite("shared/Greenhouse.Core/Greenhouse.Core.nfproj", "Include=\"Core.cs\"", "Include=\"..\\..\\tests\\NFUnitTest\\Launcher.cs\"");
        AssertReported(NanoProjectChecks.CompileLists(_root), "compiles a file outside the project folder");
    }

    [TestMethod]
    public void SourceFileMissingFromTheTestSupportProjectIsReported()
    {
        Write("tests/Greenhouse.TestSupport/FakeRelay.cs", "");
        AssertReported(NanoProjectChecks.CompileLists(_root), "tests/Greenhouse.TestSupport/FakeRelay.cs is in the project folder but not in a <Compile>");
    }

    [TestMethod]
    public void ReferenceToAMissingDeviceProjectIsReported()
    {
        Rewrite("tests/NFUnitTest/NFUnitTest.nfproj", "Greenhouse.TestSupport.nfproj", "Greenhouse.Testing.nfproj");
        AssertReported(NanoProjectChecks.ProjectReferences(_root), "names a project that does not exist");
    }

    [TestMethod]
    public void ReferenceToAHostProjectIsReported()
    {
        Rewrite("tests/NFUnitTest/NFUnitTest.nfproj", "Greenhouse.TestSupport.nfproj", "Greenhouse.TestSupport.csproj");
        AssertReported(NanoProjectChecks.ProjectReferences(_root), "is not an .nfproj");
    }

    [TestMethod]
    public void DeviceProjectTheGateDoesNotCompileIsReported()
    {
        Rewrite("tests/Greenhouse.NanoCompat/Greenhouse.NanoCompat.csproj", "<Compile Include=\"$(RepoRoot)tests/Greenhouse.TestSupport/**/*.cs\" />\n", "");
        AssertReported(NanoProjectChecks.GateCoverage(_root), "does not compile $(RepoRoot)tests/Greenhouse.TestSupport/**/*.cs");
    }

    [TestMethod]
    public void HintPathWithForwardSlashesIsReported()
    {
        Rewrite("shared/Greenhouse.Core/Greenhouse.Core.nfproj", "..\\..\\packages\\nanoFramework.System.Math.1.5.116\\lib\\System.Math.dll",
            "../../packages/nanoFramework.System.Math.1.5.116/lib/System.Math.dll");
        AssertReported(NanoProjectChecks.PackageVersions(_root), "is not of the form");
    }

    [TestMethod]
    public void HintPathAtWrongDepthIsReported()
    {
        Rewrite("shared/Greenhouse.Core/Greenhouse.Core.nfproj", "..\\..\\packages\\nanoFramework.System.Math", "..\\packages\\nanoFramework.System.Math");
        AssertReported(NanoProjectChecks.PackageVersions(_root), "climbs 1 folder(s)");
    }

    [TestMethod]
    public void HintPathVersionNotInPackagesConfigIsReported()
    {
        Rewrite("shared/Greenhouse.Core/packages.config", "version=\"1.5.116\"", "version=\"1.5.117\"");
        var problems = NanoProjectChecks.PackageVersions(_root);
        AssertReported(problems, "names package folder 'nanoFramework.System.Math.1.5.116', which matches no <id>.<version>");
    }

    [TestMethod]
    public void SamePackageWithTwoVersionsIsReported()
    {
        Rewrite("tests/NFUnitTest/packages.config", "</packages>", "  <package id=\"nanoFramework.System.Math\" version=\"1.5.100\" targetFramework=\"netnano1.0\" />\n</packages>");
        AssertReported(NanoProjectChecks.PackageVersions(_root), "nanoFramework.System.Math has different versions");
    }

    [TestMethod]
    public void CoreLibraryOtherThanTheGatesIsReported()
    {
        Rewrite("tests/NFUnitTest/packages.config", "version=\"1.17.11\"", "version=\"1.17.9\"");
        AssertReported(NanoProjectChecks.PackageVersions(_root), "differs from the 1.17.11 the gate compiles against");
    }

    [TestMethod]
    public void PackageOfThe2xPreviewLineIsReported()
    {
        Rewrite("tests/NFUnitTest/packages.config", "</packages>", "  <package id=\"nanoFramework.Runtime.Events\" version=\"2.0.0-preview.29\" targetFramework=\"netnano1.0\" />\n</packages>");
        AssertReported(NanoProjectChecks.PackageVersions(_root), "belongs to the 2.x preview line");
    }

    [TestMethod]
    public void ShimWithOtherVersionThanPackagesConfigIsReported()
    {
        Rewrite("tests/Greenhouse.NanoCompat/Shims/nanoFramework.System.Math/Math.cs", "System.Math 1.5.116", "System.Math 1.5.99");
        AssertReported(NanoProjectChecks.ShimHeaders(_root), "shims nanoFramework.System.Math 1.5.99, but packages.config uses 1.5.116");
    }

    [TestMethod]
    public void ShimOfUnusedPackageIsReported()
    {
        Write("tests/Greenhouse.NanoCompat/Shims/nanoFramework.Json/Json.cs",
            "// Package: nanoFramework.Json 2.2.213\n// Upstream: nanoframework/nanoFramework.Json@0123456789abcdef0123456789abcdef01234567 nanoFramework.Json/JsonConvert.cs\n");
        AssertReported(NanoProjectChecks.ShimHeaders(_root), "which no packages.config lists");
    }

    [TestMethod]
    public void ShimOutsideItsPackageFolderIsReported()
    {
        Write("tests/Greenhouse.NanoCompat/Shims/Misc/Math2.cs",
            "// Package: nanoFramework.System.Math 1.5.116\n// Upstream: nanoframework/System.Math@9e35956f75b12d44654ed5ef55602eea3efa545e nanoFramework.System.Math/Math.cs\n");
        AssertReported(NanoProjectChecks.ShimHeaders(_root), "lives in folder 'Misc'");
    }

    [TestMethod]
    public void ShimWithoutPinnedUpstreamIsReported()
    {
        Rewrite("tests/Greenhouse.NanoCompat/Shims/nanoFramework.System.Math/Math.cs", "@9e35956f75b12d44654ed5ef55602eea3efa545e", "@main");
        AssertReported(NanoProjectChecks.ShimHeaders(_root), "is not of the form '// Upstream:");
        Rewrite("tests/Greenhouse.NanoCompat/Shims/nanoFramework.System.Math/Math.cs", "// Upstream:", "// Source:");
        AssertReported(NanoProjectChecks.ShimHeaders(_root), "needs at least one '// Upstream:");
    }

    private static void AssertReported(List<string> problems, string expected)
        => Assert.IsTrue(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)),
            $"expected a problem containing \"{expected}\", got:\n{string.Join("\n", problems)}");

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private void Rewrite(string relative, string from, string to)
    {
        var path = Path.Combine(_root, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, $"test setup: '{from}' not in {relative}");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static string NfProj(string[] compile, params (string Name, string Hint)[] references)
    {
        var items = string.Concat(compile.Select(c => $"    <Compile Include=\"{c}\" />\n"));
        var refs = string.Concat(references.Select(r =>
            $"    <Reference Include=\"{r.Name}, Version=1.0.0.0, Culture=neutral, PublicKeyToken=c07d481e9758c731\">\n      <HintPath>{r.Hint}</HintPath>\n      <Private>True</Private>\n    </Reference>\n"));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            "<Project ToolsVersion=\"Current\" DefaultTargets=\"Build\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\n" +
            "  <ItemGroup>\n" + items + "    <None Include=\"packages.config\" />\n  </ItemGroup>\n" +
            "  <ItemGroup>\n" + refs + "  </ItemGroup>\n</Project>\n";
    }

    private static string PackagesConfig(params (string Id, string Version)[] packages)
        => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<packages>\n" +
           string.Concat(packages.Select(p => $"  <package id=\"{p.Id}\" version=\"{p.Version}\" targetFramework=\"netnano1.0\" />\n")) +
           "</packages>";
}
