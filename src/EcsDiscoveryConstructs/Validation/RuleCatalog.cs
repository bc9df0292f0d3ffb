using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.Validation.Rules;

namespace EcsDiscoveryConstructs.Validation;

/// <summary>Every validation rule of the library, in the order they run. docs/validation-rules.md is generated from it.</summary>
public static class RuleCatalog
{
    private static readonly DescriptionLength Description = new();
    private static readonly TagsFormat Tags = new();

    /// <summary>Rules run against namespace props and imported namespace attributes.</summary>
    internal static IReadOnlyList<IPropsRule<NamespaceSpec>> NamespaceRules { get; } =
    [
        new NamespaceName(),
        new PrivateNamespaceVpc(),
        new NamespaceImportAttributes(),
        new SoaTtlRange(),
        new SoaTtlLong(),
        Description,
        Tags,
    ];

    /// <summary>Rules run by <c>ShareWith</c> on a namespace.</summary>
    internal static IReadOnlyList<IPropsRule<NamespaceShareSpec>> NamespaceShareRules { get; } =
    [
        new NamespaceShareOnce(),
        new NamespaceSharePrincipals(),
        new NamespaceShareDns(),
    ];

    /// <summary>Rules run against discovery-service props.</summary>
    internal static IReadOnlyList<IPropsRule<DiscoveryServiceSpec>> DiscoveryServiceRules { get; } =
    [
        new ServiceName(),
        new ServiceDnsNameLength(),
        Description,
        new HttpNamespaceDnsDiscovery(),
        new ApiOnlyDnsSettings(),
        new RecordTypes(),
        new DnsTtlRange(),
        new DnsTtlLong(),
        new DnsTtlZero(),
        new CnameRouting(),
        new CnameRoute53HealthCheck(),
        new LoadBalancerAlias(),
        new SingleHealthCheck(),
        new Route53HealthCheckPrivateDns(),
        new Route53HealthCheckTcpPath(),
        new Route53HealthCheckPath(),
        new Route53HealthCheckThreshold(),
        new CustomHealthCheckThreshold(),
        new NoHealthCheck(),
        new ServiceAttributesLimits(),
        new SharedNamespaceDns(),
        Tags,
    ];

    /// <summary>Rules run against discoverable Fargate service props.</summary>
    internal static IReadOnlyList<IPropsRule<FargateServiceSpec>> FargateServiceRules { get; } =
    [
        new EcsServiceName(),
        new TaskSource(),
        new CloudMapTarget(),
        new EcsRecordTypes(),
        new SrvTarget(),
        new ServiceConnectNamespace(),
        new PortMappingName(),
        new DiscoveryNameFormat(),
        new ClientAliasFormat(),
        new PerRequestTimeoutTcp(),
        new ServiceConnectTimeouts(),
        new ServiceConnectTimeoutOrder(),
        new ServiceConnectProxySettings(),
        new TlsAuthorityArn(),
        new DualDiscoverySetup(),
        new NamespaceVpc(),
        new PublicNamespacePrivateIps(),
        new FargateTaskSize(),
        new DesiredCountRange(),
        new DeploymentHealthyPercent(),
        new DeploymentDiscoveryGap(),
        new DeploymentStrategySettings(),
        new DeploymentCircuitBreakerStrategy(),
        new DeploymentTrafficPath(),
        new DeploymentDnsRevisions(),
        new TestTrafficRule(),
        new LifecycleHookStages(),
        new LifecycleHookDetails(),
        new VpcLatticePortName(),
        new VpcLatticeTargetGroup(),
        new EcsRoleTrust(),
        new CapacityProviderStrategy(),
        new HealthCheckGracePeriodRange(),
        new TaskScalingRange(),
        new TaskCountQuota(),
        new ExecReadonlyRoot(),
        new ExecCredentialEnvironment(),
        new ExecPlatformVersion(),
        new ExecInitProcess(),
        new ExecPidModeTask(),
    ];

    /// <summary>Rules run when Exec is enabled after creation.</summary>
    internal static IReadOnlyList<IPropsRule<FargateServiceSpec>> ExecRules { get; } =
        FargateServiceRules.Where(r => r is ExecReadonlyRoot or ExecCredentialEnvironment or ExecPlatformVersion or ExecInitProcess or ExecPidModeTask).ToList();

    /// <summary>Rules run when a lifecycle hook is added after creation.</summary>
    internal static IReadOnlyList<IPropsRule<FargateServiceSpec>> LifecycleHookRules { get; } =
        FargateServiceRules.Where(r => r is LifecycleHookStages or LifecycleHookDetails or EcsRoleTrust).ToList();

    /// <summary>Rules run when autoscaling is added after creation.</summary>
    internal static IReadOnlyList<IPropsRule<FargateServiceSpec>> ScalingRules { get; } =
        FargateServiceRules.Where(r => r is TaskScalingRange or TaskCountQuota).ToList();

    /// <summary>Rules run by <c>ConnectTo</c>.</summary>
    internal static IReadOnlyList<IPropsRule<ConnectionSpec>> ConnectionRules { get; } =
    [
        new ConnectTarget(),
        new ConnectNetwork(),
        new ConnectServiceConnectNamespace(),
    ];

