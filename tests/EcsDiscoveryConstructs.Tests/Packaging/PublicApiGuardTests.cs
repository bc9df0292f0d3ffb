using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Packaging;

/// <summary>
/// The public API of the library and the testing kit is declared in PublicAPI.Shipped/Unshipped.txt
/// (Microsoft.CodeAnalysis.PublicApiAnalyzers); a change that is not declared fails the build. The verifier declares
/// none: it is the tool's, the canary's and the tests' code (InternalsVisibleTo), so a public type there fails the build.
/// </summary>
public sealed class PublicApiGuardTests : IDisposable
{
    private readonly string copy = Directory.CreateTempSubdirectory("api-guard-").FullName;

    [Theory]
    [InlineData("EcsDiscoveryConstructs", true)]
    [InlineData("EcsDiscoveryConstructs.Verifier", false)]
    [InlineData("EcsDiscoveryConstructs.Testing", true)]
    public void GuardedProject_DeclaresItsApi_AndWiresTheAnalyzer(string project, bool hasPublicApi)
    {
        var folder = Path.Combine(RepoPaths.Root, "src", project);
        var csproj = File.ReadAllText(Path.Combine(folder, $"{project}.csproj"));
        Assert.Contains("<PackageReference Include=\"Microsoft.CodeAnalysis.PublicApiAnalyzers\" PrivateAssets=\"all\" />", csproj, StringComparison.Ordinal);
        foreach (var file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            Assert.Contains($"<AdditionalFiles Include=\"{file}\" />", csproj, StringComparison.Ordinal);
            Assert.StartsWith("#nullable enable\n", File.ReadAllText(Path.Combine(folder, file)).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        var declared = File.ReadAllLines(Path.Combine(folder, "PublicAPI.Unshipped.txt")).Concat(File.ReadAllLines(Path.Combine(folder, "PublicAPI.Shipped.txt"))).Where(l => l.StartsWith(project + ".", StringComparison.Ordinal));
        Assert.Equal(hasPublicApi, declared.Any());
    }

    [Fact]
    public void UndeclaredOrVanishedApi_FailsTheBuild()
    {
        // A copy of the testing kit (the smallest guarded project) with the repository's build settings: one public
        // type nobody declared, and one declared member that no longer exists.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "LICENSE", "NOTICE" })
        {
            File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(copy, file));
        }

        var source = Path.Combine(RepoPaths.Root, "src", "EcsDiscoveryConstructs.Testing");
        var target = Directory.CreateDirectory(Path.Combine(copy, "src", "EcsDiscoveryConstructs.Testing")).FullName;
        foreach (var file in Directory.EnumerateFiles(source).Where(f => Path.GetExtension(f) is ".cs" or ".csproj" or ".txt" or ".md"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(target, "UndeclaredProbe.cs"), "namespace EcsDiscoveryConstructs.Testing;\n\n/// <summary>Probe.</summary>\npublic static class UndeclaredProbe\n{\n}\n");
        File.AppendAllText(Path.Combine(target, "PublicAPI.Unshipped.txt"), "static EcsDiscoveryConstructs.Testing.Snapshot.Vanished() -> void\n");

        var (exit, output) = ProcessRun.Dotnet(copy, TimeSpan.FromMinutes(3), "build", "src/EcsDiscoveryConstructs.Testing", "-c", "Release", "-nologo");
        Assert.NotEqual(0, exit);
        Assert.Contains("error RS0016: Symbol 'EcsDiscoveryConstructs.Testing.UndeclaredProbe' is not part of the declared public API", output, StringComparison.Ordinal);
        Assert.Contains("error RS0017: Symbol 'static EcsDiscoveryConstructs.Testing.Snapshot.Vanished() -> void' is part of the declared API, but is either not public or could not be found", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(copy, recursive: true);
}
