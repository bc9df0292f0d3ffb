using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>Props of <see cref="DiscoveryService"/>.</summary>
public sealed class DiscoveryServiceProps
{
    /// <summary>The namespace the service is created in.</summary>
    public required IDiscoveryNamespace Namespace { get; init; }

    /// <summary>
    /// The name clients look up: <c>name.namespace</c> in DNS, or the <c>ServiceName</c> of DiscoverInstances.
    /// 1-127 characters, dot-separated labels of letters, digits, '_' or '-'.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>A description, at most 1,024 characters.</summary>
    /// <value>Default: none.</value>
    public string? Description { get; init; }

    /// <summary>
    /// DNS and API discovery, or API only. In a DNS namespace, <see cref="DiscoveryType.API"/> creates a service that is
    /// not in DNS (e.g. for non-IP resources). HTTP namespaces support only API discovery.
    /// </summary>
    /// <value>Default: <see cref="DiscoveryType.DNS_AND_API"/> in DNS namespaces, <see cref="DiscoveryType.API"/> in HTTP namespaces.</value>
    public DiscoveryType? Discovery { get; init; }

    /// <summary>The DNS records created per instance; combine flags for A+AAAA or A+SRV. DNS discovery only.</summary>
    /// <value>Default: <see cref="DiscoveryRecordTypes.A"/>.</value>
    public DiscoveryRecordTypes? DnsRecords { get; init; }

    /// <summary>How long resolvers cache the records; a whole number of seconds, 0-2147483647. DNS discovery only.</summary>
    /// <value>Default: 10 seconds, shorter than ECS's 30 s default stop timeout so clients drop stopped tasks quickly.</value>
    public Duration? DnsTtl { get; init; }

    /// <summary>
    /// MULTIVALUE answers with up to eight healthy records; WEIGHTED answers with one random healthy instance.
    /// Emitted as given (the CDK L2 ignores it, aws-cdk #31719). DNS discovery only.
    /// </summary>
    /// <value>Default: WEIGHTED for CNAME records and load balancers, MULTIVALUE otherwise.</value>
    public RoutingPolicy? RoutingPolicy { get; init; }

    /// <summary>A custom health check, whose status the registrant (ECS) reports. Cannot be added or removed after creation.</summary>
    /// <value>Default: none (a warning is reported for DNS services with no health check).</value>
    public CustomHealthCheckOptions? CustomHealthCheck { get; init; }

    /// <summary>A Route 53 health check; public DNS and HTTP namespaces only, not with CNAME records.</summary>
    /// <value>Default: none.</value>
    public Route53HealthCheckOptions? Route53HealthCheck { get; init; }

    /// <summary>True when the service will hold load balancers registered as alias records (needs A/AAAA and WEIGHTED).</summary>
    /// <value>Default: false.</value>
    public bool LoadBalancer { get; init; }

    /// <summary>Set by <see cref="Services.DiscoverableFargateService"/>: how long its tasks stay reachable while stopping, for the TTL warning.</summary>
    internal double? TaskStopTimeoutSeconds { get; init; }

    /// <summary>
    /// Service-level attributes (Cloud Map <c>UpdateServiceAttributes</c>): at most 30, keys 1-255 characters, values at
    /// most 1,024 characters; read by <c>ecs-discovery verify</c>.
    /// </summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? ServiceAttributes { get; init; }

    /// <summary>Tags for the service.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
