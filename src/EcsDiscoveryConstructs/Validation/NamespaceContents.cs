namespace EcsDiscoveryConstructs.Validation;

/// <summary>What the app puts into one namespace, as <see cref="NamespaceUsage"/> collected it (concrete values only).</summary>
internal sealed record NamespaceContents(
    string Label,
    bool CaseSensitive,
    IReadOnlyList<(UsageOwner Owner, string Name)> ServiceNames,
    IReadOnlyList<(UsageOwner Owner, string Name)> DiscoveryNames,
    IReadOnlyList<(UsageOwner Owner, string Alias)> Aliases,
    IReadOnlySet<UsageOwner> DualOwners,
    IReadOnlyDictionary<UsageOwner, int> MaxInstances)
{
    /// <summary>How names compare in this namespace: DNS names are case-insensitive.</summary>
    public StringComparer NameComparer => CaseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
}
