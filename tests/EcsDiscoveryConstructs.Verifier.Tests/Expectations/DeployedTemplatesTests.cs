using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudFormation;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.Verifier.Tests.CloudFormation;

namespace EcsDiscoveryConstructs.Verifier.Tests.Expectations;

public sealed class DeployedTemplatesTests
{
    private static readonly string Template = File.ReadAllText(RepoRoot.ExampleTemplate("FrontendBackendDns"));

    [Fact]
    public async Task ADeployedTemplate_ReadsAsTheAssemblysTemplate_UnderItsDeployedName()
    {
        var stacks = new FakeStacks { Templates = { ["prod-web"] = Template } };
        var topology = await new DeployedTemplates().ReadAsync(stacks, "prod-web", CancellationToken.None);
        var fromAssembly = TemplateTopologyReader.Read("prod-web", Template);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(fromAssembly), System.Text.Json.JsonSerializer.Serialize(topology));
        Assert.Equal("prod-web", topology.DeployedName);
    }

    [Fact]
    public async Task TheTemplate_IsReadAgainOnlyWhenTheStackChanged()
    {
        var stacks = new FakeStacks { Templates = { ["prod-web"] = Template } };
        var templates = new DeployedTemplates();
        _ = await templates.ReadAsync(stacks, "prod-web", CancellationToken.None);
        _ = await templates.ReadAsync(stacks, "prod-web", CancellationToken.None);
        Assert.Equal(["DescribeStacks prod-web", "GetTemplate prod-web", "DescribeStacks prod-web"], stacks.Calls);

        stacks.ChangedAt["prod-web"] = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        stacks.Templates["prod-web"] = """{"Resources":{}}""";
        var updated = await templates.ReadAsync(stacks, "prod-web", CancellationToken.None);
        Assert.Empty(updated.EcsServices);
        Assert.Equal(2, templates.TemplatesRead);
    }

    [Fact]
    public async Task AYamlOrBrokenTemplate_IsAnAssemblyErrorNamingTheDeployedStack()
    {
        var stacks = new FakeStacks { Templates = { ["yaml"] = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n" } };
        var error = await Assert.ThrowsAsync<AssemblyException>(() => new DeployedTemplates().ReadAsync(stacks, "yaml", CancellationToken.None));
        Assert.StartsWith("The deployed template of stack 'yaml'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStackNotDeployed_IsAMissingStack()
        => Assert.True((await Assert.ThrowsAsync<CloudFormationException>(() => new DeployedTemplates().ReadAsync(new FakeStacks(), "nope", CancellationToken.None))).IsMissingStack);
}
