using System.Globalization;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>What the instance rules read: the service the instance joins, and the instance.</summary>
internal sealed record InstanceSpec(DiscoveryServiceSpec Service, InstanceDeclaration Instance)
{
    /// <summary>The port the CDK writes into <c>AWS_INSTANCE_PORT</c> for an IP instance registered without one.</summary>
    public const int CdkDefaultPort = 80;

    /// <summary>True when the instance is a load balancer registered as an alias record.</summary>
    public bool IsLoadBalancer => Instance.Kind == InstanceKindOf.LoadBalancer;

    /// <summary>The load balancer's DNS name (<c>AWS_ALIAS_DNS_NAME</c>); null when it is not one or its import names none.</summary>
    public string? LoadBalancerDnsName { get; init; }

    /// <summary>True when the service already holds an instance with this <see cref="InstanceDeclaration.InstanceId"/>.</summary>
    public bool DuplicateId { get; init; }

    public bool IsCname => Instance.Kind == InstanceKindOf.Cname;

    public bool IsIp => Instance.Kind == InstanceKindOf.Ip;

    /// <summary>
    /// The attributes the template gives the instance: the reserved ones the library writes from the options (the port
    /// the CDK defaults to included) and the custom ones, as RegisterInstance counts them.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> EmittedAttributes()
    {
        var o = Instance;
        var reserved = new List<KeyValuePair<string, string?>>();
        if (IsLoadBalancer)
        {
            reserved.Add(new("AWS_ALIAS_DNS_NAME", LoadBalancerDnsName));
        }
        else if (IsCname)
        {
            reserved.Add(new("AWS_INSTANCE_CNAME", o.InstanceCname));
        }
        else if (IsIp)
        {
            reserved.Add(new("AWS_INSTANCE_IPV4", o.Ipv4));
            reserved.Add(new("AWS_INSTANCE_IPV6", o.Ipv6));
            reserved.Add(new("AWS_INSTANCE_PORT", (o.Port ?? CdkDefaultPort).ToString(CultureInfo.InvariantCulture)));
        }

        return reserved.Where(a => a.Value is not null)
            .Concat(o.CustomAttributes?.Select(a => new KeyValuePair<string, string?>(a.Key, a.Value)) ?? []);
    }
}
