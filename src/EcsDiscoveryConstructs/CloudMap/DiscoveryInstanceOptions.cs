namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// An instance registered directly in a <see cref="DiscoveryService"/> (outside ECS): an IP instance (<see cref="Ipv4"/>,
/// <see cref="Ipv6"/>, <see cref="Port"/>), a CNAME instance (<see cref="Cname"/>), or, with no address, a non-IP
/// instance of an API-only service found by its <see cref="Attributes"/>.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html</remarks>
public sealed class DiscoveryInstanceOptions
{
    /// <summary>The IPv4 address (<c>AWS_INSTANCE_IPV4</c>); required for A records.</summary>
    /// <value>Default: none.</value>
    public string? Ipv4 { get; init; }

    /// <summary>The IPv6 address (<c>AWS_INSTANCE_IPV6</c>); required for AAAA records.</summary>
    /// <value>Default: none.</value>
    public string? Ipv6 { get; init; }

    /// <summary>The port (<c>AWS_INSTANCE_PORT</c>), 1-65535; required for SRV records.</summary>
    /// <value>Default: none.</value>
    public int? Port { get; init; }

    /// <summary>The domain name the CNAME record points to (<c>AWS_INSTANCE_CNAME</c>); only for CNAME services.</summary>
    /// <value>Default: none.</value>
    public string? Cname { get; init; }

    /// <summary>The instance id: 1-64 letters, digits and <c>_/:.@-</c>.</summary>
    /// <value>Default: a unique id the CDK derives from the construct path.</value>
    public string? InstanceId { get; init; }

    /// <summary>Custom attributes (at most 30; keys not starting with <c>AWS_</c>); at least one for a non-IP instance.</summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
