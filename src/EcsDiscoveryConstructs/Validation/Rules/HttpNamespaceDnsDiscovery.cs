using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>An HTTP namespace cannot serve DNS queries.</summary>
internal sealed class HttpNamespaceDnsDiscovery : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "http-namespace-dns-discovery",
        RuleLevel.Error,
        "No Discovery = DNS_AND_API in an HTTP namespace.",
        "HTTP namespaces have no hosted zone; Cloud Map creates only API-discoverable services there.") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.NamespaceType == NamespaceType.HTTP && subject.DiscoveryType == DiscoveryType.DNS_AND_API)
        {
            yield return new Violation("Discovery DNS_AND_API", "is not possible in an HTTP namespace, which has no DNS zone", "Leave Discovery unset (API), or use a private DNS namespace.");
        }
    }
}
