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
        RequiredProps.CheckAt(kind, RequiredProps.ChildPath(scope, id), ("NamespaceId", attributes.NamespaceId), ("NamespaceArn", attributes.NamespaceArn), ("NamespaceName", attributes.NamespaceName));
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
        return new CdkNamespaceAdapter(imported, type == NamespaceType.DNS_PRIVATE ? attributes.Vpc : null, Identity(attributes, type), NamespaceSharing.OwnerIfShared(scope, attributes.NamespaceArn));
    }

    /// <summary>
    /// What identifies the namespace in AWS: its id (given, or read from the ARN), else its type and name (DNS names
    /// compared without case); null when all of them are tokens.
    /// </summary>
    private static string? Identity(DiscoveryNamespaceAttributes attributes, NamespaceType type)
    {
        if (TokenGuard.IsConcrete(attributes.NamespaceId))
        {
            return "id:" + attributes.NamespaceId;
        }

        if (TokenGuard.IsConcrete(attributes.NamespaceArn) && attributes.NamespaceArn.LastIndexOf("namespace/", StringComparison.Ordinal) is >= 0 and var at)
        {
            return "id:" + attributes.NamespaceArn[(at + "namespace/".Length)..];
        }

        if (TokenGuard.IsConcrete(attributes.NamespaceName))
        {
            return $"name:{type}:" + (type == NamespaceType.HTTP ? attributes.NamespaceName : attributes.NamespaceName.ToLowerInvariant());
        }

        return null;
    }
}
