using EcsDiscoveryConstructs.Verifier.Checks;
using EcsDiscoveryConstructs.Verifier.CloudMap;

namespace EcsDiscoveryConstructs.Verifier.Dns;

/// <summary>
/// Compares what a DNS resolver answers for each DNS-discoverable service with what the registry holds, the way
/// Route 53 answers for Cloud Map (<see cref="Route53Answers"/>). Checks: <c>dns-namespace</c> (the namespace's SOA is
/// visible; a private namespace that is not visible from here skips its services, never fails them),
/// <c>dns-answers</c> (every answered address, target or host name belongs to a healthy registered instance, or to any
/// instance when none is healthy; a name with instances answers), <c>dns-answer-count</c> (per routing policy),
/// <c>dns-ttl</c> (never above the declared TTL), <c>dns-srv</c> (ports, and targets that resolve to the instance)
/// and <c>dns-absent</c> (a service missing from the registry does not resolve).
/// </summary>
public sealed class DnsVerifier(IDnsResolver resolver)
{
    /// <summary>Runs the DNS checks for the services the registry check observed.</summary>
    public async Task<IReadOnlyList<CheckResult>> VerifyAsync(IReadOnlyList<ServiceObservation> observed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var results = new List<CheckResult>();
        foreach (var group in observed.Where(o => o.Namespace.Type is "DNS_PRIVATE" or "DNS_PUBLIC" && o.Service.DnsRecords.Count > 0).GroupBy(o => o.Namespace))
        {
            var ns = group.Key;
            var stack = group.First().Service.Stack;
            var soa = await resolver.QueryAsync(ns.Name, "SOA", cancellationToken).ConfigureAwait(false);
            var visible = soa.IsNoError && soa.Answers.Concat(soa.Authority).Any(r => r.Type == "SOA");
            if (!visible)
            {
                if (ns.Type == "DNS_PRIVATE")
                {
                    var reason = $"the SOA of private namespace '{ns.Name}' is not visible through {resolver.Description} ({soa.Code}): its names resolve only inside its VPC; run verify --dns there (e.g. in a task or a CodeBuild project in the VPC, resolver 169.254.169.253)";
                    results.Add(new(stack, CheckCatalog.DnsNamespace.Id, ns.Name, CheckStatus.Skip, reason));
                    results.AddRange(group.Select(o => new CheckResult(o.Service.Stack, CheckCatalog.DnsAnswers.Id, $"{ns.Name}/{o.Service.Name}", CheckStatus.Skip, $"not checked: {reason}")));
                }
                else
                {
                    results.Add(new(stack, CheckCatalog.DnsNamespace.Id, ns.Name, CheckStatus.Fail, $"public namespace '{ns.Name}' has no SOA through {resolver.Description} ({soa.Code}): is its domain delegated to the namespace's name servers?") { Expected = "SOA", Actual = soa.Code });
                }

                continue;
            }

            results.Add(new(stack, CheckCatalog.DnsNamespace.Id, ns.Name, CheckStatus.Pass, $"SOA of '{ns.Name}' answered by {resolver.Description}") { Expected = "SOA", Actual = "SOA" });
            foreach (var service in group)
            {
                results.AddRange(await VerifyServiceAsync(service, cancellationToken).ConfigureAwait(false));
            }
        }

        return results;
    }

