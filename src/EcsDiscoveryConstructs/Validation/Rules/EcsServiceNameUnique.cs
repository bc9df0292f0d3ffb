namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>No two ECS services share a name in one cluster.</summary>
internal sealed class EcsServiceNameUnique : IAppRule<ClusterContents>
{
    public RuleInfo Info => new(
        "ecs-service-name-unique",
        RuleLevel.Error,
        "No two ECS services share a Name in one cluster.",
        "ECS service names are unique per cluster: CloudFormation fails the second service at deploy time, after the first has been created.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html" };

    public IEnumerable<AppFinding> Check(ClusterContents subject)
        => AppFinding.Duplicates(subject.Names, StringComparer.Ordinal)
            .Select(g => new AppFinding(
                $"DiscoverableFargateService {AppFinding.Owners(g)}",
                new Violation($"Name '{g.Key}'", $"is used by {g.Count()} ECS services in cluster '{subject.Label}'", "Give each service its own Name.")));
}
