using System.Text.RegularExpressions;
using EcsDiscoveryConstructs.Verifier.Checks.Registry;
using EcsDiscoveryConstructs.Verifier.CloudMap;
using EcsDiscoveryConstructs.Verifier.Ecs;
using EcsDiscoveryConstructs.Verifier.Expectations;

namespace EcsDiscoveryConstructs.Verifier.Checks;

/// <summary>What ECS says of the services registering into one Cloud Map service and of the tasks behind its instances.</summary>
/// <param name="Read">True when ECS answered (the ECS checks judge only then).</param>
/// <param name="Registrants">The ECS services ECS described.</param>
/// <param name="Missing">Template ECS services ECS does not know, each with why (<c>cluster/name: ...</c>).</param>
/// <param name="TaskStates">Per ECS-registered instance id whose task ECS was asked about: null while the task runs, else why it is stale.</param>
internal sealed record EcsFacts(bool Read, IReadOnlyList<EcsRegistrant> Registrants, IReadOnlyList<string> Missing, IReadOnlyDictionary<string, string?> TaskStates)
{
    /// <summary>Per ECS-registered instance id whose task ECS described: its task definition revision (<c>family:revision</c>).</summary>
    public IReadOnlyDictionary<string, string> Revisions { get; init; } = new Dictionary<string, string>();

    /// <summary>ECS was not read (no reader, no permission, a peer without ECS).</summary>
    public static EcsFacts None { get; } = new(false, [], [], new Dictionary<string, string?>());
}

/// <summary>
/// Reads what ECS says of one Cloud Map service's registrants, with the fewest calls: per cluster one DescribeServices
/// (10 services a call) for the template's ECS services (cluster and name, once known) and those the instances name
/// (<c>ECS_CLUSTER_NAME</c>, <c>ECS_SERVICE_NAME</c>); per service one ListServiceDeployments (the last day's, for a
/// blue/green bake or a rollback); for a service running fewer tasks than it wants or with failed
/// tasks, one ListTasks (STOPPED, one page) and one DescribeTasks for why they stopped; and one DescribeTasks per 100
/// ECS-registered instances (the instance id is the task id) to find registrations whose task stopped or is gone.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServices.html (failures reason MISSING;
/// ClusterNotFoundException); https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html (up to 100 task
/// ids or ARNs; a task ECS no longer knows is a MISSING failure: stopped tasks are kept for at least an hour);
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-errors.html (stopCode, stoppedReason, container reason).
/// </remarks>
internal sealed partial class EcsFactsReader(IEcsReader ecs)
{
    /// <summary>How far back a service deployment counts: a rollback older than this is judged by what runs now.</summary>
    public static readonly TimeSpan ServiceDeploymentHistory = TimeSpan.FromHours(24);

    /// <summary>How many of a service's most recent stopped tasks a cause quotes.</summary>
    public const int StoppedTasksShown = 3;

    /// <summary>Reads the facts; ECS that cannot be read (other than a cluster that does not exist) gives <see cref="EcsFacts.None"/>.</summary>
    public async Task<EcsFacts> ReadAsync(ExpectedService service, IReadOnlyList<LiveInstance> instances, CancellationToken cancellationToken)
    {
        var names = service.EcsServiceNames.Where(n => n.IsResolved).Select(n => n.Literal!).ToHashSet(StringComparer.Ordinal);
        var pairs = new Dictionary<(string Cluster, string Name), ExpectedEcsService?>();
        foreach (var expected in service.EcsServices)
        {
            if (expected.Known is { } known)
            {
                pairs[known] = expected;
            }
        }

        foreach (var instance in instances)
        {
            if (instance.Attributes.GetValueOrDefault("ECS_CLUSTER_NAME") is { Length: > 0 } cluster && instance.Attributes.GetValueOrDefault("ECS_SERVICE_NAME") is { } name && names.Contains(name))
            {
                pairs.TryAdd((cluster, name), null);
            }
        }

        try
        {
            var registrants = new List<EcsRegistrant>();
            var missing = new List<string>();
            var read = false;
            foreach (var cluster in pairs.Keys.Select(p => p.Cluster).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var wanted = pairs.Keys.Where(p => p.Cluster == cluster).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                EcsDescribed<EcsService> described;
                try
                {
                    described = await ecs.DescribeServicesAsync(cluster, wanted, cancellationToken).ConfigureAwait(false);
                }
                catch (EcsException e) when (e.Code == "ClusterNotFoundException")
                {
                    read = true;
                    missing.AddRange(wanted.Where(n => pairs[(cluster, n)] is not null).Select(n => $"{cluster}/{n}: cluster '{cluster}' does not exist"));
                    continue;
                }

                read = true;
                foreach (var found in described.Items.Where(s => wanted.Contains(s.Name)).DistinctBy(s => s.Name, StringComparer.Ordinal))
                {
                    var window = DeploymentWindow.Of(found, await LatestServiceDeploymentAsync(cluster, found.Name, cancellationToken).ConfigureAwait(false));
                    var stopped = Struggling(found, window) ? await StoppedTasksAsync(cluster, found.Name, cancellationToken).ConfigureAwait(false) : [];
                    registrants.Add(new EcsRegistrant(cluster, found.Name, window, found) { Expected = pairs[(cluster, found.Name)], StoppedTasks = stopped });
                }

                foreach (var name in wanted.Where(n => pairs[(cluster, n)] is not null && described.Items.All(s => s.Name != n)))
                {
                    var failure = described.Failures.FirstOrDefault(f => f.Arn is { } arn && (arn == name || arn.EndsWith($"/{name}", StringComparison.Ordinal)));
                    missing.Add($"{cluster}/{name}: ECS does not know it ({failure?.Reason ?? "MISSING"})");
                }
            }

            var (tasks, revisions) = await TaskStatesAsync(instances, cancellationToken).ConfigureAwait(false);
            return new EcsFacts(read || tasks.Count > 0, registrants, missing, tasks) { Revisions = revisions };
        }
        catch (EcsException)
        {
            // Not readable here (no permission, throttled past the retries): judged as without ECS.
            return EcsFacts.None;
        }
    }

