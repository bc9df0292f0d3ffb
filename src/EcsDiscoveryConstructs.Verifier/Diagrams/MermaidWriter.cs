using System.Text;
using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Verifier.Diagrams;

/// <summary>Draws a stack's discovery topology as a Mermaid flowchart: who discovers whom, by which mode and port.</summary>
internal static class MermaidWriter
{
    /// <summary>One flowchart for <paramref name="stack"/>.</summary>
    public static string Flowchart(StackTopology stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var text = new StringBuilder("flowchart LR\n");
        var groups = stack.Namespaces.Select(ns => (Key: ns.LogicalId, Node: ns.LogicalId, Label: $"{ns.Name} · {Kind(ns.Kind)}{(ns.SoaTtl is { } soa ? $" · SOA TTL {soa}s" : string.Empty)}"))
            .Concat(stack.ImportedNamespaces.Select(ns => (ns.Key, Node: "imported_" + ns.Id.Replace('-', '_'), Label: $"{ns.Id} · {(ns.OwnerAccount is { } owner ? $"shared by account {owner}" : "imported")}")));
        foreach (var (key, node, label) in groups)
        {
            text.Append($"  subgraph {node}[\"{Escape(label)}\"]\n");
            foreach (var service in stack.CloudMapServices.Where(c => c.NamespaceLogicalId == key))
            {
                text.Append($"    {service.LogicalId}[[\"{Escape(service.Name.ToString())} · {Describe(service)}\"]]\n");
            }

            foreach (var (ecs, endpoint, index) in Endpoints(stack).Where(e => e.Ecs.ServiceConnectNamespaceLogicalId == key))
            {
                text.Append($"    {ecs.LogicalId}_sc{index}([\"{Escape(endpoint.DiscoveryName ?? endpoint.PortName)} · alias {Escape(endpoint.DnsName?.ToString() ?? "?")}:{endpoint.Port}\"])\n");
            }

            text.Append("  end\n");
        }

        foreach (var ecs in stack.EcsServices)
        {
            var strategy = ecs.DeploymentStrategy is { } s and not "ROLLING" ? $" · {Escape(s)}" : string.Empty;
            var lattice = ecs.LatticeTargets > 0 ? $" · VPC Lattice ({ecs.LatticeTargets})" : string.Empty;
            text.Append($"  {ecs.LogicalId}(\"ECS {Escape(ecs.Name.ToString())} · {Tasks(ecs)}{strategy}{lattice}\")\n");
        }

        foreach (var ecs in stack.EcsServices)
        {
            if (ecs.RegistryServiceLogicalId is { } registry)
            {
                text.Append($"  {ecs.LogicalId} -- registers --> {registry}\n");
            }

            foreach (var (_, _, index) in Endpoints(stack).Where(e => e.Ecs == ecs))
            {
                text.Append($"  {ecs.LogicalId} -- serves --> {ecs.LogicalId}_sc{index}\n");
            }
        }

        foreach (var connection in stack.Connections)
        {
            text.Append($"  {connection.FromLogicalId} == \"{Mode(connection.Kind)} :{connection.Port}\" ==> {connection.ToLogicalId}\n");
        }

        foreach (var canary in stack.Canaries)
        {
            text.Append($"  {canary.LogicalId}{{{{\"discovery canary · {Escape(canary.Schedule ?? "unscheduled")}{(canary.Alarmed ? " · alarm on failed checks" : string.Empty)}\"}}}}\n");
            foreach (var ns in canary.NamespaceLogicalIds)
            {
                text.Append($"  {canary.LogicalId} -. checks registry and DNS .-> {ns}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>A Markdown section per stack, each with a <c>mermaid</c> code block (GitHub renders them).</summary>
    public static string Markdown(IEnumerable<StackTopology> stacks)
        => string.Join("\n", stacks.Select(s => $"## {s.Name}\n\n```mermaid\n{Flowchart(s)}```\n"));

    private static IEnumerable<(EcsServiceInfo Ecs, ServiceConnectEndpointInfo Endpoint, int Index)> Endpoints(StackTopology stack)
        => stack.EcsServices.SelectMany(e => e.Endpoints.Select((endpoint, i) => (e, endpoint, i)));

    private static string Describe(CloudMapServiceInfo service)
    {
        var records = service.DnsDiscovery
            ? $"{string.Join("+", service.DnsRecords.Select(r => r.Type))} TTL {service.DnsRecords[0].Ttl}s · {service.RoutingPolicy}"
            : "API only";
        var health = service.HealthCheck switch
        {
            HealthCheckKind.Custom => "custom health",
            HealthCheckKind.Route53 => "Route 53 health",
            _ => "no health check",
        };
        return $"{records} · {health}";
    }

    private static string Tasks(EcsServiceInfo ecs)
        => ecs.MinTasks is { } min && ecs.MaxTasks is { } max ? $"{min}-{max} tasks" : ecs.DesiredCount is { } n ? $"{n} task{(n == 1 ? string.Empty : "s")}" : "tasks: unresolved";

    private static string Kind(NamespaceKind kind) => kind switch
    {
        NamespaceKind.PrivateDns => "private DNS",
        NamespaceKind.PublicDns => "public DNS",
        _ => "HTTP",
    };

    private static string Mode(ConnectionKind kind) => kind switch
    {
        ConnectionKind.ServiceConnect => "Service Connect",
        ConnectionKind.Dns => "DNS",
        ConnectionKind.CloudMapApi => "Cloud Map API",
        _ => "network",
    };

    private static string Escape(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
