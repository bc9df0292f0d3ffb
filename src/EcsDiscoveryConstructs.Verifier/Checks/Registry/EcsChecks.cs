using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Checks.Registry;

/// <summary>What the ECS checks of one Cloud Map service judge: the expected service and what ECS says (also when the Cloud Map service does not exist).</summary>
/// <param name="Service">The expected Cloud Map service.</param>
/// <param name="Ecs">What ECS says of its registrants and of the tasks behind its instances.</param>
internal sealed record EcsLookup(ExpectedService Service, EcsFacts Ecs)
{
    public string Target => $"{Service.Namespace.Name}/{Service.Name}";

    public CheckResult Result(CheckInfo check, CheckStatus status, string message, string expected, string actual)
        => new(Service.Stack, check.Id, Target, status, message) { Expected = expected, Actual = actual };
}

/// <summary>A check of what ECS says of one Cloud Map service's registrants; it judges only when ECS was read.</summary>
internal interface IEcsCheck
{
    CheckInfo Info { get; }

    IEnumerable<CheckResult> Check(EcsLookup lookup);
}

/// <summary><c>ecs-service</c>: every ECS service the template registers here exists in its cluster and is ACTIVE.</summary>
internal sealed class EcsServiceCheck : IEcsCheck
{
    public CheckInfo Info => CheckCatalog.EcsService;

    public IEnumerable<CheckResult> Check(EcsLookup lookup)
    {
        var expected = lookup.Service.EcsServices;
        if (!lookup.Ecs.Read || expected.Count == 0)
        {
            yield break;
        }

        var unknown = expected.Where(e => e.Known is null).ToList();
        if (unknown.Count == expected.Count)
        {
            yield return lookup.Result(Info, CheckStatus.Skip, $"ECS service {string.Join(", ", unknown.Select(u => u.LogicalId))}: its cluster or name is left to CloudFormation and the deployed stack was not read; not guessed", string.Empty, string.Empty);
            yield break;
        }

        var inactive = lookup.Ecs.Registrants.Where(r => r.Expected is not null && r.Live.Status != "ACTIVE").Select(r => $"{r.Cluster}/{r.Service} is {r.Live.Status ?? "without a status"}");
        var bad = lookup.Ecs.Missing.Concat(inactive).ToList();
        var known = expected.Where(e => e.Known is not null).Select(e => e.ToString()).Order(StringComparer.Ordinal).ToList();
        yield return bad.Count == 0
            ? lookup.Result(Info, CheckStatus.Pass, $"ECS service {string.Join(", ", known)} ACTIVE", "ACTIVE", "ACTIVE")
            : lookup.Result(Info, CheckStatus.Fail, $"ECS service {string.Join("; ", bad)}", "ACTIVE", string.Join("; ", bad));
    }
}

/// <summary>
/// <c>ecs-discovery-config</c>: the deployed ECS services register as the template says: this Cloud Map service among
/// their <c>serviceRegistries</c>, Service Connect on or off, ECS Exec on or off (drift from a console edit or a failed update).
/// </summary>
internal sealed class EcsDiscoveryConfigCheck : IEcsCheck
{
    public CheckInfo Info => CheckCatalog.EcsDiscoveryConfig;

    public IEnumerable<CheckResult> Check(EcsLookup lookup)
    {
        var service = lookup.Service;
        var compared = lookup.Ecs.Registrants.Where(r => r.Expected is not null).ToList();
        if (compared.Count == 0)
        {
            yield break;
        }

        var drift = new List<string>();
        foreach (var registrant in compared)
        {
            var (expected, live) = (registrant.Expected!, registrant.Live);
            var name = $"{registrant.Cluster}/{registrant.Service}";
            if (!service.ServiceConnect && service.Id is { } id && !live.ServiceRegistries.Any(r => r.RegistryArn is { } arn && arn.EndsWith($"/{id}", StringComparison.Ordinal)))
            {
                var deployed = live.ServiceRegistries.Count == 0 ? Words.None : string.Join(", ", live.ServiceRegistries.Select(r => r.RegistryArn ?? "?"));
                drift.Add($"{name} does not register into Cloud Map service {id} (serviceRegistries: {deployed})");
            }

            var serviceConnect = live.ServiceConnectNamespace is not null;
            if (expected.ServiceConnect != serviceConnect)
            {
                drift.Add($"{name} has Service Connect {(serviceConnect ? "on" : "off")}, the template {(expected.ServiceConnect ? "on" : "off")}");
            }

            if (expected.EnableExecuteCommand is { } exec && exec != live.EnableExecuteCommand)
            {
                drift.Add($"{name} has enableExecuteCommand {(live.EnableExecuteCommand ? "true" : "false")}, the template {(exec ? "true" : "false")}");
            }
        }

        yield return drift.Count == 0
            ? lookup.Result(Info, CheckStatus.Pass, $"ECS service {string.Join(", ", compared.Select(c => $"{c.Cluster}/{c.Service}"))} deployed with the template's discovery settings", "as the template", "as the template")
            : lookup.Result(Info, CheckStatus.Fail, $"deployed discovery differs from the template: {string.Join("; ", drift)}", "as the template", string.Join("; ", drift));
    }
}

/// <summary><c>stale-instances</c>: every ECS-registered instance is a task ECS runs, not a dead address clients still resolve.</summary>
internal sealed class StaleInstancesCheck : IEcsCheck
{
    public CheckInfo Info => CheckCatalog.StaleInstances;

    public IEnumerable<CheckResult> Check(EcsLookup lookup)
    {
        var states = lookup.Ecs.TaskStates;
        if (states.Count == 0)
        {
            yield break;
        }

        var stale = states.Where(s => s.Value is not null).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}").ToList();
        yield return stale.Count == 0
            ? lookup.Result(Info, CheckStatus.Pass, $"the {states.Count} ECS-registered instances are tasks ECS runs", Words.None, Words.None)
            : lookup.Result(Info, CheckStatus.Fail, $"registered instances whose task is gone (clients still resolve them): {string.Join("; ", stale)}", Words.None, string.Join("; ", stale));
    }
}
