using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A deployment that may stop the only task of a DNS-discovered service first.</summary>
internal sealed class DeploymentDiscoveryGap : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "deployment-discovery-gap",
        RuleLevel.Warning,
        "MinHealthyPercent below 100 on a DNS-discovered service whose task count can be 1.",
        "ECS may stop the only task before its replacement is healthy: meanwhile the name has no record and clients get NXDOMAIN (cached for the SOA TTL).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var plan = subject.Plan;
        var fewest = plan.Scaling?.MinCapacity ?? subject.Props.DesiredCount;
        if (subject.Props.MinHealthyPercent < 100 && plan.CloudMapRecords != DiscoveryRecordTypes.None && fewest == 1)
        {
            yield return new Violation(
                $"MinHealthyPercent {subject.Props.MinHealthyPercent}",
                "lets ECS stop the service's only task before its replacement is healthy: DNS clients find no record until then",
                "Keep MinHealthyPercent = 100 (the default), run at least 2 tasks, or acknowledge this warning.");
        }
    }
}
