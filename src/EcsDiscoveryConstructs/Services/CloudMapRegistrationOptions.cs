using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Services;

/// <summary>
/// How a <see cref="DiscoverableFargateService"/> registers its tasks in Cloud Map through ECS <c>serviceRegistries</c>:
/// set at most one of <see cref="Namespace"/> (a new discovery service) and <see cref="ExistingService"/> (one of this
/// app, or an import from <see cref="DiscoveryService.FromServiceAttributes"/>); with neither, a new discovery service is
/// created in the cluster's default Cloud Map
/// namespace (<c>cluster.AddDefaultCloudMapNamespace</c>).
/// </summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-discovery.html</remarks>
public sealed class CloudMapRegistrationOptions
{
    /// <summary>Creates a discovery service in this namespace (private DNS for DNS discovery, HTTP for API discovery).</summary>
    /// <value>Default: the cluster's default Cloud Map namespace, when ExistingService is not set.</value>
    public IDiscoveryNamespace? Namespace { get; init; }

    /// <summary>Registers into an existing discovery service: one created elsewhere in this app, or one outside it (<see cref="DiscoveryService.FromServiceAttributes"/>).</summary>
    /// <value>Default: none.</value>
    public IDiscoveryService? ExistingService { get; init; }

    /// <summary>The Cloud Map service name, for a new service.</summary>
    /// <value>Default: the ECS service's <c>Name</c>.</value>
    public string? Name { get; init; }

    /// <summary>Records for a new service: A, SRV or A+SRV (what ECS registers for awsvpc tasks).</summary>
    /// <value>Default: <see cref="DiscoveryRecordTypes.A"/> in DNS namespaces; none (API only) in HTTP namespaces.</value>
    public DiscoveryRecordTypes? DnsRecords { get; init; }

    /// <summary>The DNS TTL of a new service.</summary>
    /// <value>Default: 10 seconds.</value>
    public Duration? DnsTtl { get; init; }

    /// <summary>The routing policy of a new service.</summary>
    /// <value>Default: MULTIVALUE.</value>
    public RoutingPolicy? RoutingPolicy { get; init; }

    /// <summary>For SRV records: the container whose port is registered.</summary>
    /// <value>Default: the only container, when the task has exactly one container with exactly one port mapping.</value>
    public string? ContainerName { get; init; }

    /// <summary>For SRV records: the container port registered; must be mapped on <see cref="ContainerName"/>.</summary>
    /// <value>Default: that container's only port mapping, when it has exactly one.</value>
    public int? ContainerPort { get; init; }

    /// <summary>Whether a new service gets a custom health check, so ECS task health drives discovery.</summary>
    /// <value>Default: true.</value>
    public bool CustomHealthCheck { get; init; } = true;

    /// <summary>
    /// Service-level attributes (Cloud Map <c>UpdateServiceAttributes</c>): at most 30, keys 1-255 characters, values at
    /// most 1,024 characters; read by <c>ecs-discovery verify</c>.
    /// </summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? ServiceAttributes { get; init; }
}
