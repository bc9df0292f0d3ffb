using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.CloudMap;

public class PublicDnsDiscoveryNamespaceTests
{
    [Fact]
    public void SetSoaTtl_AfterCreation_EmitsSoaTtl()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        ns.SetSoaTtl(Duration.Seconds(30));
        Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::PublicDnsNamespace", new Dictionary<string, object>
        {
            ["Properties"] = new Dictionary<string, object> { ["DnsProperties"] = new Dictionary<string, object> { ["SOA"] = new Dictionary<string, object> { ["TTL"] = 30 } } },
        });
        Assert.Equal(30, ns.SoaTtl!.ToSeconds());
    }

    [Fact]
    public void Golden_WithRoute53CheckedService()
    {
        var stack = TestApp.CreateStack();
        var ns = new PublicDnsDiscoveryNamespace(stack, "Namespace", new PublicDnsDiscoveryNamespaceProps { Name = "api.example.com", SoaTtl = Duration.Seconds(60) });
        _ = new DiscoveryService(stack, "Status", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "status",
            Description = "Public status endpoints, probed by Route 53",
            DnsTtl = Duration.Seconds(30),
            Route53HealthCheck = new Route53HealthCheckOptions { Type = HealthCheckType.HTTPS, ResourcePath = "/health", FailureThreshold = 3 },
        });
        Assert.Empty(Findings.Warnings(stack));
        Snapshot.Match(stack);
    }
}
