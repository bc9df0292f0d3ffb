using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Tests.Expectations;

/// <summary>How the expected registry is derived from a stack's topology: each test names one rule of the derivation.</summary>
public sealed class ExpectedStateTests
{
    private static readonly NamespaceInfo Ns = new("Ns", new TemplateValue("shop.internal", null), NamespaceKind.PrivateDns, 15);

    private static CloudMapServiceInfo CloudMap(string logicalId, string name, string? ns = "Ns")
        => new(logicalId, new TemplateValue(name, null), ns, [new DnsRecordInfo("A", 10)], "MULTIVALUE", HealthCheckKind.Custom);

    private static EcsServiceInfo Ecs(string logicalId, string name, int? desired, string? registry = null, int? min = null, int? max = null, string? scNamespace = null, params ServiceConnectEndpointInfo[] endpoints)
        => new(logicalId, new TemplateValue(name, null), desired, min, max, registry, null, scNamespace, endpoints);

    private static ExpectedState From(IReadOnlyList<CloudMapServiceInfo> cloudMap, IReadOnlyList<EcsServiceInfo> ecs, IReadOnlyList<DeclaredInstance>? instances = null, IReadOnlyList<NamespaceInfo>? namespaces = null)
        => ExpectedState.From([new StackTopology("Shop", namespaces ?? [Ns], cloudMap, ecs, []) { Instances = instances ?? [] }]);

    [Fact]
    public void TwoEcsServicesInOneCloudMapService_AddTheirTaskRanges()
    {
        var state = From([CloudMap("Orders", "orders")], [Ecs("A", "orders-a", 2, "Orders"), Ecs("B", "orders-b", 3, "Orders", min: 1, max: 6)]);
        var orders = Assert.Single(state.Services);
        Assert.Equal((3, 8), (orders.MinInstances, orders.MaxInstances));
        Assert.Equal(["orders-a", "orders-b"], orders.EcsServiceNames.Select(n => n.Literal));
    }

    [Fact]
    public void ACloudMapService_IsNotAServiceConnectOne_EvenWhenItsRegistrantUsesServiceConnect()
    {
        var state = From([CloudMap("Orders", "orders")], [Ecs("A", "orders", 2, "Orders", scNamespace: "Ns", endpoints: new ServiceConnectEndpointInfo("http", "orders-sc", null, 80))]);
        Assert.Equal([("orders", false), ("orders-sc", true)], state.Services.Select(s => (s.Name.Literal, s.ServiceConnect)));
    }

    [Fact]
    public void ARegistrantWithAnUnknownCount_MakesTheRangeUnknown()
    {
        var orders = Assert.Single(From([CloudMap("Orders", "orders")], [Ecs("A", "orders-a", 2, "Orders"), Ecs("B", "orders-b", null, "Orders")]).Services);
        Assert.Equal((null, null), (orders.MinInstances, orders.MaxInstances));
    }

    [Fact]
    public void AutoscalingBounds_ReplaceTheDesiredCount()
    {
        var orders = Assert.Single(From([CloudMap("Orders", "orders")], [Ecs("A", "orders", 2, "Orders", min: 10, max: 100)]).Services);
        Assert.Equal((10, 100), (orders.MinInstances, orders.MaxInstances));
    }

    [Fact]
    public void WithoutRegistrants_TheTemplatesInstancesAreExpected_OrNone()
    {
        var instance = new DeclaredInstance("I1", "Legacy", new TemplateValue("host-1", null), new Dictionary<string, TemplateValue>());
        var state = From([CloudMap("Legacy", "legacy"), CloudMap("Empty", "empty")], [], [instance, instance with { LogicalId = "I2" }]);
        var legacy = state.Services.Single(s => s.Source == "Legacy");
        Assert.Equal((2, 2), (legacy.MinInstances, legacy.MaxInstances));
        Assert.Equal(2, legacy.DeclaredInstances.Count);
        Assert.Equal((0, 0), state.Services.Where(s => s.Source == "Empty").Select(s => (s.MinInstances, s.MaxInstances)).Single());
    }

    [Fact]
    public void ACloudMapServiceOfANamespaceOutsideTheStack_IsNotExpected()
    {
        var state = From([CloudMap("Imported", "imported", ns: null), CloudMap("Other", "other", ns: "NotHere")], []);
        Assert.Empty(state.Services);
        Assert.Single(state.Namespaces);
    }

    [Fact]
    public void ServiceConnectEndpoints_AreExpectedByDiscoveryNameElsePortName()
    {
        var state = From([], [Ecs("Pay", "payments", 2, scNamespace: "Ns", endpoints: [new ServiceConnectEndpointInfo("http", "payments-api", null, 80), new ServiceConnectEndpointInfo("grpc", null, null, 50051)])]);
        Assert.Equal(["payments-api", "grpc"], state.Services.Select(s => s.Name.Literal));
        Assert.All(state.Services, s => Assert.True(s.ServiceConnect));
        Assert.All(state.Services, s => Assert.Equal((2, 2, "Pay", null, (HealthCheckKind?)null), (s.MinInstances!.Value, s.MaxInstances!.Value, s.Source, s.RoutingPolicy, s.HealthCheck)));
        Assert.All(state.Services, s => Assert.Empty(s.DnsRecords));
    }

    [Fact]
    public void ServiceConnectInANamespaceOutsideTheStack_IsNotExpected()
        => Assert.Empty(From([], [Ecs("Pay", "payments", 2, scNamespace: "Elsewhere", endpoints: [new ServiceConnectEndpointInfo("http", null, null, 80)])]).Services);

    [Fact]
    public void ServicesKeepTheirNamespace_StackAndRecords()
    {
        var other = new NamespaceInfo("Other", new TemplateValue("other.internal", null), NamespaceKind.Http, null);
        var state = From([CloudMap("Orders", "orders"), CloudMap("Api", "api", ns: "Other")], [], namespaces: [Ns, other]);
        Assert.Equal(("Ns", "Other"), (state.Services[0].Namespace.LogicalId, state.Services[1].Namespace.LogicalId));
        Assert.All(state.Services, s => Assert.Equal("Shop", s.Stack));
        Assert.Equal([new DnsRecordInfo("A", 10)], state.Services[0].DnsRecords);
        Assert.Equal(("MULTIVALUE", HealthCheckKind.Custom), (state.Services[0].RoutingPolicy, state.Services[0].HealthCheck));
        Assert.Equal((15L, NamespaceKind.PrivateDns, "shop.internal"), (state.Namespaces[0].SoaTtl!.Value, state.Namespaces[0].Kind, state.Namespaces[0].Name.Literal!));
    }
}
