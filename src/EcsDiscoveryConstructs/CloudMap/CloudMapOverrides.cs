using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// The only escape hatches of the library: CloudFormation properties that Amazon.CDK.Lib 2.160.0 cannot express
/// through its L2s. Each writes one property path of the L1 resource.
/// </summary>
internal static class CloudMapOverrides
{
    /// <summary>Sets <c>Properties.DnsProperties.SOA.TTL</c> of a private or public DNS namespace (not exposed by the L2).</summary>
    public static void SetSoaTtl(CfnResource dnsNamespace, double seconds)
        => dnsNamespace.AddPropertyOverride("Properties.DnsProperties.SOA.TTL", seconds);

    /// <summary>Sets <c>DnsConfig.RoutingPolicy</c>: the L2 ignores the routing policy it is given (aws-cdk #31719).</summary>
    public static void SetRoutingPolicy(CfnService service, RoutingPolicy policy)
        => service.AddPropertyOverride("DnsConfig.RoutingPolicy", policy == RoutingPolicy.WEIGHTED ? "WEIGHTED" : "MULTIVALUE");

    /// <summary>Sets <c>DnsConfig.DnsRecords</c> to one record per type, for combinations the L2 cannot express (A+SRV, aws-cdk #18894).</summary>
    public static void SetDnsRecords(CfnService service, IEnumerable<string> types, double ttlSeconds)
        => service.AddPropertyOverride(
            "DnsConfig.DnsRecords",
            types.Select(t => new Dictionary<string, object> { ["Type"] = t, ["TTL"] = ttlSeconds }).ToArray());
}
