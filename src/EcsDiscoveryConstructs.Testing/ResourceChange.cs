namespace EcsDiscoveryConstructs.Testing;

/// <summary>How a template entry changed from the golden file to the received template.</summary>
public enum ChangeKind
{
    /// <summary>Only in the received template.</summary>
    Added,

    /// <summary>Only in the golden file.</summary>
    Removed,

    /// <summary>In both, with different values; CloudFormation updates it in place (as far as this kit knows).</summary>
    Changed,

    /// <summary>In both, but CloudFormation replaces it: its type changed, or a property that forces replacement did.</summary>
    Replaced,
}

/// <summary>One changed value, by its path inside the entry (e.g. <c>Properties.DnsConfig.DnsRecords[0].TTL</c>).</summary>
/// <param name="Path">Where the value is, from the entry's root.</param>
/// <param name="Before">The golden value as compact JSON; null when the path is new.</param>
/// <param name="After">The received value as compact JSON; null when the path is gone.</param>
/// <param name="ForcesReplacement">True when changing this property makes CloudFormation replace the resource.</param>
public sealed record PropertyChange(string Path, string? Before, string? After, bool ForcesReplacement);

/// <summary>A changed entry of a template: a resource, output, parameter, condition or mapping.</summary>
/// <param name="Section">The template section: <c>Resources</c>, <c>Outputs</c>, <c>Parameters</c>, <c>Conditions</c> or <c>Mappings</c>.</param>
/// <param name="LogicalId">The entry's logical id.</param>
/// <param name="Type">The resource type (the received one when it changed); null outside Resources.</param>
/// <param name="Kind">What happened to the entry.</param>
/// <param name="Properties">The values that changed, for <see cref="ChangeKind.Changed"/> and <see cref="ChangeKind.Replaced"/>.</param>
public sealed record ResourceChange(string Section, string LogicalId, string? Type, ChangeKind Kind, IReadOnlyList<PropertyChange> Properties);
