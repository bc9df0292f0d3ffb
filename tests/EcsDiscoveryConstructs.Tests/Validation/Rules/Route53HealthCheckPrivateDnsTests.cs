using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class Route53HealthCheckPrivateDnsTests
{
    [Fact]
    public void Route53_InHttpNamespace_Passes()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.HttpNamespace(stack);
        var service = new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", Route53HealthCheck = new() { Type = HealthCheckType.TCP } });
        Assert.Equal(DiscoveryHealthCheck.Route53, service.HealthCheck);
    }

    [Fact]
    public void Route53_InPrivateNamespace_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PrivateNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Orders", new DiscoveryServiceProps { Namespace = ns, Name = "orders", Route53HealthCheck = new() }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Orders': Route53HealthCheck is not allowed in a private DNS namespace: Route 53 cannot reach addresses inside a VPC. Use CustomHealthCheck instead (ECS reports task health through it). [ecs-discovery:route53-health-check-private-dns]",
            error.Message);
    }
}
