using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// A Cloud Map service tasks can register into: a <see cref="DiscoveryService"/> of this app, or one that exists
/// outside it (<see cref="DiscoveryService.FromServiceAttributes"/>). Like the CDK's <see cref="IService"/>, it is an
/// <see cref="Amazon.CDK.IResource"/> that CDK APIs taking a resource or construct take; CDK APIs that take an
/// <see cref="IService"/> get <see cref="CloudMapService"/>.
/// </summary>
public interface IDiscoveryService : Amazon.CDK.IResource
{
    /// <summary>The CDK service, for APIs that take an <see cref="IService"/>.</summary>
    IService CloudMapService { get; }

    /// <summary>The service ARN: what ECS <c>serviceRegistries.registryArn</c> expects (not a namespace id or ARN).</summary>
    string ServiceArn { get; }

    /// <summary>The service id, <c>srv-...</c>.</summary>
    string ServiceId { get; }

    /// <summary>The service name: the first label of the DNS names clients resolve.</summary>
    string ServiceName { get; }

    /// <summary>The namespace the service is in.</summary>
    IDiscoveryNamespace Namespace { get; }

    /// <summary>The service's DNS records; <see cref="DiscoveryRecordTypes.None"/> for API-only services.</summary>
    DiscoveryRecordTypes DnsRecords { get; }
}

/// <summary>What identifies a Cloud Map service that exists outside this app, as the CDK's <c>ServiceAttributes</c>.</summary>
public sealed class DiscoveryServiceAttributes
{
    /// <summary>The Cloud Map <em>service</em> ARN, <c>arn:aws:servicediscovery:region:account:service/srv-...</c> (not a namespace id or ARN).</summary>
    public required string ServiceArn { get; init; }

    /// <summary>The service id, <c>srv-...</c>: the end of <see cref="ServiceArn"/>.</summary>
    public required string ServiceId { get; init; }

    /// <summary>The service name.</summary>
    public required string ServiceName { get; init; }

    /// <summary>The namespace the service is in (an import of it, e.g. <c>PrivateDnsDiscoveryNamespace.FromAttributes</c>).</summary>
    public required IDiscoveryNamespace Namespace { get; init; }

    /// <summary>The service's DNS records; ECS needs a container and port for SRV.</summary>
    /// <value>Default: <see cref="DiscoveryRecordTypes.A"/>.</value>
    public DiscoveryRecordTypes DnsRecords { get; init; } = DiscoveryRecordTypes.A;
}
