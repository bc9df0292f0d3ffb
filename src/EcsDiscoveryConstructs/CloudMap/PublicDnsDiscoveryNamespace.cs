using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// A Cloud Map public DNS namespace: a public hosted zone whose names anyone can resolve once the domain is
/// delegated to it. Adds the SOA (negative-cache) TTL and props validation at synth.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePublicDnsNamespace.html</remarks>
public sealed class PublicDnsDiscoveryNamespace : DnsDiscoveryNamespaceBase
{
    private const string KindName = nameof(PublicDnsDiscoveryNamespace);

    /// <summary>Creates the namespace; throws <see cref="DiscoveryValidationException"/> listing every invalid prop.</summary>
    public PublicDnsDiscoveryNamespace(Construct scope, string id, PublicDnsDiscoveryNamespaceProps props)
        : base(scope, id, KindName, Spec(props))
    {
        Resource = new PublicDnsNamespace(this, "Resource", new PublicDnsNamespaceProps
        {
            Name = props.Name,
            Description = props.Description,
        });
        ApplySoaTtl(props.SoaTtl);
        ApplyTags(props.Tags);
    }

    /// <summary>The CDK L2 namespace.</summary>
    public PublicDnsNamespace Resource { get; }

    /// <inheritdoc />
    public override INamespace CloudMapNamespace => Resource;

    /// <summary>Imports an existing public DNS namespace; validates the id and ARN shapes.</summary>
    public static IDiscoveryNamespace FromAttributes(Construct scope, string id, DiscoveryNamespaceAttributes attributes)
        => ImportedDiscoveryNamespace.Create(scope, id, attributes, NamespaceType.DNS_PUBLIC, KindName);

    private static NamespaceSpec Spec(PublicDnsDiscoveryNamespaceProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        return new NamespaceSpec
        {
            Type = NamespaceType.DNS_PUBLIC,
            Name = props.Name,
            Description = props.Description,
            SoaTtl = props.SoaTtl,
            Tags = props.Tags,
        };
    }
}
