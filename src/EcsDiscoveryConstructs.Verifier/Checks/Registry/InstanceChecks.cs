using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudMap;

namespace EcsDiscoveryConstructs.Verifier.Checks.Registry;

/// <summary><c>instance-count</c>: the number of instances is in the expected range.</summary>
internal sealed class InstanceCountCheck : IServiceCheck
{
    public CheckInfo Info => CheckCatalog.InstanceCount;

    public IEnumerable<CheckResult> Check(ServiceFacts facts)
    {
        var (min, max, count) = (facts.Service.MinInstances, facts.Service.MaxInstances, facts.Instances.Count);
        var failed = facts.Registrants.Select(r => r.Window.Failure is { } failure ? $"{r.Service}: {failure}" : null).OfType<string>().ToList();
        var moving = facts.Registrants.Where(r => r.Window.InProgress).ToList();
        if (failed.Count > 0)
        {
            var range = Range(min, max);
            yield return facts.Result(Info, false, string.Empty, $"{count} instances (expected {range}); ECS: {string.Join("; ", failed)}", range, $"{count}");
        }
        else if (moving.Count > 0)
        {
            // While ECS deploys, the registering services may run (and register) anything their deployment limits allow.
            var (low, high) = (facts.Registrants.Sum(r => (long)r.Window.MinTasks), facts.Registrants.Sum(r => (long)r.Window.MaxTasks));
            var range = low == high ? $"{low}" : $"{low}-{high}";
            var what = string.Join("; ", moving.Select(r => $"{r.Service}: {r.Window.Description}")) + Revisions(facts);
            yield return facts.Result(Info, count >= low && count <= high, $"{count} instances (expected {range}, deployment in progress: {what})", $"{count} instances, expected {range} while deploying ({what})", range, $"{count}");
        }
        else if (min is not null || max is not null)
        {
            var range = Range(min, max);
            yield return facts.Result(Info, count >= (min ?? 0) && count <= (max ?? int.MaxValue), $"{count} instances (expected {range})", $"{count} instances, expected {range}", range, $"{count}");
        }
    }

    /// <summary>Which task definition revisions the registered instances run, when ECS described their tasks: <c>; registered: orders:7 x2, orders:6 x2</c>.</summary>
    private static string Revisions(ServiceFacts facts)
    {
        var counted = facts.Instances.Select(i => facts.Ecs.Revisions.GetValueOrDefault(i.Id)).OfType<string>().GroupBy(r => r, StringComparer.Ordinal)
            .OrderByDescending(g => int.TryParse(g.Key.AsSpan(g.Key.LastIndexOf(':') + 1), System.Globalization.CultureInfo.InvariantCulture, out var revision) ? revision : -1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} x{g.Count()}").ToList();
        return counted.Count == 0 ? string.Empty : $"; registered: {string.Join(", ", counted)}";
    }

    private static string Range(int? min, int? max) => min == max ? $"{min}" : $"{min ?? 0}-{(max is null ? "any" : max.ToString())}";
}

/// <summary><c>instance-attributes</c>: every instance carries the attributes its records need.</summary>
internal sealed class InstanceAttributesCheck : IServiceCheck
{
    public CheckInfo Info => CheckCatalog.InstanceAttributes;

    public IEnumerable<CheckResult> Check(ServiceFacts facts)
    {
        var service = facts.Service;
        var needsIpv4 = service.DnsRecords.Any(r => r.Type == "A") || (service.DnsRecords.Count == 0 && !service.ServiceConnect && service.EcsServiceNames.Count > 0);
        var needsPort = service.DnsRecords.Any(r => r.Type == "SRV");
        var missing = facts.Instances.Where(i => (needsIpv4 && !i.Attributes.ContainsKey("AWS_INSTANCE_IPV4") && !i.Attributes.ContainsKey("AWS_ALIAS_DNS_NAME")) || (needsPort && !i.Attributes.ContainsKey("AWS_INSTANCE_PORT"))).Select(i => i.Id).ToList();
        if (facts.Instances.Count > 0)
        {
            yield return facts.Result(Info, missing.Count == 0, $"every instance has {(needsPort ? "AWS_INSTANCE_IPV4/PORT" : needsIpv4 ? "AWS_INSTANCE_IPV4" : "its attributes")}", $"instances without {(needsPort ? "AWS_INSTANCE_PORT or " : string.Empty)}AWS_INSTANCE_IPV4: {string.Join(", ", missing)}", Words.None, missing.Count == 0 ? Words.None : string.Join(", ", missing));
        }
    }
}

