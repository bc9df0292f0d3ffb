using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.Assembly;

/// <summary>Reads what a CloudFormation template declares for service discovery. Unresolved names are kept as expressions, never guessed.</summary>
internal static class TemplateTopologyReader
{
    /// <summary>Reads the template JSON of stack <paramref name="stackName"/>; <paramref name="source"/> names it in messages (default: the stack).</summary>
    /// <exception cref="AssemblyException">The text is not a CloudFormation template of the expected shape (the message names the JSON path).</exception>
    public static StackTopology Read(string stackName, string templateJson, string? source = null)
    {
        source ??= $"The template of stack '{stackName}'";
        try
        {
            return Read(stackName, Resources(templateJson, source)) with { TemplateBody = templateJson };
        }
        catch (InputException e)
        {
            throw new AssemblyException(e.Message, e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException)
        {
            // A property deeper than the resource level has another shape than CloudFormation gives it.
            throw new AssemblyException($"{source}: a resource property has an unexpected JSON shape ({e.Message})", e);
        }
    }

    /// <summary>The Resources section: every resource an object with a string Type and, when present, object Properties.</summary>
    private static JsonObject Resources(string templateJson, string source)
    {
        var root = UntrustedJson.Object(UntrustedJson.Parse(templateJson, source), source, "the document")!;
        var resources = UntrustedJson.Object(root["Resources"], source, "Resources", optional: true)
            ?? throw new InputException($"{source} has no Resources section.");
        foreach (var (id, resource) in resources)
        {
            var body = UntrustedJson.Object(resource, source, $"Resources.{id}")!;
            _ = UntrustedJson.String(body["Type"], source, $"Resources.{id}.Type");
            if (UntrustedJson.Object(body["Properties"], source, $"Resources.{id}.Properties", optional: true) is { } properties)
            {
                CheckShapes(properties, source, $"Resources.{id}.Properties");
            }
        }

        return resources;
    }

    /// <summary>
    /// The containers the reader walks into, by property name: lists of objects (an object in their place is taken for
    /// an intrinsic function such as Fn::If and left alone), or objects.
    /// </summary>
    private static readonly Dictionary<string, bool> Containers = new(StringComparer.Ordinal)
    {
        ["ContainerDefinitions"] = true,
        ["PortMappings"] = true,
        ["Environment"] = true,
        ["ServiceRegistries"] = true,
        ["Services"] = true,
        ["ClientAliases"] = true,
        ["DnsRecords"] = true,
        ["DnsConfig"] = false,
        ["ServiceConnectConfiguration"] = false,
        ["NetworkConfiguration"] = false,
        ["Properties"] = false,
        ["DnsProperties"] = false,
        ["SOA"] = false,
    };

    /// <summary>
    /// Checks, with JSON paths, the shape of every property the reader walks into (lists of objects and objects), so a
    /// template of another shape fails naming the place instead of deep inside the reader.
    /// </summary>
    private static void CheckShapes(JsonObject node, string source, string path)
    {
        foreach (var (name, value) in node)
        {
            if (!Containers.TryGetValue(name, out var isList) || value is null)
            {
                continue;
            }

            if (isList && value is not JsonObject)
            {
                foreach (var (item, i) in UntrustedJson.Array(value, source, $"{path}.{name}").Select((item, i) => (item, i)))
                {
                    CheckShapes(UntrustedJson.Object(item, source, $"{path}.{name}[{i}]")!, source, $"{path}.{name}[{i}]");
                }
            }
            else if (!isList && (value is not JsonValue v || !v.TryGetValue<string>(out _)))
            {
                // An object is what is read; a list, number or boolean is not.
                CheckShapes(UntrustedJson.Object(value, source, $"{path}.{name}")!, source, $"{path}.{name}");
            }
        }
    }

    private static StackTopology Read(string stackName, JsonObject resources)
    {
        var byType = resources
            .Select(r => (Id: r.Key, Type: TemplateJson.String(r.Value!["Type"]) ?? string.Empty, Props: r.Value!["Properties"] as JsonObject ?? []))
            .ToList();

        var namespaces = byType.Select(r => Namespace(r.Id, r.Type, r.Props)).OfType<NamespaceInfo>()
            .Select(n => n with { VpcCidr = TemplateJson.String(resources[TemplateJson.Target(resources[n.LogicalId]?["Properties"]?["Vpc"]) ?? string.Empty]?["Properties"]?["CidrBlock"]) })
            .ToList();
        var cloudMap = byType.Where(r => r.Type == "AWS::ServiceDiscovery::Service").Select(r => CloudMapService(r.Id, r.Props)).ToList();
        var scaling = byType.Where(r => r.Type == "AWS::ApplicationAutoScaling::ScalableTarget")
            .SelectMany(r => TemplateJson.Targets(r.Props["ResourceId"]).Select(target => (Target: target, Min: TemplateJson.Int(r.Props["MinCapacity"]), Max: TemplateJson.Int(r.Props["MaxCapacity"]))))
            .GroupBy(s => s.Target)
            .ToDictionary(g => g.Key, g => g.First());
        var ecs = byType.Where(r => r.Type == "AWS::ECS::Service")
            .Select(r => EcsService(r.Id, r.Props, scaling.TryGetValue(r.Id, out var s) ? (s.Min, s.Max) : (null, null), namespaces) with
            {
                Cluster = TemplateJson.String(r.Props["Cluster"]) ?? ClusterName(resources, r.Props) ?? TemplateJson.Target(r.Props["Cluster"]) ?? "cluster",
                ClusterLogicalId = TemplateJson.String(r.Props["Cluster"]) is null && ClusterName(resources, r.Props) is null ? TemplateJson.Target(r.Props["Cluster"]) : null,
                DeploymentLimits = (TemplateJson.Int(TemplateJson.At(r.Props, "DeploymentConfiguration", "MinimumHealthyPercent")), TemplateJson.Int(TemplateJson.At(r.Props, "DeploymentConfiguration", "MaximumPercent"))),
                RegistryServiceLogicalIds = TemplateJson.List(r.Props["ServiceRegistries"]).OfType<JsonObject>().Select(g => TemplateJson.Target(g["RegistryArn"])).OfType<string>().ToList(),
                EnableExecuteCommand = r.Props["EnableExecuteCommand"] switch { null => false, JsonValue v when v.TryGetValue<bool>(out var on) => on, JsonValue v when TemplateJson.String(v) is "true" or "false" => TemplateJson.String(v) == "true", _ => null },
                TaskFamily = TemplateJson.String(resources[TemplateJson.Target(r.Props["TaskDefinition"]) ?? string.Empty]?["Properties"]?["Family"]),
                RegistryPort = TemplateJson.Int(TemplateJson.List(r.Props["ServiceRegistries"]).FirstOrDefault()?["ContainerPort"]) ?? Ports(resources, r.Props).Values.Cast<int?>().FirstOrDefault(),
                NamedPorts = Ports(resources, r.Props),
                DeploymentStrategy = TemplateJson.String(TemplateJson.At(r.Props, "DeploymentConfiguration", "Strategy")),
                LatticeTargets = TemplateJson.List(r.Props["VpcLatticeConfigurations"]).Count,
            })
            .ToList();
        var connections = Connections(byType, resources, namespaces, cloudMap, ecs);
        var declared = byType.Where(r => r.Type == "AWS::ServiceDiscovery::Instance" && TemplateJson.Target(r.Props["ServiceId"]) is not null)
            .Select(r => new DeclaredInstance(
                r.Id,
                TemplateJson.Target(r.Props["ServiceId"])!,
                TemplateJson.Value(r.Props["InstanceId"]),
                (r.Props["InstanceAttributes"] as JsonObject ?? []).ToDictionary(a => a.Key, a => TemplateJson.Value(a.Value), StringComparer.Ordinal)))
            .ToList();
        var imported = cloudMap.Select(c => c.NamespaceLogicalId).Concat(ecs.Select(e => e.ServiceConnectNamespaceLogicalId))
            .Select(ImportedNamespaceInfo.FromKey).OfType<ImportedNamespaceInfo>().Distinct().OrderBy(n => n.Key, StringComparer.Ordinal).ToList();
        var topology = new StackTopology(stackName, namespaces, cloudMap, ecs, connections) { Instances = declared, ImportedNamespaces = imported };
        return topology with { Canaries = Canaries(byType, resources, topology, $"The template of stack '{stackName}'") };
    }

    /// <summary>
    /// The DiscoveryCanary functions (their environment names the stack to read, <c>ECS_DISCOVERY_STACK</c>), with their
    /// scope metadata, the namespaces their scope covers, the rule that schedules them and whether an alarm watches their metrics.
    /// </summary>
    private static List<CanaryInfo> Canaries(List<(string Id, string Type, JsonObject Props)> byType, JsonObject resources, StackTopology topology, string source)
    {
        var alarmed = byType.Any(r => r.Type == "AWS::CloudWatch::Alarm" && TemplateJson.String(r.Props["Namespace"]) == "EcsDiscovery");
        return byType
            .Where(r => r.Type == "AWS::Lambda::Function" && TemplateJson.At(r.Props, "Environment", "Variables", "ECS_DISCOVERY_STACK") is not null)
            .Select(r => (r.Id, Scope: Canary.CanaryExpectations.ScopeOf((JsonObject)resources[r.Id]!, r.Id, source)))
            .Select(c => new CanaryInfo(
                c.Id,
                (c.Scope is { } scope ? Canary.CanaryExpectations.Scope(topology, scope) : topology).Namespaces.Select(n => n.LogicalId).ToList(),
                byType.Where(e => e.Type == "AWS::Events::Rule" && TemplateJson.List(e.Props["Targets"]).OfType<JsonObject>().Any(t => TemplateJson.Target(t["Arn"]) == c.Id))
                    .Select(e => TemplateJson.String(e.Props["ScheduleExpression"])).FirstOrDefault(),
                alarmed) { Scope = c.Scope })
            .ToList();
    }

    /// <summary>The named container ports of an ECS service's task definition.</summary>
    private static Dictionary<string, int> Ports(JsonObject resources, JsonObject service)
    {
        var containers = TemplateJson.List(resources[TemplateJson.Target(service["TaskDefinition"]) ?? string.Empty]?["Properties"]?["ContainerDefinitions"]);
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mapping in containers.SelectMany(c => TemplateJson.List(c?["PortMappings"])).OfType<JsonObject>())
        {
            if (TemplateJson.Int(mapping["ContainerPort"]) is { } port)
            {
                ports.TryAdd(TemplateJson.String(mapping["Name"]) ?? $"port-{port}", port);
            }
        }

        return ports;
    }

