using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.Tests.TestSupport;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Tests.Validation;

public partial class RuleCatalogTests
{
    private static readonly string DocsPath = Path.Combine(RepoPaths.Root, "docs", "validation-rules.md");

    [Fact]
    public void All_IdsAreUniqueKebabCase()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
        Assert.All(RuleCatalog.All, r => Assert.Matches(KebabCase(), r.Id));
    }

    [Fact]
    public void Docs_CiteOnlyRulesThatExist()
    {
        // Every "ecs-discovery:<id>" in the docs, and every id in a "Checked by" column of the migration guides.
        var ids = RuleCatalog.All.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var docs = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md").Append(Path.Combine(RepoPaths.Root, "README.md")).ToList();
        var cited = new List<(string File, string Id)>();
        foreach (var file in docs)
        {
            var text = File.ReadAllText(file);
            cited.AddRange(Regex.Matches(text, @"ecs-discovery:([a-z0-9-]+)").Select(m => (Path.GetFileName(file), m.Groups[1].Value)));
            if (Path.GetFileName(file).StartsWith("migrate-", StringComparison.Ordinal))
            {
                var inCheckedTable = false;
                foreach (var row in text.ReplaceLineEndings("\n").Split('\n'))
                {
                    var lastCell = row.TrimEnd().TrimEnd('|').Split('|').Last().Trim();
                    if (!row.StartsWith('|'))
                    {
                        inCheckedTable = false;
                    }
                    else if (lastCell == "Checked by")
                    {
                        inCheckedTable = true;
                    }
                    else if (inCheckedTable)
                    {
                        cited.AddRange(Regex.Matches(lastCell, "`([a-z0-9]+(?:-[a-z0-9]+)+)`").Select(m => (Path.GetFileName(file), m.Groups[1].Value)));
                    }
                }
            }
        }

        Assert.NotEmpty(cited);
        Assert.Empty(cited.Where(c => !ids.Contains(c.Id)).Select(c => $"{c.File}: {c.Id}"));
    }

    [Fact]
    public void EveryRuleClass_IsInTheCatalogAndHasATestClassWithCompliantAndNonCompliantCases()
    {
        var ruleTypes = typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace == "EcsDiscoveryConstructs.Validation.Rules" && t.IsClass && !t.IsNested)
            .ToList();
        Assert.NotEmpty(ruleTypes);
        var testTypes = typeof(RuleCatalogTests).Assembly.GetTypes().ToDictionary(t => t.FullName!);
        foreach (var rule in ruleTypes)
        {
            Assert.True(testTypes.TryGetValue($"EcsDiscoveryConstructs.Tests.Validation.Rules.{rule.Name}Tests", out var tests), $"{rule.Name} has no test class.");
            var cases = tests!.GetMethods().Count(m => m.GetCustomAttributes<FactAttribute>().Any());
            Assert.True(cases >= 2, $"{rule.Name}Tests needs a compliant and a non-compliant test; it has {cases}.");
        }

        Assert.Equal(ruleTypes.Count + RuleCatalog.SynthRules.Count + RuleCatalog.GuardRules.Count, RuleCatalog.All.Count);
    }

    [Fact]
    public void ExecRules_AreEveryFargateRuleAboutExec()
    {
        // Listed by type (reading rule metadata while the catalog is built would hide it from mutation testing).
        Assert.Equal(
            RuleCatalog.FargateServiceRules.Where(r => r.Info.Id.StartsWith("exec-", StringComparison.Ordinal)).Select(r => r.Info.Id),
            RuleCatalog.ExecRules.Select(r => r.Info.Id));
        Assert.NotEmpty(RuleCatalog.ExecRules);
    }

    [Fact]
    public void EveryRuleButTheLibrarysOwnGuard_CitesTheAwsPageItIsTakenFrom()
    {
        var uncited = RuleCatalog.All.Where(r => r.Id != "required-props" && r.Reference?.StartsWith("https://docs.aws.amazon.com/", StringComparison.Ordinal) != true).Select(r => r.Id);
        Assert.Empty(uncited);
        Assert.All(RuleCatalog.All.Select(r => r.Reference).OfType<string>(), reference => Assert.Matches(@"^https://docs\.aws\.amazon\.com/[a-zA-Z0-9/_.-]+\.html$", reference));
    }

    [Fact]
    public void Docs_ListEveryRule()
    {
        var expected = Render();
        var actual = File.Exists(DocsPath) ? File.ReadAllText(DocsPath).ReplaceLineEndings("\n") : string.Empty;
        if (actual != expected && Snapshot.AcceptRequested)
        {
            File.WriteAllText(DocsPath, expected);
            return;
        }

        Assert.True(actual == expected, $"docs/validation-rules.md is out of date; run the tests with {Snapshot.AcceptVariable}=1 to regenerate it.\n{TextDiff.Unified(actual, expected)}");
    }

    private static string Render()
    {
        var text = new StringBuilder();
        text.Append("# Validation rules\n\n")
            .Append("Generated from `RuleCatalog.All` (the test `RuleCatalogTests.Docs_ListEveryRule` keeps it current).\n")
            .Append("Errors stop synthesis; every error of one construct is reported in one exception. Warnings are CDK\n")
            .Append("warnings with the id shown, so they can be acknowledged: `Annotations.Of(scope).AcknowledgeWarning(\"ecs-discovery:<id>\")`.\n\n")
            .Append("| Id | Level | Checks | Why | AWS reference |\n|---|---|---|---|---|\n");
        foreach (var rule in RuleCatalog.All)
        {
            text.Append($"| `{rule.QualifiedId}` | {rule.Level} | {rule.Summary.Replace("|", "\\|", StringComparison.Ordinal)} | {rule.Why.Replace("|", "\\|", StringComparison.Ordinal)} | {(rule.Reference is { } reference ? $"[{reference[(reference.LastIndexOf('/') + 1)..].Replace(".html", string.Empty, StringComparison.Ordinal)}]({reference})" : "-")} |\n");
        }

        return text.ToString();
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
