using Amazon.CDK;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DnsTtlLongTests
{
    [Fact]
    public void DnsTtl_ThirtySeconds_NoWarning()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsTtl = Duration.Seconds(30), CustomHealthCheck = new() });
        Assert.Empty(Findings.Warnings(stack));
    }

    [Fact]
    public void DnsTtl_SixtySeconds_WarnsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsTtl = Duration.Minutes(1), CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': DnsTtl 60 s is longer than ECS's default 30 s stop timeout: clients can keep a stopped task's address for up to 60 s after the task is gone. Use 30 s or less (10 s is the library default), raise the containers' StopTimeout (Fargate allows up to 120 s), or acknowledge this warning. [ecs-discovery:dns-ttl-long]"],
            Findings.Warnings(stack));
    }

    [Fact]
    public void EcsRegistration_TtlAboveContainerStopTimeout_WarnsWithServiceTimeout()
    {
        var w = new Workloads();
        _ = new EcsDiscoveryConstructs.Services.DiscoverableFargateService(w.Stack, "Orders", new EcsDiscoveryConstructs.Services.DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(stopTimeout: Duration.Seconds(10)),
            CloudMap = new EcsDiscoveryConstructs.Services.CloudMapRegistration { Namespace = w.Namespace, DnsTtl = Duration.Seconds(20) },
        });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': CloudMap.DnsTtl 20 s is longer than the 10 s the service's tasks stay reachable while stopping (their longest stop timeout): clients can keep a stopped task's address for up to 20 s after the task is gone. Use 10 s or less (10 s is the library default), raise the containers' StopTimeout (Fargate allows up to 120 s), or acknowledge this warning. [ecs-discovery:dns-ttl-long]"],
            Findings.Warnings(w.Stack));
    }

    [Fact]
    public void EcsRegistration_TtlWithinLongStopTimeout_NoWarning()
    {
        var w = new Workloads();
        _ = new EcsDiscoveryConstructs.Services.DiscoverableFargateService(w.Stack, "Orders", new EcsDiscoveryConstructs.Services.DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(stopTimeout: Duration.Seconds(120)),
            CloudMap = new EcsDiscoveryConstructs.Services.CloudMapRegistration { Namespace = w.Namespace, DnsTtl = Duration.Seconds(60) },
        });
        Assert.Empty(Findings.Warnings(w.Stack));
    }

    [Fact]
    public void LongTtlOnAnApiOnlyService_IsAnErrorElsewhere_NotAlsoThisWarning()
    {
        // An HTTP namespace's services answer no DNS: the TTL is refused (api-only-dns-settings), and no client caches it.
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        _ = Findings.Error(() => new DiscoveryService(stack, "Jobs", new DiscoveryServiceProps { Namespace = ns, Name = "jobs", DnsTtl = Duration.Minutes(5) }));
        Assert.Empty(Findings.Warnings(stack, "dns-ttl-long"));
    }
}
