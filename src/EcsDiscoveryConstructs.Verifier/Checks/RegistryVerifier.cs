using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Checks;

/// <summary>
/// Compares a live Cloud Map registry with what the cloud assembly promises, with the fewest calls: one
/// ListNamespaces, one ListServices per matched namespace, and per expected service one ListInstances and one
/// DiscoverInstances (HealthStatus ALL, which also carries each instance's health); listings are paginated.
/// Services are checked <paramref name="concurrency"/> at a time.
/// </summary>
public sealed class RegistryVerifier(ICloudMapClient client, int concurrency = 4)
{
    /// <summary>Runs every check. Throws <see cref="CloudMapException"/> when the registry cannot be read.</summary>
    /// <param name="expected">What the registry must hold.</param>
    /// <param name="strict">Report services the assembly does not know as failures instead of warnings.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<VerificationReport> VerifyAsync(ExpectedState expected, bool strict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var results = new List<CheckResult>();
        var live = await client.ListNamespacesAsync(cancellationToken).ConfigureAwait(false);
        var servicesByNamespace = new Dictionary<ExpectedNamespace, (LiveNamespace Namespace, IReadOnlyList<LiveService> Services)>();

        foreach (var ns in expected.Namespaces)
        {
            var target = ns.Name.ToString();
            if (!ns.Name.IsResolved)
            {
                results.Add(new(ns.Stack, CheckCatalog.NamespaceExists.Id, target, CheckStatus.Skip, $"namespace {ns.LogicalId}: its name is not known before deployment ({ns.Name.Expression}); not guessed"));
                continue;
            }

            var candidates = live.Where(l => l.Name == ns.Name.Literal && l.Type == NamespaceTypes.Of(ns.Kind)).ToList();
            if (candidates.Count == 0)
            {
                var other = live.FirstOrDefault(l => l.Name == ns.Name.Literal);
                results.Add(new(ns.Stack, CheckCatalog.NamespaceExists.Id, target, CheckStatus.Fail, other is null
                    ? $"namespace '{target}' ({NamespaceTypes.Of(ns.Kind)}) does not exist"
                    : $"namespace '{target}' exists as {other.Type}, expected {NamespaceTypes.Of(ns.Kind)}")
                {
                    Expected = NamespaceTypes.Of(ns.Kind),
                    Actual = other?.Type ?? Missing,
                });
                continue;
            }

            var wanted = expected.Services.Where(s => s.Namespace == ns && s.Name.IsResolved).Select(s => s.Name.Literal!).ToHashSet(StringComparer.Ordinal);
            LiveNamespace? best = null;
            IReadOnlyList<LiveService> bestServices = [];
            foreach (var candidate in candidates)
            {
                var services = await client.ListServicesAsync(candidate.Id, cancellationToken).ConfigureAwait(false);
                if (best is null || services.Count(s => wanted.Contains(s.Name)) > bestServices.Count(s => wanted.Contains(s.Name)))
                {
                    (best, bestServices) = (candidate, services);
                }
            }

            servicesByNamespace[ns] = (best!, bestServices);
            results.Add(new(ns.Stack, CheckCatalog.NamespaceExists.Id, target, CheckStatus.Pass, $"{best!.Type} namespace {best.Id}{(candidates.Count > 1 ? $" (chosen among {candidates.Count} with this name by its services)" : string.Empty)}")
            {
                Expected = NamespaceTypes.Of(ns.Kind),
                Actual = best.Type,
            });
            if (ns.SoaTtl is { } soa)
            {
                results.Add(new(ns.Stack, CheckCatalog.SoaTtl.Id, target, best.SoaTtl == soa ? CheckStatus.Pass : CheckStatus.Fail,
                    best.SoaTtl == soa ? $"SOA TTL {soa} s" : $"SOA TTL is {Show(best.SoaTtl)} s, expected {soa} s")
                {
                    Expected = $"{soa}",
                    Actual = Show(best.SoaTtl),
                });
            }

            var unknown = bestServices.Where(s => !wanted.Contains(s.Name)).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0 && expected.Services.Where(s => s.Namespace == ns).All(s => s.Name.IsResolved))
            {
                results.Add(new(ns.Stack, CheckCatalog.UnknownServices.Id, target, strict ? CheckStatus.Fail : CheckStatus.Warn, $"services the assembly does not declare: {string.Join(", ", unknown)}")
                {
                    Expected = None,
                    Actual = string.Join(", ", unknown),
                });
            }
        }

        using var gate = new SemaphoreSlim(Math.Max(1, concurrency));
        var perService = await Task.WhenAll(expected.Services.Select(async service =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var found = servicesByNamespace.TryGetValue(service.Namespace, out var match) ? match : ((LiveNamespace, IReadOnlyList<LiveService>)?)null;
                return await VerifyServiceAsync(service, found, strict, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        results.AddRange(perService.SelectMany(r => r.Results));
        return new VerificationReport(results) { Observations = [.. perService.Select(r => r.Observed).OfType<ServiceObservation>()] };
    }

    private async Task<(List<CheckResult> Results, ServiceObservation? Observed)> VerifyServiceAsync(ExpectedService service, (LiveNamespace Namespace, IReadOnlyList<LiveService> Services)? liveNamespace, bool strict, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        var nsName = service.Namespace.Name.ToString();
        var target = $"{nsName}/{service.Name}";
        void Add(string check, bool ok, string pass, string fail, string expectedValue, string actualValue)
            => results.Add(new(service.Stack, check, target, ok ? CheckStatus.Pass : CheckStatus.Fail, ok ? pass : fail) { Expected = expectedValue, Actual = actualValue });

        var liveServices = liveNamespace?.Services;
        if (!service.Name.IsResolved || liveServices is null)
        {
            if (!service.Name.IsResolved)
            {
                results.Add(new(service.Stack, CheckCatalog.ServiceExists.Id, target, CheckStatus.Skip, $"service {service.Source}: its name is not known before deployment ({service.Name.Expression}); not guessed"));
            }

            return (results, null);
        }

        var live = liveServices.FirstOrDefault(s => s.Name == service.Name.Literal);
        if (live is null)
        {
            results.Add(new(service.Stack, CheckCatalog.ServiceExists.Id, target, CheckStatus.Fail, $"service '{service.Name}' does not exist in namespace '{nsName}'{(service.ServiceConnect ? " (Service Connect creates it when the ECS service starts)" : string.Empty)}")
            {
                Expected = service.Name.ToString(),
                Actual = Missing,
            });
            return (results, new ServiceObservation(service, liveNamespace!.Value.Namespace, null, [], new HashSet<string>()));
        }

        results.Add(new(service.Stack, CheckCatalog.ServiceExists.Id, target, CheckStatus.Pass, $"service {live.Id}") { Expected = service.Name.ToString(), Actual = live.Id });
        if (service.DnsRecords.Count > 0 || live.DnsRecords.Count > 0)
        {
            var want = string.Join(", ", service.DnsRecords.Select(r => $"{r.Type} {r.Ttl}s"));
            var have = string.Join(", ", live.DnsRecords.Select(r => $"{r.Type} {r.Ttl}s"));
            Add(CheckCatalog.DnsRecords.Id, want == have, $"records {have}", $"records are [{have}], expected [{want}]", want, have);
            if (service.RoutingPolicy is not null)
            {
                Add(CheckCatalog.RoutingPolicy.Id, live.RoutingPolicy == service.RoutingPolicy, $"routing {live.RoutingPolicy}", $"routing policy is {Show(live.RoutingPolicy)}, expected {service.RoutingPolicy}", service.RoutingPolicy, Show(live.RoutingPolicy));
            }
        }

        if (service.HealthCheck is { } health)
        {
            var liveHealth = live.CustomHealthCheck ? HealthCheckKind.Custom : live.Route53HealthCheck ? HealthCheckKind.Route53 : HealthCheckKind.None;
            Add(CheckCatalog.HealthCheck.Id, liveHealth == health, $"health check {liveHealth}", $"health check is {liveHealth}, expected {health}", $"{health}", $"{liveHealth}");
        }

        var instances = await client.ListInstancesAsync(live.Id, cancellationToken).ConfigureAwait(false);
        var (min, max) = (service.MinInstances, service.MaxInstances);
        if (min is not null || max is not null)
        {
            var inRange = instances.Count >= (min ?? 0) && instances.Count <= (max ?? int.MaxValue);
            var range = min == max ? $"{min}" : $"{min ?? 0}-{(max is null ? "any" : max.ToString())}";
            Add(CheckCatalog.InstanceCount.Id, inRange, $"{instances.Count} instances (expected {range})", $"{instances.Count} instances, expected {range}", range, $"{instances.Count}");
        }

        var needsIpv4 = service.DnsRecords.Any(r => r.Type == "A") || (service.DnsRecords.Count == 0 && !service.ServiceConnect && service.EcsServiceNames.Count > 0);
        var needsPort = service.DnsRecords.Any(r => r.Type == "SRV");
        var missing = instances.Where(i => (needsIpv4 && !i.Attributes.ContainsKey("AWS_INSTANCE_IPV4") && !i.Attributes.ContainsKey("AWS_ALIAS_DNS_NAME")) || (needsPort && !i.Attributes.ContainsKey("AWS_INSTANCE_PORT"))).Select(i => i.Id).ToList();
        var ecsNames = service.EcsServiceNames.Where(n => n.IsResolved).Select(n => n.Literal!).ToHashSet(StringComparer.Ordinal);
        var foreign = ecsNames.Count == 0 ? [] : instances.Where(i => i.Attributes.TryGetValue("ECS_SERVICE_NAME", out var n) && !ecsNames.Contains(n)).Select(i => $"{i.Id} ({i.Attributes["ECS_SERVICE_NAME"]})").ToList();
        if (instances.Count > 0)
        {
            Add(CheckCatalog.InstanceAttributes.Id, missing.Count == 0, $"every instance has {(needsPort ? "AWS_INSTANCE_IPV4/PORT" : needsIpv4 ? "AWS_INSTANCE_IPV4" : "its attributes")}", $"instances without {(needsPort ? "AWS_INSTANCE_PORT or " : string.Empty)}AWS_INSTANCE_IPV4: {string.Join(", ", missing)}", None, missing.Count == 0 ? None : string.Join(", ", missing));
        }

        if (service.DeclaredInstances.Count > 0)
        {
            var drift = DeclaredInstanceDrift(service.DeclaredInstances, instances);
            Add(CheckCatalog.DeclaredInstances.Id, drift.Count == 0, $"the {service.DeclaredInstances.Count} instances the template registers are live as declared", $"template instances differ: {string.Join("; ", drift)}", "as declared", drift.Count == 0 ? "as declared" : string.Join("; ", drift));
        }

        if (foreign.Count > 0)
        {
            results.Add(new(service.Stack, CheckCatalog.UnknownInstances.Id, target, strict ? CheckStatus.Fail : CheckStatus.Warn, $"instances registered by another ECS service: {string.Join(", ", foreign)}")
            {
                Expected = None,
                Actual = string.Join(", ", foreign),
            });
        }

        // DiscoverInstances (the API clients use) must return exactly the registered instances, each with its health.
        var discovered = await client.DiscoverInstancesAsync(liveNamespace!.Value.Namespace.DiscoveryName, live.Name, "ALL", cancellationToken).ConfigureAwait(false);
        var listed = instances.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var discoveredIds = discovered.Select(d => d.InstanceId).ToHashSet(StringComparer.Ordinal);
        Add(CheckCatalog.DiscoverInstances.Id, discoveredIds.SetEquals(listed), $"DiscoverInstances returns the {listed.Count} registered instances",
            $"DiscoverInstances returned [{string.Join(", ", discoveredIds.Order(StringComparer.Ordinal))}], ListInstances has [{string.Join(", ", listed.Order(StringComparer.Ordinal))}]",
            string.Join(", ", listed.Order(StringComparer.Ordinal)), string.Join(", ", discoveredIds.Order(StringComparer.Ordinal)));
        // Without a health check Route 53 treats every instance as healthy.
        var healthy = live.CustomHealthCheck || live.Route53HealthCheck
            ? discovered.Where(d => d.HealthStatus == "HEALTHY").Select(d => d.InstanceId).ToHashSet(StringComparer.Ordinal)
            : instances.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var observed = new ServiceObservation(service, liveNamespace.Value.Namespace, live, instances, healthy);
        if (live.CustomHealthCheck || live.Route53HealthCheck)
        {
            // A lying server may list an instance twice: the first answer counts, never a crash.
            var status = discovered.GroupBy(d => d.InstanceId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().HealthStatus, StringComparer.Ordinal);
            var bad = instances.Where(i => status.GetValueOrDefault(i.Id, "UNKNOWN") != "HEALTHY").Select(i => $"{i.Id} {status.GetValueOrDefault(i.Id, "UNKNOWN")}").ToList();
            Add(CheckCatalog.InstanceHealth.Id, bad.Count == 0, $"{instances.Count} instances HEALTHY", $"instances not HEALTHY: {string.Join(", ", bad)}", "all HEALTHY", bad.Count == 0 ? "all HEALTHY" : string.Join(", ", bad));
        }

        return (results, observed);
    }

    /// <summary>
    /// How the live instances differ from those the template registers (<c>AWS::ServiceDiscovery::Instance</c>): a
    /// missing id, or an attribute whose template value is known and differs. Values CloudFormation computes (e.g. a
    /// load balancer's DNS name) cannot be compared before deploy and are skipped.
    /// </summary>
    private static List<string> DeclaredInstanceDrift(IReadOnlyList<DeclaredInstance> declared, IReadOnlyList<LiveInstance> live)
    {
        var byId = live.GroupBy(i => i.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var drift = new List<string>();
        foreach (var instance in declared.Where(d => d.InstanceId.IsResolved))
        {
            if (!byId.TryGetValue(instance.InstanceId.Literal!, out var found))
            {
                drift.Add($"'{instance.InstanceId.Literal}' is not registered");
                continue;
            }

            foreach (var (key, value) in instance.Attributes.Where(a => a.Value.IsResolved).OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                if (!found.Attributes.TryGetValue(key, out var actual))
                {
                    drift.Add($"'{found.Id}' has no {key} (expected '{value.Literal}')");
                }
                else if (actual != value.Literal)
                {
                    drift.Add($"'{found.Id}' {key} is '{actual}', expected '{value.Literal}'");
                }
            }
        }

        return drift;
    }

    /// <summary>The <c>actual</c> of something that does not exist.</summary>
    private const string Missing = "missing";

    /// <summary>The <c>expected</c> or <c>actual</c> of an empty list.</summary>
    private const string None = "none";

    private static string Show(object? value) => value?.ToString() ?? "not set";
}
