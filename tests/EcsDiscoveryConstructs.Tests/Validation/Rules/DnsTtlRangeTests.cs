using Amazon.CDK;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DnsTtlRangeTests
{
    [Fact]
    public void DnsTtl_WholeSeconds_IsEmitted()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsTtl = Duration.Seconds(5), CustomHealthCheck = new() });
        Assert.Equal(5, service.DnsTtl!.ToSeconds());
    }

    [Fact]
    public void DnsTtl_FractionalSeconds_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsTtl = Duration.Millis(1500), CustomHealthCheck = new() }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Orders': DnsTtl 1500 ms is out of range: use a whole number of seconds from 0 to 2147483647. Set DnsTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:dns-ttl-range]",
            error.Message);
    }

    [Fact]
    public void DnsTtl_TheLongest_IsEmitted()
    {
        var stack = TestApp.CreateStack();
        var service = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsTtl = Duration.Seconds(int.MaxValue), CustomHealthCheck = new() });
        Assert.Equal(int.MaxValue, service.DnsTtl!.ToSeconds());
    }

    [Fact]
    public void DnsTtl_OneSecondOverTheLongest_Fails()
    {
        var stack = TestApp.CreateStack();
        Assert.Equal(["DiscoveryService 'TestStack/Orders': DnsTtl 2147483648 s is out of range: use a whole number of seconds from 0 to 2147483647. Set DnsTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:dns-ttl-range]"], Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = Fixtures.PrivateNamespace(stack), Name = "orders", DnsTtl = Duration.Seconds(2147483648d), CustomHealthCheck = new() })).Errors);
    }

    [Fact]
    public void DnsTtl_HalfAMillisecond_FailsWithOurMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", DnsTtl = Duration.Millis(0.5), CustomHealthCheck = new() }));
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': DnsTtl 0.5 ms is out of range: use a whole number of seconds from 0 to 2147483647. Set DnsTtl = Duration.Seconds(n), e.g. Duration.Seconds(10). [ecs-discovery:dns-ttl-range]"],
            error.Errors);
    }
}
