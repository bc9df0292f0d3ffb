using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Services;

/// <summary>A Cloud Map service that exists outside this app, to register ECS tasks into.</summary>
public sealed class ImportedCloudMapService
{
    /// <summary>The Cloud Map <em>service</em> ARN, <c>arn:aws:servicediscovery:region:account:service/srv-...</c> (not a namespace id or ARN).</summary>
    public required string ServiceArn { get; init; }

    /// <summary>The service id, <c>srv-...</c>.</summary>
    public required string ServiceId { get; init; }

    /// <summary>The service name.</summary>
    public required string ServiceName { get; init; }

    /// <summary>The namespace the service is in.</summary>
    public required IDiscoveryNamespace Namespace { get; init; }

    /// <summary>The service's DNS records; ECS needs a container and port for SRV.</summary>
    /// <value>Default: <see cref="DiscoveryRecordTypes.A"/>.</value>
    public DiscoveryRecordTypes DnsRecords { get; init; } = DiscoveryRecordTypes.A;
}
