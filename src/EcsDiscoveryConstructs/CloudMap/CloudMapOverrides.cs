using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// The CloudFormation properties Amazon.CDK.Lib 2.160.0 cannot express through its L2s, written as typed properties of
/// the L1 resource (not as raw overrides): what the L1 holds is then what the template holds, for the DiscoveryCanary
/// that reads the L1s at synth as much as for CloudFormation.
/// </summary>
internal static class CloudMapOverrides
{
    /// <summary>Sets <c>Properties.DnsProperties.SOA.TTL</c> of a private or public DNS namespace (not exposed by the L2).</summary>
    public static void SetSoaTtl(CfnResource dnsNamespace, double seconds)
    {
        switch (dnsNamespace)
        {
            case CfnPrivateDnsNamespace p:
                p.Properties = new CfnPrivateDnsNamespace.PropertiesProperty
                {
                    DnsProperties = new CfnPrivateDnsNamespace.PrivateDnsPropertiesMutableProperty { Soa = new CfnPrivateDnsNamespace.SOAProperty { Ttl = seconds } },
                };
                break;
            case CfnPublicDnsNamespace p:
                p.Properties = new CfnPublicDnsNamespace.PropertiesProperty
                {
                    DnsProperties = new CfnPublicDnsNamespace.PublicDnsPropertiesMutableProperty { Soa = new CfnPublicDnsNamespace.SOAProperty { Ttl = seconds } },
                };
                break;
            default:
                throw new ArgumentException($"{dnsNamespace.CfnResourceType} has no SOA", nameof(dnsNamespace));
        }
    }

    /// <summary>Sets <c>ServiceAttributes</c> (in the CloudFormation resource since 2025, not in the 2.160.0 L1): the only raw override here.</summary>
    public static void SetServiceAttributes(CfnService service, IReadOnlyDictionary<string, string> attributes)
        => service.AddPropertyOverride("ServiceAttributes", attributes.ToDictionary(e => e.Key, e => (object)e.Value));

    /// <summary>
    /// Sets <c>DnsConfig</c> whole: the records one per type (combinations the L2 cannot express, e.g. A+SRV, aws-cdk
    /// #18894) and the routing policy (the L2 ignores the one it is given, aws-cdk #31719).
    /// </summary>
    public static void SetDnsConfig(CfnService service, string namespaceId, IEnumerable<string> types, double ttlSeconds, RoutingPolicy policy)
        => service.DnsConfig = new CfnService.DnsConfigProperty
        {
            NamespaceId = namespaceId,
            DnsRecords = types.Select(t => (object)new CfnService.DnsRecordProperty { Type = t, Ttl = ttlSeconds }).ToArray(),
            RoutingPolicy = policy == RoutingPolicy.WEIGHTED ? "WEIGHTED" : "MULTIVALUE",
        };
}
