using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class Route53HealthCheckTcpPathTests
{
    [Fact]
    public void Tcp_WithoutPath_EmitsNoPath()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        _ = new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", Route53HealthCheck = new() { Type = HealthCheckType.TCP } });
        Amazon.CDK.Assertions.Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["HealthCheckConfig"] = new Dictionary<string, object> { ["Type"] = "TCP", ["FailureThreshold"] = 1, ["ResourcePath"] = Amazon.CDK.Assertions.Match.Absent() },
        });
    }

    [Fact]
    public void Tcp_WithPath_FailsWithMessage()
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", Route53HealthCheck = new() { Type = HealthCheckType.TCP, ResourcePath = "/health" } }));
        Assert.Equal(
            "DiscoveryService 'TestStack/Www': Route53HealthCheck.ResourcePath '/health' cannot be used with Type TCP. Remove ResourcePath, or use Type HTTP or HTTPS. [ecs-discovery:route53-health-check-tcp-path]",
            error.Message);
    }
}
