using EcsDiscoveryConstructs.Verifier.Checks;

namespace EcsDiscoveryConstructs.Verifier.Dns;

/// <summary><c>dns-namespace</c>: the namespace's SOA is visible; a private one that is not skips its services.</summary>
internal sealed class DnsNamespaceCheck
{
    public CheckInfo Info => CheckCatalog.DnsNamespace;

    public IEnumerable<CheckResult> Check(DnsNamespaceFacts facts)
    {
        var ns = facts.Namespace;
        if (facts.Visible)
        {
            yield return new(facts.Stack, Info.Id, ns.Name, CheckStatus.Pass, $"SOA of '{ns.Name}' answered by {facts.Resolver}") { Expected = "SOA", Actual = "SOA" };
        }
        else if (facts.Soa.Code is "TIMEOUT" or "SERVFAIL" or "MALFORMED")
        {
            // A resolver that does not answer is an error, not a namespace it cannot see.
            yield return new(facts.Stack, Info.Id, ns.Name, CheckStatus.Fail, $"the resolver {facts.Resolver} did not answer for the SOA of '{ns.Name}' ({facts.Soa.Described}); is --dns-resolver right?") { Expected = "SOA", Actual = facts.Soa.Code };
        }
        else if (ns.Type == "DNS_PRIVATE")
        {
            var reason = $"the SOA of private namespace '{ns.Name}' is not visible through {facts.Resolver} ({facts.Soa.Code}): its names resolve only inside its VPC; run verify --dns there (e.g. in a task or a CodeBuild project in the VPC, resolver 169.254.169.253)";
            yield return new(facts.Stack, Info.Id, ns.Name, CheckStatus.Skip, reason);
            foreach (var service in facts.Services)
            {
                yield return new(service.Service.Stack, CheckCatalog.DnsAnswers.Id, $"{ns.Name}/{service.Service.Name}", CheckStatus.Skip, $"not checked: {reason}");
            }
        }
        else
        {
            yield return new(facts.Stack, Info.Id, ns.Name, CheckStatus.Fail, $"public namespace '{ns.Name}' has no SOA through {facts.Resolver} ({facts.Soa.Code}): is its domain delegated to the namespace's name servers?") { Expected = "SOA", Actual = facts.Soa.Code };
        }
    }
}

/// <summary><c>dns-absent</c>: a declared service missing from the registry does not resolve.</summary>
internal sealed class DnsAbsentCheck : IDnsServiceCheck
{
    public CheckInfo Info => CheckCatalog.DnsAbsent;

    public IEnumerable<CheckResult> Check(DnsServiceFacts facts)
    {
        if (facts.Observed.Live is not null)
        {
            yield break;
        }

        var (type, answer) = facts.Answers.First();
        var resolves = facts.Records(type).Select(a => a.Value).ToList();
        yield return facts.Result(Info, resolves.Count == 0 && answer.Code is "NXDOMAIN" or "NOERROR", $"{facts.Name} does not resolve ({answer.Code}), as the service is not in the registry",
            resolves.Count > 0 ? $"{facts.Name} still resolves to {string.Join(", ", resolves)}, but the service is not in the registry (stale records)" : $"resolver error for {facts.Name} {type}: {answer.Described}",
            "NXDOMAIN", resolves.Count > 0 ? string.Join(", ", resolves) : answer.Code);
    }
}

/// <summary><c>dns-answers</c>: answers belong to healthy registered instances, a name with instances answers, errors fail.</summary>
internal sealed class DnsAnswersCheck : IDnsServiceCheck
{
    public CheckInfo Info => CheckCatalog.DnsAnswers;

    public IEnumerable<CheckResult> Check(DnsServiceFacts facts)
    {
        if (facts.Observed.Live is null)
        {
            yield break;
        }

        if (facts.IsAlias)
        {
            yield return new(facts.Observed.Service.Stack, Info.Id, facts.Target, CheckStatus.Skip, $"{facts.Name} is an alias to a load balancer: Route 53 answers with the load balancer's addresses, which the registry does not hold");
            yield break;
        }

        var anyHealthy = facts.Observed.Healthy.Count > 0;
        foreach (var (type, answer) in facts.Answers)
        {
            if (!facts.Comparable(answer))
            {
                yield return facts.Outcome(Info, CheckStatus.Fail, $"{facts.Name} {type}: the resolver answered {answer.Described}", "NOERROR", answer.Code);
                continue;
            }

            var records = facts.Records(type);
            var allowed = facts.Allowed(type);
            var stale = records.Select(r => DnsServiceFacts.Key(type, r.Value)).Where(v => !allowed.ContainsKey(v)).Order(StringComparer.Ordinal).ToList();
            var registered = string.Join(", ", allowed.Keys.Order(StringComparer.Ordinal));
            yield return facts.Result(Info, stale.Count == 0 && (records.Count > 0 || facts.Pool.Count == 0),
                $"{facts.Name} {type}: {records.Count} answers, all registered{(!anyHealthy && facts.Pool.Count > 0 ? " (none healthy: Route 53 answers as if all were)" : " and healthy")}",
                stale.Count > 0 ? $"{facts.Name} {type} answers {string.Join(", ", stale)}, not a {(anyHealthy ? "healthy " : string.Empty)}registered instance (registered: {(registered.Length == 0 ? "none" : registered)})" : $"{facts.Name} {type}: no answer ({answer.Code}, no data), but {facts.Pool.Count} instances are registered",
                registered.Length == 0 ? "none" : registered, string.Join(", ", records.Select(r => DnsServiceFacts.Key(type, r.Value)).Order(StringComparer.Ordinal)));
        }
    }
}

