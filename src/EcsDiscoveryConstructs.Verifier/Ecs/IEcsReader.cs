namespace EcsDiscoveryConstructs.Verifier.Ecs;

/// <summary>What the verifier reads from ECS. Every call throws <see cref="EcsException"/> when ECS cannot be read.</summary>
internal interface IEcsReader
{
    /// <summary>Describes clusters by name or ARN.</summary>
    Task<EcsDescribed<EcsCluster>> DescribeClustersAsync(IReadOnlyList<string> clusters, CancellationToken cancellationToken);

    /// <summary>Describes services of <paramref name="cluster"/> by name or ARN.</summary>
    Task<EcsDescribed<EcsService>> DescribeServicesAsync(string cluster, IReadOnlyList<string> services, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the task ARNs of <paramref name="cluster"/>, of one service when <paramref name="serviceName"/> is given,
    /// RUNNING (default) or STOPPED; pages stop once <paramref name="limit"/> ARNs are read.
    /// </summary>
    Task<IReadOnlyList<string>> ListTasksAsync(string cluster, string? serviceName, string? desiredStatus, int limit, CancellationToken cancellationToken);

    /// <summary>Describes tasks of <paramref name="cluster"/> by ARN.</summary>
    Task<EcsDescribed<EcsTask>> DescribeTasksAsync(string cluster, IReadOnlyList<string> tasks, CancellationToken cancellationToken);

    /// <summary>Describes a task definition by family, family:revision or ARN.</summary>
    Task<EcsTaskDefinition> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken);

    /// <summary>Lists a service's deployments (the service deployments ECS keeps for it), those created after <paramref name="createdAfter"/> when given.</summary>
    Task<IReadOnlyList<EcsServiceDeployment>> ListServiceDeploymentsAsync(string cluster, string service, DateTimeOffset? createdAfter, CancellationToken cancellationToken);

    /// <summary>Describes service deployments by ARN.</summary>
    Task<EcsDescribed<EcsServiceDeployment>> DescribeServiceDeploymentsAsync(IReadOnlyList<string> serviceDeploymentArns, CancellationToken cancellationToken);
}
