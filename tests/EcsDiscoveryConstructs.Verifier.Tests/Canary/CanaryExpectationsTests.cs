using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Canary;
using EcsDiscoveryConstructs.Verifier.CloudFormation;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.Verifier.Tests.CloudFormation;

namespace EcsDiscoveryConstructs.Verifier.Tests.Canary;

/// <summary>What the canary checks, read from its deployed stack: the template through verify's reader, its scope, the deployed ids.</summary>
public sealed class CanaryExpectationsTests
{
    private static string ECommerce => File.ReadAllText(RepoRoot.ExampleTemplate("ECommerce"));

    /// <summary>The ECommerce template with the canary function's scope metadata set to <paramref name="scope"/>.</summary>
    private static string WithScope(JsonNode? scope)
    {
        var template = JsonNode.Parse(ECommerce)!.AsObject();
        var function = template["Resources"]!.AsObject().Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Function" && r.Value["Properties"]?["Environment"]?["Variables"]?["ECS_DISCOVERY_STACK"] is not null);
        function.Value!["Metadata"] = new JsonObject { [CanaryExpectations.ScopeMetadata] = scope };
        return template.ToJsonString();
    }

    private static string FunctionId(string template)
        => JsonNode.Parse(template)!["Resources"]!.AsObject().Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::Function" && r.Value["Properties"]?["Environment"]?["Variables"]?["ECS_DISCOVERY_STACK"] is not null).Key;

    [Fact]
    public async Task AWholeStackCanary_ChecksWhatVerifyDerives_WithTheDeployedIds()
    {
        var namespaceId = TemplateTopologyReader.Read("ECommerce", ECommerce).Namespaces.First().LogicalId;
        var stacks = new FakeStacks { ["ECommerce"] = [new StackResource(namespaceId, "ns-live", "AWS::ServiceDiscovery::PrivateDnsNamespace", "CREATE_COMPLETE")], Templates = { ["ECommerce"] = ECommerce } };
        var state = await new CanaryExpectations("ECommerce", null).ReadAsync(stacks, CancellationToken.None);
        var verify = ExpectedState.From([TemplateTopologyReader.Read("ECommerce", ECommerce)]);
        Assert.Equal(verify.Services.Select(s => (s.Source, s.Name.Literal)), state.Services.Select(s => (s.Source, s.Name.Literal)));
        Assert.Equal("ns-live", state.Namespaces.Single(n => n.LogicalId == namespaceId).Id);
        Assert.Equal(["DescribeStacks ECommerce", "GetTemplate ECommerce", "ListStackResources ECommerce"], stacks.Calls);
    }

    [Fact]
    public async Task TheTemplate_IsFetchedOncePerStackUpdate_AcrossRuns()
    {
        var stacks = new FakeStacks { ["ECommerce"] = [], Templates = { ["ECommerce"] = ECommerce } };
        var canary = new CanaryExpectations("ECommerce", null);
        for (var run = 0; run < 3; run++)
        {
            _ = await canary.ReadAsync(stacks, CancellationToken.None);
        }

        Assert.Equal(1, canary.TemplatesRead);
        stacks.ChangedAt["ECommerce"] = DateTimeOffset.UtcNow;
        _ = await canary.ReadAsync(stacks, CancellationToken.None);
        Assert.Equal(2, canary.TemplatesRead);
    }

    [Fact]
    public void AScope_KeepsItsServices_TheNamespacesTheyUse_AndRegistrantsWithoutTheirEndpoints()
    {
        var topology = TemplateTopologyReader.Read("ECommerce", ECommerce);
        var orders = topology.CloudMapServices.First(c => c.Name.Literal == "orders");
        var scoped = CanaryExpectations.Scope(topology, new HashSet<string> { orders.LogicalId });
        Assert.Equal([orders.LogicalId], scoped.CloudMapServices.Select(c => c.LogicalId));
        Assert.Equal([orders.NamespaceLogicalId], scoped.Namespaces.Select(n => n.LogicalId));
        var registrant = Assert.Single(scoped.EcsServices);
        Assert.Empty(registrant.Endpoints);
        Assert.Null(registrant.ServiceConnectNamespaceLogicalId);
        Assert.Equal(["orders"], ExpectedState.From([scoped]).Services.Select(s => s.Name.Literal));
    }

    [Fact]
    public void ScopeMetadata_IsReadFromTheFunctionsResource()
    {
        var topology = TemplateTopologyReader.Read("ECommerce", ECommerce);
        var orders = topology.CloudMapServices.First(c => c.Name.Literal == "orders").LogicalId;
        var template = WithScope(new JsonObject { ["version"] = 1, ["resources"] = new JsonArray(orders) });
        Assert.Equal([orders], CanaryExpectations.Scope(TemplateTopologyReader.Read("ECommerce", template), FunctionId(template)).CloudMapServices.Select(c => c.LogicalId));
    }

    [Theory]
    [InlineData("""{"version":2,"resources":[]}""", "Metadata.EcsDiscovery::CanaryScope.version is 2, expected 1")]
    [InlineData("""{"resources":[]}""", "Metadata.EcsDiscovery::CanaryScope.version is missing, expected 1")]
    [InlineData("""{"version":1,"resources":"Orders"}""", "Metadata.EcsDiscovery::CanaryScope.resources is a string, expected a list")]
    [InlineData("""{"version":1,"resources":[null]}""", "Metadata.EcsDiscovery::CanaryScope.resources[0] is null")]
    [InlineData("""[]""", "Metadata.EcsDiscovery::CanaryScope is a list, expected an object")]
    public void MalformedScopeMetadata_IsAnAssemblyErrorNamingThePath(string scope, string expected)
    {
        var template = WithScope(JsonNode.Parse(scope));
        var error = Assert.ThrowsAny<Exception>(() => CanaryExpectations.Scope(TemplateTopologyReader.Read("ECommerce", template), FunctionId(template)));
        Assert.True(error is AssemblyException, error.ToString());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFunctionIdNotInTheTemplate_IsAnAssemblyError()
    {
        var error = Assert.Throws<AssemblyException>(() => CanaryExpectations.Scope(TemplateTopologyReader.Read("ECommerce", ECommerce), "Elsewhere"));
        Assert.Contains("has no resource Elsewhere (the canary's function)", error.Message, StringComparison.Ordinal);
    }
}
