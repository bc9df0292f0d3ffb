using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class CustomHealthCheckThresholdTests
{
    [Fact]
    public void Threshold_One_NoWarning()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", CustomHealthCheck = new() { FailureThreshold = 1 } });
        Assert.Empty(Findings.Warnings(stack));
    }

    [Fact]
    public void Threshold_Three_WarnsAndEmitsOne()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        _ = new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", CustomHealthCheck = new() { FailureThreshold = 3 } });
        Assert.Equal(
            ["DiscoveryService 'TestStack/Orders': CustomHealthCheck.FailureThreshold 3 is ignored: AWS deprecated this setting and always uses 1, so the template emits 1. Remove FailureThreshold. [ecs-discovery:custom-health-threshold]"],
            Findings.Warnings(stack));
        Amazon.CDK.Assertions.Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["HealthCheckCustomConfig"] = new Dictionary<string, object> { ["FailureThreshold"] = 1 },
        });
    }
}
