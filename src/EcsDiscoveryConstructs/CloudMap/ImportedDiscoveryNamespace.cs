using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>An existing namespace referenced by id, ARN and name; created by the <c>FromAttributes</c> methods.</summary>
internal sealed class ImportedDiscoveryNamespace : IDiscoveryNamespace
{
    private ImportedDiscoveryNamespace(INamespace cloudMapNamespace, DiscoveryNamespaceAttributes attributes, NamespaceType type)
    {
        CloudMapNamespace = cloudMapNamespace;
        NamespaceId = attributes.NamespaceId;
        NamespaceArn = attributes.NamespaceArn;
        NamespaceName = attributes.NamespaceName;
        NamespaceType = type;
        Vpc = type == NamespaceType.DNS_PRIVATE ? attributes.Vpc : null;
        DisplayPath = cloudMapNamespace.Node.Path;
        Usage = NamespaceSetup.TrackUsage(cloudMapNamespace, type, NamespaceSetup.Label(NamespaceName, DisplayPath));
    }

    public INamespace CloudMapNamespace { get; }

    public string NamespaceId { get; }

    public string NamespaceArn { get; }

    public string NamespaceName { get; }

    public NamespaceType NamespaceType { get; }

    public IVpc? Vpc { get; }

    public string DisplayPath { get; }

    public NamespaceUsage Usage { get; }

    /// <summary>Validates the attributes, imports the namespace with the matching CDK method and wraps it.</summary>
    public static IDiscoveryNamespace Create(Construct scope, string id, DiscoveryNamespaceAttributes attributes, NamespaceType type, string kind)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var spec = new NamespaceSpec
        {
            Type = type,
            Name = attributes.NamespaceName,
            ImportedId = attributes.NamespaceId,
            ImportedArn = attributes.NamespaceArn,
        };

        INamespace imported = type switch
        {
            NamespaceType.DNS_PRIVATE => PrivateDnsNamespace.FromPrivateDnsNamespaceAttributes(scope, id, new PrivateDnsNamespaceAttributes { NamespaceId = attributes.NamespaceId, NamespaceArn = attributes.NamespaceArn, NamespaceName = attributes.NamespaceName }),
            NamespaceType.DNS_PUBLIC => PublicDnsNamespace.FromPublicDnsNamespaceAttributes(scope, id, new PublicDnsNamespaceAttributes { NamespaceId = attributes.NamespaceId, NamespaceArn = attributes.NamespaceArn, NamespaceName = attributes.NamespaceName }),
            _ => HttpNamespace.FromHttpNamespaceAttributes(scope, id, new HttpNamespaceAttributes { NamespaceId = attributes.NamespaceId, NamespaceArn = attributes.NamespaceArn, NamespaceName = attributes.NamespaceName }),
        };

        NamespaceSetup.Validate(imported, kind, spec);
        return new ImportedDiscoveryNamespace(imported, attributes, type);
    }
}
