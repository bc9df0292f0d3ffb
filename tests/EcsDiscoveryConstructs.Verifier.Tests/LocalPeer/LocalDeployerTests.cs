using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.Verifier.LocalPeer;
using EcsDiscoveryConstructs.Verifier.Tests.Checks;

namespace EcsDiscoveryConstructs.Verifier.Tests.LocalPeer;

/// <summary>local-deploy against an in-memory registry: what it registers, that verify then passes, idempotence, destroy.</summary>
public sealed class LocalDeployerTests
{
    private readonly FakeRegistry registry = new();

    private static StackTopology Example(string stack) => TemplateTopologyReader.Read(stack, File.ReadAllText(RepoRoot.ExampleTemplate(stack)));

    private LocalDeployer Deployer => new(registry, registry, "us-east-1");

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task EveryExample_DeployedLocally_PassesEveryRegistryCheck(string stack)
    {
        var topology = Example(stack);
        await Deployer.DeployAsync([topology], CancellationToken.None);
        var report = await new RegistryVerifier(registry).VerifyAsync(ExpectedState.From([topology]), strict: true, CancellationToken.None);
        Assert.True(report.Passed, string.Join("\n", report.Results.Where(r => r.Status != CheckStatus.Pass)));
        Assert.DoesNotContain(report.Results, r => r.Status == CheckStatus.Warn);
    }

    public static TheoryData<string> Stacks() => [.. RepoRoot.ExampleStacks];

    [Fact]
    public async Task ECommerce_RegistersWhatEcsWould_CountsAttributesAndSrvPorts()
    {
        var result = await Deployer.DeployAsync([Example("ECommerce")], CancellationToken.None);
        Assert.Equal((1, 5), (result.Namespaces, result.Services));
        Assert.Equal(10 + 2 + 2 + 2 + 2, result.Instances);
        var inventory = registry.InstancesOf(registry.Services.Single(s => s.Name == "inventory").Id);
        Assert.Equal(10, inventory.Count);
        Assert.Equal(10, inventory.Select(i => i.Attributes["AWS_INSTANCE_IPV4"]).Distinct().Count());
        Assert.All(inventory, i => Assert.Equal(("inventory", "us-east-1", "HEALTHY"), (i.Attributes["ECS_SERVICE_NAME"], i.Attributes["REGION"], i.Attributes["AWS_INIT_HEALTH_STATUS"])));
        Assert.Equal(["us-east-1a", "us-east-1b"], inventory.Select(i => i.Attributes["AVAILABILITY_ZONE"]).Distinct().Order());
        Assert.All(registry.InstancesOf(registry.Services.Single(s => s.Name == "payments-sc").Id), i => Assert.Equal("80", i.Attributes["AWS_INSTANCE_PORT"]));
        Assert.Equal((15L, "DNS_PRIVATE"), (registry.Namespaces.Single().SoaTtl!.Value, registry.Namespaces.Single().Type));
    }

    [Fact]
    public async Task ASecondDeploy_CreatesNothing()
    {
        await Deployer.DeployAsync([Example("ECommerce")], CancellationToken.None);
        var calls = registry.Calls.Count;
        Assert.Equal(new LocalDeployResult(0, 0, 0), await Deployer.DeployAsync([Example("ECommerce")], CancellationToken.None));
        Assert.DoesNotContain(registry.Calls.Skip(calls), c => c.StartsWith("Create", StringComparison.Ordinal) || c.StartsWith("Register", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Destroy_RemovesInstancesThenServicesThenNamespaces_OfTheStacksOnly()
    {
        var other = registry.Namespace("unrelated.internal");
        await Deployer.DeployAsync([Example("ECommerce")], CancellationToken.None);
        var result = await Deployer.DestroyAsync([Example("ECommerce")], CancellationToken.None);
        Assert.Equal(new LocalDeployResult(1, 5, 18), result);
        Assert.Equal([other], registry.Namespaces);
        Assert.Empty(registry.Services);
    }

    [Fact]
    public async Task ANameCloudFormationDecides_IsRefusedNamingIt()
    {
        var topology = Example("FrontendBackendDns");
        var unresolved = topology with { Namespaces = [topology.Namespaces[0] with { Name = new TemplateValue(null, "{\"Ref\":\"Name\"}") }] };
        var error = await Assert.ThrowsAsync<LocalDeployException>(() => Deployer.DeployAsync([unresolved], CancellationToken.None));
        Assert.Equal($"Stack 'FrontendBackendDns': the name of namespace {topology.Namespaces[0].LogicalId} is decided by CloudFormation at deploy time ({{\"Ref\":\"Name\"}}); give it a literal name to deploy it locally.", error.Message);
    }

    [Fact]
    public async Task ATaskCountCloudMapCannotHold_IsRefused()
    {
        var topology = Example("FrontendBackendDns");
        var huge = topology with { EcsServices = [.. topology.EcsServices.Select(e => e with { DesiredCount = 1001 })] };
        var error = await Assert.ThrowsAsync<LocalDeployException>(() => Deployer.DeployAsync([huge], CancellationToken.None));
        Assert.EndsWith("asks for 1001 tasks; a Cloud Map service holds 0-1000 instances, so there is nothing sensible to register", error.Message, StringComparison.Ordinal);
    }
}
