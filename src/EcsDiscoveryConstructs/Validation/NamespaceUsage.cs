using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// Everything the app puts into one namespace: Cloud Map service names, Service Connect discovery names and client
/// aliases, and how many instances may register. Checked across constructs when the app is synthesized; one instance
/// per namespace, attached to the namespace's construct.
/// </summary>
internal sealed class NamespaceUsage : DeputyBase, IValidation
{
    /// <summary>Cloud Map instances per namespace (default quota, adjustable).</summary>
    public const int InstanceQuota = 2000;

    private readonly List<(UsageOwner Owner, string Name)> serviceNames = [];
    private readonly List<(UsageOwner Owner, string Name)> discoveryNames = [];
    private readonly List<(UsageOwner Owner, string Alias)> aliases = [];
    private readonly Dictionary<UsageOwner, int> maxInstances = [];
    private readonly HashSet<UsageOwner> dualOwners = [];
    private readonly IConstruct namespaceConstruct;
    private readonly string label;
    private readonly StringComparer nameComparer;
    private bool quotaWarned;

    public NamespaceUsage(IConstruct namespaceConstruct, string label, bool caseSensitive)
    {
        this.namespaceConstruct = namespaceConstruct;
        this.label = label;
        nameComparer = caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        namespaceConstruct.Node.AddValidation(this);
    }

    public static RuleInfo ServiceNameUnique => new(
        "service-name-unique",
        RuleLevel.Error,
        "No two Cloud Map services share a name in one namespace (case-insensitive in DNS namespaces).",
        "CreateService fails with ServiceAlreadyExists on the second one; in DNS namespaces names that differ only by case collide.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html" };

    public static RuleInfo DiscoveryNameUnique => new(
        "discovery-name-unique",
        RuleLevel.Error,
        "A Service Connect discoveryName is used once per namespace and differs from every Cloud Map service name there.",
        "ECS creates an API-only Cloud Map service named after the discoveryName; a second one, or a Cloud Map service of that name, fails the deployment (aws-cdk #26524).") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html" };

    public static RuleInfo ClientAliasUnique => new(
        "client-alias-unique",
        RuleLevel.Error,
        "A Service Connect client alias dnsName:port is used once per namespace.",
        "Each client alias name and port must be unique within the namespace; ECS rejects the second service.") { Reference = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectClientAlias.html" };

    public static RuleInfo NamespaceInstanceQuota => new(
        "namespace-instance-quota",
        RuleLevel.Warning,
        "More than 2,000 instances (tasks at their maximum) could register in one namespace.",
        "Cloud Map allows 2,000 instances per namespace by default; registrations beyond it fail until the quota is raised (DNS namespaces also need more Route 53 records per hosted zone).") { Reference = "https://docs.aws.amazon.com/general/latest/gr/cloud_map.html" };

    /// <summary>Records a Cloud Map service created in this namespace by <paramref name="owner"/>; unresolved names are skipped.</summary>
    public void AddServiceName(UsageOwner owner, string name) => AddIfConcrete(serviceNames, owner, name);

    /// <summary>Records a Service Connect discovery name; <paramref name="dualDiscovery"/> says whether the owner has DualDiscovery on.</summary>
    public void AddDiscoveryName(UsageOwner owner, string name, bool dualDiscovery = false)
    {
        AddIfConcrete(discoveryNames, owner, name);
        if (dualDiscovery)
        {
            dualOwners.Add(owner);
        }
    }

    /// <summary>Records a Service Connect client alias as <c>dnsName:port</c>.</summary>
    public void AddClientAlias(UsageOwner owner, string dnsName, int port) => AddIfConcrete(aliases, owner, $"{dnsName}:{port}");

    /// <summary>Sets how many instances <paramref name="owner"/> may register at most, and warns once when the namespace total passes the quota.</summary>
    public void SetMaxInstances(UsageOwner owner, int count)
    {
        maxInstances[owner] = count;
        var total = maxInstances.Values.Sum();
        if (total > InstanceQuota && !quotaWarned)
        {
            quotaWarned = true;
            var owners = string.Join(", ", maxInstances.Select(e => $"'{e.Key}' {e.Value}"));
            Annotations.Of(namespaceConstruct).AddWarningV2(
                NamespaceInstanceQuota.QualifiedId,
                $"Namespace '{label}': up to {total} instances could register ({owners}), more than the default quota of {InstanceQuota} instances per namespace. Request a higher quota (and, for DNS namespaces, more Route 53 records per hosted zone), or spread services over namespaces. [{NamespaceInstanceQuota.QualifiedId}]");
        }
    }

    /// <inheritdoc />
    public string[] Validate()
    {
        var errors = new List<string>();
        errors.AddRange(Duplicates(serviceNames, nameComparer).Select(g =>
            $"DiscoveryService {Owners(g)}: Name {Values(g)} is used more than once in namespace '{label}'{(nameComparer == StringComparer.OrdinalIgnoreCase ? " (names in DNS namespaces are case-insensitive)" : string.Empty)}. Give each service its own name. [{ServiceNameUnique.QualifiedId}]"));
        errors.AddRange(Duplicates(discoveryNames, StringComparer.Ordinal).Select(g =>
            $"DiscoverableFargateService {Owners(g)}: ServiceConnect discoveryName {Values(g)} is used more than once in namespace '{label}'. Give each endpoint its own DiscoveryName. [{DiscoveryNameUnique.QualifiedId}]"));
        foreach (var (owner, name) in discoveryNames)
        {
            foreach (var clash in serviceNames.Where(s => nameComparer.Equals(s.Name, name)))
            {
                errors.Add($"DiscoverableFargateService '{owner}' and Cloud Map service '{clash.Owner}': ServiceConnect discoveryName '{name}' is also the name of a Cloud Map service in namespace '{label}', so ECS cannot create its Service Connect service (aws-cdk #26524). {(dualOwners.Contains(owner) ? "Rename one of them, or leave that endpoint's DiscoveryName unset so DualDiscovery derives '<name>-sc'" : "Rename one of them, or use DualDiscovery, which suffixes discovery names with '-sc'")}. [{DiscoveryNameUnique.QualifiedId}]");
            }
        }

        errors.AddRange(Duplicates(aliases, StringComparer.OrdinalIgnoreCase).Select(g =>
            $"DiscoverableFargateService {Owners(g)}: ServiceConnect client alias {Values(g)} is used more than once in namespace '{label}'. Give each endpoint its own DnsName or Port. [{ClientAliasUnique.QualifiedId}]"));
        return errors.ToArray();
    }

    private static void AddIfConcrete(List<(UsageOwner, string)> list, UsageOwner owner, string value)
    {
        if (TokenGuard.IsConcrete(value))
        {
            list.Add((owner, value));
        }
    }

    private static IEnumerable<IGrouping<string, (UsageOwner Owner, string Name)>> Duplicates(List<(UsageOwner Owner, string Name)> entries, StringComparer comparer)
        => entries.GroupBy(e => e.Name, comparer).Where(g => g.Count() > 1);

    private static string Owners(IEnumerable<(UsageOwner Owner, string Name)> group)
        => string.Join(" and ", group.Select(e => e.Owner).Distinct().Select(o => $"'{o}'"));

    private static string Values(IEnumerable<(UsageOwner Owner, string Name)> group) => string.Join(", ", group.Select(e => $"'{e.Name}'").Distinct());
}
