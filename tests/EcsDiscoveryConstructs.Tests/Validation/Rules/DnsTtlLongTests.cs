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
}
