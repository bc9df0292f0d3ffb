namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// An IP instance registered directly in a <see cref="DiscoveryService"/> (outside ECS), as the CDK's
/// <c>IpInstanceBaseProps</c>: the addresses its records need (A: <see cref="Ipv4"/>, AAAA: <see cref="Ipv6"/>, SRV:
/// <see cref="Port"/> and an address).
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html</remarks>
public sealed class IpInstanceOptions
{
    /// <summary>The IPv4 address (<c>AWS_INSTANCE_IPV4</c>) in dotted decimal without leading zeros (<c>192.0.2.44</c>); required for A records.</summary>
    /// <value>Default: none.</value>
    public string? Ipv4 { get; init; }

    /// <summary>The IPv6 address (<c>AWS_INSTANCE_IPV6</c>) in an RFC 4291 text form, without brackets, zone or prefix length; required for AAAA records.</summary>
    /// <value>Default: none.</value>
    public string? Ipv6 { get; init; }

    /// <summary>The port (<c>AWS_INSTANCE_PORT</c>), 1-65535; required for SRV records and the port a Route 53 health check reaches.</summary>
    /// <value>Default: 80, which the CDK writes as <c>AWS_INSTANCE_PORT=80</c> (with a Route 53 health check the rule <c>instance-default-port</c> warns).</value>
    public int? Port { get; init; }

    /// <summary>The instance id: 1-64 letters, digits and <c>_/:.@-</c>, unique in the service.</summary>
    /// <value>Default: a unique id the CDK derives from the construct path.</value>
    public string? InstanceId { get; init; }

    /// <summary>
    /// Custom attributes (at most 30; keys 1-255 printable ASCII characters written in the template, not starting with
    /// <c>AWS_</c> except <c>AWS_INIT_HEALTH_STATUS</c> with a custom health check; values at most 1,024 printable ASCII
    /// characters, spaces and tabs, not starting with a blank; 5,000 characters in all with the <c>AWS_INSTANCE_*</c> attributes).
    /// </summary>
    /// <value>Default: none.</value>
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }
}

/// <summary>A CNAME instance registered directly in a CNAME <see cref="DiscoveryService"/>, as the CDK's <c>CnameInstanceBaseProps</c>.</summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html</remarks>
public sealed class CnameInstanceOptions
{
    /// <summary>The domain name the CNAME record points to (<c>AWS_INSTANCE_CNAME</c>): labels of 1-63 printable ASCII characters, at most 253 characters.</summary>
    public string? InstanceCname { get; init; }

    /// <inheritdoc cref="IpInstanceOptions.InstanceId"/>
    public string? InstanceId { get; init; }

    /// <inheritdoc cref="IpInstanceOptions.CustomAttributes"/>
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }
}

/// <summary>
/// A non-IP instance of an API-only <see cref="DiscoveryService"/>, found by its attributes, as the CDK's
/// <c>NonIpInstanceBaseProps</c>. In an HTTP namespace, <c>AWS_EC2_INSTANCE_ID</c> registers an EC2 instance.
/// </summary>
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html</remarks>
public sealed class NonIpInstanceOptions
{
    /// <inheritdoc cref="IpInstanceOptions.InstanceId"/>
    public string? InstanceId { get; init; }

    /// <summary>Custom attributes, at least one (the constraints of <see cref="IpInstanceOptions.CustomAttributes"/>).</summary>
    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }
}

/// <summary>The kind of an instance registered outside ECS.</summary>
internal enum InstanceKindOf
{
    Ip,
    Cname,
    NonIp,
    LoadBalancer,
}

/// <summary>One instance as the instance rules read it, whichever Register method declared it.</summary>
internal sealed record InstanceDeclaration(InstanceKindOf Kind)
{
    public string? Ipv4 { get; init; }

    public string? Ipv6 { get; init; }

    public int? Port { get; init; }

    public string? InstanceCname { get; init; }

    public string? InstanceId { get; init; }

    public IReadOnlyDictionary<string, string>? CustomAttributes { get; init; }
}
