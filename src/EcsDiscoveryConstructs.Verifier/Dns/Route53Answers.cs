using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;

namespace EcsDiscoveryConstructs.Verifier.Dns;

/// <summary>
/// How Route 53 answers for a Cloud Map service (docs/dns-facts.md has the sources):
/// <list type="bullet">
/// <item>MULTIVALUE: up to eight healthy instances; all of them when eight or fewer are healthy (Cloud Map
/// DnsConfig.RoutingPolicy; Route 53 "Multivalue answer routing").</item>
/// <item>WEIGHTED: one randomly selected healthy instance (Cloud Map "service DNS configuration").</item>
/// <item>Both answer as if every instance were healthy when none is; without a health check every instance is
/// healthy (same sources).</item>
/// <item>SRV values are <c>priority weight port service-hostname</c> with <c>1 1</c> and the host name
/// <c>instance-id.service.namespace</c>, which itself has the instance's A/AAAA records (Cloud Map DnsRecord).</item>
/// <item>The TTL of an answer is at most the service's record TTL (a resolver's cache only counts down).</item>
/// </list>
/// </summary>
internal static class Route53Answers
{
    /// <summary>The most records a MULTIVALUE answer holds.</summary>
    public const int MultivalueMax = 8;

    /// <summary>The instances an answer may draw from: the healthy ones, or all when none is healthy.</summary>
    public static IReadOnlyList<LiveInstance> Pool(ServiceObservation observed)
    {
        var healthy = observed.Instances.Where(i => observed.Healthy.Contains(i.Id)).ToList();
        return healthy.Count > 0 ? healthy : observed.Instances;
    }

    /// <summary>How many records one answer holds for a pool of <paramref name="pool"/> instances.</summary>
    public static int AnswerCount(string? routingPolicy, int pool) => routingPolicy == "WEIGHTED" ? Math.Min(1, pool) : Math.Min(MultivalueMax, pool);

    /// <summary>The SRV host name of an instance.</summary>
    public static string SrvTarget(string instanceId, string service, string ns) => $"{instanceId}.{service}.{ns}".ToLowerInvariant();
}
