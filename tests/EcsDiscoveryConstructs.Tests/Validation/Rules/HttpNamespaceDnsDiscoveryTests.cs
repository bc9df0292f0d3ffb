using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class HttpNamespaceDnsDiscoveryTests
{
    [Fact]
    public void HttpNamespace_ApiDiscovery_Passes()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        var service = new DiscoveryService(stack, "Jobs", new DiscoveryServiceProps { Namespace = ns, Name = "jobs", Discovery = DiscoveryType.API });
        Assert.False(service.UsesDns);
    }

    [Fact]
    public void HttpNamespace_DnsAndApi_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Jobs", new DiscoveryServiceProps { Namespace = ns, Name = "jobs", Discovery = DiscoveryType.DNS_AND_API }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Jobs': Discovery DNS_AND_API is not possible in an HTTP namespace, which has no DNS zone. Leave Discovery unset (API), or use a private DNS namespace. [ecs-discovery:http-namespace-dns-discovery]",
            error.Message);
    }
}
