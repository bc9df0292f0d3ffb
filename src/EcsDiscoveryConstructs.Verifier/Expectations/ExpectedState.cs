using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Verifier.Expectations;

/// <summary>A namespace the registry must hold.</summary>
public sealed record ExpectedNamespace(string Stack, string LogicalId, TemplateValue Name, NamespaceKind Kind, long? SoaTtl)
{
    /// <summary>The namespace id CloudFormation created, when the model carries it (the canary's does; a template has none before deploy).</summary>
    public string? Id { get; init; }
}

/// <summary>A Cloud Map service the registry must hold, and what its instances must look like.</summary>
/// <param name="Stack">The stack that declares it.</param>
/// <param name="Source">The template resource it comes from (a Cloud Map service, or the ECS service whose Service Connect endpoint creates it).</param>
/// <param name="Name">The service name.</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="DnsRecords">The DNS records; empty for API-only services.</param>
/// <param name="RoutingPolicy">The routing policy, for DNS services.</param>
/// <param name="HealthCheck">The health-check kind, or null when unknown (Service Connect services).</param>
/// <param name="MinInstances">The fewest instances to expect, or null when unknown.</param>
/// <param name="MaxInstances">The most instances to expect, or null when unknown.</param>
/// <param name="EcsServiceNames">The ECS services whose tasks register here (their <c>ECS_SERVICE_NAME</c>).</param>
/// <param name="ServiceConnect">True for the API-only service ECS creates for a Service Connect endpoint.</param>
public sealed record ExpectedService(
    string Stack,
    string Source,
    TemplateValue Name,
    ExpectedNamespace Namespace,
    IReadOnlyList<DnsRecordInfo> DnsRecords,
    string? RoutingPolicy,
    HealthCheckKind? HealthCheck,
    int? MinInstances,
    int? MaxInstances,
    IReadOnlyList<TemplateValue> EcsServiceNames,
    bool ServiceConnect)
{
    /// <summary>The Cloud Map service id CloudFormation created, when the model carries it (never for Service Connect services).</summary>
    public string? Id { get; init; }

    /// <summary>Instances the template registers itself; each one with a known id must be live with its known attributes.</summary>
    public IReadOnlyList<DeclaredInstance> DeclaredInstances { get; init; } = [];
}

/// <summary>Everything the registry must hold for the selected stacks.</summary>
public sealed record ExpectedState(IReadOnlyList<ExpectedNamespace> Namespaces, IReadOnlyList<ExpectedService> Services)
{
    /// <summary>Derives the expected state from stack topologies.</summary>
    public static ExpectedState From(IEnumerable<StackTopology> stacks)
    {
        var namespaces = new List<ExpectedNamespace>();
        var services = new List<ExpectedService>();
        foreach (var stack in stacks)
        {
            var byId = stack.Namespaces.ToDictionary(n => n.LogicalId, n => new ExpectedNamespace(stack.Name, n.LogicalId, n.Name, n.Kind, n.SoaTtl));
            namespaces.AddRange(byId.Values);
            foreach (var cm in stack.CloudMapServices.Where(c => c.NamespaceLogicalId is not null && byId.ContainsKey(c.NamespaceLogicalId)))
            {
                var registrants = stack.EcsServices.Where(e => e.RegistryServiceLogicalId == cm.LogicalId).ToList();
                var declared = stack.DeclaredInstances.GetValueOrDefault(cm.LogicalId);
                services.Add(new ExpectedService(
                    stack.Name,
                    cm.LogicalId,
                    cm.Name,
                    byId[cm.NamespaceLogicalId!],
                    cm.DnsRecords,
                    cm.RoutingPolicy,
                    cm.HealthCheck,
                    registrants.Count == 0 ? declared : Sum(registrants.Select(r => r.ExpectedMin)),
                    registrants.Count == 0 ? declared : Sum(registrants.Select(r => r.ExpectedMax)),
                    registrants.Select(r => r.Name).ToList(),
                    ServiceConnect: false)
                {
                    DeclaredInstances = stack.Instances.Where(i => i.ServiceLogicalId == cm.LogicalId).ToList(),
                });
            }

            foreach (var ecs in stack.EcsServices.Where(e => e.ServiceConnectNamespaceLogicalId is not null && byId.ContainsKey(e.ServiceConnectNamespaceLogicalId)))
            {
                foreach (var endpoint in ecs.Endpoints)
                {
                    services.Add(new ExpectedService(
                        stack.Name,
                        ecs.LogicalId,
                        new TemplateValue(endpoint.DiscoveryName ?? endpoint.PortName, null),
                        byId[ecs.ServiceConnectNamespaceLogicalId!],
                        [],
                        null,
                        null,
                        ecs.ExpectedMin,
                        ecs.ExpectedMax,
                        [ecs.Name],
                        ServiceConnect: true));
                }
            }
        }

        return new ExpectedState(namespaces, services);
    }

    private static int? Sum(IEnumerable<int?> counts)
    {
        var list = counts.ToList();
        return list.Any(c => c is null) ? null : list.Sum();
    }
}
