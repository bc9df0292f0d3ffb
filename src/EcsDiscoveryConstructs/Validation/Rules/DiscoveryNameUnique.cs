namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A Service Connect discovery name is used once per namespace and is no Cloud Map service's name there.</summary>
internal sealed class DiscoveryNameUnique : IAppRule<NamespaceContents>
{
    public RuleInfo Info => new(
        "discovery-name-unique",
        RuleLevel.Error,
        "A Service Connect discoveryName is used once per namespace and differs from every Cloud Map service name there.",
        "ECS creates an API-only Cloud Map service named after the discoveryName; a second one, or a Cloud Map service of that name, fails the deployment (aws-cdk #26524).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html" };

    public IEnumerable<AppFinding> Check(NamespaceContents subject)
    {
        foreach (var g in AppFinding.Duplicates(subject.DiscoveryNames, StringComparer.Ordinal))
        {
            yield return new AppFinding(
                $"DiscoverableFargateService {AppFinding.Owners(g)}",
                new Violation($"ServiceConnect discoveryName {AppFinding.Values(g)}", $"is used more than once in namespace '{subject.Label}'", "Give each endpoint its own DiscoveryName."));
        }

        foreach (var (owner, name) in subject.DiscoveryNames)
        {
            foreach (var clash in subject.ServiceNames.Where(s => subject.NameComparer.Equals(s.Name, name)))
            {
                yield return new AppFinding(
                    $"DiscoverableFargateService '{owner}' and Cloud Map service '{clash.Owner}'",
                    new Violation(
                        $"ServiceConnect discoveryName '{name}'",
                        $"is also the name of a Cloud Map service in namespace '{subject.Label}', so ECS cannot create its Service Connect service (aws-cdk #26524)",
                        subject.DualOwners.Contains(owner)
                            ? "Rename one of them, or leave that endpoint's DiscoveryName unset so DualDiscovery derives '<name>-sc'."
                            : "Rename one of them, or use DualDiscovery, which suffixes discovery names with '-sc'."));
            }
        }
    }
}
