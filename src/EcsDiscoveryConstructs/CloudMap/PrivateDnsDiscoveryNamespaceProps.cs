using Amazon.CDK;
using Amazon.CDK.AWS.EC2;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>Props of <see cref="PrivateDnsDiscoveryNamespace"/>.</summary>
public sealed class PrivateDnsDiscoveryNamespaceProps
{
    /// <summary>The namespace's domain, e.g. <c>internal.example.com</c>; at most 253 characters.</summary>
    public required string Name { get; init; }

    /// <summary>The VPC whose resolver answers the namespace's names (Cloud Map associates the private hosted zone with it).</summary>
    public required IVpc Vpc { get; init; }

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
