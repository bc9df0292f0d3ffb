using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// A Cloud Map namespace created or imported by this library: the CDK namespace plus what the library's checks
/// need to know about it. Implemented by <see cref="PrivateDnsDiscoveryNamespace"/>, <see cref="PublicDnsDiscoveryNamespace"/>,
/// <see cref="HttpDiscoveryNamespace"/> and the objects their <c>FromAttributes</c> methods return. Like the CDK's
/// <see cref="INamespace"/>, it is an <see cref="Amazon.CDK.IResource"/>: its node, stack, environment and removal policy
/// are the CDK namespace's, and CDK APIs that take a resource or construct (<c>Stack.Of</c>, <c>Tags.Of</c>) take it.
/// CDK APIs that take an <see cref="INamespace"/> get <see cref="CloudMapNamespace"/> (an import is a view of the
/// CDK's imported namespace, not a construct of its own).
/// </summary>
public interface IDiscoveryNamespace : Amazon.CDK.IResource
{
    /// <summary>The CDK namespace, for APIs that take an <see cref="INamespace"/>.</summary>
    INamespace CloudMapNamespace { get; }

    /// <summary>The namespace id (<c>ns-...</c>); a token for namespaces created in this app.</summary>
    string NamespaceId { get; }

    /// <summary>The namespace ARN; a token for namespaces created in this app.</summary>
    string NamespaceArn { get; }

    /// <summary>The namespace name, e.g. <c>internal.example.com</c>.</summary>
    string NamespaceName { get; }

    /// <summary>Private DNS, public DNS or HTTP.</summary>
    NamespaceType NamespaceType { get; }

    /// <summary>The VPC of a private DNS namespace; null for other types and for imports given no VPC.</summary>
    IVpc? Vpc { get; }

    /// <summary>The construct path used in messages about this namespace.</summary>
    string DisplayPath { get; }

    /// <summary>What the app puts into this namespace, checked across constructs at synth.</summary>
    internal NamespaceUsage Usage { get; }

    /// <summary>
    /// The account that owns the namespace when another account shared it with this stack's account (through AWS RAM);
    /// null for namespaces this account owns or when either account is unknown at synth.
    /// </summary>
    internal string? SharedByAccount { get; }
}
