namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>No two Cloud Map services share a name in one namespace.</summary>
internal sealed class ServiceNameUnique : IAppRule<NamespaceContents>
{
    public RuleInfo Info => new(
        "service-name-unique",
        RuleLevel.Error,
        "No two Cloud Map services share a name in one namespace (case-insensitive in DNS namespaces).",
        "CreateService fails with ServiceAlreadyExists on the second one; in DNS namespaces names that differ only by case collide.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html" };

    public IEnumerable<AppFinding> Check(NamespaceContents subject)
        => AppFinding.Duplicates(subject.ServiceNames, subject.NameComparer).Select(g => new AppFinding(
            $"DiscoveryService {AppFinding.Owners(g)}",
            new Violation(
                $"Name {AppFinding.Values(g)}",
                $"is used more than once in namespace '{subject.Label}'{(subject.CaseSensitive ? string.Empty : " (names in DNS namespaces are case-insensitive)")}",
                "Give each service its own name.")));
}
