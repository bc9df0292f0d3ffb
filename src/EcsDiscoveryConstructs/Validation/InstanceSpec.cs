using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What the instance rules read: the service the instance joins, and the instance.</summary>
internal sealed record InstanceSpec(DiscoveryServiceSpec Service, DiscoveryInstanceOptions Instance)
{
    /// <summary>True when the instance is a load balancer registered as an alias record.</summary>
    public bool IsLoadBalancer { get; init; }

    public bool IsCname => Instance.Cname is not null;

    public bool IsIp => Instance.Ipv4 is not null || Instance.Ipv6 is not null || Instance.Port is not null;
}
