using Amazon.CDK;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>Props of <see cref="PublicDnsDiscoveryNamespace"/>.</summary>
public sealed class PublicDnsDiscoveryNamespaceProps
{
    /// <summary>The public domain, e.g. <c>api.example.com</c>; at most 253 characters. Delegate it from the parent zone for names to resolve.</summary>
    public required string Name { get; init; }

    /// <summary>A description, at most 1,024 characters.</summary>
    /// <value>Default: none.</value>
    public string? Description { get; init; }

    /// <summary>The SOA TTL: how long resolvers cache "no such name" answers (negative caching).</summary>
    /// <value>Default: not set; Cloud Map keeps its own default.</value>
    /// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_SOA.html</remarks>
    public Duration? SoaTtl { get; init; }

    /// <summary>Tags for the namespace.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
