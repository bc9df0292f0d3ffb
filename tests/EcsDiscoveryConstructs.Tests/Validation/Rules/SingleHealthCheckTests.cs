using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class SingleHealthCheckTests
{
    [Fact]
    public void Route53Only_InPublicNamespace_Passes()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var service = new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", Route53HealthCheck = new() });
        Assert.Equal(DiscoveryHealthCheck.Route53, service.HealthCheck);
    }

    [Fact]
    public void BothKinds_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", Route53HealthCheck = new(), CustomHealthCheck = new() }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Www': CustomHealthCheck and Route53HealthCheck cannot both be set. Keep CustomHealthCheck for ECS tasks (ECS reports their health), or Route53HealthCheck for public endpoints. [ecs-discovery:single-health-check]",
            error.Message);
    }
}
