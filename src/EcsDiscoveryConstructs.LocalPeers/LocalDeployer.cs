using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudMap;

namespace EcsDiscoveryConstructs.LocalPeers;

/// <summary>What a local deploy or destroy did.</summary>
internal sealed record LocalDeployResult(int Namespaces, int Services, int Instances);

/// <summary>
/// Brings a local Cloud Map peer to the state the stacks imply: what CloudFormation creates (namespaces, Cloud Map
/// services, declared instances), then what ECS does at run time (one instance per expected task, with the
/// attributes ECS writes, and the API-only services Service Connect creates). Idempotent: existing namespaces,
/// services and instances are reused. <see cref="DestroyAsync"/> removes instances, then services, then namespaces.
/// Task addresses are data; nothing is ever contacted but the peer.
/// </summary>
internal sealed class LocalDeployer(ICloudMapClient reader, ICloudMapWriter writer, string region)
{
    /// <summary>The Create&lt;Kind&gt;Namespace operation for each kind.</summary>
    private static readonly Dictionary<NamespaceKind, string> CreateOperations = new()
    {
        [NamespaceKind.PrivateDns] = "PrivateDns",
        [NamespaceKind.PublicDns] = "PublicDns",
        [NamespaceKind.Http] = "Http",
    };

    /// <summary>Creates what is missing; throws <see cref="LocalDeployException"/> for names CloudFormation would only decide at deploy time.</summary>
    public async Task<LocalDeployResult> DeployAsync(IReadOnlyList<StackTopology> stacks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stacks);
        int namespaces = 0, services = 0, instances = 0;
        var live = (await reader.ListNamespacesAsync(cancellationToken).ConfigureAwait(false)).ToList();
        foreach (var stack in stacks)
        {
            var namespaceIds = new Dictionary<string, (string Id, NamespaceInfo Info)>(StringComparer.Ordinal);
            foreach (var ns in stack.Namespaces)
            {
                var name = Literal(ns.Name, stack, $"namespace {ns.LogicalId}");
                var existing = live.FirstOrDefault(l => l.Name == name && l.Type == NamespaceTypes.Of(ns.Kind));
                var id = existing?.Id;
                if (id is null)
                {
                    id = await writer.CreateNamespaceAsync(CreateOperations[ns.Kind], name, ns.Kind == NamespaceKind.PrivateDns ? FakeVpcId(stack.Name, ns.LogicalId) : null, ns.SoaTtl, cancellationToken).ConfigureAwait(false);
                    live.Add(new LiveNamespace(id, string.Empty, name, NamespaceTypes.Of(ns.Kind), ns.SoaTtl));
                    namespaces++;
                }

                namespaceIds[ns.LogicalId] = (id, ns);
            }

            var existingServices = new Dictionary<string, IReadOnlyList<LiveService>>(StringComparer.Ordinal);
            async Task<string> ServiceAsync(string namespaceLogicalId, string name, JsonObject definition)
            {
                var (nsId, _) = namespaceIds[namespaceLogicalId];
                if (!existingServices.TryGetValue(nsId, out var inNamespace))
                {
                    inNamespace = await reader.ListServicesAsync(nsId, cancellationToken).ConfigureAwait(false);
                    existingServices[nsId] = inNamespace;
                }

                if (inNamespace.FirstOrDefault(s => s.Name == name) is { } found)
                {
                    return found.Id;
                }

                services++;
                return await writer.CreateServiceAsync(nsId, name, definition, cancellationToken).ConfigureAwait(false);
            }

            async Task RegisterAsync(string serviceId, IEnumerable<(string Id, Dictionary<string, string> Attributes)> wanted)
            {
                var present = (await reader.ListInstancesAsync(serviceId, cancellationToken).ConfigureAwait(false)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
                foreach (var (id, attributes) in wanted.Where(w => !present.Contains(w.Id)))
                {
                    await writer.RegisterInstanceAsync(serviceId, id, attributes, cancellationToken).ConfigureAwait(false);
                    instances++;
                }
            }

            foreach (var cm in stack.CloudMapServices.Where(c => c.NamespaceLogicalId is not null && namespaceIds.ContainsKey(c.NamespaceLogicalId)))
            {
                var serviceId = await ServiceAsync(cm.NamespaceLogicalId!, Literal(cm.Name, stack, $"service {cm.LogicalId}"), Definition(cm)).ConfigureAwait(false);
                var cidr = namespaceIds[cm.NamespaceLogicalId!].Info.VpcCidr;
                foreach (var ecs in stack.EcsServices.Where(e => e.RegistryServiceLogicalId == cm.LogicalId))
                {
                    var srv = cm.DnsRecords.Any(r => r.Type == "SRV");
                    await RegisterAsync(serviceId, Tasks(stack, ecs, cidr, srv ? ecs.RegistryPort : null, region)).ConfigureAwait(false);
                }

                await RegisterAsync(serviceId, stack.Instances.Where(i => i.ServiceLogicalId == cm.LogicalId).Select(DeclaredInstanceAttributes.ForPeer)).ConfigureAwait(false);
            }

            foreach (var ecs in stack.EcsServices.Where(e => e.ServiceConnectNamespaceLogicalId is { } n && namespaceIds.ContainsKey(n)))
            {
                foreach (var endpoint in ecs.Endpoints)
                {
                    var serviceId = await ServiceAsync(ecs.ServiceConnectNamespaceLogicalId!, endpoint.DiscoveryName ?? endpoint.PortName, new JsonObject { ["Type"] = "HTTP" }).ConfigureAwait(false);
                    var port = ecs.NamedPorts.TryGetValue(endpoint.PortName, out var p) ? p : endpoint.Port;
                    await RegisterAsync(serviceId, Tasks(stack, ecs, namespaceIds[ecs.ServiceConnectNamespaceLogicalId!].Info.VpcCidr, port, region)).ConfigureAwait(false);
                }
            }
        }

        return new LocalDeployResult(namespaces, services, instances);
    }

