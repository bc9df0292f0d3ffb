using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static EcsDiscoveryConstructs.Tests.Properties.TemplateView;

namespace EcsDiscoveryConstructs.Tests.Properties;

/// <summary>
/// What ECS accepts for services that register in Cloud Map or Service Connect, and what Exec needs, written from the
/// ECS API reference (CreateService, ServiceConnectService, ServiceConnectClientAlias, TimeoutConfiguration) and the
/// Cloud Map quotas (1,000 instances per service, not adjustable), independently of the library's rules.
/// </summary>
internal static partial class EcsAcceptance
{
    private static readonly string[] CredentialVariables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY"];

    public static IEnumerable<string> Problems(TemplateView t)
    {
        var cloudMapNames = CloudMapAcceptance.ServiceNames(t);
        var namespaces = CloudMapAcceptance.Namespaces(t);
        var byCluster = new List<(string Cluster, string Name)>();
        var discoveryNames = new List<(string Namespace, string Name)>();
        var aliases = new List<(string Namespace, string Alias)>();
        var registering = new HashSet<string>();
        var taskDefinitions = t.OfType("AWS::ECS::TaskDefinition").ToDictionary(r => r.Id, r => r.Properties);
        foreach (var (id, p) in taskDefinitions)
        {
            // Fargate task sizes (ECS developer guide, "Task CPU and memory"): memory in MiB per CPU size.
            if ((p["RequiresCompatibilities"] as JsonArray)?.Any(c => Str(c) == "FARGATE") == true
                && int.TryParse(Str(p["Cpu"]), out var cpu) && int.TryParse(Str(p["Memory"]), out var memory)
                && !(cpu switch
                {
                    256 => memory is 512 or 1024 or 2048,
                    512 => memory % 1024 == 0 && memory is >= 1024 and <= 4096,
                    1024 => memory % 1024 == 0 && memory is >= 2048 and <= 8192,
                    2048 => memory % 1024 == 0 && memory is >= 4096 and <= 16384,
                    4096 => memory % 1024 == 0 && memory is >= 8192 and <= 30720,
                    8192 => memory % 4096 == 0 && memory is >= 16384 and <= 61440,
                    16384 => memory % 8192 == 0 && memory is >= 32768 and <= 122880,
                    _ => false,
                }))
            {
                yield return $"{id}: Fargate has no task size of {cpu} CPU units and {memory} MiB";
            }
        }
        foreach (var (id, p) in t.OfType("AWS::ECS::Service"))
        {
            var name = Str(p["ServiceName"]);
            if (name is not null && !ServiceName().IsMatch(name))
            {
                yield return $"{id}: ECS service name '{name}'";
            }

            if (name is not null && Target(p["Cluster"]) is { } cluster)
            {
                byCluster.Add((cluster, name));
            }

            var registries = Objects(p["ServiceRegistries"]).Count();
            var sc = p["ServiceConnectConfiguration"] as JsonObject;
            var scServices = Objects(sc?["Services"]).ToList();
            if (registries > 1)
            {
                yield return $"{id}: {registries} service registries (ECS allows one)";
            }

            if (registries + scServices.Count > 0)
            {
                registering.Add(id);
            }

            if (Num(p["DesiredCount"]) is { } desired && (desired < 0 || (registries + scServices.Count > 0 && desired > 1000)))
            {
                yield return $"{id}: DesiredCount {desired} (0 or more; at most 1,000 Cloud Map instances per service)";
            }

            if (p["DeploymentConfiguration"] is JsonObject deployment
                && (Num(deployment["MinimumHealthyPercent"]) is { } minHealthy && (minHealthy < 0 || minHealthy > 100)
                    || Num(deployment["MaximumPercent"]) is { } maxPercent && (maxPercent < 100 || maxPercent <= (Num(deployment["MinimumHealthyPercent"]) ?? 100))))
            {
                yield return $"{id}: deployment percentages {deployment.ToJsonString()} (minimum 0-100, maximum at least 100 and above the minimum)";
            }

            // DeploymentConfiguration: the minimum rounds up, the maximum down; when both land on the desired count no
            // task can start or stop and every deployment stalls.
            if (p["DeploymentConfiguration"] is JsonObject rolling && Num(p["DesiredCount"]) is { } tasks and > 0
                && Num(rolling["MinimumHealthyPercent"]) is { } low && Num(rolling["MaximumPercent"]) is { } high
                && Math.Floor(tasks * high / 100) <= tasks && Math.Ceiling(tasks * low / 100) >= tasks)
            {
                yield return $"{id}: {tasks} tasks with {low}/{high} % can neither start nor stop a task in a deployment";
            }

            foreach (var problem in StrategyProblems(t, p))
            {
                yield return $"{id}: {problem}";
            }

            foreach (var problem in RegistryProblems(t, id, p, taskDefinitions))
            {
                yield return problem;
            }

            var scNamespace = sc?["Namespace"] is { } nsNode ? NamespaceKey(nsNode) : null;
            foreach (var service in scServices)
            {
                // ECS uses the port name only when no discovery name is given; a computed one (e.g. an import) is unknown here.
                var discovery = service["DiscoveryName"] is null ? Str(service["PortName"]) : Str(service["DiscoveryName"]);
                if (discovery is not null && !DiscoveryName().IsMatch(discovery))
                {
                    yield return $"{id}: Service Connect discoveryName '{discovery}'";
                }

                if (discovery is not null && scNamespace is not null)
                {
                    discoveryNames.Add((scNamespace, discovery));
                }

                foreach (var alias in Objects(service["ClientAliases"]))
                {
                    var dnsName = Str(alias["DnsName"]);
                    if (dnsName is not null && !ClientAlias().IsMatch(dnsName))
                    {
                        yield return $"{id}: client alias '{dnsName}'";
                    }

                    if (Num(alias["Port"]) is { } port && !WholeIn(port, 1, 65535))
                    {
                        yield return $"{id}: client alias port {port}";
                    }

                    if (dnsName is not null && scNamespace is not null)
                    {
                        aliases.Add((scNamespace, $"{dnsName}:{Num(alias["Port"])}"));
                    }
                }

                foreach (var timeout in new[] { "IdleTimeoutSeconds", "PerRequestTimeoutSeconds" }.Select(k => Num(service["Timeout"]?[k])).OfType<double>())
                {
                    if (!WholeIn(timeout, 0, int.MaxValue))
                    {
                        yield return $"{id}: Service Connect timeout {timeout}";
                    }
                }
            }

            if (Bool(p["EnableExecuteCommand"]) == true && Target(p["TaskDefinition"]) is { } td && taskDefinitions.TryGetValue(td, out var task))
            {
                foreach (var container in Objects(task["ContainerDefinitions"]))
                {
                    if (Bool(container["ReadonlyRootFilesystem"]) == true)
                    {
                        yield return $"{id}: Exec on, but container '{Str(container["Name"])}' has a read-only root file system";
                    }

                    var variables = Objects(container["Environment"]).Concat(Objects(container["Secrets"])).Select(e => Str(e["Name"]));
                    if (variables.Any(v => CredentialVariables.Contains(v)))
                    {
                        yield return $"{id}: Exec on, but container '{Str(container["Name"])}' gets AWS credential variables";
                    }
                }
            }
        }

        foreach (var group in byCluster.GroupBy(n => n).Where(g => g.Count() > 1))
        {
            yield return $"cluster {group.Key.Cluster}: ECS service name '{group.Key.Name}' is used {group.Count()} times";
        }

        foreach (var group in discoveryNames.GroupBy(n => n).Where(g => g.Count() > 1))
        {
            yield return $"namespace {group.Key.Namespace}: discoveryName '{group.Key.Name}' is used {group.Count()} times";
        }

        foreach (var (ns, name) in discoveryNames.Distinct())
        {
            // Names in DNS namespaces are DNS labels (case-insensitive); HTTP namespace names are compared as written.
            var http = namespaces.GetValueOrDefault(ns)?.Type == "HttpNamespace";
            if (cloudMapNames[ns].Contains(name, http ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase))
            {
                yield return $"namespace {ns}: discoveryName '{name}' is also a Cloud Map service name there";
            }
        }

        foreach (var group in aliases.GroupBy(a => a).Where(g => g.Count() > 1))
        {
            yield return $"namespace {group.Key.Namespace}: client alias '{group.Key.Alias}' is used {group.Count()} times";
        }

        foreach (var (id, p) in t.OfType("AWS::ApplicationAutoScaling::ScalableTarget"))
        {
            var min = Num(p["MinCapacity"]);
            var max = Num(p["MaxCapacity"]);
            if (min < 0 || max < min)
            {
                yield return $"{id}: scaling range {min}-{max}";
            }

            if (max > 1000 && registering.Any(service => p["ResourceId"]?.ToJsonString().Contains($"\"{service}\"", StringComparison.Ordinal) == true))
            {
                yield return $"{id}: MaxCapacity {max} for a service registered in Cloud Map (1,000 instances per service)";
            }
        }
    }

