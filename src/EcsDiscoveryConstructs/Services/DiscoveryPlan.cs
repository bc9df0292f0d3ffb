using Amazon.CDK.AWS.ServiceDiscovery;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Services;

/// <summary>What a <see cref="DiscoverableFargateService"/> will create, with every default resolved, before anything is created.</summary>
internal sealed record DiscoveryPlan
{
    /// <summary>The suffix dual discovery gives Service Connect discovery names, as AWS Copilot does.</summary>
    public const string DualSuffix = "-sc";

    public required TaskShape Task { get; init; }

    /// <summary>The effective Cloud Map registration (the user's, or the one dual discovery derives).</summary>
    public CloudMapRegistrationOptions? CloudMap { get; init; }

    /// <summary>True when the registration creates its own Cloud Map service (in <see cref="CloudMapNamespace"/>).</summary>
    public bool CreatesCloudMapService => CloudMap is { ExistingService: null } && CloudMapNamespace is not null;

    public IDiscoveryNamespace? CloudMapNamespace { get; init; }

    public string? CloudMapName { get; init; }

    public DiscoveryRecordTypes CloudMapRecords { get; init; }

    /// <summary>The container and port ECS registers (SRV), when one is needed and can be resolved.</summary>
    public (string Container, int Port)? RegistryTarget { get; init; }

    public bool HasServiceConnect { get; init; }

    public IDiscoveryNamespace? ServiceConnectNamespace { get; init; }

    public IReadOnlyList<PlannedEndpoint> Endpoints { get; init; } = [];

    public int MaxTasks { get; init; }

    /// <summary>The autoscaling settings, from the props or a later <c>AutoScale</c> call.</summary>
    public TaskScalingOptions? Scaling { get; init; }

    /// <summary>Where <see cref="MaxTasks"/> comes from, as the user wrote it.</summary>
    public required string MaxTasksProperty { get; init; }

    /// <summary>True when tasks become Cloud Map instances (serviceRegistries or Service Connect endpoints).</summary>
    public bool Registers => CloudMap is not null || Endpoints.Count > 0;

    public static DiscoveryPlan Create(DiscoverableFargateServiceProps props, TaskShape task)
    {
        var sc = props.ServiceConnect;
        var scNamespace = sc is null ? null : sc.Namespace ?? ClusterNamespaces.DefaultOf(props.Cluster);
        var cloudMap = props.CloudMap;
        if (cloudMap is null && props.DualDiscovery && scNamespace is { NamespaceType: not NamespaceType.HTTP })
        {
            cloudMap = new CloudMapRegistrationOptions { Namespace = scNamespace };
        }

        // With no target at all, a registration creates its Cloud Map service in the cluster's default namespace, as
        // Service Connect defaults to it (aws-cdk's integ tests use it this way).
        var cmNamespace = cloudMap?.Namespace ?? cloudMap?.ExistingService?.Namespace
            ?? (cloudMap is not null ? ClusterNamespaces.DefaultOf(props.Cluster) : null);
        var cmName = cloudMap is null ? null : cloudMap.ExistingService?.ServiceName ?? cloudMap.Name ?? props.Name;
        var records = cloudMap is null ? DiscoveryRecordTypes.None
            : cloudMap.ExistingService?.DnsRecords
              ?? cloudMap.DnsRecords ?? (cmNamespace?.NamespaceType == NamespaceType.HTTP ? DiscoveryRecordTypes.None : DiscoveryRecordTypes.A);

        var dual = props.DualDiscovery;
        var endpoints = (sc?.Endpoints ?? []).Select((e, i) =>
        {
            var found = task.FindPortMapping(e.PortMappingName);
            var discovery = e.DiscoveryName ?? (i == 0 ? props.Name : $"{props.Name}-{e.PortMappingName}") + (dual && e.DiscoveryName is null ? DualSuffix : string.Empty);
            var nsName = scNamespace?.NamespaceName ?? string.Empty;
            // A derived alias is lower-cased (ECS accepts only lower-case aliases; DNS names are case-insensitive, so
            // 'Api.Apps.Example.com' and 'api.apps.example.com' are one name). Names holding tokens are left alone.
            var alias = e.DnsName ?? LowerCase(dual && i == 0 && cmName is not null ? $"{cmName}.{nsName}" : $"{discovery}.{nsName}");
            return new PlannedEndpoint(e, i, discovery, alias, e.Port ?? found?.Port.ContainerPort, found?.Port);
        }).ToList();

        return new DiscoveryPlan
        {
            Task = task,
            CloudMap = cloudMap,
            CloudMapNamespace = cmNamespace,
            CloudMapName = cmName,
            CloudMapRecords = records,
            RegistryTarget = records.HasFlag(DiscoveryRecordTypes.Srv) ? ResolveTarget(cloudMap!, task, endpoints) : null,
            HasServiceConnect = sc is not null,
            ServiceConnectNamespace = scNamespace,
            Endpoints = endpoints,
            Scaling = props.Scaling,
            MaxTasks = MostTasks(props.DesiredCount, props.Scaling).Count,
            MaxTasksProperty = MostTasks(props.DesiredCount, props.Scaling).Property,
        };
    }

    /// <summary>
    /// The most tasks the service can run, and the prop that sets it: the scaling maximum, or the desired count when
    /// it is higher (ECS starts that many tasks on deploy before autoscaling brings the count into range).
    /// </summary>
    public static (int Count, string Property) MostTasks(int desiredCount, TaskScalingOptions? scaling)
        => scaling is null || desiredCount > scaling.MaxCapacity ? (desiredCount, "DesiredCount") : (scaling.MaxCapacity, "Scaling.MaxCapacity");

    private static string LowerCase(string name) => TokenGuard.IsConcrete(name) ? name.ToLowerInvariant() : name;

    private static (string, int)? ResolveTarget(CloudMapRegistrationOptions cloudMap, TaskShape task, List<PlannedEndpoint> endpoints)
    {
        if (cloudMap.ContainerName is null && cloudMap.ContainerPort is null && endpoints.FirstOrDefault()?.Port is { } scPort)
        {
            var owner = task.Containers.First(c => c.Ports.Contains(scPort));
            return (owner.Name, scPort.ContainerPort);
        }

        return task.PickTarget(cloudMap.ContainerName, cloudMap.ContainerPort) is { } target ? (target.Container.Name, target.Port) : null;
    }
}
