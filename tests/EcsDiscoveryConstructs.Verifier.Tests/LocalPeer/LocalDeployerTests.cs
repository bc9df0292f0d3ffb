using EcsDiscoveryConstructs.Tests.Shared;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.LocalPeers;
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

    [Fact]
    public async Task Route53HealthApiOnlyServicesAndTheVpcCidr_AreDeployedAsDeclared()
    {
        var ns = new NamespaceInfo("Ns", new TemplateValue("shop.internal", null), NamespaceKind.PrivateDns, null) { VpcCidr = "172.16.4.0/22" };
        var web = new CloudMapServiceInfo("Web", new TemplateValue("web", null), "Ns", [new DnsRecordInfo("A", 30), new DnsRecordInfo("SRV", 30)], "WEIGHTED", HealthCheckKind.Route53);
        var api = new CloudMapServiceInfo("Api", new TemplateValue("api", null), "Ns", [], null, HealthCheckKind.None);
        var ecs = new EcsServiceInfo("WebService", new TemplateValue(null, "{\"Ref\":\"X\"}"), 3, null, null, "Web", null, null, []) { Cluster = "c", RegistryPort = 8443 };
        var apiEcs = new EcsServiceInfo("ApiService", new TemplateValue("api-svc", null), 1, null, null, "Api", null, null, []) { Cluster = "c", TaskFamily = "api-family", RegistryPort = 9000 };
        var stack = new StackTopology("Shop", [ns], [web, api], [ecs, apiEcs], []);
        var result = await Deployer.DeployAsync([stack], CancellationToken.None);
        Assert.Equal(new LocalDeployResult(1, 2, 4), result);
        Assert.Contains("CreatePrivateDnsNamespace shop.internal", registry.Calls);
        var webLive = registry.Services.Single(s => s.Name == "web");
        Assert.Equal((true, false, "WEIGHTED"), (webLive.Route53HealthCheck, webLive.CustomHealthCheck, webLive.RoutingPolicy));
        var webInstances = registry.InstancesOf(webLive.Id);
        Assert.Equal(["172.16.5.10", "172.16.5.11", "172.16.5.12"], webInstances.Select(i => i.Attributes["AWS_INSTANCE_IPV4"]));
        Assert.Equal(["8443"], webInstances.Select(i => i.Attributes["AWS_INSTANCE_PORT"]).Distinct());
        Assert.Equal(["WebService", "WebService"], webInstances.Take(2).Select(i => i.Attributes["ECS_SERVICE_NAME"]));
        Assert.Equal(["us-east-1a", "us-east-1b", "us-east-1a"], webInstances.Select(i => i.Attributes["AVAILABILITY_ZONE"]));
        var apiLive = registry.Services.Single(s => s.Name == "api");
        Assert.Equal((0, false, false), (apiLive.DnsRecords.Count, apiLive.Route53HealthCheck, apiLive.CustomHealthCheck));
        var apiInstance = Assert.Single(registry.InstancesOf(apiLive.Id));
        Assert.Equal(("172.16.6.10", "api-family", "c", false), (apiInstance.Attributes["AWS_INSTANCE_IPV4"], apiInstance.Attributes["ECS_TASK_DEFINITION_FAMILY"], apiInstance.Attributes["ECS_CLUSTER_NAME"], apiInstance.Attributes.ContainsKey("AWS_INSTANCE_PORT")));
        Assert.Equal(32, apiInstance.Id.Length);
    }

    [Fact]
    public async Task NoStacks_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Deployer.DeployAsync(null!, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>(() => Deployer.DestroyAsync(null!, CancellationToken.None));
    }

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    [InlineData(0, true)]
    public async Task TaskCounts_UpToWhatCloudMapHolds_AreRegistered(int tasks, bool deployed)
    {
        var ns = new NamespaceInfo("Ns", new TemplateValue("shop.internal", null), NamespaceKind.Http, null);
        var cm = new CloudMapServiceInfo("Svc", new TemplateValue("svc", null), "Ns", [], null, HealthCheckKind.None);
        var stack = new StackTopology("Shop", [ns], [cm], [new EcsServiceInfo("Ecs", new TemplateValue("svc", null), tasks, null, null, "Svc", null, null, [])], []);
        if (deployed)
        {
            Assert.Equal(tasks, (await Deployer.DeployAsync([stack], CancellationToken.None)).Instances);
        }
        else
        {
            var error = await Assert.ThrowsAsync<LocalDeployException>(() => Deployer.DeployAsync([stack], CancellationToken.None));
            Assert.Equal("ECS service 'svc' of stack 'Shop' asks for 1001 tasks; a Cloud Map service holds 0-1000 instances, so there is nothing sensible to register", error.Message);
        }
    }
}
