using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CnameRoute53HealthCheckTests
{
    [Fact]
    public void Cname_CustomHealthCheck_Passes()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var service = new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", DnsRecords = DiscoveryRecordTypes.Cname, CustomHealthCheck = new() });
        Assert.Equal(DiscoveryHealthCheck.Custom, service.HealthCheck);
    }

    [Fact]
    public void Cname_Route53HealthCheck_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", DnsRecords = DiscoveryRecordTypes.Cname, Route53HealthCheck = new() }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Www': Route53HealthCheck cannot be used with CNAME records. Remove Route53HealthCheck, or use CustomHealthCheck. [ecs-discovery:cname-route53-health-check]",
            error.Message);
    }
}
