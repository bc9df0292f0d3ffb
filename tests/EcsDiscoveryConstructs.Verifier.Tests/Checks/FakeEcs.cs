using EcsDiscoveryConstructs.Verifier.Ecs;

namespace EcsDiscoveryConstructs.Verifier.Tests.Checks;

/// <summary>
/// An ECS that answers from memory as ECS documents it: DescribeServices from <see cref="Services"/> (MISSING failures
/// for the others), ListTasks STOPPED and DescribeTasks from <see cref="Tasks"/> (MISSING for unknown ids), a
/// ClusterNotFoundException for a cluster in <see cref="MissingClusters"/>; it records every call.
/// </summary>
internal sealed class FakeEcs(params EcsService[] services) : IEcsReader
{
    private readonly bool throws;

    public FakeEcs(bool throws)
        : this()
        => this.throws = throws;

    public List<EcsService> Services { get; } = [.. services];

    /// <summary>Tasks by cluster.</summary>
    public Dictionary<string, List<EcsTask>> Tasks { get; } = new(StringComparer.Ordinal);

    public HashSet<string> MissingClusters { get; } = new(StringComparer.Ordinal);

    /// <summary>An error code ListServiceDeployments fails with, or null.</summary>
    public string? ServiceDeploymentsFailWith { get; init; }

    /// <summary>An error code every call fails with (e.g. <c>ConnectionFailed</c>), or null.</summary>
    public string? FailWith { get; init; }

    /// <summary>What DescribeServices was asked: <c>cluster: name,name</c>.</summary>
    public List<string> Asked { get; } = [];

    /// <summary>Every call: <c>Operation cluster</c>.</summary>
    public List<string> Calls { get; } = [];

    public Task<EcsDescribed<EcsService>> DescribeServicesAsync(string cluster, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        Asked.Add($"{cluster}: {string.Join(",", names)}");
        Call("DescribeServices", cluster);
        return Task.FromResult(new EcsDescribed<EcsService>(
            [.. Services.Where(s => names.Contains(s.Name) && (s.ClusterArn is null || s.ClusterArn.EndsWith($"/{cluster}", StringComparison.Ordinal)))],
            [.. names.Where(n => Services.All(s => s.Name != n)).Select(n => new EcsFailure($"arn:aws:ecs:us-east-1:123456789012:service/{cluster}/{n}", "MISSING", null))]));
    }

    public Task<IReadOnlyList<string>> ListTasksAsync(string cluster, string? serviceName, string? desiredStatus, int limit, CancellationToken cancellationToken)
    {
        Call("ListTasks", cluster);
        var status = desiredStatus ?? "RUNNING";
        return Task.FromResult<IReadOnlyList<string>>([.. Tasks.GetValueOrDefault(cluster, []).Where(t => t.StartedBy == serviceName && t.DesiredStatus == status).Select(t => t.Arn).Take(limit)]);
    }

    public Task<EcsDescribed<EcsTask>> DescribeTasksAsync(string cluster, IReadOnlyList<string> tasks, CancellationToken cancellationToken)
    {
        Call("DescribeTasks", cluster);
        var known = Tasks.GetValueOrDefault(cluster, []);
        bool Is(EcsTask t, string idOrArn) => t.Arn == idOrArn || t.Arn.EndsWith($"/{idOrArn}", StringComparison.Ordinal);
        return Task.FromResult(new EcsDescribed<EcsTask>(
            [.. known.Where(t => tasks.Any(id => Is(t, id)))],
            [.. tasks.Where(id => !known.Any(t => Is(t, id))).Select(id => new EcsFailure($"arn:aws:ecs:us-east-1:123456789012:task/{cluster}/{id}", "MISSING", null))]));
    }

    public List<EcsCluster> Clusters { get; } = [];

    /// <summary>Task definitions by ARN.</summary>
    public Dictionary<string, EcsTaskDefinition> TaskDefinitions { get; } = new(StringComparer.Ordinal);

    public Task<EcsDescribed<EcsCluster>> DescribeClustersAsync(IReadOnlyList<string> clusters, CancellationToken cancellationToken)
    {
        Call("DescribeClusters", string.Join(",", clusters));
        return Task.FromResult(new EcsDescribed<EcsCluster>(
            [.. Clusters.Where(c => clusters.Contains(c.Name) || clusters.Contains(c.Arn))],
            [.. clusters.Where(n => Clusters.All(c => c.Name != n && c.Arn != n)).Select(n => new EcsFailure($"arn:aws:ecs:us-east-1:123456789012:cluster/{n}", "MISSING", null))]));
    }

    public Task<EcsTaskDefinition> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken)
    {
        Call("DescribeTaskDefinition", taskDefinition);
        return TaskDefinitions.TryGetValue(taskDefinition, out var found) ? Task.FromResult(found) : throw new EcsException("DescribeTaskDefinition", "ClientException", "Unable to describe task definition.");
    }

    /// <summary>Service deployments by service name.</summary>
    public Dictionary<string, List<EcsServiceDeployment>> ServiceDeployments { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<EcsServiceDeployment>> ListServiceDeploymentsAsync(string cluster, string service, DateTimeOffset? createdAfter, CancellationToken cancellationToken)
    {
        Call("ListServiceDeployments", cluster);
        if (ServiceDeploymentsFailWith is not null)
        {
            throw new EcsException("ListServiceDeployments", ServiceDeploymentsFailWith, "Internal Server Error", System.Net.HttpStatusCode.InternalServerError);
        }

        return Task.FromResult<IReadOnlyList<EcsServiceDeployment>>([.. ServiceDeployments.GetValueOrDefault(service, []).Where(d => createdAfter is null || d.CreatedAt > createdAfter)]);
    }

    public Task<EcsDescribed<EcsServiceDeployment>> DescribeServiceDeploymentsAsync(IReadOnlyList<string> serviceDeploymentArns, CancellationToken cancellationToken) => throw new NotSupportedException();

    private void Call(string operation, string cluster)
    {
        Calls.Add($"{operation} {cluster}");
        if (throws)
        {
            throw new EcsException(operation, "AccessDeniedException", $"not authorized to perform: ecs:{operation}");
        }

        if (FailWith is not null)
        {
            throw new EcsException(operation, FailWith, "cannot reach ecs.us-east-1.amazonaws.com");
        }

        if (MissingClusters.Contains(cluster))
        {
            throw new EcsException(operation, "ClusterNotFoundException", "Cluster not found.");
        }
    }
}