    /// <summary>
    /// ECS API ServiceRegistry: bridge and host tasks need containerName and containerPort; awsvpc tasks with SRV records
    /// need containerName and containerPort or port, not both; the container and port come from the task definition.
    /// ECS registers an IPv4 address and a port, so a Cloud Map service with AAAA or CNAME records cannot be filled, and
    /// a bridge or host task (no address of its own) is found only through SRV.
    /// </summary>
    /// <summary>
    /// CapacityProviderStrategyItem (weight 0-1000, base 0-100000, a base on one provider, a weight above 0 somewhere) and
    /// PutClusterCapacityProviders (a provider in a strategy is associated with the service's cluster).
    /// </summary>
    private static IEnumerable<string> StrategyProblems(TemplateView t, JsonObject service)
    {
        var items = Objects(service["CapacityProviderStrategy"]).ToList();
        if (items.Count == 0)
        {
            yield break;
        }

        var weights = items.Select(i => Num(i["Weight"]) ?? 0).ToList();
        if (weights.Any(w => !WholeIn(w, 0, 1000)) || weights.All(w => w == 0) || items.Count(i => (Num(i["Base"]) ?? 0) > 0) > 1 || items.Any(i => Num(i["Base"]) is { } b && !WholeIn(b, 0, 100_000)))
        {
            yield return $"capacity provider strategy {new JsonArray([.. items.Select(i => i.DeepClone())]).ToJsonString()}";
        }

        if (Target(service["Cluster"]) is { } cluster && t.OfType("AWS::ECS::Cluster").Any(c => c.Id == cluster))
        {
            var associated = t.OfType("AWS::ECS::ClusterCapacityProviderAssociations").Where(a => Target(a.Properties["Cluster"]) == cluster)
                .SelectMany(a => (a.Properties["CapacityProviders"] as JsonArray ?? []).Select(Str)).ToHashSet();
            foreach (var provider in items.Select(i => Str(i["CapacityProvider"])).OfType<string>().Where(p => !associated.Contains(p)))
            {
                yield return $"capacity provider {provider} is not associated with cluster {cluster}";
            }
        }
    }