    /// <summary>
    /// The namespace of the stack that Service Connect names by its literal name (ECS takes a name or an ARN), when
    /// exactly one has that name.
    /// </summary>
    private static string? NamespaceNamed(List<NamespaceInfo> namespaces, string? name)
    {
        var named = namespaces.Where(n => name is not null && n.Name.Literal == name).Take(2).ToList();
        return named.Count == 1 ? named[0].LogicalId : null;
    }

    private static NamespaceInfo? Namespace(string id, string type, JsonObject props)
    {
        NamespaceKind? kind = type switch
        {
            "AWS::ServiceDiscovery::PrivateDnsNamespace" => NamespaceKind.PrivateDns,
            "AWS::ServiceDiscovery::PublicDnsNamespace" => NamespaceKind.PublicDns,
            "AWS::ServiceDiscovery::HttpNamespace" => NamespaceKind.Http,
            _ => null,
        };
        return kind is null ? null : new NamespaceInfo(id, TemplateJson.Value(props["Name"]), kind.Value, TemplateJson.Int(TemplateJson.At(props, "Properties", "DnsProperties", "SOA", "TTL")));
    }

    private static CloudMapServiceInfo CloudMapService(string id, JsonObject props)
    {
        var dns = props["DnsConfig"] as JsonObject;
        var records = TemplateJson.List(dns?["DnsRecords"]).OfType<JsonObject>()
            .Select(r => new DnsRecordInfo(TemplateJson.String(r["Type"]) ?? "?", TemplateJson.Int(r["TTL"]) ?? 0))
            .ToList();
        var health = props["HealthCheckCustomConfig"] is not null ? HealthCheckKind.Custom
            : props["HealthCheckConfig"] is not null ? HealthCheckKind.Route53
            : HealthCheckKind.None;
        var ns = TemplateJson.Target(props["NamespaceId"]) ?? TemplateJson.Target(dns?["NamespaceId"]) ?? ImportedNamespaceInfo.KeyOf(TemplateJson.String(props["NamespaceId"]));
        return new CloudMapServiceInfo(id, TemplateJson.Value(props["Name"]), ns, records, TemplateJson.String(dns?["RoutingPolicy"]), health)
        {
            ServiceAttributes = (props["ServiceAttributes"] as JsonObject ?? []).ToDictionary(a => a.Key, a => TemplateJson.Value(a.Value), StringComparer.Ordinal),
        };
    }

