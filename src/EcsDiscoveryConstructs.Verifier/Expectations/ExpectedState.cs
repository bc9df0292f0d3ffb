using EcsDiscoveryConstructs.Verifier.Assembly;

namespace EcsDiscoveryConstructs.Verifier.Expectations;

/// <summary>A namespace the registry must hold.</summary>
internal sealed record ExpectedNamespace(string Stack, string LogicalId, TemplateValue Name, NamespaceKind Kind, long? SoaTtl)
{
    /// <summary>The namespace id CloudFormation created, once the deployed stack was read (a template has none before deploy); for an imported namespace, its literal id.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// True for a namespace the stack uses by id or ARN without creating it (imported, or shared by another account):
    /// it is found by <see cref="Id"/>, and its name and type are whatever the live one has.
    /// </summary>
    public bool Imported { get; init; }

    /// <summary>The account in the ARN of an imported namespace (its owner), when the template gives the ARN.</summary>
    public string? OwnerAccount { get; init; }
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
internal sealed record ExpectedService(
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

    /// <summary>The ECS services of the template whose tasks register here, with their clusters.</summary>
    public IReadOnlyList<ExpectedEcsService> EcsServices { get; init; } = [];

    /// <summary>The service-level attributes the template declares.</summary>
    public IReadOnlyDictionary<string, TemplateValue> ServiceAttributes { get; init; } = new Dictionary<string, TemplateValue>();
}

/// <summary>An ECS service of a template that registers for discovery: where ECS knows it, and what discovery it was deployed with.</summary>
/// <param name="Stack">The stack that declares it.</param>
/// <param name="LogicalId">Its logical id.</param>
/// <param name="Cluster">Its cluster's name; unresolved while CloudFormation names the cluster and the stack is not read.</param>
/// <param name="Name">Its name; unresolved while CloudFormation names it and the stack is not read.</param>
internal sealed record ExpectedEcsService(string Stack, string LogicalId, TemplateValue Cluster, TemplateValue Name)
{
    /// <summary>The logical id of the cluster whose physical id is its name, when CloudFormation names it.</summary>
    public string? ClusterLogicalId { get; init; }

    /// <summary>The logical ids of the Cloud Map services it registers into (<c>ServiceRegistries</c>).</summary>
    public IReadOnlyList<string> RegistryServiceLogicalIds { get; init; } = [];

    /// <summary>The ids of those Cloud Map services, when the deployed stack was read (by logical id).</summary>
    public IReadOnlyDictionary<string, string> RegistryServiceIds { get; init; } = new Dictionary<string, string>();

    /// <summary>True when it offers or uses Service Connect.</summary>
    public bool ServiceConnect { get; init; }

    /// <summary>Whether ECS Exec is on, when the template gives a literal.</summary>
    public bool? EnableExecuteCommand { get; init; }

    /// <summary>The cluster and service name, when both are known.</summary>
    public (string Cluster, string Name)? Known => Cluster.IsResolved && Name.IsResolved ? (Cluster.Literal!, Name.Literal!) : null;

    /// <summary>What a report calls it: <c>cluster/service</c>, with the logical id standing in for a name not known.</summary>
    public override string ToString() => $"{Cluster.Literal ?? ClusterLogicalId ?? "?"}/{Name.Literal ?? LogicalId}";

    /// <summary>The expectation of a template's ECS service.</summary>
    internal static ExpectedEcsService Of(string stack, EcsServiceInfo ecs)
        => new(stack, ecs.LogicalId, ecs.ClusterLogicalId is null ? new TemplateValue(ecs.Cluster, null) : new TemplateValue(null, $"{{\"Ref\":\"{ecs.ClusterLogicalId}\"}}"), ecs.Name)
        {
            ClusterLogicalId = ecs.ClusterLogicalId,
            RegistryServiceLogicalIds = ecs.RegistryServiceLogicalIds,
            ServiceConnect = ecs.ServiceConnectNamespaceLogicalId is not null || ecs.Endpoints.Count > 0,
            EnableExecuteCommand = ecs.EnableExecuteCommand,
        };
}

/// <summary>Everything the registry must hold for the selected stacks.</summary>
internal sealed record ExpectedState(IReadOnlyList<ExpectedNamespace> Namespaces, IReadOnlyList<ExpectedService> Services)
{
    /// <summary>The stacks' names as deployed (display name to CloudFormation stack name), for reading the deployed stacks.</summary>
    public IReadOnlyDictionary<string, string> DeployedStackNames { get; init; } = new Dictionary<string, string>();

    /// <summary>Derives the expected state from stack topologies.</summary>
    public static ExpectedState From(IEnumerable<StackTopology> stacks)
    {
        var namespaces = new List<ExpectedNamespace>();
        var services = new List<ExpectedService>();
        var deployedNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            deployedNames[stack.Name] = stack.DeployedName;
            var byId = stack.Namespaces.ToDictionary(n => n.LogicalId, n => new ExpectedNamespace(stack.Name, n.LogicalId, n.Name, n.Kind, n.SoaTtl));
            foreach (var imported in stack.ImportedNamespaces)
            {
                // Named by its id in reports; the kind is a placeholder: an imported namespace is matched by id and takes
                // the live one's name and type.
                byId[imported.Key] = new ExpectedNamespace(stack.Name, imported.Key, new TemplateValue(imported.Id, null), NamespaceKind.Http, null)
                {
                    Id = imported.Id,
                    Imported = true,
                    OwnerAccount = imported.OwnerAccount,
                };
            }

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
                    ServiceAttributes = cm.ServiceAttributes,
                    EcsServices = stack.EcsServices.Where(e => e.RegistryServiceLogicalIds.Contains(cm.LogicalId) || e.RegistryServiceLogicalId == cm.LogicalId).Select(e => ExpectedEcsService.Of(stack.Name, e)).ToList(),
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
                        ServiceConnect: true)
                    {
                        EcsServices = [ExpectedEcsService.Of(stack.Name, ecs)],
                    });
                }
            }
        }

        return new ExpectedState(namespaces, services) { DeployedStackNames = deployedNames };
    }

    private static int? Sum(IEnumerable<int?> counts)
    {
        var list = counts.ToList();
        return list.Any(c => c is null) ? null : list.Sum();
    }
}
