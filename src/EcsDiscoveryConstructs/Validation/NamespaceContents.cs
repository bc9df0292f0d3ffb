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

    /// <summary>The entries whose value occurs more than once.</summary>
    public static IEnumerable<IGrouping<string, (UsageOwner Owner, string Value)>> Duplicates(IEnumerable<(UsageOwner Owner, string Value)> entries, StringComparer comparer)
        => entries.GroupBy(e => e.Value, comparer).Where(g => g.Count() > 1);

    public static string Owners(IEnumerable<(UsageOwner Owner, string Value)> group) => AppFinding.Quoted(group.Select(e => e.Owner.ToString()));

    public static string Values(IEnumerable<(UsageOwner Owner, string Value)> group) => string.Join(", ", group.Select(e => $"'{e.Value}'").Distinct());
}
