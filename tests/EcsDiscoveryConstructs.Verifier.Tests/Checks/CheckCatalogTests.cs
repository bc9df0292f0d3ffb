using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Checks;

namespace EcsDiscoveryConstructs.Verifier.Tests.Checks;

public sealed partial class CheckCatalogTests
{
    [Fact]
    public void Catalog_ListsEveryCheckOnce_WithKebabIds()
    {
        var properties = typeof(CheckCatalog).GetProperties().Where(p => p.PropertyType == typeof(CheckInfo)).Select(p => (CheckInfo)p.GetValue(null)!).ToList();
        Assert.Equal(properties.Select(c => c.Id).Order(StringComparer.Ordinal), CheckCatalog.All.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Equal(CheckCatalog.All.Count, CheckCatalog.All.Select(c => c.Id).Distinct().Count());
        Assert.All(CheckCatalog.All, c => Assert.Matches(KebabCase(), c.Id));
    }

    [Fact]
    public void ExecCatalog_ListsEveryExecCheckOnce_WithIdsOfItsOwn()
    {
        var properties = typeof(Verifier.Exec.ExecCheckCatalog).GetProperties().Where(p => p.PropertyType == typeof(CheckInfo)).Select(p => (CheckInfo)p.GetValue(null)!).ToList();
        Assert.Equal(properties.Select(c => c.Id).Order(StringComparer.Ordinal), Verifier.Exec.ExecCheckCatalog.All.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(Verifier.Exec.ExecCheckCatalog.All, c => Assert.Matches("^exec(-[a-z]+)+$", c.Id));
        Assert.Empty(Verifier.Exec.ExecCheckCatalog.All.Select(c => c.Id).Intersect(CheckCatalog.All.Select(c => c.Id)));
    }

    [Fact]
    public void VerifierSource_UsesOnlyCatalogIds()
    {
        // A check id written as a literal instead of CheckCatalog.X.Id would escape the catalogue and its docs.
        var source = Path.Combine(RepoRoot.Path, "src", "EcsDiscoveryConstructs.Verifier");
        var literals = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("CheckCatalog.cs", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => CheckLiteral().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();
        Assert.Empty(literals);
    }

    [Fact]
    public void Docs_AreGeneratedFromTheCatalog()
    {
        Snapshot.Matches(Path.Combine(RepoRoot.Path, "docs", "verifier-checks.md"), CheckCatalog.Markdown());
    }

    [Fact]
    public void Docs_EscapeAPipeInASummary_SoTheTableKeepsItsColumns()
        => Assert.EndsWith(
            "| Check | Level | Passes when | From |\n|---|---|---|---|\n| `a-b` | fail | A \\| B | src |\n",
            CheckCatalog.Markdown([new CheckInfo("a-b", CheckLevel.Fail, "A | B", "src")]),
            StringComparison.Ordinal);

    [GeneratedRegex("^[a-z]+(-[a-z]+)+$")]
    private static partial Regex KebabCase();

    [GeneratedRegex("(?:new\\(\\w+(?:\\.\\w+)*, |Add\\()\"[a-z]+-[a-z-]+\"")]
    private static partial Regex CheckLiteral();
}
