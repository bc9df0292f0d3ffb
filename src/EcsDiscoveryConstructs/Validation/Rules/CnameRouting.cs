using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>CNAME records need WEIGHTED routing.</summary>
internal sealed class CnameRouting : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "cname-routing",
        RuleLevel.Error,
        "CNAME records use WEIGHTED routing.",
        "Cloud Map rejects CNAME with MULTIVALUE (a name can hold only one CNAME).") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_DnsConfig.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.UsesDns && subject.EffectiveRecords == DiscoveryRecordTypes.Cname && subject.RoutingPolicy == RoutingPolicy.MULTIVALUE)
        {
            yield return new Violation("RoutingPolicy MULTIVALUE", "cannot be used with CNAME records: a DNS name holds one CNAME", "Use RoutingPolicy.WEIGHTED, or leave RoutingPolicy unset.");
        }
    }
}