    /// <summary>The literal <c>ClusterName</c> of the template's cluster the service names by reference, or null.</summary>
    private static string? ClusterName(JsonObject resources, JsonObject props)
        => TemplateJson.String(resources[TemplateJson.Target(props["Cluster"]) ?? string.Empty]?["Properties"]?["ClusterName"]);

    private static EcsServiceInfo EcsService(string id, JsonObject props, (int? Min, int? Max) scaling, List<NamespaceInfo> namespaces)
    {
        var registry = TemplateJson.List(props["ServiceRegistries"]).OfType<JsonObject>().FirstOrDefault();
        var sc = props["ServiceConnectConfiguration"] as JsonObject;
        var endpoints = TemplateJson.List(sc?["Services"]).OfType<JsonObject>().Select(s =>
        {
            var alias = TemplateJson.List(s["ClientAliases"]).OfType<JsonObject>().FirstOrDefault();
            return new ServiceConnectEndpointInfo(
                TemplateJson.String(s["PortName"]) ?? "?",
                TemplateJson.String(s["DiscoveryName"]),
                alias?["DnsName"] is { } dns ? TemplateJson.Value(dns) : null,
                TemplateJson.Int(alias?["Port"]));
        }).ToList();
        return new EcsServiceInfo(
            id,
            TemplateJson.Value(props["ServiceName"]),
            TemplateJson.Int(props["DesiredCount"]),
            scaling.Min,
            scaling.Max,
            TemplateJson.Target(registry?["RegistryArn"]),
            registry?["RegistryArn"] is { } arn ? TemplateJson.Value(arn) : null,
            TemplateJson.Target(sc?["Namespace"]) ?? NamespaceNamed(namespaces, TemplateJson.String(sc?["Namespace"])) ?? ImportedNamespaceInfo.KeyOf(TemplateJson.String(sc?["Namespace"])),
            endpoints);
    }

