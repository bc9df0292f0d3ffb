using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;

namespace EcsDiscoveryConstructs.Cli.Tests;

/// <summary>
/// The workflow docs/ci.md gives users (docs/ci/discovery.yml) and this repository's own workflow, parsed as YAML:
/// what each job runs, and that the verify command line is one the tool accepts.
/// </summary>
public sealed class CiWorkflowTests
{
    [Fact]
    public void UsersWorkflow_SnapshotsOnPullRequests_ThenDeployAndVerifyGate()
    {
        var jobs = Workflow("docs/ci/discovery.yml")["jobs"]!;
        var snapshots = Steps(jobs["snapshots"]!);
        Assert.Contains(snapshots, s => Run(s).StartsWith("dotnet test", StringComparison.Ordinal));
        var upload = snapshots.Single(s => Uses(s).StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        Assert.Equal("failure()", upload["if"]!.GetValue<string>());
        Assert.Equal("**/*.received.json", upload["with"]!["path"]!.GetValue<string>());

        var deploy = jobs["deploy"]!;
        Assert.Equal("snapshots", deploy["needs"]!.GetValue<string>());
        var steps = Steps(deploy);
        var deployAt = steps.FindIndex(s => Run(s).StartsWith("cdk deploy", StringComparison.Ordinal));
        var verifyAt = steps.FindIndex(s => Run(s).StartsWith("ecs-discovery verify", StringComparison.Ordinal));
        var publishAt = steps.FindIndex(s => Uses(s).StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        Assert.True(deployAt >= 0 && verifyAt > deployAt && publishAt > verifyAt, "deploy, then verify, then publish");
        var verify = Arguments(Run(steps[verifyAt]));
        Assert.Equal("junit", verify[verify.IndexOf("--output") + 1]);
        Assert.Equal(verify[verify.IndexOf("--report-file") + 1], steps[publishAt]["with"]!["path"]!.GetValue<string>());
        Assert.Equal("always()", steps[publishAt]["if"]!.GetValue<string>());
        Assert.Contains(steps, s => Run(s).Contains("dotnet tool install --global EcsDiscoveryConstructs.Tool", StringComparison.Ordinal));
        Assert.All(jobs.AsObject().Select(j => j.Value!), job => Assert.Equal("22", NodeVersion(job)));
    }

    [Fact]
    public void UsersWorkflow_VerifyCommandLine_IsAcceptedByTheTool()
    {
        var steps = Steps(Workflow("docs/ci/discovery.yml")["jobs"]!["deploy"]!);
        var verify = Arguments(Run(steps.Single(s => Run(s).StartsWith("ecs-discovery verify", StringComparison.Ordinal))));
        var missing = Path.Combine(Path.GetTempPath(), $"no-assembly-{Guid.NewGuid():N}");
        verify[verify.IndexOf("--assembly") + 1] = missing;
        verify[verify.IndexOf("--report-file") + 1] = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.xml");
        var (exit, _, error) = CliRun.Run([.. verify.Skip(1)]);
        // Every option parses: the run gets as far as reading the (missing) assembly.
        Assert.Equal(2, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OwnWorkflow_RunsTheTestCommandOnNode22()
    {
        var test = Workflow(".github/workflows/ci.yml")["jobs"]!["test"]!;
        Assert.Equal("22", NodeVersion(test));
        Assert.Contains(Steps(test), s => Run(s) == "bash .ci/run");
    }

    [Fact]
    public void OwnWorkflow_KeepsTheCanaryCache_KeyedByEveryInputOfThePublish()
    {
        var steps = Steps(Workflow(".github/workflows/ci.yml")["jobs"]!["test"]!);
        var cacheAt = steps.FindIndex(s => Uses(s).StartsWith("actions/cache@", StringComparison.Ordinal));
        Assert.True(cacheAt >= 0 && cacheAt < steps.FindIndex(s => Run(s) == "bash .ci/run"), "the cache is restored before the test command");
        var with = steps[cacheAt]["with"]!;
        Assert.Equal("~/.local/share/ecs-discovery-constructs/canary", with["path"]!.GetValue<string>());
        var key = with["key"]!.GetValue<string>();

        // What the library build hashes (its CanaryInput items and its own project file) must all be in the key, or a
        // changed input would restore an old folder for nothing.
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(RepoRoot.Path, "src", "EcsDiscoveryConstructs", "EcsDiscoveryConstructs.csproj"));
        var inputs = project.Descendants("CanaryInput").Single().Attribute("Include")!.Value.Split(';')
            .Select(pattern => Path.GetRelativePath(RepoRoot.Path, Path.GetFullPath(Path.Combine(RepoRoot.Path, "src", "EcsDiscoveryConstructs", pattern))).Replace('\\', '/'))
            .Append("src/EcsDiscoveryConstructs/EcsDiscoveryConstructs.csproj")
            .ToList();
        Assert.NotEmpty(inputs);
        Assert.All(inputs, input => Assert.Contains($"'{input}'", key, StringComparison.Ordinal));
    }

    /// <summary>The workflow as JSON, parsed by PyYAML (the image's Python has it: moto depends on it).</summary>
    private static JsonNode Workflow(string relativePath)
    {
        var (exit, output) = ProcessRun.Run("python3", RepoRoot.Path, TimeSpan.FromSeconds(30), null, "-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))", Path.Combine(RepoRoot.Path, relativePath));
        Assert.True(exit == 0, output);
        return JsonNode.Parse(output)!;
    }

    private static List<JsonNode> Steps(JsonNode job) => [.. job["steps"]!.AsArray().Select(s => s!)];

    private static string Run(JsonNode step) => step["run"]?.GetValue<string>().Trim() ?? string.Empty;

    private static string Uses(JsonNode step) => step["uses"]?.GetValue<string>() ?? string.Empty;

    private static string NodeVersion(JsonNode job) => Steps(job).Single(s => Uses(s).StartsWith("actions/setup-node@", StringComparison.Ordinal))["with"]!["node-version"]!.GetValue<string>();

    private static List<string> Arguments(string commandLine) => [.. commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
