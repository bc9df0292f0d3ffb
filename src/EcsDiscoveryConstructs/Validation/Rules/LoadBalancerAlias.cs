using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>Alias (load balancer) instances need A or AAAA records and WEIGHTED routing.</summary>
internal sealed class LoadBalancerAlias : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "load-balancer-alias",
        RuleLevel.Error,
        "LoadBalancer services use A, AAAA or A+AAAA records and WEIGHTED routing.",
        "Cloud Map creates Route 53 alias records for AWS_ALIAS_DNS_NAME only with A/AAAA records and WEIGHTED routing.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_RegisterInstance.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (!subject.LoadBalancer || !subject.UsesDns)
        {
            yield break;
        }

        if ((subject.EffectiveRecords & ~(DiscoveryRecordTypes.A | DiscoveryRecordTypes.Aaaa)) != 0)
        {
            yield return new Violation($"DnsRecords {RecordTypes.Describe(subject.EffectiveRecords)}", "cannot hold alias records for a load balancer: use A, AAAA or A+AAAA", "Set DnsRecords = DiscoveryRecordTypes.A.");
        }

        if (subject.RoutingPolicy == RoutingPolicy.MULTIVALUE)
        {
            yield return new Violation("RoutingPolicy MULTIVALUE", "cannot be used with LoadBalancer: alias records need WEIGHTED", "Use RoutingPolicy.WEIGHTED, or leave RoutingPolicy unset.");
        }
    }
}
