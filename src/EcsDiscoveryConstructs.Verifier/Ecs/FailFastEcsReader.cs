namespace EcsDiscoveryConstructs.Verifier.Ecs;

/// <summary>
/// An ECS reader for one run that stops asking once ECS proved unreachable or unwell (a timeout, a connection failure,
/// throttling or a server error still there after the transport's retries) or refused the caller's credentials: every
/// later call throws the same error at once, so a run without a route to ECS, or against an ECS in trouble, costs one
/// failed call, not one per service.
/// </summary>
internal sealed class FailFastEcsReader(IEcsReader inner) : IEcsReader
{
    private EcsException? gaveUp;

    public Task<EcsDescribed<EcsCluster>> DescribeClustersAsync(IReadOnlyList<string> clusters, CancellationToken cancellationToken)
        => Guard(() => inner.DescribeClustersAsync(clusters, cancellationToken));

    public Task<EcsDescribed<EcsService>> DescribeServicesAsync(string cluster, IReadOnlyList<string> services, CancellationToken cancellationToken)
        => Guard(() => inner.DescribeServicesAsync(cluster, services, cancellationToken));

    public Task<IReadOnlyList<string>> ListTasksAsync(string cluster, string? serviceName, string? desiredStatus, int limit, CancellationToken cancellationToken)
        => Guard(() => inner.ListTasksAsync(cluster, serviceName, desiredStatus, limit, cancellationToken));

    public Task<EcsDescribed<EcsTask>> DescribeTasksAsync(string cluster, IReadOnlyList<string> tasks, CancellationToken cancellationToken)
        => Guard(() => inner.DescribeTasksAsync(cluster, tasks, cancellationToken));

    public Task<EcsTaskDefinition> DescribeTaskDefinitionAsync(string taskDefinition, CancellationToken cancellationToken)
        => Guard(() => inner.DescribeTaskDefinitionAsync(taskDefinition, cancellationToken));

    public Task<IReadOnlyList<EcsServiceDeployment>> ListServiceDeploymentsAsync(string cluster, string service, DateTimeOffset? createdAfter, CancellationToken cancellationToken)
        => Guard(() => inner.ListServiceDeploymentsAsync(cluster, service, createdAfter, cancellationToken), optional: true);

    public Task<EcsDescribed<EcsServiceDeployment>> DescribeServiceDeploymentsAsync(IReadOnlyList<string> serviceDeploymentArns, CancellationToken cancellationToken)
        => Guard(() => inner.DescribeServiceDeploymentsAsync(serviceDeploymentArns, cancellationToken));

    /// <summary>True for an error that every later call would meet too: transient after the retries, or the credentials refused.</summary>
    private static bool Lasting(EcsException e)
        => e.IsTransient || e.IsRefusedCredentials;

    /// <summary>Makes the call unless ECS was given up on; an <paramref name="optional"/> call's failure (one ECS may lack) gives nothing up.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> call, bool optional = false)
    {
        if (gaveUp is { } earlier)
        {
            throw earlier;
        }

        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (EcsException e) when (!optional && Lasting(e))
        {
            gaveUp = e;
            throw;
        }
    }
}
