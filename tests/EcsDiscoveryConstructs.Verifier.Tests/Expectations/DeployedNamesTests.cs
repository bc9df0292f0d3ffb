using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudFormation;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.Verifier.Tests.CloudFormation;

namespace EcsDiscoveryConstructs.Verifier.Tests.Expectations;

/// <summary>
/// Names and ids the template leaves to CloudFormation come from the deployed stack's physical ids, never guessed: a
/// generated cluster name, an ECS service name from its ARN (both ARN formats), namespace and Cloud Map service ids; a
/// stack that is not deployed or cannot be read leaves them unresolved and says why.
/// </summary>
public sealed class DeployedNamesTests
{
    private static readonly NamespaceInfo Ns = new("Ns", new TemplateValue("shop.internal", null), NamespaceKind.PrivateDns, 15);

    private static ExpectedState Shop()
    {
        var cloudMap = new CloudMapServiceInfo("OrdersCloudMap", new TemplateValue("orders", null), "Ns", [new DnsRecordInfo("A", 10)], "MULTIVALUE", HealthCheckKind.Custom);
        var generated = new EcsServiceInfo("OrdersService", new TemplateValue(null, "null"), 2, null, null, "OrdersCloudMap", null, null, [])
        {
            Cluster = "Cluster",
            ClusterLogicalId = "Cluster",
            RegistryServiceLogicalIds = ["OrdersCloudMap"],
            EnableExecuteCommand = true,
        };
        var named = new EcsServiceInfo("PaymentsService", new TemplateValue("payments", null), 1, null, null, "OrdersCloudMap", null, null, []) { Cluster = "shop", RegistryServiceLogicalIds = ["OrdersCloudMap"] };
        return ExpectedState.From([new StackTopology("Prod/Shop", [Ns], [cloudMap], [generated, named], []) { DeployedName = "prod-shop" }]);
    }

    private static readonly StackResource[] Deployed =
    [
        new("Ns", "ns-abc123", "AWS::ServiceDiscovery::PrivateDnsNamespace", "CREATE_COMPLETE"),
        new("OrdersCloudMap", "srv-orders1", "AWS::ServiceDiscovery::Service", "CREATE_COMPLETE"),
        new("Cluster", "prod-shop-Cluster-EB0386A7", "AWS::ECS::Cluster", "CREATE_COMPLETE"),
        new("OrdersService", "arn:aws:ecs:eu-west-1:123456789012:service/prod-shop-Cluster-EB0386A7/prod-shop-OrdersService-1A2B3C", "AWS::ECS::Service", "CREATE_COMPLETE"),
        new("PaymentsService", "arn:aws:ecs:eu-west-1:123456789012:service/payments", "AWS::ECS::Service", "CREATE_COMPLETE"),
    ];

    [Fact]
    public async Task ADeployedStack_ResolvesTheGeneratedClusterAndServiceNames_AndTheIds()
    {
        var reader = new FakeStacks { ["prod-shop"] = Deployed };
        var (state, unread) = await DeployedNames.ReadAsync(Shop(), reader, CancellationToken.None);
        Assert.Empty(unread);
        Assert.Equal(["prod-shop"], reader.Asked);
        Assert.Equal("ns-abc123", Assert.Single(state.Namespaces).Id);
        var orders = Assert.Single(state.Services);
        Assert.Equal(("srv-orders1", "ns-abc123"), (orders.Id, orders.Namespace.Id));
        Assert.Equal([("prod-shop-Cluster-EB0386A7", "prod-shop-OrdersService-1A2B3C"), ("shop", "payments")], orders.EcsServices.Select(e => e.Known!.Value));
        Assert.Equal(["prod-shop-OrdersService-1A2B3C", "payments"], orders.EcsServiceNames.Select(n => n.Literal));
        Assert.Equal("srv-orders1", orders.EcsServices[0].RegistryServiceIds["OrdersCloudMap"]);
        Assert.True(orders.EcsServices[0].EnableExecuteCommand);
    }

    [Fact]
    public async Task BeforeDeployment_NothingIsGuessed_AndTheStackIsNamedAsNotDeployed()
    {
        var (state, unread) = await DeployedNames.ReadAsync(Shop(), new FakeStacks(), CancellationToken.None);
        Assert.Equal(["stack 'prod-shop' is not deployed"], unread);
        var orders = Assert.Single(state.Services);
        Assert.Null(orders.Id);
        Assert.Equal([null, ("shop", "payments")], orders.EcsServices.Select(e => e.Known));
        Assert.Equal("Cluster/OrdersService", orders.EcsServices[0].ToString());
        Assert.False(orders.EcsServiceNames[0].IsResolved);
    }

    [Fact]
    public async Task AStackThatCannotBeRead_SaysWhy_WithoutSecrets()
    {
        var reader = new FakeStacks { Error = new CloudFormationException("ListStackResources", "AccessDenied", "User: arn:aws:sts::123456789012:assumed-role/ci is not authorized to perform: cloudformation:ListStackResources\non resource prod-shop") };
        var (_, unread) = await DeployedNames.ReadAsync(Shop(), reader, CancellationToken.None);
        Assert.Equal(["stack 'prod-shop': ListStackResources failed: AccessDenied: User: arn:aws:sts::123456789012:assumed-role/ci is not authorized to perform: cloudformation:ListStackResources?on resource prod-shop"], unread);
    }

    [Fact]
    public void AResourceStillBeingCreated_OrOfAnotherStack_ResolvesNothing_AndLiteralsStay()
    {
        var resolved = DeployedNames.Resolve(Shop(), new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Other"] = Deployed.ToDictionary(r => r.LogicalId, r => r.PhysicalId!) });
        Assert.Null(Assert.Single(resolved.Services).Id);
        var renamed = DeployedNames.Resolve(Shop(), new Dictionary<string, IReadOnlyDictionary<string, string>> { ["Prod/Shop"] = new Dictionary<string, string> { ["PaymentsService"] = "arn:aws:ecs:eu-west-1:1:service/shop/other-name" } });
        Assert.Equal(("shop", "payments"), Assert.Single(renamed.Services).EcsServices[1].Known);
    }
}