    /// <summary>
    /// The service's newest service deployment of the last <see cref="ServiceDeploymentHistory"/> (one ListServiceDeployments
    /// page): a blue/green bake or a rollback that the service's deployments list does not show; null when there is none
    /// or it cannot be read (an older policy without ecs:ListServiceDeployments, a peer without the call, a failure).
    /// </summary>
    private async Task<EcsServiceDeployment?> LatestServiceDeploymentAsync(string cluster, string service, CancellationToken cancellationToken)
    {
        try
        {
            var recent = await ecs.ListServiceDeploymentsAsync(cluster, service, DateTimeOffset.UtcNow - ServiceDeploymentHistory, cancellationToken).ConfigureAwait(false);
            return recent.OrderByDescending(d => d.CreatedAt ?? DateTimeOffset.MinValue).FirstOrDefault();
        }
        catch (EcsException)
        {
            // Optional: without it (no permission, an ECS that does not have the call) the service's deployments list decides.
            return null;
        }
    }

    /// <summary>True when ECS runs fewer tasks than the service wants, tasks failed, or a deployment failed: why tasks stopped explains it.</summary>
    private static bool Struggling(EcsService service, DeploymentWindow window)
        => service.RunningCount < service.DesiredCount || service.Deployments.Any(d => d.FailedTasks > 0) || window.Failure is not null;

    /// <summary>The service's most recent stopped tasks, newest first (one page of ListTasks, one DescribeTasks).</summary>
    private async Task<IReadOnlyList<EcsTask>> StoppedTasksAsync(string cluster, string service, CancellationToken cancellationToken)
    {
        var arns = await ecs.ListTasksAsync(cluster, service, "STOPPED", EcsClient.TasksPerCall, cancellationToken).ConfigureAwait(false);
        if (arns.Count == 0)
        {
            return [];
        }

        var described = await ecs.DescribeTasksAsync(cluster, arns, cancellationToken).ConfigureAwait(false);
        return [.. described.Items.OrderByDescending(t => t.StoppedAt ?? DateTimeOffset.MinValue).ThenBy(t => t.Arn, StringComparer.Ordinal).Take(StoppedTasksShown)];
    }

    /// <summary>
    /// Per ECS-registered instance (an instance naming a cluster whose id is a task id), null while ECS runs its task,
    /// else why the registration is stale: the task STOPPED (with ECS's reason), ECS does not know it, or its cluster is gone.
    /// </summary>
    private async Task<(Dictionary<string, string?> States, Dictionary<string, string> Revisions)> TaskStatesAsync(IReadOnlyList<LiveInstance> instances, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, string?>(StringComparer.Ordinal);
        var revisions = new Dictionary<string, string>(StringComparer.Ordinal);
        var byCluster = instances
            .Where(i => TaskId().IsMatch(i.Id) && i.Attributes.GetValueOrDefault("ECS_CLUSTER_NAME") is { Length: > 0 })
            .GroupBy(i => i.Attributes["ECS_CLUSTER_NAME"], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byCluster)
        {
            var ids = group.Select(i => i.Id).Distinct(StringComparer.Ordinal).ToList();
            EcsDescribed<EcsTask> described;
            try
            {
                described = await ecs.DescribeTasksAsync(group.Key, ids, cancellationToken).ConfigureAwait(false);
            }
            catch (EcsException e) when (e.Code == "ClusterNotFoundException")
            {
                ids.ForEach(id => states[id] = $"its cluster '{group.Key}' does not exist");
                continue;
            }

            var byId = described.Items.DistinctBy(t => TaskIdOf(t.Arn), StringComparer.Ordinal).ToDictionary(t => TaskIdOf(t.Arn), StringComparer.Ordinal);
            foreach (var (id, definition) in byId.Where(t => t.Value.TaskDefinitionArn is not null).Select(t => (t.Key, t.Value.TaskDefinitionArn!)))
            {
                revisions[id] = definition[(definition.LastIndexOf('/') + 1)..];
            }

            foreach (var id in ids)
            {
                states[id] = byId.TryGetValue(id, out var task)
                    ? task.LastStatus == "STOPPED" ? $"its task STOPPED{Why(task)}" : null
                    : $"ECS does not know its task in cluster '{group.Key}' ({described.Failures.FirstOrDefault(f => f.Arn is { } arn && TaskIdOf(arn) == id)?.Reason ?? "MISSING"})";
            }
        }

        return (states, revisions);
    }

    /// <summary>A task's stop code and reason, on one line.</summary>
    internal static string Why(EcsTask task)
    {
        var parts = new[] { task.StopCode, task.StoppedReason }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Redaction.Redactor.Shown(p!)).ToList();
        return parts.Count == 0 ? string.Empty : $" ({string.Join(": ", parts)})";
    }

    private static string TaskIdOf(string arn) => arn[(arn.LastIndexOf('/') + 1)..];

    /// <summary>An ECS task id: 32 lowercase hexadecimal characters (the last part of a task ARN in the long format).</summary>
    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex TaskId();
}
