namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>Which health check a discovery service uses.</summary>
public enum DiscoveryHealthCheck
{
    /// <summary>No health check: every registered instance is answered.</summary>
    None,

    /// <summary>Custom health: the registrant (ECS) reports instance health.</summary>
    Custom,

    /// <summary>Route 53 probes each instance.</summary>
    Route53,
}
