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
public sealed record PropertyChange
{
    internal PropertyChange(string path, string? before, string? after, bool forcesReplacement)
    {
        Path = path;
        Before = before;
        After = after;
        ForcesReplacement = forcesReplacement;
    }

    /// <summary>Where the value is, from the entry's root.</summary>
    public string Path { get; }

    /// <summary>The golden value as compact JSON; null when the path is new.</summary>
    public string? Before { get; }

    /// <summary>The received value as compact JSON; null when the path is gone.</summary>
    public string? After { get; }

    /// <summary>True when changing this property makes CloudFormation replace the resource.</summary>
    public bool ForcesReplacement { get; }
}

/// <summary>A changed entry of a template: a resource, output, parameter, condition or mapping.</summary>
public sealed record ResourceChange
{
    internal ResourceChange(string section, string logicalId, string? type, ChangeKind kind, IReadOnlyList<PropertyChange> properties)
    {
        Section = section;
        LogicalId = logicalId;
        Type = type;
        Kind = kind;
        Properties = properties;
    }

    /// <summary>The template section: <c>Resources</c>, <c>Outputs</c>, <c>Parameters</c>, <c>Conditions</c> or <c>Mappings</c>.</summary>
    public string Section { get; }

    /// <summary>The entry's logical id.</summary>
    public string LogicalId { get; }

    /// <summary>The resource type (the received one when it changed); null outside Resources.</summary>
    public string? Type { get; }

    /// <summary>What happened to the entry.</summary>
    public ChangeKind Kind { get; }

    /// <summary>The values that changed, for <see cref="ChangeKind.Changed"/> and <see cref="ChangeKind.Replaced"/>.</summary>
    public IReadOnlyList<PropertyChange> Properties { get; }
}
