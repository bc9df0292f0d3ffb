using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// A Cloud Map HTTP namespace: services in it are discovered only through the Cloud Map API (DiscoverInstances),
/// never through DNS. The usual namespace for ECS Service Connect.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateHttpNamespace.html</remarks>
public sealed class HttpDiscoveryNamespace : DiscoveryNamespaceBase
{
    private const string KindName = nameof(HttpDiscoveryNamespace);

    /// <summary>Creates the namespace; throws <see cref="DiscoveryValidationException"/> listing every invalid prop.</summary>
    public HttpDiscoveryNamespace(Construct scope, string id, HttpDiscoveryNamespaceProps props)
        : base(scope, id, KindName, Spec(props))
    {
        Resource = new HttpNamespace(this, "Resource", new HttpNamespaceProps
        {
            Name = props.Name,
            Description = props.Description,
        });
        ApplyTags(props.Tags);
    }

    /// <summary>The CDK L2 namespace.</summary>
    public HttpNamespace Resource { get; }

    /// <inheritdoc />
    public override INamespace CloudMapNamespace => Resource;

    /// <summary>Imports an existing HTTP namespace; validates the id and ARN shapes.</summary>
    public static IDiscoveryNamespace FromAttributes(Construct scope, string id, DiscoveryNamespaceAttributes attributes)
        => ImportedDiscoveryNamespace.Create(scope, id, attributes, NamespaceType.HTTP, KindName);

    private static NamespaceSpec Spec(HttpDiscoveryNamespaceProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        return new NamespaceSpec { Type = NamespaceType.HTTP, Name = props.Name, Description = props.Description, Tags = props.Tags };
    }
}
