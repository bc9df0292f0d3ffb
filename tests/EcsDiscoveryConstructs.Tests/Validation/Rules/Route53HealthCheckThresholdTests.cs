using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class Route53HealthCheckThresholdTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Threshold_InRange_IsEmitted(int threshold)
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        _ = new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", Route53HealthCheck = new() { FailureThreshold = threshold } });
        Amazon.CDK.Assertions.Template.FromStack(stack).HasResourceProperties("AWS::ServiceDiscovery::Service", new Dictionary<string, object>
        {
            ["HealthCheckConfig"] = new Dictionary<string, object> { ["FailureThreshold"] = threshold },
        });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Threshold_OutOfRange_FailsWithMessage(int threshold)
    {
        var stack = TestApp.CreateStack();
        var ns = Fixtures.PublicNamespace(stack);
        var error = Findings.Error(() => new DiscoveryService(stack, "Www", new DiscoveryServiceProps { Namespace = ns, Name = "www", Route53HealthCheck = new() { FailureThreshold = threshold } }));
        Assert.Equal(
            $"DiscoveryService 'TestStack/Www': Route53HealthCheck.FailureThreshold {threshold} is out of range: use 1-10. Use e.g. 3 consecutive failures. [ecs-discovery:route53-health-check-threshold]",
            error.Message);
    }
}
