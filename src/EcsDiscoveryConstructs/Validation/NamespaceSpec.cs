using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What the namespace rules read: the props of a namespace construct or the attributes of an import.</summary>
internal sealed record NamespaceSpec
{
    public required NamespaceType Type { get; init; }

    public required string? Name { get; init; }

    public string? Description { get; init; }

    public Duration? SoaTtl { get; init; }

    /// <summary>False only when a private DNS namespace was given no VPC.</summary>
    public bool HasVpc { get; init; } = true;

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>Set for imports only.</summary>
    public string? ImportedId { get; init; }

    /// <summary>Set for imports only.</summary>
    public string? ImportedArn { get; init; }

    public bool IsImport => ImportedId is not null || ImportedArn is not null;
}
