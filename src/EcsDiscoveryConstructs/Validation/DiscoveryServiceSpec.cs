using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What the discovery-service rules read: the user's props (null = not set) and the namespace they target.</summary>
internal sealed record DiscoveryServiceSpec
{
    public required string? Name { get; init; }

    public string? Description { get; init; }

    public required NamespaceType NamespaceType { get; init; }

    public string? NamespaceName { get; init; }

    public DiscoveryType? DiscoveryType { get; init; }

    public DiscoveryRecordTypes? DnsRecords { get; init; }

    public Duration? DnsTtl { get; init; }

    public RoutingPolicy? RoutingPolicy { get; init; }

    public CustomHealthCheckOptions? CustomHealthCheck { get; init; }

    public Route53HealthCheckOptions? Route53HealthCheck { get; init; }

    public bool LoadBalancer { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public IReadOnlyDictionary<string, string>? ServiceAttributes { get; init; }

    /// <summary>The owner account when the namespace was shared with this stack's account by another one.</summary>
    public string? NamespaceSharedBy { get; init; }

    /// <summary>The registering ECS service's longest container stop timeout, when an ECS service registers into this service.</summary>
    public double? TaskStopTimeoutSeconds { get; init; }

    /// <summary>True when the service answers DNS queries (a DNS namespace and not API-only).</summary>
    public bool UsesDns => NamespaceType != NamespaceType.HTTP && DiscoveryType != Amazon.CDK.AWS.ServiceDiscovery.DiscoveryType.API;

    /// <summary>The record types that will be emitted when the service uses DNS.</summary>
    public DiscoveryRecordTypes EffectiveRecords => DnsRecords ?? DiscoveryRecordTypes.A;

    /// <summary>The routing policy that will be emitted when the service uses DNS.</summary>
    public RoutingPolicy EffectiveRoutingPolicy => RoutingPolicy
        ?? (EffectiveRecords == DiscoveryRecordTypes.Cname || LoadBalancer ? Amazon.CDK.AWS.ServiceDiscovery.RoutingPolicy.WEIGHTED : Amazon.CDK.AWS.ServiceDiscovery.RoutingPolicy.MULTIVALUE);
}
