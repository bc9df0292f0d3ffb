using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>During a blue/green-family bake, a DNS registration beside Service Connect names both revisions.</summary>
internal sealed class DeploymentDnsRevisions : IPropsRule<FargateServiceSpec>
{
    public RuleInfo Info => new(
        "deployment-dns-revisions",
        RuleLevel.Warning,
        "A blue/green, linear or canary DeploymentStrategy on a service that is also DNS-discoverable (dual discovery, or Service Connect with a Cloud Map DNS registration).",
        "ECS registers the tasks of both revisions in the serviceRegistries Cloud Map service while it shifts and bakes; only Service Connect clients follow the shift and the test-traffic rules, DNS clients may reach either revision.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-blue-green.html" };

    public IEnumerable<Violation> Check(FargateServiceSpec subject)
    {
        var plan = subject.Plan;
        if (subject.Props.DeploymentStrategy is { ShiftsTraffic: true } strategy && plan.Endpoints.Count > 0 && plan.CloudMapRecords != DiscoveryRecordTypes.None)
        {
            yield return new Violation(
                $"DeploymentStrategy {strategy.Kind}",
                $"shifts Service Connect clients only: DNS clients of '{plan.CloudMapName}' may reach the old or the new revision until the bake ends",
                "Move DNS clients to Service Connect, make them tolerate both revisions, or acknowledge this warning.");
        }
    }
}