    private static List<ConnectionInfo> Connections(
        List<(string Id, string Type, JsonObject Props)> byType,
        JsonObject resources,
        List<NamespaceInfo> namespaces,
        List<CloudMapServiceInfo> cloudMap,
        List<EcsServiceInfo> ecs)
    {
        var serviceBySecurityGroup = new Dictionary<string, string>(StringComparer.Ordinal);
        var environmentByService = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (id, _, props) in byType.Where(r => r.Type == "AWS::ECS::Service"))
        {
            foreach (var group in TemplateJson.Targets(TemplateJson.At(props, "NetworkConfiguration", "AwsvpcConfiguration", "SecurityGroups")))
            {
                serviceBySecurityGroup.TryAdd(group, id);
            }

            var taskDefinition = TemplateJson.Target(props["TaskDefinition"]);
            environmentByService[id] = TemplateJson.List(taskDefinition is null ? null : resources[taskDefinition]?["Properties"]?["ContainerDefinitions"])
                .OfType<JsonObject>()
                .SelectMany(c => TemplateJson.List(c["Environment"]).OfType<JsonObject>())
                .Select(e => TemplateJson.String(e["Value"]))
                .OfType<string>()
                .ToList();
        }

        var result = new List<ConnectionInfo>();
        foreach (var (_, _, props) in byType.Where(r => r.Type == "AWS::EC2::SecurityGroupIngress"))
        {
            if (TemplateJson.Target(props["SourceSecurityGroupId"]) is { } source && TemplateJson.Target(props["GroupId"]) is { } target
                && serviceBySecurityGroup.TryGetValue(source, out var from) && serviceBySecurityGroup.TryGetValue(target, out var to) && from != to)
            {
                var caller = ecs.First(e => e.LogicalId == from);
                var callee = ecs.First(e => e.LogicalId == to);
                result.Add(new ConnectionInfo(from, to, Kind(environmentByService[from], caller, callee, namespaces, cloudMap), TemplateJson.Int(props["FromPort"]) ?? 0));
            }
        }

        return result;
    }

    /// <summary>Decides how the caller finds the callee from the discovery variables in the caller's environment.</summary>
    private static ConnectionKind Kind(List<string> environment, EcsServiceInfo caller, EcsServiceInfo callee, List<NamespaceInfo> namespaces, List<CloudMapServiceInfo> cloudMap)
    {
        var sharesServiceConnect = caller.ServiceConnectNamespaceLogicalId is { } ns0 && ns0 == callee.ServiceConnectNamespaceLogicalId;
        var addresses = environment.Select(DiscoveryAddress.Parse).ToList();
        if (sharesServiceConnect && callee.Endpoints.Any(e => e.DnsName?.Literal is { } dns && e.Port is { } port && addresses.Any(a => a.Reaches(dns, port))))
        {
            return ConnectionKind.ServiceConnect;
        }

        var registry = cloudMap.FirstOrDefault(c => c.LogicalId == callee.RegistryServiceLogicalId);
        var ns = namespaces.FirstOrDefault(n => n.LogicalId == registry?.NamespaceLogicalId);
        if (registry?.Name.Literal is { } name && ns?.Name.Literal is { } nsName)
        {
            if (registry.DnsDiscovery && addresses.Any(a => a.Names($"{name}.{nsName}")))
            {
                return ConnectionKind.Dns;
            }

            if (environment.Contains(name) && environment.Contains(nsName))
            {
                return ConnectionKind.CloudMapApi;
            }
        }

        return ConnectionKind.Network;
    }
}
