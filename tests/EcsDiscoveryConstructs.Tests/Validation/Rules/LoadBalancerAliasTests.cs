using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class LoadBalancerAliasTests
{
    [Fact]
    public void LoadBalancer_Defaults_UseARecordsAndWeighted()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var service = new DiscoveryService(stack, "Api", new DiscoveryServiceProps { Namespace = ns, Name = "api", LoadBalancer = true });
        Assert.Equal((DiscoveryRecordTypes.A, (RoutingPolicy?)RoutingPolicy.WEIGHTED), (service.DnsRecords, service.RoutingPolicy));
        Assert.Empty(Findings.Warnings(stack));
    }

    [Fact]
    public void LoadBalancer_SrvAndMultivalue_FailsWithBothMessages()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Api", new DiscoveryServiceProps { Namespace = ns, Name = "api", LoadBalancer = true, DnsRecords = DiscoveryRecordTypes.Srv, RoutingPolicy = RoutingPolicy.MULTIVALUE }));
        Assert.Equal(
            [
                "DiscoveryService 'TestStack/Api': DnsRecords SRV cannot hold alias records for a load balancer: use A, AAAA or A+AAAA. Set DnsRecords = DiscoveryRecordTypes.A. [ecs-discovery:load-balancer-alias]",
                "DiscoveryService 'TestStack/Api': RoutingPolicy MULTIVALUE cannot be used with LoadBalancer: alias records need WEIGHTED. Use RoutingPolicy.WEIGHTED, or leave RoutingPolicy unset. [ecs-discovery:load-balancer-alias]",
            ],
            error.Errors);
    }
}
