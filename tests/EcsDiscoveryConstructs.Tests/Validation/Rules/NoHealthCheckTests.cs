using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class NoHealthCheckTests
{
    [Fact]
    public void CustomHealthCheck_NoWarning()
    {
        var stack = TestApp.CreateStack();
        _ = new DiscoveryService(stack, "Orders", Fixtures.GoodService(Fixtures.PrivateNamespace(stack)));
        Assert.Empty(Findings.Warnings(stack));
    }

    [Fact]
    public void NoHealthCheck_ARecords_WarnsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders" });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': CustomHealthCheck (not set) leaves the service without a health check: DNS answers include unhealthy instances, and a custom health check cannot be added later without replacing the service. Set CustomHealthCheck = new CustomHealthCheckOptions() (ECS reports task health), or acknowledge this warning. [ecs-discovery:no-health-check]"],
            Findings.Warnings(stack));
    }

    [Fact]
    public void NoHealthCheck_ApiOnly_NoWarning()
    {
        var stack = TestApp.CreateStack();
        _ = new DiscoveryService(stack, "Jobs", new DiscoveryServiceProps { Namespace = Fixtures.HttpNamespace(stack), Name = "jobs" });
        Assert.Empty(Findings.Warnings(stack));
    }
}
