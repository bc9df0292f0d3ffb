namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// A custom health check: the registrant (ECS for task registrations) reports each instance's health through
/// <c>UpdateInstanceCustomHealthStatus</c>, and unhealthy instances leave DNS answers and healthy discovery results.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_HealthCheckCustomConfig.html</remarks>
public sealed class CustomHealthCheckOptions
{
    /// <summary>
    /// Deprecated by AWS: Cloud Map ignores this value and always uses 1. The library always emits 1 and warns
    /// (<c>ecs-discovery:custom-health-threshold</c>) when another value is given here.
    /// </summary>
    /// <value>Default: 1.</value>
    public int? FailureThreshold { get; init; }
}
