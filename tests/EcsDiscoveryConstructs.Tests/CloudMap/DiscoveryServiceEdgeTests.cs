using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.CloudMap;

/// <summary>A discovery service's values for API-only namespaces, null arguments, load-balancer attributes and Route 53 check defaults.</summary>
public class DiscoveryServiceEdgeTests
{
    [Fact]
    public void AnApiOnlyService_HasNoDnsTtl()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Api", Fixtures.GoodService(Fixtures.HttpNamespace(stack)));
        Assert.Equal((false, DiscoveryRecordTypes.None), (service.UsesDns, service.DnsRecords));
        Assert.Null(service.DnsTtl);
        Assert.Null(service.RoutingPolicy);
    }

    [Fact]
    public void NullProps_AreRefusedByName()
    {
        var stack = TestApp.CreateStack();
        Assert.Equal("props", Assert.Throws<ArgumentNullException>(() => new DiscoveryService(stack, "Api", null!)).ParamName);
    }

    [Fact]
    public void NullInstanceOptionsOrLoadBalancer_AreNamedInTheMessage()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Api", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "api", LoadBalancer = true });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': options (null) is required. Set options; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => service.RegisterIpInstance("Host", null!)).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': options (null) is required. Set options; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => service.RegisterCnameInstance("Alias", null!)).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': options (null) is required. Set options; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => service.RegisterNonIpInstance("Thing", null!)).Errors);
        Assert.Equal(
            ["DiscoveryService 'TestStack/Api': loadBalancer (null) is required. Set loadBalancer; it cannot be null. [ecs-discovery:required-props]"],
            Findings.Error(() => service.RegisterLoadBalancer("Lb", null!)).Errors);
    }

    [Fact]
    public void ALoadBalancersAttributes_AreCheckedLikeAnyInstances()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Api", new DiscoveryServiceProps { Namespace = Fixtures.PublicNamespace(stack), Name = "api", LoadBalancer = true });
        var lb = new ApplicationLoadBalancer(stack, "Lb", new ApplicationLoadBalancerProps { Vpc = TestApp.ImportedVpc(stack) });
        var error = Findings.Error(() => service.RegisterLoadBalancer("Alias", lb, new Dictionary<string, string> { ["team"] = new string('v', 1025) }));
        Assert.Single(error.Errors);
        Assert.Contains("[ecs-discovery:instance-attributes]", error.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void ARoute53CheckWithoutAPath_ChecksTheRoot_AndATcpCheckHasNoPath()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        _ = new DiscoveryService(stack, "Web", new DiscoveryServiceProps { Namespace = ns, Name = "web", Route53HealthCheck = new Route53HealthCheckOptions() });
        _ = new DiscoveryService(stack, "Tcp", new DiscoveryServiceProps { Namespace = ns, Name = "tcp", Route53HealthCheck = new Route53HealthCheckOptions { Type = HealthCheckType.TCP } });
        var checks = Amazon.CDK.Assertions.Template.FromStack(stack).FindResources("AWS::ServiceDiscovery::Service");
        var byName = checks.Values.Cast<IDictionary<string, object>>()
            .Select(r => (IDictionary<string, object>)r["Properties"])
            .ToDictionary(p => (string)p["Name"], p => (IDictionary<string, object>)p["HealthCheckConfig"]);
        Assert.Equal(("HTTP", "/", 1.0), ((string)byName["web"]["Type"], (string)byName["web"]["ResourcePath"], Convert.ToDouble(byName["web"]["FailureThreshold"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("TCP", (string)byName["tcp"]["Type"]);
        Assert.False(byName["tcp"].ContainsKey("ResourcePath"));
    }
}