    private static IEnumerable<string> RegistryProblems(TemplateView t, string id, JsonObject service, Dictionary<string, JsonObject> taskDefinitions)
    {
        var cloudMap = t.OfType("AWS::ServiceDiscovery::Service").ToDictionary(r => r.Id, r => r.Properties);
        var task = Target(service["TaskDefinition"]) is { } td ? taskDefinitions.GetValueOrDefault(td) : null;
        var mode = Str(task?["NetworkMode"]) ?? (Objects(task?["RequiresCompatibilities"]).Any() ? "awsvpc" : "bridge");
        foreach (var registry in Objects(service["ServiceRegistries"]))
        {
            var records = Target(registry["RegistryArn"]) is { } arn && cloudMap.TryGetValue(arn, out var cm)
                ? Objects(cm["DnsConfig"]?["DnsRecords"]).Select(r => Str(r["Type"])).ToList()
                : null;
            var container = Str(registry["ContainerName"]);
            var containerPort = Num(registry["ContainerPort"]);
            var hostNetworked = mode is "bridge" or "host";
            if (records is not null && records.Any(r => r is "AAAA" or "CNAME"))
            {
                yield return $"{id}: registers in a Cloud Map service with [{string.Join(", ", records)}] records (ECS fills IPv4 and port only)";
            }

            if (hostNetworked && records is { Count: > 0 } && !records.Contains("SRV"))
            {
                yield return $"{id}: {mode} tasks registered with [{string.Join(", ", records)}] records (no SRV)";
            }

            if ((hostNetworked || records?.Contains("SRV") == true) && (container is null || containerPort is null) && Num(registry["Port"]) is null)
            {
                yield return $"{id}: service registry without containerName and containerPort ({mode}, records [{string.Join(", ", records ?? [])}])";
            }

            if (container is not null && task is not null)
            {
                var definition = Objects(task["ContainerDefinitions"]).FirstOrDefault(c => Str(c["Name"]) == container);
                if (definition is null)
                {
                    yield return $"{id}: registry container '{container}' is not in the task definition";
                }
                else if (containerPort is not null && Objects(definition["PortMappings"]).All(m => Num(m["ContainerPort"]) != containerPort))
                {
                    yield return $"{id}: registry port {containerPort} is not mapped on container '{container}'";
                }
            }
        }
    }

    /// <summary>A Service Connect namespace as the Cloud Map checks key it: the logical id, or the literal namespace id.</summary>
    private static string? NamespaceKey(JsonNode node)
        => Target(node) is { } target && target.LastIndexOf("namespace/", StringComparison.Ordinal) is >= 0 and var at ? target[(at + "namespace/".Length)..] : Target(node);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex ServiceName();

    /// <summary>ServiceConnectService.discoveryName: up to 64 lowercase letters, digits, '_' and '-', not starting with '-'.</summary>
    [GeneratedRegex("^(?!-)[a-z0-9_-]{1,64}$")]
    private static partial Regex DiscoveryName();

    /// <summary>ServiceConnectClientAlias.dnsName: up to 127 lowercase letters, digits, '_', '-' and '.', not starting with '-'.</summary>
    [GeneratedRegex("^(?!-)[a-z0-9_.-]{1,127}$")]
    private static partial Regex ClientAlias();
}
