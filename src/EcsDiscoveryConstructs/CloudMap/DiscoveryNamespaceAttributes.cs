using Amazon.CDK.AWS.EC2;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>What identifies an existing namespace to import (see the <c>FromAttributes</c> methods).</summary>
public sealed class DiscoveryNamespaceAttributes
{
    /// <summary>The namespace id, <c>ns-...</c> (not its name, not its hosted zone id).</summary>
    public required string NamespaceId { get; init; }

    /// <summary>The namespace ARN, <c>arn:aws:servicediscovery:region:account:namespace/ns-...</c>.</summary>
    public required string NamespaceArn { get; init; }

    /// <summary>The namespace name, e.g. <c>internal.example.com</c>.</summary>
    public required string NamespaceName { get; init; }

    /// <summary>For private DNS namespaces: the VPC the namespace is associated with, so cross-service checks can compare VPCs.</summary>
    /// <value>Default: unknown; VPC checks are skipped for this namespace.</value>
    public IVpc? Vpc { get; init; }
}
