using Constructs;
using Amazon.JSII.Runtime.Deputy;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>
/// Synth-time rule, one instance per namespace: two discovery services may not share a name in one namespace
/// (case-insensitively in DNS namespaces, whose names are DNS names; exactly in HTTP namespaces).
/// </summary>
internal sealed class ServiceNameUnique : DeputyBase, IValidation
{
    private readonly List<(string Path, string Name)> services = [];
    private readonly string namespaceLabel;
    private readonly StringComparer comparer;

    public ServiceNameUnique(string namespaceLabel, bool caseSensitive)
    {
        this.namespaceLabel = namespaceLabel;
        comparer = caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
    }

    /// <summary>The rule's documentation.</summary>
    public static RuleInfo Info { get; } = new(
        "service-name-unique",
        RuleLevel.Error,
        "No two discovery services share a name in one namespace (case-insensitive in DNS namespaces).",
        "CreateService fails with ServiceAlreadyExists on the second one; in DNS namespaces names that differ only by case collide.");

    /// <summary>Records a service created in this namespace; unresolved names are skipped.</summary>
    public void Add(string constructPath, string name)
    {
        if (TokenGuard.IsConcrete(name))
        {
            services.Add((constructPath, name));
        }
    }

    /// <inheritdoc />
    public string[] Validate()
        => services
            .GroupBy(s => s.Name, comparer)
            .Where(g => g.Count() > 1)
            .Select(g =>
            {
                var paths = string.Join(" and ", g.Select(s => $"'{s.Path}'"));
                var names = string.Join(", ", g.Select(s => $"'{s.Name}'").Distinct());
                var caseNote = comparer == StringComparer.OrdinalIgnoreCase ? " (names in DNS namespaces are case-insensitive)" : string.Empty;
                return $"DiscoveryService {paths}: Name {names} is used more than once in namespace '{namespaceLabel}'{caseNote}. Give each service its own name. [{Info.QualifiedId}]";
            })
            .ToArray();
}
