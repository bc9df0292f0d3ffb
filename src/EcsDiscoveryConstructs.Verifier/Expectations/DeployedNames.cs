using EcsDiscoveryConstructs.Verifier.Assembly;
using EcsDiscoveryConstructs.Verifier.CloudFormation;

namespace EcsDiscoveryConstructs.Verifier.Expectations;

/// <summary>
/// The names and ids a template leaves to CloudFormation (generated cluster and ECS service names, namespace and Cloud
/// Map service ids), read from the deployed stacks' resources, never guessed: a stack that is not deployed, or cannot be
/// read, leaves its values unresolved, and the checks that need them skip as before deployment.
/// </summary>
/// <remarks>
/// Physical ids (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-cluster.html and
/// siblings, "Ref" return values): <c>AWS::ECS::Cluster</c> its name; <c>AWS::ECS::Service</c> its ARN
/// (<c>arn:aws:ecs:region:account:service/cluster/name</c>, or the older <c>service/name</c>); the Cloud Map namespaces and
/// <c>AWS::ServiceDiscovery::Service</c> their ids.
/// </remarks>
internal static class DeployedNames
{
    /// <summary>
    /// Reads every stack of <paramref name="expected"/> with <paramref name="reader"/> and returns the state with what
    /// they resolve, and for each stack that could not be read, why (e.g. not deployed, access denied).
    /// </summary>
    public static async Task<(ExpectedState State, IReadOnlyList<string> Unread)> ReadAsync(ExpectedState expected, ICloudFormationReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(reader);
        var resources = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var unread = new List<string>();
        foreach (var (stack, deployedName) in expected.DeployedStackNames.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            try
            {
                var listed = await reader.ListStackResourcesAsync(deployedName, cancellationToken).ConfigureAwait(false);
                resources[stack] = listed.Where(r => r.PhysicalId is not null).DistinctBy(r => r.LogicalId, StringComparer.Ordinal).ToDictionary(r => r.LogicalId, r => r.PhysicalId!, StringComparer.Ordinal);
            }
            catch (CloudFormationException e)
            {
                unread.Add(e.IsMissingStack ? $"stack '{deployedName}' is not deployed" : $"stack '{deployedName}': {Redaction.Redactor.Shown(e.Message)}");
            }
        }

        return (Resolve(expected, resources), unread);
    }

    /// <summary>The state with what the stacks' physical ids (stack display name to logical id to physical id) resolve.</summary>
    public static ExpectedState Resolve(ExpectedState expected, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> physicalIds)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(physicalIds);
        string? Physical(string stack, string? logicalId)
            => logicalId is not null && physicalIds.TryGetValue(stack, out var ids) && ids.TryGetValue(logicalId, out var id) ? id : null;

        var namespaces = expected.Namespaces.ToDictionary(n => n, n => n with { Id = n.Id ?? Physical(n.Stack, n.LogicalId) });
        ExpectedEcsService Ecs(ExpectedEcsService e) => e with
        {
            Cluster = e.Cluster.IsResolved || Physical(e.Stack, e.ClusterLogicalId) is not { } cluster ? e.Cluster : new TemplateValue(cluster, null),
            Name = e.Name.IsResolved || Physical(e.Stack, e.LogicalId) is not { } arn ? e.Name : new TemplateValue(arn[(arn.LastIndexOf('/') + 1)..], null),
            RegistryServiceIds = e.RegistryServiceLogicalIds.Select(r => (r, Id: Physical(e.Stack, r))).Where(r => r.Id is not null).ToDictionary(r => r.r, r => r.Id!, StringComparer.Ordinal),
        };

        var services = expected.Services.Select(s =>
        {
            var ecs = s.EcsServices.Select(Ecs).ToList();
            return s with
            {
                Namespace = namespaces[s.Namespace],
                Id = s.Id ?? (s.ServiceConnect ? null : Physical(s.Stack, s.Source)),
                EcsServices = ecs,
                EcsServiceNames = ecs.Count == 0 ? s.EcsServiceNames : ecs.Select(e => e.Name).ToList(),
            };
        }).ToList();
        return expected with { Namespaces = [.. namespaces.Values], Services = services };
    }
}
