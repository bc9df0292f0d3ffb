using Amazon.CDK;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;
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
            ["DiscoveryService 'TestStack/Orders': DnsTtl 60 s is longer than ECS's default 30 s stop timeout: clients can keep a stopped task's address for up to 60 s after the task is gone. Use 30 s or less, raise the containers' StopTimeout (Fargate allows up to 120 s), or acknowledge this warning. [ecs-discovery:dns-ttl-long]"],
            Findings.Warnings(stack));
    }

    [Fact]
    public void EcsRegistration_TtlAboveContainerStopTimeout_WarnsWithServiceTimeout()
    {
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(stopTimeout: Duration.Seconds(10)),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsTtl = Duration.Seconds(20) },
        });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': CloudMap.DnsTtl 20 s is longer than the 10 s the service's tasks stay reachable while stopping (their longest stop timeout): clients can keep a stopped task's address for up to 20 s after the task is gone. Use 10 s or less, raise the containers' StopTimeout (Fargate allows up to 120 s), or acknowledge this warning. [ecs-discovery:dns-ttl-long]"],
            Findings.Warnings(w.Stack));
    }

    [Fact]
    public void EcsRegistration_TtlWithinLongStopTimeout_NoWarning()
    {
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(stopTimeout: Duration.Seconds(120)),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace, DnsTtl = Duration.Seconds(60) },
        });
        Assert.Empty(Findings.Warnings(w.Stack));
    }

    [Fact]
    public void EcsRegistration_DefaultTtlAboveContainerStopTimeout_WarnsNamingTheDefault()
    {
        // The effective TTL counts: a registration without DnsTtl answers with the 10 s default.
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(stopTimeout: Duration.Seconds(5)),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
        });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': CloudMap.DnsTtl 10 s (the library default: DnsTtl is not set) is longer than the 5 s the service's tasks stay reachable while stopping (their longest stop timeout): clients can keep a stopped task's address for up to 10 s after the task is gone. Set DnsTtl to 5 s or less, raise the containers' StopTimeout (Fargate allows up to 120 s), or acknowledge this warning. [ecs-discovery:dns-ttl-long]"],
            Findings.Warnings(w.Stack));
    }

    [Fact]
    public void EcsRegistration_DefaultTtlEqualToContainerStopTimeout_NoWarning()
    {
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(stopTimeout: Duration.Seconds(10)),
            CloudMap = new CloudMapRegistrationOptions { Namespace = w.Namespace },
        });
        Assert.Empty(Findings.Warnings(w.Stack, "dns-ttl-long"));
    }

    [Fact]
    public void DualDiscovery_DerivedServiceDefaultTtlAboveStopTimeout_WarnsNamingTheDerivedService()
    {
        // DualDiscovery derives the whole Cloud Map registration: the finding names it, not a CloudMap prop the user never wrote.
        var w = new Workloads();
        _ = new DiscoverableFargateService(w.Stack, "Orders", new DiscoverableFargateServiceProps
        {
            Cluster = w.Cluster,
            Name = "orders",
            Container = Workloads.WebContainer(stopTimeout: Duration.Seconds(5)),
            ServiceConnect = new ServiceConnectOptions { Namespace = w.Namespace, Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http" }] },
            DualDiscovery = true,
        });
        Assert.Equal(
            ["DiscoverableFargateService 'TestStack/Orders': DualDiscovery's Cloud Map service DnsTtl 10 s (the library default: DnsTtl is not set) is longer than the 5 s the service's tasks stay reachable while stopping (their longest stop timeout): clients can keep a stopped task's address for up to 10 s after the task is gone. Set DnsTtl to 5 s or less, raise the containers' StopTimeout (Fargate allows up to 120 s), or acknowledge this warning. [ecs-discovery:dns-ttl-long]"],
            Findings.Warnings(w.Stack, "dns-ttl-long"));
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