    private async Task<List<CheckResult>> VerifyServiceAsync(ServiceObservation observed, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        var service = observed.Service;
        var name = $"{service.Name.Literal}.{observed.Namespace.Name}".ToLowerInvariant();
        var target = $"{observed.Namespace.Name}/{service.Name}";
        void Add(string check, bool ok, string pass, string fail, string expected, string actual)
            => results.Add(new(service.Stack, check, target, ok ? CheckStatus.Pass : CheckStatus.Fail, ok ? pass : fail) { Expected = expected, Actual = actual });

        var types = service.DnsRecords.Select(r => r.Type).Distinct().ToList();
        if (observed.Live is null)
        {
            var answer = await resolver.QueryAsync(name, types[0], cancellationToken).ConfigureAwait(false);
            var resolves = answer.Of(types[0], name).Select(a => a.Value).ToList();
            Add(CheckCatalog.DnsAbsent.Id, resolves.Count == 0 && answer.Code is "NXDOMAIN" or "NOERROR", $"{name} does not resolve ({answer.Code}), as the service is not in the registry",
                resolves.Count > 0 ? $"{name} still resolves to {string.Join(", ", resolves)}, but the service is not in the registry (stale records)" : $"resolver error for {name} {types[0]}: {answer.Code}",
                "NXDOMAIN", resolves.Count > 0 ? string.Join(", ", resolves) : answer.Code);
            return results;
        }

        if (observed.Instances.Any(i => i.Attributes.ContainsKey("AWS_ALIAS_DNS_NAME")))
        {
            results.Add(new(service.Stack, CheckCatalog.DnsAnswers.Id, target, CheckStatus.Skip, $"{name} is an alias to a load balancer: Route 53 answers with the load balancer's addresses, which the registry does not hold"));
            return results;
        }

        var pool = Route53Answers.Pool(observed);
        var expectedCount = Route53Answers.AnswerCount(observed.Live.RoutingPolicy, pool.Count);
        var declaredTtl = service.DnsRecords.Max(r => r.Ttl);
        foreach (var type in types)
        {
            var answer = await resolver.QueryAsync(name, type, cancellationToken).ConfigureAwait(false);
            if (!answer.IsNoError && !(answer.Code == "NXDOMAIN" && pool.Count == 0))
            {
                Add(CheckCatalog.DnsAnswers.Id, false, string.Empty, $"{name} {type}: the resolver answered {answer.Code}", "NOERROR", answer.Code);
                continue;
            }

            var records = answer.Of(type, name).ToList();
            var allowed = Allowed(type, pool, service.Name.Literal!, observed.Namespace.Name);
            var stale = records.Select(r => Key(type, r.Value)).Where(v => !allowed.ContainsKey(v)).ToList();
            var registered = string.Join(", ", allowed.Keys.Order(StringComparer.Ordinal));
            Add(CheckCatalog.DnsAnswers.Id, stale.Count == 0 && (records.Count > 0 || pool.Count == 0),
                $"{name} {type}: {records.Count} answers, all registered{(observed.Healthy.Count == 0 && pool.Count > 0 ? " (none healthy: Route 53 answers as if all were)" : " and healthy")}",
                stale.Count > 0 ? $"{name} {type} answers {string.Join(", ", stale)}, not a {(observed.Healthy.Count > 0 ? "healthy " : string.Empty)}registered instance (registered: {(registered.Length == 0 ? "none" : registered)})" : $"{name} {type}: no answer ({answer.Code}, no data), but {pool.Count} instances are registered",
                registered.Length == 0 ? "none" : registered, string.Join(", ", records.Select(r => Key(type, r.Value)).Order(StringComparer.Ordinal)));
            Add(CheckCatalog.DnsAnswerCount.Id, records.Count == expectedCount, $"{name} {type}: {records.Count} answers ({observed.Live.RoutingPolicy ?? "MULTIVALUE"})",
                $"{name} {type}: {records.Count} answers, expected {expectedCount} ({observed.Live.RoutingPolicy ?? "MULTIVALUE"} with {pool.Count} {(observed.Healthy.Count > 0 ? "healthy " : string.Empty)}instances)",
                $"{expectedCount}", $"{records.Count}");
            if (records.Count > 0)
            {
                var ttl = records.Max(r => r.Ttl);
                Add(CheckCatalog.DnsTtl.Id, ttl <= declaredTtl, $"{name} {type}: TTL {ttl} s (declared {declaredTtl} s)", $"{name} {type}: answer TTL {ttl} s is above the declared {declaredTtl} s", $"<= {declaredTtl}", $"{ttl}");
            }

            if (type == "SRV")
            {
                results.AddRange(await VerifySrvAsync(observed, records, allowed, target, cancellationToken).ConfigureAwait(false));
            }
        }

        return results;
    }

    private async Task<List<CheckResult>> VerifySrvAsync(ServiceObservation observed, List<DnsRecord> records, Dictionary<string, LiveInstance> allowed, string target, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var record in records)
        {
            var parts = record.Value.Split(' ');
            if (!allowed.TryGetValue(Key("SRV", record.Value), out var instance))
            {
                continue; // reported by dns-answers
            }

            if (parts[2] != instance.Attributes.GetValueOrDefault("AWS_INSTANCE_PORT"))
            {
                problems.Add($"{parts[3]} port {parts[2]}, registered {instance.Attributes.GetValueOrDefault("AWS_INSTANCE_PORT") ?? "none"}");
            }

            if (instance.Attributes.GetValueOrDefault("AWS_INSTANCE_IPV4") is { } ipv4)
            {
                var host = await resolver.QueryAsync(parts[3], "A", cancellationToken).ConfigureAwait(false);
                var addresses = host.Of("A", parts[3]).Select(a => a.Value).ToList();
                if (!addresses.SequenceEqual([ipv4]))
                {
                    problems.Add($"{parts[3]} resolves to {(addresses.Count == 0 ? host.Code : string.Join(", ", addresses))}, registered {ipv4}");
                }
            }
        }

        var ok = problems.Count == 0;
        return [new(observed.Service.Stack, CheckCatalog.DnsSrv.Id, target, ok ? CheckStatus.Pass : CheckStatus.Fail, ok ? $"{records.Count} SRV targets with the registered ports and addresses" : $"SRV answers differ from the registry: {string.Join("; ", problems)}")
        {
            Expected = "registered ports and addresses",
            Actual = ok ? "registered ports and addresses" : string.Join("; ", problems),
        }];
    }

    /// <summary>What an answer of <paramref name="type"/> may hold, by the comparable part of its value, with the instance it belongs to.</summary>
    private static Dictionary<string, LiveInstance> Allowed(string type, IReadOnlyList<LiveInstance> pool, string service, string ns)
    {
        var allowed = new Dictionary<string, LiveInstance>(StringComparer.Ordinal);
        foreach (var instance in pool)
        {
            var key = type switch
            {
                "A" => instance.Attributes.GetValueOrDefault("AWS_INSTANCE_IPV4"),
                "AAAA" => instance.Attributes.GetValueOrDefault("AWS_INSTANCE_IPV6") is { } v6 && System.Net.IPAddress.TryParse(v6, out var parsed) ? parsed.ToString() : null,
                "CNAME" => instance.Attributes.GetValueOrDefault("AWS_INSTANCE_CNAME")?.TrimEnd('.').ToLowerInvariant(),
                _ => Route53Answers.SrvTarget(instance.Id, service, ns),
            };
            if (key is not null)
            {
                allowed.TryAdd(key, instance);
            }
        }

        return allowed;
    }

    /// <summary>The part of an answer compared with the registry: the address or name, or an SRV record's target.</summary>
    private static string Key(string type, string value) => type == "SRV" ? value.Split(' ').Last() : value;
}
