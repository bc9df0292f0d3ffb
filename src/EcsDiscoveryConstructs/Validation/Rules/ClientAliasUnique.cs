namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>A Service Connect client alias is used once per namespace.</summary>
internal sealed class ClientAliasUnique : IAppRule<NamespaceContents>
{
    public RuleInfo Info => new(
        "client-alias-unique",
        RuleLevel.Error,
        "A Service Connect client alias dnsName:port is used once per namespace.",
        "Each client alias name and port must be unique within the namespace; ECS rejects the second service.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html" };

    public IEnumerable<AppFinding> Check(NamespaceContents subject)
        => AppFinding.Duplicates(subject.Aliases, StringComparer.OrdinalIgnoreCase).Select(g => new AppFinding(
            $"DiscoverableFargateService {AppFinding.Owners(g)}",
            new Violation($"ServiceConnect client alias {AppFinding.Values(g)}", $"is used more than once in namespace '{subject.Label}'", "Give each endpoint its own DnsName or Port.")));
}
