namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>The deployment circuit breaker belongs to rolling deployments.</summary>
internal sealed class DeploymentCircuitBreakerStrategy : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "deployment-circuit-breaker-strategy",
        RuleLevel.Error,
        "No CircuitBreaker with a blue/green, linear or canary DeploymentStrategy.",
        "ECS DeploymentConfiguration: the deployment circuit breaker can only be used with the rolling update; a blue/green-family deployment rolls back on a failed lifecycle hook or deployment alarm instead.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Props.CircuitBreaker is not null && subject.Props.DeploymentStrategy is { ShiftsTraffic: true } strategy)
        {
            yield return new Violation(
                "CircuitBreaker",
                $"cannot be used with DeploymentStrategy {strategy.Kind}: ECS takes the circuit breaker for rolling deployments only",
                "Remove CircuitBreaker (the library then emits none for this strategy), and use a lifecycle hook to fail a bad revision.");
        }
    }
}
