using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Verifier.Checks.Registry;

/// <summary><c>dns-records</c>: the record types and TTLs are the declared ones.</summary>
internal sealed class DnsRecordsCheck : IServiceCheck
{
    public CheckInfo Info => CheckCatalog.DnsRecords;

    public IEnumerable<CheckResult> Check(ServiceFacts facts)
    {
        if (facts.Service.DnsRecords.Count > 0 || facts.Live.DnsRecords.Count > 0)
        {
            var want = string.Join(", ", facts.Service.DnsRecords.Select(r => $"{r.Type} {r.Ttl}s"));
            var have = string.Join(", ", facts.Live.DnsRecords.Select(r => $"{r.Type} {r.Ttl}s"));
            yield return facts.Result(Info, want == have, $"records {have}", $"records are [{have}], expected [{want}]", want, have);
        }
    }
}

/// <summary><c>routing-policy</c>: the routing policy is the declared one.</summary>
internal sealed class RoutingPolicyCheck : IServiceCheck
{
    public CheckInfo Info => CheckCatalog.RoutingPolicy;

    public IEnumerable<CheckResult> Check(ServiceFacts facts)
    {
        if ((facts.Service.DnsRecords.Count > 0 || facts.Live.DnsRecords.Count > 0) && facts.Service.RoutingPolicy is { } routing)
        {
            yield return facts.Result(Info, facts.Live.RoutingPolicy == routing, $"routing {facts.Live.RoutingPolicy}", $"routing policy is {Words.Show(facts.Live.RoutingPolicy)}, expected {routing}", routing, Words.Show(facts.Live.RoutingPolicy));
        }
    }
}

/// <summary><c>health-check</c>: the health check kind is the declared one.</summary>
internal sealed class HealthCheckKindCheck : IServiceCheck
{
    public CheckInfo Info => CheckCatalog.HealthCheck;

    public IEnumerable<CheckResult> Check(ServiceFacts facts)
    {
        if (facts.Service.HealthCheck is { } health)
        {
            var live = facts.Live.CustomHealthCheck ? HealthCheckKind.Custom : facts.Live.Route53HealthCheck ? HealthCheckKind.Route53 : HealthCheckKind.None;
            yield return facts.Result(Info, live == health, $"health check {live}", $"health check is {live}, expected {health}", $"{health}", $"{live}");
        }
    }
}
