using EcsDiscoveryConstructs.Services;
using EcsDiscoveryConstructs.Tests.TestSupport;

namespace EcsDiscoveryConstructs.Tests.Validation.Rules;

public class DeploymentCircuitBreakerStrategyTests
{
    [Fact]
    public void CircuitBreakerWithRolling_IsEmitted()
    {
        var w = new Workloads();
        _ = Deployments.ScService(w, ServiceDeploymentStrategy.Rolling(), breaker: new Amazon.CDK.AWS.ECS.DeploymentCircuitBreaker { Rollback = false });
        Assert.True(Deployments.DeploymentConfiguration(w.Stack).ContainsKey("DeploymentCircuitBreaker"));
    }

    [Fact]
    public void CircuitBreakerWithBlueGreen_FailsWithMessage()
    {
        var w = new Workloads();
        var error = Findings.Error(() => Deployments.ScService(w, ServiceDeploymentStrategy.BlueGreen(), breaker: new Amazon.CDK.AWS.ECS.DeploymentCircuitBreaker { Rollback = true }));
        Assert.Equal(
            "DiscoverableFargateService 'TestStack/Orders': CircuitBreaker cannot be used with DeploymentStrategy BlueGreen: ECS takes the circuit breaker for rolling deployments only. Remove CircuitBreaker (the library then emits none for this strategy), and use a lifecycle hook to fail a bad revision. [ecs-discovery:deployment-circuit-breaker-strategy]",
            error.Message);
    }
}