    /// <summary>Rules run against Exec operator role props.</summary>
    internal static IReadOnlyList<IPropsRule<ExecOperatorRoleProps>> OperatorRules { get; } =
    [
        new ExecOperatorContainers(),
    ];

    /// <summary>Rules run by <c>DiscoverableFargateService.ServiceConnectService</c>.</summary>
    internal static IReadOnlyList<IPropsRule<ServiceConnectLookupSpec>> ServiceConnectLookupRules { get; } =
    [
        new ServiceConnectLookup(),
    ];

    /// <summary>Rules run by <c>DiscoveryService.RegisterEcsService</c>.</summary>
    internal static IReadOnlyList<IPropsRule<EcsRegistrationSpec>> EcsRegistrationRules { get; } =
    [
        new EcsRegistration(),
    ];

    /// <summary>Rules run by <c>DiscoveryService.Register…Instance</c> and <c>RegisterLoadBalancer</c>.</summary>
    internal static IReadOnlyList<IPropsRule<InstanceSpec>> InstanceRules { get; } =
    [
        new InstanceKind(),
        new InstanceAttributes(),
        new InstanceDefaultPort(),
    ];

    /// <summary>Rules run by <c>ClusterDefaultNamespace.Set</c>.</summary>
    internal static IReadOnlyList<IPropsRule<ClusterDefaultSpec>> ClusterDefaultRules { get; } =
    [
        new ClusterDefaultNamespaceRule(),
    ];

    /// <summary>Rules run against DiscoveryCanary props.</summary>
    internal static IReadOnlyList<IPropsRule<CanarySpec>> CanaryRules { get; } =
    [
        new CanarySchedule(),
        new CanaryTimeout(),
        new CanaryAlarm(),
        new CanaryFunction(),
        new CanaryPlacement(),
        new CanaryIsolatedSubnets(),
    ];

    /// <summary>Rules checked across constructs when the app is synthesized.</summary>
    internal static IReadOnlyList<RuleInfo> SynthRules =>
    [
        Validation.CanaryRules.Info,
        Validation.CanaryRules.ServiceReadsInfo,
        CapacityProviderStrategy.ClusterRule,
    ];

    /// <summary>Rules run by <c>DiscoveryService.FromServiceAttributes</c> on the imported service.</summary>
    internal static IReadOnlyList<IPropsRule<CloudMap.DiscoveryServiceAttributes>> ServiceImportRules { get; } = [new RegistryArn()];

    /// <summary>Rules over what the app puts into one namespace, judged when the app is synthesized.</summary>
    internal static IReadOnlyList<IAppRule<NamespaceContents>> NamespaceContentsRules { get; } =
    [
        new ServiceNameUnique(),
        new DiscoveryNameUnique(),
        new ClientAliasUnique(),
        new NamespaceInstanceQuota(),
    ];

    /// <summary>Rules over the namespaces the whole app creates.</summary>
    internal static IReadOnlyList<IAppRule<AppNamespaces>> AppNamespaceRules { get; } = [new NamespaceCountQuota()];

    /// <summary>Rules over the ECS services the app puts into one cluster.</summary>
    internal static IReadOnlyList<IAppRule<ClusterContents>> ClusterRules { get; } = [new EcsServiceNameUnique()];

    /// <summary>Rules over the Exec-enabled services of one VPC.</summary>
    internal static IReadOnlyList<IAppRule<VpcExecServices>> VpcExecRules { get; } = [new ExecNetworkReach()];

    /// <summary>Guards run before any other rule of a construct.</summary>
    internal static IReadOnlyList<RuleInfo> GuardRules => [RequiredProps.Info];

    /// <summary>Every rule, each once, in catalog order.</summary>
    public static IReadOnlyList<RuleInfo> All =>
        GuardRules
            .Concat(NamespaceRules.Select(r => r.Info))
            .Concat(NamespaceShareRules.Select(r => r.Info))
            .Concat(DiscoveryServiceRules.Select(r => r.Info))
            .Concat(FargateServiceRules.Select(r => r.Info))
            .Concat(ConnectionRules.Select(r => r.Info))
            .Concat(OperatorRules.Select(r => r.Info))
            .Concat(ClusterDefaultRules.Select(r => r.Info))
            .Concat(InstanceRules.Select(r => r.Info))
            .Concat(EcsRegistrationRules.Select(r => r.Info))
            .Concat(ServiceConnectLookupRules.Select(r => r.Info))
            .Concat(CanaryRules.Select(r => r.Info))
            .Concat(ServiceImportRules.Select(r => r.Info))
            .Concat(NamespaceContentsRules.Select(r => r.Info))
            .Concat(AppNamespaceRules.Select(r => r.Info))
            .Concat(ClusterRules.Select(r => r.Info))
            .Concat(VpcExecRules.Select(r => r.Info))
            .Concat(SynthRules)
            .DistinctBy(r => r.Id)
            .ToList();
}
