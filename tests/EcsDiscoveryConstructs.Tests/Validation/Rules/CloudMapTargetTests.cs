using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CloudMapTargetTests
{
    [Fact]
    public void ExistingService_IsAssociated()
    {
        var w = new Workloads();
        var shared = new DiscoveryService(w.Stack, "Shared", Fixtures.GoodService(w.Namespace, "orders"));
        var service = w.DnsService("Orders", "orders-blue", new CloudMapRegistration { ExistingService = shared });
        Assert.Same(shared, service.DiscoveryService);
        Assert.Equal("orders.internal.example.com", service.DnsName);
    }

    [Fact]
    public void NamespaceAndExistingService_FailsWithMessage()
    {
        var w = new Workloads();
        var shared = new DiscoveryService(w.Stack, "Shared", Fixtures.GoodService(w.Namespace, "orders"));
        var error = Findings.Error(() => w.DnsService("Orders", "orders", new CloudMapRegistration { Namespace = w.Namespace, ExistingService = shared }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': CloudMap (2 of Namespace, ExistingService, ImportedService set) must name exactly one registry target: ECS registers a service in one Cloud Map service. Set Namespace for a new Cloud Map service, or ExistingService / ImportedService to join one. [ecs-discovery:cloud-map-target]",
            error.Message);
    }
}
