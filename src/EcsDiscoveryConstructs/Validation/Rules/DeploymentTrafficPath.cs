namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A blue/green-family deployment of a service whose clients do not come through a path ECS shifts.</summary>
internal sealed class DeploymentTrafficPath : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "deployment-traffic-path",
        RuleLevel.Warning,
        "A blue/green, linear or canary DeploymentStrategy on a service without Service Connect endpoints.",
        "ECS shifts test and production traffic only through a load balancer or Service Connect; for a headless service (Cloud Map registration only) it does not manage the shift: DNS and API clients find the new revision's tasks as soon as they register, before any test or bake.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deploy-blue-green-service.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        if (subject.Props.DeploymentStrategy is { ShiftsTraffic: true } strategy && subject.Plan.Endpoints.Count == 0)
        {
            yield return new Violation(
                $"DeploymentStrategy {strategy.Kind}",
                "shifts no traffic for this service: it has no Service Connect endpoint, so Cloud Map clients reach the new revision as soon as its tasks register",
                "Offer the service through ServiceConnect endpoints, attach a load balancer, use DeploymentStrategy = ServiceDeploymentStrategy.Rolling(), or acknowledge this warning.");
        }
    }
}
