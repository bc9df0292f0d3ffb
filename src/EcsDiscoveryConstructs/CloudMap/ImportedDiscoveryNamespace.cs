using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>Imports existing namespaces for the <c>FromAttributes</c> methods.</summary>
internal static class ImportedDiscoveryNamespace
{
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
        return new CdkNamespaceAdapter(imported, type == NamespaceType.DNS_PRIVATE ? attributes.Vpc : null);
    }
}