    /// <summary>Removes the stacks' namespaces from the peer, in the order AWS requires: instances, services, namespaces.</summary>
    public async Task<LocalDeployResult> DestroyAsync(IReadOnlyList<StackTopology> stacks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stacks);
        int namespaces = 0, services = 0, instances = 0;
        var live = await reader.ListNamespacesAsync(cancellationToken).ConfigureAwait(false);
        var wanted = stacks.SelectMany(s => s.Namespaces).Where(n => n.Name.IsResolved).Select(n => (n.Name.Literal!, NamespaceTypes.Of(n.Kind))).ToHashSet();
        foreach (var ns in live.Where(l => wanted.Contains((l.Name, l.Type))))
        {
            foreach (var service in await reader.ListServicesAsync(ns.Id, cancellationToken).ConfigureAwait(false))
            {
                foreach (var instance in await reader.ListInstancesAsync(service.Id, cancellationToken).ConfigureAwait(false))
                {
                    await writer.DeregisterInstanceAsync(service.Id, instance.Id, cancellationToken).ConfigureAwait(false);
                    instances++;
                }

                await writer.DeleteServiceAsync(service.Id, cancellationToken).ConfigureAwait(false);
                services++;
            }

            await writer.DeleteNamespaceAsync(ns.Id, cancellationToken).ConfigureAwait(false);
            namespaces++;
        }