/// <summary><c>dns-answer-count</c>: MULTIVALUE answers with min(8, pool) records, WEIGHTED with one.</summary>
internal sealed class DnsAnswerCountCheck : IDnsServiceCheck
{
    public CheckInfo Info => CheckCatalog.DnsAnswerCount;

    public IEnumerable<CheckResult> Check(DnsServiceFacts facts)
    {
        var live = facts.Observed.Live;
        if (live is null || facts.IsAlias)
        {
            yield break;
        }

        var routing = live.RoutingPolicy ?? "MULTIVALUE";
        var expected = Route53Answers.AnswerCount(live.RoutingPolicy, facts.Pool.Count);
        foreach (var (type, answer) in facts.Answers.Where(a => facts.Comparable(a.Value)))
        {
            var count = facts.Records(type).Count;
            yield return facts.Result(Info, count == expected, $"{facts.Name} {type}: {count} answers ({routing})",
                $"{facts.Name} {type}: {count} answers, expected {expected} ({routing} with {facts.Pool.Count} {(facts.Observed.Healthy.Count > 0 ? "healthy " : string.Empty)}instances)", $"{expected}", $"{count}");
        }
    }
}

/// <summary><c>dns-ttl</c>: no answer's TTL is above the declared TTL.</summary>
internal sealed class DnsTtlCheck : IDnsServiceCheck
{
    public CheckInfo Info => CheckCatalog.DnsTtl;

    public IEnumerable<CheckResult> Check(DnsServiceFacts facts)
    {
        if (facts.Observed.Live is null || facts.IsAlias)
        {
            yield break;
        }

        var declared = facts.Observed.Service.DnsRecords.Max(r => r.Ttl);
        foreach (var (type, _) in facts.Answers.Where(a => facts.Comparable(a.Value)))
        {
            var records = facts.Records(type);
            if (records.Count > 0)
            {
                var ttl = records.Max(r => r.Ttl);
                yield return facts.Result(Info, ttl <= declared, $"{facts.Name} {type}: TTL {ttl} s (declared {declared} s)", $"{facts.Name} {type}: answer TTL {ttl} s is above the declared {declared} s", $"<= {declared}", $"{ttl}");
            }
        }
    }
}

/// <summary><c>dns-srv</c>: SRV answers carry their instance's port, and targets resolve to the instance's address.</summary>
internal sealed class DnsSrvCheck : IDnsServiceCheck
{
    public CheckInfo Info => CheckCatalog.DnsSrv;

    public IEnumerable<CheckResult> Check(DnsServiceFacts facts)
    {
        if (facts.Observed.Live is null || facts.IsAlias || !facts.Answers.TryGetValue("SRV", out var answer) || !facts.Comparable(answer))
        {
            yield break;
        }

        var records = facts.Records("SRV");
        if (records.Count == 0)
        {
            yield break;
        }

        var allowed = facts.Allowed("SRV");
        var problems = new List<string>();
        foreach (var parts in records.Select(r => r.Value.Split(' ')))
        {
            if (!allowed.TryGetValue(parts[3], out var instance))
            {
                continue; // reported by dns-answers
            }

            var port = instance.Attributes.GetValueOrDefault("AWS_INSTANCE_PORT");
            if (parts[2] != port)
            {
                problems.Add($"{parts[3]} port {parts[2]}, registered {port ?? "none"}");
            }

            if (instance.Attributes.GetValueOrDefault("AWS_INSTANCE_IPV4") is { } ipv4 && facts.Hosts.TryGetValue(parts[3], out var host))
            {
                var addresses = host.Of("A", parts[3]).Select(a => a.Value).ToList();
                if (!addresses.SequenceEqual([ipv4]))
                {
                    problems.Add($"{parts[3]} resolves to {(addresses.Count == 0 ? host.Code : string.Join(", ", addresses))}, registered {ipv4}");
                }
            }
        }

        var ok = problems.Count == 0;
        yield return facts.Result(Info, ok, $"{records.Count} SRV targets with the registered ports and addresses", $"SRV answers differ from the registry: {string.Join("; ", problems)}",
            "registered ports and addresses", ok ? "registered ports and addresses" : string.Join("; ", problems));
    }
}
