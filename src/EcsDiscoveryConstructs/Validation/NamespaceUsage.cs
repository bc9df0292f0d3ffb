using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// Everything the app puts into one namespace: Cloud Map service names, Service Connect discovery names and client
/// aliases, and how many instances may register; one instance per namespace, attached to the namespace's construct.
/// The rules over it (<see cref="RuleCatalog.NamespaceContentsRules"/>) are judged when the app is synthesized.
/// </summary>
internal sealed class NamespaceUsage : DeputyBase, IValidation
{
    private readonly List<(UsageOwner Owner, string Name)> serviceNames = [];
    private readonly List<(UsageOwner Owner, string Name)> discoveryNames = [];
    private readonly List<(UsageOwner Owner, string Alias)> aliases = [];
    private readonly Dictionary<UsageOwner, int> maxInstances = [];
    private readonly HashSet<UsageOwner> dualOwners = [];
    private readonly IConstruct namespaceConstruct;
    private readonly string label;
    private readonly bool caseSensitive;
    private bool quotaWarned;

    public NamespaceUsage(IConstruct namespaceConstruct, string label, bool caseSensitive)
    {
        this.namespaceConstruct = namespaceConstruct;
        this.label = label;
        this.caseSensitive = caseSensitive;
        namespaceConstruct.Node.AddValidation(this);
    }

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

    /// <summary>Sets how many instances <paramref name="owner"/> may register at most; warns once when the namespace total passes the quota.</summary>
    public void SetMaxInstances(UsageOwner owner, int count)
    {
        maxInstances[owner] = count;
        if (!quotaWarned)
        {
            quotaWarned = AppRules.Warn(namespaceConstruct, Contents(), RuleCatalog.NamespaceContentsRules) > 0;
        }
    }

    /// <inheritdoc />
    public string[] Validate() => AppRules.Errors(Contents(), RuleCatalog.NamespaceContentsRules).ToArray();

    /// <summary>What the app has put into the namespace so far.</summary>
    private NamespaceContents Contents() => new(label, caseSensitive, serviceNames, discoveryNames, aliases, dualOwners, maxInstances);

    private static void AddIfConcrete(List<(UsageOwner, string)> list, UsageOwner owner, string value)
    {
        if (TokenGuard.IsConcrete(value))
        {
            list.Add((owner, value));
        }
    }
}
