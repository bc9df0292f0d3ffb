using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class ApiOnlyDnsSettingsTests
{
    [Fact]
    public void ApiOnlyInDnsNamespace_NoDnsSettings_Passes()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var service = new DiscoveryService(stack, "Jobs", new DiscoveryServiceProps { Namespace = ns, Name = "jobs", Discovery = DiscoveryType.API });
        Assert.Equal((false, DiscoveryRecordTypes.None, (RoutingPolicy?)null), (service.UsesDns, service.DnsRecords, service.RoutingPolicy));
    }

    [Fact]
    public void ApiOnlyInDnsNamespace_DnsRecordsAndRouting_FailsWithBothMessages()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Jobs", new DiscoveryServiceProps
        {
            Namespace = ns,
            Name = "jobs",
            Discovery = DiscoveryType.API,
            DnsRecords = DiscoveryRecordTypes.Srv,
            RoutingPolicy = RoutingPolicy.WEIGHTED,
        }));
        Assert.Equal(
            [
                "DiscoveryService 'TestStack/Jobs': DnsRecords SRV has no effect with Discovery = API: the service has no DNS records. Remove it, or set Discovery = DiscoveryType.DNS_AND_API. [ecs-discovery:api-only-dns-settings]",
                "DiscoveryService 'TestStack/Jobs': RoutingPolicy WEIGHTED has no effect with Discovery = API: the service has no DNS records. Remove it, or set Discovery = DiscoveryType.DNS_AND_API. [ecs-discovery:api-only-dns-settings]",
            ],
            error.Errors);
    }

    [Fact]
    public void HttpNamespace_DnsTtl_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Jobs", new DiscoveryServiceProps { Namespace = ns, Name = "jobs", DnsTtl = Duration.Seconds(10) }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Jobs': DnsTtl has no effect in an HTTP namespace: its services are only discoverable through the Cloud Map API. Remove it, or use a private DNS namespace for DNS discovery. [ecs-discovery:api-only-dns-settings]",
            error.Message);
    }

    [Fact]
    public void HttpNamespace_LoadBalancer_Fails()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Jobs", new DiscoveryServiceProps { Namespace = ns, Name = "jobs", LoadBalancer = true }));
        Assert.Contains("LoadBalancer true has no effect in an HTTP namespace", error.Message, StringComparison.Ordinal);
    }
}
