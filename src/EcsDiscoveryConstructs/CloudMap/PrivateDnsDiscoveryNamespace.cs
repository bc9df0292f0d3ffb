using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// A Cloud Map private DNS namespace: its names resolve only inside its VPC. Adds what the CDK L2 lacks: the SOA
/// (negative-cache) TTL, props validation at synth, and service-name uniqueness checks.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html</remarks>
public sealed class PrivateDnsDiscoveryNamespace : DnsDiscoveryNamespaceBase
{
    private const string KindName = nameof(PrivateDnsDiscoveryNamespace);

    /// <summary>Creates the namespace; throws <see cref="DiscoveryValidationException"/> listing every invalid prop.</summary>
    public PrivateDnsDiscoveryNamespace(Construct scope, string id, PrivateDnsDiscoveryNamespaceProps props)
        : base(scope, id, KindName, Spec(props))
    {
        Resource = new PrivateDnsNamespace(this, "Resource", new PrivateDnsNamespaceProps
        {
            Name = props.Name,
            Vpc = props.Vpc,
            Description = props.Description,
        });
        Vpc = props.Vpc;
        ApplySoaTtl(props.SoaTtl);
        ApplyTags(props.Tags);
    }

    /// <summary>The CDK L2 namespace.</summary>
    public PrivateDnsNamespace Resource { get; }

    /// <inheritdoc />
    public override INamespace CloudMapNamespace => Resource;

    /// <summary>The VPC the namespace's private hosted zone is associated with.</summary>
    public IVpc Vpc { get; }

    private protected override IVpc? VpcOrNull => Vpc;

    /// <summary>Imports an existing private DNS namespace; validates the id and ARN shapes.</summary>
    public static IDiscoveryNamespace FromAttributes(Construct scope, string id, DiscoveryNamespaceAttributes attributes)
        => ImportedDiscoveryNamespace.Create(scope, id, attributes, NamespaceType.DNS_PRIVATE, KindName);

    private static NamespaceSpec Spec(PrivateDnsDiscoveryNamespaceProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        return new NamespaceSpec
        {
            Type = NamespaceType.DNS_PRIVATE,
            Name = props.Name,
            Description = props.Description,
            SoaTtl = props.SoaTtl,
            HasVpc = props.Vpc is not null,
            Tags = props.Tags,
        };
    }
}
