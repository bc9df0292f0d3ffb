using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class PublicNamespacePrivateIpsTests
{
    [Fact]
    public void PrivateNamespace_NoWarning()
    {
        var w = new Workloads();
        _ = w.DnsService("Orders", "orders");
        Assert.Empty(Findings.Warnings(w.Stack));
    }

    [Fact]
    public void PublicNamespace_WarnsWithMessage()
    {
        var w = new Workloads();
        var ns = Fixtures.PublicNamespace(w.Stack);
        _ = w.DnsService("Orders", "orders", new CloudMapRegistrationOptions { Namespace = ns });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': CloudMap namespace 'api.example.com' is a public DNS namespace: ECS would publish the tasks' private VPC addresses to the internet, where they are unreachable. Register the tasks in a private DNS namespace, and put a load balancer (DiscoveryService with LoadBalancer = true) in the public one; or acknowledge this warning. [ecs-discovery:public-namespace-private-ips]"],
            Findings.Warnings(w.Stack));
    }
}
