namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>Props of <see cref="HttpDiscoveryNamespace"/>.</summary>
public sealed class HttpDiscoveryNamespaceProps
{
    /// <summary>The namespace name: 1-1,024 printable ASCII characters, e.g. <c>internal-api</c>.</summary>
    public required string Name { get; init; }

    /// <summary>A description, at most 1,024 characters.</summary>
    /// <value>Default: none.</value>
    public string? Description { get; init; }

    /// <summary>Tags for the namespace.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
