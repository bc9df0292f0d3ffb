namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// An instance registered directly in a <see cref="DiscoveryService"/> (outside ECS): an IP instance (<see cref="Ipv4"/>,
/// <see cref="Ipv6"/>, <see cref="Port"/>), a CNAME instance (<see cref="Cname"/>), or, with no address, a non-IP
/// instance of an API-only service found by its <see cref="Attributes"/>.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html</remarks>
public sealed class DiscoveryInstanceOptions
{
    /// <summary>The IPv4 address (<c>AWS_INSTANCE_IPV4</c>) in dotted decimal without leading zeros (<c>192.0.2.44</c>); required for A records.</summary>
    /// <value>Default: none.</value>
    public string? Ipv4 { get; init; }

    /// <summary>The IPv6 address (<c>AWS_INSTANCE_IPV6</c>) in an RFC 4291 text form, without brackets, zone or prefix length; required for AAAA records.</summary>
    /// <value>Default: none.</value>
    public string? Ipv6 { get; init; }

    /// <summary>The port (<c>AWS_INSTANCE_PORT</c>), 1-65535; required for SRV records and the port a Route 53 health check reaches.</summary>
    /// <value>Default: 80 for an IP instance (the CDK writes <c>AWS_INSTANCE_PORT=80</c> when none is given; with a Route 53 health check the rule <c>instance-default-port</c> warns); none for CNAME and non-IP instances.</value>
    public int? Port { get; init; }

    /// <summary>The domain name the CNAME record points to (<c>AWS_INSTANCE_CNAME</c>): labels of 1-63 printable ASCII characters, at most 253 characters; only for CNAME services.</summary>
    /// <value>Default: none.</value>
    public string? Cname { get; init; }

    /// <summary>The instance id: 1-64 letters, digits and <c>_/:.@-</c>, unique in the service.</summary>
    /// <value>Default: a unique id the CDK derives from the construct path.</value>
    public string? InstanceId { get; init; }

    /// <summary>
    /// Custom attributes (at most 30; keys 1-255 printable ASCII characters written in the template, not starting with
    /// <c>AWS_</c> except <c>AWS_INIT_HEALTH_STATUS</c> with a custom health check and <c>AWS_EC2_INSTANCE_ID</c> in an HTTP
    /// namespace; values at most 1,024 printable ASCII characters, spaces and tabs, not starting with a blank; 5,000
    /// characters in all with the <c>AWS_INSTANCE_*</c> attributes); at least one for a non-IP instance.
    /// </summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
