using Amazon.CDK;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DnsTtlZeroTests
{
    [Fact]
    public void DnsTtl_OneSecond_NoWarning()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsTtl = Duration.Seconds(1), CustomHealthCheck = new() });
        Assert.Empty(Findings.Warnings(stack));
    }

    [Fact]
    public void DnsTtl_Zero_WarnsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsTtl = Duration.Seconds(0), CustomHealthCheck = new() });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': DnsTtl 0 s disables caching: every lookup goes to the VPC resolver, which throttles at 1024 packets/s per network interface, and some runtimes treat 0 as 'cache forever'. Use a small positive TTL such as Duration.Seconds(5), or acknowledge this warning. [ecs-discovery:dns-ttl-zero]"],
            Findings.Warnings(stack));
    }
}
