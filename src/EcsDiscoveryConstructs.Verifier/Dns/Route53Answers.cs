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

    /// <summary>The ids of the instances Route 53 treats as healthy: those DiscoverInstances reports HEALTHY, or every instance when the service has no health check.</summary>
    public static IReadOnlySet<string> Healthy(LiveService service, IReadOnlyList<LiveInstance> instances, IReadOnlyList<DiscoveredInstance> discovered)
        => service.CustomHealthCheck || service.Route53HealthCheck
            ? discovered.Where(d => d.HealthStatus == "HEALTHY").Select(d => d.InstanceId).ToHashSet(StringComparer.Ordinal)
            : instances.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The instances an answer may draw from: the healthy ones, or all when none is healthy.</summary>
    public static IReadOnlyList<LiveInstance> Pool(IReadOnlyList<LiveInstance> instances, IReadOnlySet<string> healthy)
    {
        var pool = instances.Where(i => healthy.Contains(i.Id)).ToList();
        return pool.Count > 0 ? pool : instances;
    }

    /// <summary>The instances an answer for <paramref name="observed"/> may draw from.</summary>
    public static IReadOnlyList<LiveInstance> Pool(ServiceObservation observed) => Pool(observed.Instances, observed.Healthy);

    /// <summary>How many records one answer holds for a pool of <paramref name="pool"/> instances.</summary>
    public static int AnswerCount(string? routingPolicy, int pool) => routingPolicy == "WEIGHTED" ? Math.Min(1, pool) : Math.Min(MultivalueMax, pool);

    /// <summary>The SRV host name of an instance.</summary>
    public static string SrvTarget(string instanceId, string service, string ns) => $"{instanceId}.{service}.{ns}".ToLowerInvariant();

    /// <summary>The name clients resolve for a service, lower case.</summary>
    public static string DnsName(string service, string ns) => $"{service}.{ns}".ToLowerInvariant();

    /// <summary>True when the instances are load balancer aliases: Route 53 answers with the load balancer's addresses.</summary>
    public static bool IsAlias(IReadOnlyList<LiveInstance> instances) => instances.Any(i => i.Attributes.ContainsKey("AWS_ALIAS_DNS_NAME"));
}
