using Amazon.CDK;

namespace EcsDiscoveryConstructs.ServiceConnect;

/// <summary>One port a service offers to Service Connect clients.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html</remarks>
public sealed class ServiceConnectEndpoint
{
    /// <summary>The name of a port mapping in the task definition. The port mapping's <c>AppProtocol</c> (http, http2, grpc; none = tcp) applies.</summary>
    public required string PortMappingName { get; init; }

    /// <summary>The Cloud Map (API-only) service name ECS creates: at most 64 lowercase letters, digits, '_' or '-', not starting with '-'.</summary>
    /// <value>
    /// Default: the ECS service's <c>Name</c> (other endpoints: <c>name-port</c>); with dual discovery a <c>-sc</c> suffix, so
    /// it never collides with the DNS service. This differs from ECS and the CDK L2, whose default is the port mapping's
    /// name (so their default client alias is <c>portName.namespace</c>): a service moved from the CDK L2 keeps the name
    /// its clients resolve only with <c>DiscoveryName</c> set to the port mapping's name (docs/peer-parity.md).
    /// </value>
    public string? DiscoveryName { get; init; }

    /// <summary>The client alias clients connect to: at most 127 lowercase letters, digits, '_', '-' or '.'.</summary>
    /// <value>Default: <c>discoveryName.namespace</c> (ECS's default); with dual discovery the DNS service's name <c>name.namespace</c>.</value>
    public string? DnsName { get; init; }

    /// <summary>The client alias port, 1-65535.</summary>
    /// <value>Default: the port mapping's container port.</value>
    public int? Port { get; init; }

    /// <summary>How long an idle connection stays open; whole seconds, 0 disables.</summary>
    /// <value>Default: ECS's (5 min for http/http2/grpc, 1 h for tcp).</value>
    public Duration? IdleTimeout { get; init; }

    /// <summary>How long the proxy waits for a whole response; whole seconds, 0 disables. Not for tcp.</summary>
    /// <value>Default: ECS's (15 s).</value>
    public Duration? PerRequestTimeout { get; init; }

    /// <summary>The port the Service Connect proxy listens on for this endpoint, 1-65535.</summary>
    /// <value>Default: ECS's choice (the port mapping's container port is served through the proxy).</value>
    public int? IngressPortOverride { get; init; }

    /// <summary>TLS between proxies.</summary>
    /// <value>Default: no TLS.</value>
    public ServiceConnectTls? Tls { get; init; }

    /// <summary>
    /// The test-traffic rule of this endpoint's client alias during a blue/green, linear or canary deployment
    /// (<see cref="Services.DiscoverableFargateServiceProps.DeploymentStrategy"/>). HTTP protocols only.
    /// </summary>
    /// <value>Default: none: Service Connect sends requests carrying the <c>x-amzn-ecs-blue-green-test</c> header to the new revision.</value>
    public ServiceConnectTestTrafficHeader? TestTrafficHeader { get; init; }
}
