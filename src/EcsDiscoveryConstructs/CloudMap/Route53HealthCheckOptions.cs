using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// A Route 53 health check that probes each instance's address and port from the internet. Only for public DNS and
/// HTTP namespaces; Route 53 cannot reach addresses inside a VPC.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckConfig.html</remarks>
public sealed class Route53HealthCheckOptions
{
    /// <summary>The probe's protocol.</summary>
    /// <value>Default: <see cref="HealthCheckType.HTTP"/>.</value>
    public HealthCheckType? Type { get; init; }

    /// <summary>The path Route 53 requests for HTTP and HTTPS checks; must start with '/', at most 255 characters. Not allowed for TCP.</summary>
    /// <value>Default: <c>/</c> for HTTP and HTTPS; none for TCP.</value>
    public string? ResourcePath { get; init; }

    /// <summary>Consecutive failed probes (1-10) before Route 53 marks the instance unhealthy.</summary>
    /// <value>Default: 1.</value>
    public int? FailureThreshold { get; init; }
}