        return new LocalDeployResult(namespaces, services, instances);
    }

    /// <summary>The name an ECS service has locally: its literal name, else its logical id (what CloudFormation would generate is not guessed).</summary>
    internal static string EcsServiceName(EcsServiceInfo ecs) => ecs.Name.Literal ?? ecs.LogicalId;

    /// <summary>
    /// The cluster an ECS service runs in locally: its literal name, or, when CloudFormation names it, the stack's name
    /// and the cluster's logical id (as CloudFormation's generated names begin), so two stacks' clusters stay apart.
    /// </summary>
    internal static string ClusterName(StackTopology stack, EcsServiceInfo ecs) => ecs.ClusterLogicalId is { } logicalId ? $"{stack.DeployedName}-{logicalId}" : ecs.Cluster;

    /// <summary>How many tasks a local deploy runs (and registers) for an ECS service: the fewest it expects, else one.</summary>
    internal static int TaskCount(EcsServiceInfo ecs) => ecs.ExpectedMin ?? 1;

    /// <summary>Cloud Map instances per service: 1,000, not adjustable.</summary>
    private const int InstancesPerService = 1000;

    /// <summary>
    /// The tasks a local deploy runs for an ECS service that registers nowhere (a Service Connect client, a service
    /// without discovery): the ids and addresses it would have given them, so the local ECS peer runs them too.
    /// </summary>
    internal static IEnumerable<(string Id, string Address)> UnregisteredTasks(StackTopology stack, EcsServiceInfo ecs, string region)
    {
        var cidr = stack.Namespaces.FirstOrDefault(n => n.LogicalId == ecs.ServiceConnectNamespaceLogicalId)?.VpcCidr;
        return Tasks(stack, ecs, cidr, null, region).Select(t => (t.Id, t.Attributes["AWS_INSTANCE_IPV4"]));
    }

    private static IEnumerable<(string Id, Dictionary<string, string> Attributes)> Tasks(StackTopology stack, EcsServiceInfo ecs, string? cidr, int? port, string region)
    {
        var serviceName = EcsServiceName(ecs);
        var count = TaskCount(ecs);
        if (count is < 0 or > InstancesPerService)
        {
            // Cloud Map holds at most 1,000 instances per service (not adjustable): ECS could never register more.
            throw new LocalDeployException($"ECS service '{serviceName}' of stack '{stack.Name}' asks for {count} tasks; a Cloud Map service holds 0-{InstancesPerService} instances, so there is nothing sensible to register");
        }

        var baseAddress = Network(cidr);
        var serviceIndex = stack.EcsServices.ToList().IndexOf(ecs);
        for (var task = 0; task < count; task++)
        {
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["AWS_INSTANCE_IPV4"] = Address(baseAddress, serviceIndex, task),
                ["AWS_INIT_HEALTH_STATUS"] = "HEALTHY",
                ["ECS_CLUSTER_NAME"] = ClusterName(stack, ecs),
                ["ECS_SERVICE_NAME"] = serviceName,
                ["ECS_TASK_DEFINITION_FAMILY"] = ecs.TaskFamily ?? serviceName,
                ["AVAILABILITY_ZONE"] = $"{region}{(task % 2 == 0 ? 'a' : 'b')}",
                ["REGION"] = region,
            };
            if (port is { } p)
            {
                attributes["AWS_INSTANCE_PORT"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            yield return (TaskId(stack.Name, ecs.LogicalId, task), attributes);
        }
    }

    private static JsonObject Definition(CloudMapServiceInfo cm)
    {
        var definition = new JsonObject();
        if (cm.DnsDiscovery)
        {
            definition["DnsConfig"] = new JsonObject
            {
                ["RoutingPolicy"] = cm.RoutingPolicy,
                ["DnsRecords"] = new JsonArray(cm.DnsRecords.Select(r => (JsonNode)new JsonObject { ["Type"] = r.Type, ["TTL"] = r.Ttl }).ToArray()),
            };
        }
        else
        {
            definition["Type"] = "HTTP";
        }

        if (cm.HealthCheck == HealthCheckKind.Custom)
        {
            definition["HealthCheckCustomConfig"] = new JsonObject { ["FailureThreshold"] = 1 };
        }
        else if (cm.HealthCheck == HealthCheckKind.Route53)
        {
            definition["HealthCheckConfig"] = new JsonObject { ["Type"] = "HTTP", ["ResourcePath"] = "/", ["FailureThreshold"] = 1 };
        }

        return definition;
    }

    /// <summary>A 32-hex-character id like an ECS task id, stable for the same stack, service and task number.</summary>
    private static string TaskId(string stack, string service, int task)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{stack}/{service}/{task}")))[..32];

    private static string FakeVpcId(string stack, string logicalId)
        => "vpc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{stack}/{logicalId}")))[..17];

    private static uint Network(string? cidr)
    {
        var text = cidr?.Split('/')[0];
        var bytes = Shared.Ipv4Text.Parse(text)?.GetAddressBytes() ?? [10, 0, 0, 0];
        return ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
    }

    private static string Address(uint network, int service, int task)
    {
        var value = network + (uint)(((service + 1) << 8) + 10 + task);
        return $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}";
    }

    private static string Literal(TemplateValue value, StackTopology stack, string what)
        => value.Literal ?? throw new LocalDeployException($"Stack '{stack.Name}': the name of {what} is decided by CloudFormation at deploy time ({value.Expression}); give it a literal name to deploy it locally.");
}
