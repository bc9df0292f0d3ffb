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
public sealed class CanaryExpectations(string stackName, string? functionLogicalId)
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
        var source = $"The deployed template of stack '{topology.Name}'";
        return ScopeOf(topology.TemplateBody, functionLogicalId, source) is { } scope ? Scope(topology, scope) : topology;
    }

    /// <summary><paramref name="topology"/> narrowed to the logical ids of <paramref name="scope"/> (see <see cref="Scope(StackTopology, string)"/>).</summary>
    public static StackTopology Scope(StackTopology topology, IReadOnlySet<string> scope)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(scope);
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

    /// <summary>The logical ids the function's scope metadata names; null when the function has none.</summary>
    private static HashSet<string>? ScopeOf(string? templateBody, string functionLogicalId, string source)
    {
        if (templateBody is null)
        {
            return null;
        }

        try
        {
            var root = UntrustedJson.Object(UntrustedJson.Parse(templateBody, source), source, "the document")!;
            return ScopeOf(UntrustedJson.Object(root["Resources"], source, "Resources", optional: true), functionLogicalId, source);
        }
        catch (InputException e)
        {
            throw new AssemblyException(e.Message, e);
        }
    }

    /// <summary>The logical ids the scope metadata of <paramref name="functionLogicalId"/> among <paramref name="resources"/> names; null when it has none. Throws <see cref="InputException"/> for a malformed one.</summary>
    internal static HashSet<string>? ScopeOf(System.Text.Json.Nodes.JsonObject? resources, string functionLogicalId, string source)
    {
        var function = UntrustedJson.Object(resources?[functionLogicalId], source, $"Resources.{functionLogicalId}", optional: true)
            ?? throw new InputException($"{source} has no resource {functionLogicalId} (the canary's function)");
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
