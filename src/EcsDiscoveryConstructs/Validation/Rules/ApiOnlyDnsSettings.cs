using Amazon.CDK.AWS.ServiceDiscovery;

namespace EcsDiscoveryConstructs.Validation.Rules;

/// <summary>DNS settings are refused on services that are only discoverable through the API.</summary>
internal sealed class ApiOnlyDnsSettings : IPropsRule<DiscoveryServiceSpec>
{
    public RuleInfo Info => new(
        "api-only-dns-settings",
        RuleLevel.Error,
        "No DnsRecords, DnsTtl, RoutingPolicy or LoadBalancer on an API-only service or a service in an HTTP namespace.",
        "Such services have no DnsConfig: the settings would be silently dropped (CDK throws only for some of them).") { Reference = "https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html" };

    public IEnumerable<Violation> Check(DiscoveryServiceSpec subject)
    {
        if (subject.UsesDns)
        {
            yield break;
        }

        var why = subject.NamespaceType == NamespaceType.HTTP
            ? "has no effect in an HTTP namespace: its services are only discoverable through the Cloud Map API"
            : "has no effect with Discovery = API: the service has no DNS records";
        var fix = subject.NamespaceType == NamespaceType.HTTP
            ? "Remove it, or use a private DNS namespace for DNS discovery."
            : "Remove it, or set Discovery = DiscoveryType.DNS_AND_API.";
        if (subject.DnsRecords is not null)
        {
            yield return new Violation($"DnsRecords {RecordTypes.Describe(subject.DnsRecords.Value)}", why, fix);
        }

        if (subject.DnsTtl is not null)
        {
            yield return new Violation("DnsTtl", why, fix);
        }

        if (subject.RoutingPolicy is not null)
        {
            yield return new Violation($"RoutingPolicy {subject.RoutingPolicy}", why, fix);
        }

        if (subject.LoadBalancer)
        {
            yield return new Violation("LoadBalancer true", why, fix);
        }
    }
}
