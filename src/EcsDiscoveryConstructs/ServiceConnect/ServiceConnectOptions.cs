using Amazon.CDK.AWS.ECS;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.ServiceConnect;

/// <summary>Service Connect for a <see cref="Services.DiscoverableFargateService"/>: server endpoints, or a client only.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html</remarks>
public sealed class ServiceConnectOptions
{
    /// <summary>The namespace; referenced by ARN, so a namespace in another stack is never re-created by name (aws-cdk #25616).</summary>
    /// <value>Default: the cluster's default Cloud Map namespace.</value>
    public IDiscoveryNamespace? Namespace { get; init; }

    /// <summary>The ports this service offers. Empty for a client-only service.</summary>
    /// <value>Default: none (client only).</value>
    public IReadOnlyList<ServiceConnectEndpoint>? Endpoints { get; init; }

    /// <summary>Where the Service Connect proxy writes its logs.</summary>
    /// <value>Default: no proxy logs.</value>
    public LogDriver? LogDriver { get; init; }

    /// <summary>Access logs of the Service Connect proxy; needs <see cref="LogDriver"/>.</summary>
    /// <value>Default: no access logs.</value>
    public ServiceConnectAccessLogs? AccessLogs { get; init; }
}
