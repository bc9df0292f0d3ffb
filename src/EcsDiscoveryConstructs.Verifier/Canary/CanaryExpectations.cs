using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudFormation;
using EcsDiscoveryConstructs.Verifier.Expectations;
using EcsDiscoveryConstructs.Verifier.Input;

namespace EcsDiscoveryConstructs.Verifier.Canary;

/// <summary>
/// What a canary must find, derived at run time from its own deployed stack the way <c>verify</c> derives it from an
/// assembly: the processed template (<see cref="DeployedTemplates"/>, read again only after a stack update), narrowed to
/// the canary's scope, then the physical ids of the stack's resources (<see cref="DeployedNames"/>). No model travels
/// in the function's environment, so nothing limits how many services a canary checks.
/// </summary>
/// <param name="stackName">The canary's stack.</param>
/// <param name="functionLogicalId">The canary function's logical id: its resource's <see cref="ScopeMetadata"/> names the resources it checks; null (or no metadata): the whole stack.</param>
internal sealed class CanaryExpectations(string stackName, string? functionLogicalId)
{
    /// <summary>The metadata key on the canary function's resource: <c>{"version":1,"resources":[logical ids]}</c>.</summary>
    public const string ScopeMetadata = "EcsDiscovery::CanaryScope";

    private readonly DeployedTemplates templates = new();

    /// <summary>How many templates were fetched so far (one per stack update).</summary>
    public int TemplatesRead => templates.TemplatesRead;

    /// <summary>
    /// The expected state now. Throws <see cref="CloudFormationException"/> when the stack cannot be read and
    /// <see cref="AssemblyException"/> when its template or the scope metadata cannot be read.
    /// </summary>
    /// <param name="reader">This run's CloudFormation reader (DescribeStacks, GetTemplate, ListStackResources on the stack).</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<ExpectedState> ReadAsync(ICloudFormationReader reader, CancellationToken cancellationToken)
    {
        var topology = await templates.ReadAsync(reader, stackName, cancellationToken).ConfigureAwait(false);
        var scoped = functionLogicalId is null ? topology : Scope(topology, functionLogicalId);
        var (state, _) = await DeployedNames.ReadAsync(ExpectedState.From([scoped]), reader, cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <summary>
    /// <paramref name="topology"/> narrowed to the resources the function's scope metadata names: those Cloud Map
    /// services and ECS services, the namespaces they use or the scope holds, and the template's instances of the kept
    /// services. An ECS service outside the scope that registers into a kept Cloud Map service stays for its task count,
    /// without its Service Connect endpoints. Without metadata: the whole stack.
    /// </summary>
    public static StackTopology Scope(StackTopology topology, string functionLogicalId)
    {
        ArgumentNullException.ThrowIfNull(topology);
        // The template reader found the canary functions and read their scope metadata (one parse of the template).
        var canary = topology.Canaries.FirstOrDefault(c => c.LogicalId == functionLogicalId)
            ?? throw new AssemblyException($"The deployed template of stack '{topology.Name}' has no resource {functionLogicalId} (the canary's function)");
        return canary.Scope is { } scope ? Scope(topology, scope) : topology;
    }

    /// <summary><paramref name="topology"/> narrowed to the logical ids of <paramref name="scopeIds"/> (see <see cref="Scope(StackTopology, string)"/>).</summary>
    public static StackTopology Scope(StackTopology topology, IEnumerable<string> scopeIds)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(scopeIds);
        var scope = scopeIds.ToHashSet(StringComparer.Ordinal);
        var cloudMap = topology.CloudMapServices.Where(c => scope.Contains(c.LogicalId)).ToList();
        var kept = cloudMap.Select(c => c.LogicalId).ToHashSet(StringComparer.Ordinal);
        var ecs = topology.EcsServices
            .Select(e => scope.Contains(e.LogicalId) ? e
                : e.RegistryServiceLogicalIds.Append(e.RegistryServiceLogicalId).Any(r => r is not null && kept.Contains(r)) ? e with { Endpoints = [], ServiceConnectNamespaceLogicalId = null }
                : null)
            .OfType<EcsServiceInfo>().ToList();
        var used = cloudMap.Select(c => c.NamespaceLogicalId).Concat(ecs.Select(e => e.ServiceConnectNamespaceLogicalId)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return topology with
        {
            Namespaces = [.. topology.Namespaces.Where(n => scope.Contains(n.LogicalId) || used.Contains(n.LogicalId))],
            CloudMapServices = cloudMap,
            EcsServices = ecs,
            Instances = [.. topology.Instances.Where(i => kept.Contains(i.ServiceLogicalId))],
            ImportedNamespaces = [.. topology.ImportedNamespaces.Where(n => used.Contains(n.Key))],
        };
    }

    /// <summary>The logical ids, in order, the scope metadata of the canary function <paramref name="function"/> names; null when it has none. Throws <see cref="InputException"/> for a malformed one.</summary>
    internal static List<string>? ScopeOf(System.Text.Json.Nodes.JsonObject function, string functionLogicalId, string source)
    {
        var path = $"Resources.{functionLogicalId}.Metadata.{ScopeMetadata}";
        if (UntrustedJson.Object(UntrustedJson.Object(function["Metadata"], source, $"Resources.{functionLogicalId}.Metadata", optional: true)?[ScopeMetadata], source, path, optional: true) is not { } scope)
        {
            return null;
        }

        if (scope["version"] is not System.Text.Json.Nodes.JsonValue v || !v.TryGetValue<int>(out var version) || version != 1)
        {
            throw new InputException($"{source}: {path}.version is {scope["version"]?.ToJsonString() ?? "missing"}, expected 1");
        }

        return [.. UntrustedJson.Array(scope["resources"], source, $"{path}.resources").Select((id, i) => UntrustedJson.String(id, source, $"{path}.resources[{i}]") ?? throw new InputException($"{source}: {path}.resources[{i}] is null"))];
    }
}