/// <summary>
/// <c>declared-instances</c>: instances the template registers (<c>AWS::ServiceDiscovery::Instance</c>) are live with
/// their id and every attribute the template knows; values CloudFormation computes (e.g. a load balancer's DNS name)
/// cannot be compared before deploy and are skipped.
/// </summary>
internal sealed class DeclaredInstancesCheck : IServiceCheck
{
    public CheckInfo Info => CheckCatalog.DeclaredInstances;

    public IEnumerable<CheckResult> Check(ServiceFacts facts)
    {
        if (facts.Service.DeclaredInstances.Count > 0)
        {
            var drift = Drift(facts.Service.DeclaredInstances, facts.Instances);
            yield return facts.Result(Info, drift.Count == 0, $"the {facts.Service.DeclaredInstances.Count} instances the template registers are live as declared", $"template instances differ: {string.Join("; ", drift)}", "as declared", drift.Count == 0 ? "as declared" : string.Join("; ", drift));
        }
    }

    private static List<string> Drift(IReadOnlyList<DeclaredInstance> declared, IReadOnlyList<LiveInstance> live)
    {
        // A lying server may list an instance twice: the first one counts.
        var byId = live.DistinctBy(i => i.Id, StringComparer.Ordinal).ToDictionary(i => i.Id, StringComparer.Ordinal);
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
}

/// <summary><c>unknown-instances</c>: no instance was registered by an ECS service the assembly does not name.</summary>
internal sealed class UnknownInstancesCheck : IServiceCheck
{
    public CheckInfo Info => CheckCatalog.UnknownInstances;

    public IEnumerable<CheckResult> Check(ServiceFacts facts)
    {
        var names = facts.Service.EcsServiceNames.Where(n => n.IsResolved).Select(n => n.Literal!).ToHashSet(StringComparer.Ordinal);
        var foreign = names.Count == 0 ? [] : facts.Instances.Where(i => i.Attributes.TryGetValue("ECS_SERVICE_NAME", out var n) && !names.Contains(n)).Select(i => $"{i.Id} ({i.Attributes["ECS_SERVICE_NAME"]})").ToList();
        if (foreign.Count > 0)
        {
            yield return new(facts.Service.Stack, Info.Id, facts.Target, facts.Strict ? CheckStatus.Fail : CheckStatus.Warn, $"instances registered by another ECS service: {string.Join(", ", foreign)}")
            {
                Expected = Words.None,
                Actual = string.Join(", ", foreign),
            };
        }
    }
}

/// <summary><c>discover-instances</c>: DiscoverInstances, the API clients use, returns exactly the registered instances.</summary>
internal sealed class DiscoverInstancesCheck : IServiceCheck
{
    public CheckInfo Info => CheckCatalog.DiscoverInstances;

    public IEnumerable<CheckResult> Check(ServiceFacts facts)
    {
        var listed = facts.Instances.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var discovered = facts.Discovered.Select(d => d.InstanceId).ToHashSet(StringComparer.Ordinal);
        yield return facts.Result(Info, discovered.SetEquals(listed), $"DiscoverInstances returns the {listed.Count} registered instances",
            $"DiscoverInstances returned [{Words.List(discovered)}], ListInstances has [{Words.List(listed)}]", Words.List(listed), Words.List(discovered));
    }
}

/// <summary><c>instance-health</c>: every instance of a service with a health check is HEALTHY.</summary>
internal sealed class InstanceHealthCheck : IServiceCheck
{
    public CheckInfo Info => CheckCatalog.InstanceHealth;

    public IEnumerable<CheckResult> Check(ServiceFacts facts)
    {
        if (facts.Live.CustomHealthCheck || facts.Live.Route53HealthCheck)
        {
            // A lying server may list an instance twice: the first answer counts, never a crash.
            var status = facts.Discovered.DistinctBy(d => d.InstanceId, StringComparer.Ordinal).ToDictionary(d => d.InstanceId, d => d.HealthStatus, StringComparer.Ordinal);
            var bad = facts.Instances.Select(i => (i.Id, Health: status.GetValueOrDefault(i.Id, "UNKNOWN"))).Where(i => i.Health != "HEALTHY").Select(i => $"{i.Id} {i.Health}").ToList();
            yield return facts.Result(Info, bad.Count == 0, $"{facts.Instances.Count} instances HEALTHY", $"instances not HEALTHY: {string.Join(", ", bad)}", "all HEALTHY", bad.Count == 0 ? "all HEALTHY" : string.Join(", ", bad));
        }
    }
}
