using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CnameRoutingTests
{
    [Fact]
    public void Cname_DefaultRouting_IsWeighted()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var service = new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", DnsRecords = DiscoveryRecordTypes.Cname });
        Assert.Equal(RoutingPolicy.WEIGHTED, service.RoutingPolicy);
    }

    [Fact]
    public void Cname_Multivalue_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", DnsRecords = DiscoveryRecordTypes.Cname, RoutingPolicy = RoutingPolicy.MULTIVALUE }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Www': RoutingPolicy MULTIVALUE cannot be used with CNAME records: a DNS name holds one CNAME. Use RoutingPolicy.WEIGHTED, or leave RoutingPolicy unset. [ecs-discovery:cname-routing]",
            error.Message);
    }
}
