using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Constructs;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.Exec;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.Services;

/// <summary>
/// A Fargate service other services can find, configured in one place: Cloud Map registration through
/// <c>serviceRegistries</c>, ECS Service Connect, or both (dual discovery), with every cross-service mistake caught
/// at synth. Call <see cref="ConnectTo"/> to let this service call another one.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-discovery.html,
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html
/// </remarks>
public sealed class DiscoverableFargateService : Construct, IConnectable
{
    // Helpers are static and settable state lives in fields: each time a construct of a .NET class is created, the
    // jsii runtime inspects every instance method and property of the class against each interface it implements.
    private const string Kind = nameof(DiscoverableFargateService);
    private readonly DiscoverableFargateServiceProps props;
    private readonly Construct scope;
    private DiscoveryPlan plan;
    private readonly List<(LambdaLifecycleHook Hook, string RoleArn)> hooks = [];
    private DiscoveryService? discoveryService;
    private Amazon.CDK.AWS.IAM.Role? hookRole;
    private bool execEnabled;
    private bool initProcessFromCreation;
    private Amazon.CDK.AWS.ECS.CfnService? cfnService;

    /// <summary>Creates the service; throws <see cref="DiscoveryValidationException"/> listing every invalid prop.</summary>
    public DiscoverableFargateService(Construct scope, string id, DiscoverableFargateServiceProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        RequiredProps.Check(this, Kind, RequiredOf(props));
        this.props = props;
        this.scope = scope;

        ClusterNamespaces.CheckDefault(props.Cluster);
        var task = props.TaskDefinition is { } existing
            ? TaskShape.FromTaskDefinition(existing)
            : props.Container is { } container ? TaskShape.FromOptions(container, "App") : new TaskShape([], null);
        plan = DiscoveryPlan.Create(props, task);
        RuleRunner.Report(this, Kind, RuleRunner.Findings(new FargateServiceSpec(props, plan, props.Exec), RuleCatalog.FargateServiceRules)
            .Concat(CloudMapChild.Findings(props, plan)));

        TaskDefinition = props.TaskDefinition ?? new FargateTaskDefinition(this, "TaskDefinition", new FargateTaskDefinitionProps
        {
            Cpu = props.Cpu,
            MemoryLimitMiB = props.MemoryLimitMiB,
        });
        var execByL2 = props.Exec is not null && ExecGrants.L2SwitchIsLeastPrivilege(scope, props.Cluster);
        initProcessFromCreation = props.TaskDefinition is null && props.Exec?.EnableInitProcess == true && props.Container!.LinuxParameters is null;
        MainContainer = props.TaskDefinition?.DefaultContainer ?? TaskDefinition.AddContainer("App", ContainerDefaults.Complete(this, props.Container!, props.Name, props.Exec?.EnableInitProcess == true));
        Service = new FargateService(this, "Service", new FargateServiceProps
        {
            Cluster = props.Cluster,
            TaskDefinition = TaskDefinition,
            ServiceName = props.Name,
            DesiredCount = props.DesiredCount,
            VpcSubnets = props.VpcSubnets,
            SecurityGroups = props.SecurityGroups,
            AssignPublicIp = props.AssignPublicIp,
            PlatformVersion = props.PlatformVersion,
            MinHealthyPercent = props.MinHealthyPercent,
            MaxHealthyPercent = props.MaxHealthyPercent,
            CircuitBreaker = props.DeploymentStrategy is { ShiftsTraffic: true } ? null : props.CircuitBreaker ?? new DeploymentCircuitBreaker { Rollback = true },
            CapacityProviderStrategies = props.CapacityProviderStrategies,
            PropagateTags = props.PropagateTags,
            HealthCheckGracePeriod = props.HealthCheckGracePeriod,
            ServiceConnectConfiguration = plan.HasServiceConnect ? ServiceConnectConfiguration(plan, props.ServiceConnect!) : null,
            EnableExecuteCommand = execByL2 ? true : null,
        });

        ClusterServiceNames.Add(props.Cluster, this, props.Name);
        Validation.Rules.CapacityProviderStrategy.CheckClusterAtSynth(this, props.Cluster, props.CapacityProviderStrategies);
        if (plan.CloudMap is not null)
        {
            RegisterInCloudMap(this, plan.CloudMap);
        }

        if (plan.HasServiceConnect)
        {
            RecordServiceConnect(this);
        }

        if (props.DeploymentStrategy is { ShiftsTraffic: true } strategy)
        {
            EcsOverrides.SetDeploymentStrategy(CfnServiceOf(this), strategy);
        }

        foreach (var hook in props.LifecycleHooks ?? [])
        {
            AttachHook(this, hook);
        }

        if (props.VpcLattice is { } lattice)
        {
            var role = lattice.InfrastructureRole ?? new Amazon.CDK.AWS.IAM.Role(this, "VpcLatticeInfrastructureRole", new Amazon.CDK.AWS.IAM.RoleProps
            {
                AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("ecs.amazonaws.com"),
                ManagedPolicies = [Amazon.CDK.AWS.IAM.ManagedPolicy.FromAwsManagedPolicyName("AmazonECSInfrastructureRolePolicyForVpcLattice")],
            });
            if (role.Node.DefaultChild is Amazon.CDK.CfnResource created)
            {
                NagAcknowledgement.Add(created, "AwsSolutions-IAM4", "AmazonECSInfrastructureRolePolicyForVpcLattice is the policy the ECS guide prescribes for the VPC Lattice infrastructure role; AWS keeps it in step with what ECS calls.");
            }
            EcsOverrides.SetVpcLattice(CfnServiceOf(this), role.RoleArn, lattice.Targets);
        }

        if (props.Scaling is { } scaling)
        {
            AutoScale(scaling);
        }
        else
        {
            RecordInstances(this);
        }

        if (props.Exec is { } exec)
        {
            ApplyExec(this, exec, grantedByL2: execByL2);
        }
    }

    /// <summary>The ECS service name.</summary>
    public string Name => props.Name;

    /// <summary>The ECS service.</summary>
    public FargateService Service { get; }

    /// <summary>The task definition (created, or the one given).</summary>
    public FargateTaskDefinition TaskDefinition { get; }

    /// <summary>The application container: the one created from <c>Container</c>, or the task definition's default container.</summary>
    public ContainerDefinition MainContainer { get; }

    /// <summary>The Cloud Map service ECS registers tasks in, when it was created by this construct or given as <c>ExistingService</c>.</summary>
    public DiscoveryService? DiscoveryService => discoveryService;

    /// <summary>The namespace of the Cloud Map registration, if any.</summary>
    public IDiscoveryNamespace? CloudMapNamespace => plan.CloudMapNamespace;

    /// <summary>The name of the Cloud Map service ECS registers tasks in, if any.</summary>
    public string? CloudMapServiceName => plan.CloudMapName;

    /// <summary>The records of the Cloud Map registration; <see cref="DiscoveryRecordTypes.None"/> for API-only or no registration.</summary>
    public DiscoveryRecordTypes CloudMapRecords => plan.CloudMapRecords;

    /// <summary>The DNS name clients resolve (<c>name.namespace</c>) when the service is DNS-discoverable; otherwise null.</summary>
    public string? DnsName => plan.CloudMapRecords == DiscoveryRecordTypes.None ? null : $"{plan.CloudMapName}.{plan.CloudMapNamespace!.NamespaceName}";

    /// <summary>The container port behind the Cloud Map registration: the SRV port, else the main container's first port; null when there is none.</summary>
    public int? CloudMapPort => plan.RegistryTarget?.Port ?? plan.Task.DefaultContainer?.Ports.FirstOrDefault()?.ContainerPort;

    /// <summary>The Service Connect namespace (server or client), if any.</summary>
    public IDiscoveryNamespace? ServiceConnectNamespace => plan.ServiceConnectNamespace;

    /// <summary>The Service Connect endpoints this service offers, as emitted.</summary>
    public IReadOnlyList<ServiceConnectAlias> ServiceConnectAliases => plan.Endpoints
        .Select(e => new ServiceConnectAlias(e.Source.PortMappingName, e.DiscoveryName, e.AliasDnsName, e.AliasPort ?? 0, e.Port?.ContainerPort ?? 0))
        .ToList();

    /// <summary>True when ECS Exec is enabled on the service.</summary>
    public bool ExecEnabled => execEnabled;

    /// <summary>
    /// The Cloud Map service ECS creates for the Service Connect endpoint whose effective discovery name is
    /// <paramref name="discoveryName"/>: its name, namespace and client alias, and a scoped grant to discover it. Throws
    /// <see cref="Validation.DiscoveryValidationException"/> (rule <c>service-connect-lookup</c>) for a name no endpoint has.
    /// </summary>
    public ServiceConnect.ServiceConnectCloudMapService ServiceConnectService(string discoveryName)
    {
        RequiredProps.Check(this, Kind, ("discoveryName", discoveryName));
        RuleRunner.Apply(this, Kind, new ServiceConnectLookupSpec(discoveryName, plan.Endpoints.Select(e => e.DiscoveryName).ToList()), RuleCatalog.ServiceConnectLookupRules);
        var endpoint = plan.Endpoints.First(e => e.DiscoveryName == discoveryName);
        return new ServiceConnect.ServiceConnectCloudMapService(endpoint.DiscoveryName, plan.ServiceConnectNamespace!, endpoint.AliasDnsName, endpoint.AliasPort, () => ServiceConnectLookupFunction.LookUp(this, Service, endpoint.DiscoveryName, endpoint.Index));
    }

    /// <summary>The service's network connections (security groups); as an <see cref="IConnectable"/> the service can be passed to any CDK API that opens ports (<c>AllowFrom</c>, <c>AllowTo</c>).</summary>
    public Connections_ Connections => Service.Connections;

    /// <summary>
    /// Scales the task count between <see cref="TaskScalingOptions.MinCapacity"/> and <see cref="TaskScalingOptions.MaxCapacity"/>
    /// on CPU. The maximum counts against the 1,000 instances per Cloud Map service and 2,000 per namespace.
    /// </summary>
    public ScalableTaskCount AutoScale(TaskScalingOptions scaling)
    {
        ArgumentNullException.ThrowIfNull(scaling);
        var (most, property) = DiscoveryPlan.MostTasks(props.DesiredCount, scaling);
        var updated = plan with { Scaling = scaling, MaxTasks = most, MaxTasksProperty = property };
        RuleRunner.Apply(this, Kind, new FargateServiceSpec(props, updated), RuleCatalog.ScalingRules);
        plan = updated;
        RecordInstances(this);
        var count = Service.AutoScaleTaskCount(new Amazon.CDK.AWS.ApplicationAutoScaling.EnableScalingProps
        {
            MinCapacity = scaling.MinCapacity,
            MaxCapacity = scaling.MaxCapacity,
        });
        count.ScaleOnCpuUtilization("CpuScaling", new CpuUtilizationScalingProps { TargetUtilizationPercent = scaling.TargetCpuPercent });
        return count;
    }

    /// <summary>
    /// Lets this service call <paramref name="target"/>: opens <paramref name="target"/>'s security group on its real
    /// port to this service, and puts the target's endpoint into this service's main container environment (see
    /// <see cref="ServiceConnection"/> for the variable names). Uses Service Connect when both sides can, DNS when
    /// the target is DNS-discoverable, otherwise the Cloud Map API (with a <c>servicediscovery:DiscoverInstances</c> grant).
    /// </summary>
    public ServiceConnection ConnectTo(DiscoverableFargateService target, string? variablePrefix = null)
        => ServiceWiring.Connect(this, target, variablePrefix);

    /// <summary>
    /// Turns on ECS Exec: <c>enableExecuteCommand</c>, and task-role grants scoped to what Exec needs (the
    /// <c>ssmmessages</c> channels; with the cluster's exec configuration, its log group, bucket prefix and key).
    /// Checks the Exec readiness rules first (read-only root file system, credential variables, platform version,
    /// init process, pid mode) and, at synth, that the tasks can reach <c>ssmmessages</c>.
    /// </summary>
    public void EnableExec(ExecOptions? options = null)
    {
        options ??= new ExecOptions();
        // Judged on the containers the task definition holds now, not as they were when the service was created.
        var current = plan with { Task = TaskShape.FromTaskDefinition(TaskDefinition) };
        RuleRunner.Apply(this, Kind, new FargateServiceSpec(props, current, options), RuleCatalog.ExecRules);
        ApplyExec(this, options);
    }

    /// <summary>
    /// Adds a Lambda function ECS invokes at the hook's deployment stages. Without <see cref="LambdaLifecycleHook.Role"/>
    /// the service's hook role (trusted by <c>ecs.amazonaws.com</c>) is used; the role is granted
    /// <c>lambda:InvokeFunction</c> on exactly this function.
    /// </summary>
    public void AddLifecycleHook(LambdaLifecycleHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        RequiredProps.Check(this, Kind, ("hook.Function", hook.Function), ("hook.Stages", hook.Stages));
        RuleRunner.Apply(this, Kind, new FargateServiceSpec(props, plan) { Hooks = [hook], HookOffset = hooks.Count, HookAdded = true }, RuleCatalog.LifecycleHookRules);
        AttachHook(this, hook);
    }

    /// <summary>The props C# marks required, at any depth, with their paths as the user writes them.</summary>
    private static (string, object?)[] RequiredOf(DiscoverableFargateServiceProps props)
    {
        var required = new List<(string, object?)> { ("Cluster", props.Cluster) };
        if (props.Container is { } container)
        {
            required.Add(("Container.Image", container.Image));
        }

        foreach (var (endpoint, i) in (props.ServiceConnect?.Endpoints ?? []).Select((e, i) => (e, i)))
        {
            var path = $"ServiceConnect.Endpoints[{i}]";
            required.Add((path, endpoint));
            required.Add(($"{path}.PortMappingName", endpoint?.PortMappingName));
            if (endpoint?.Tls is { } tls)
            {
                required.AddRange([($"{path}.Tls.AwsPcaAuthorityArn", tls.AwsPcaAuthorityArn), ($"{path}.Tls.Role", tls.Role)]);
            }
        }

        foreach (var (hook, i) in (props.LifecycleHooks ?? []).Select((h, i) => (h, i)).Where(e => e.h is not null))
        {
            required.AddRange([($"LifecycleHooks[{i}].Function", hook.Function), ($"LifecycleHooks[{i}].Stages", hook.Stages)]);
        }

        if (props.VpcLattice is { } lattice)
        {
            required.Add(("VpcLattice.Targets", lattice.Targets));
            foreach (var (target, i) in (lattice.Targets ?? []).Select((t, i) => (t, i)).Where(e => e.t is not null))
            {
                required.AddRange([($"VpcLattice.Targets[{i}].TargetGroupArn", target.TargetGroupArn), ($"VpcLattice.Targets[{i}].PortName", target.PortName)]);
            }
        }

        // A null entry itself is reported by capacity-provider-strategy.
        foreach (var (strategy, i) in (props.CapacityProviderStrategies ?? []).Select((s, i) => (s, i)).Where(e => e.s is not null))
        {
            required.Add(($"CapacityProviderStrategies[{i}].CapacityProvider", strategy.CapacityProvider));
        }

        return [.. required];
    }

    /// <summary>What the service was planned with (read by wiring and cross-service rules).</summary>
    internal static DiscoveryPlan PlanOf(DiscoverableFargateService service) => service.plan;

    /// <summary>The cluster the service runs in, as given in the props.</summary>
    internal static ICluster ClusterOf(DiscoverableFargateService service) => service.props.Cluster;

    /// <param name="self">The service.</param>
    /// <param name="options">The Exec options.</param>
    /// <param name="grantedByL2">True when the ECS service was created with the L2's Exec switch, which then granted exactly the session channels.</param>
    private static void ApplyExec(DiscoverableFargateService self, ExecOptions options, bool grantedByL2 = false)
    {
        if (self.execEnabled)
        {
            return;
        }

        self.execEnabled = true;
        var props = self.props;
        if (!grantedByL2)
        {
            EcsOverrides.EnableExecuteCommand(CfnServiceOf(self));
            ExecGrants.Apply(self.TaskDefinition, props.Cluster);
        }

        if (options.EnableInitProcess && props.TaskDefinition is null && !self.initProcessFromCreation)
        {
            // The L2 fixes a container's Linux parameters when it is created: when Exec is turned on later, or the
            // container brought its own, only the L1 can still take the init process.
            EcsOverrides.EnableInitProcess((CfnTaskDefinition)self.TaskDefinition.Node.DefaultChild!, 0);
        }

        ExecNetworkPath.Track(ClusterFacts.VpcOf(props.Cluster), self, props.VpcSubnets, props.AssignPublicIp);
        ExecReadinessAtSynth.Track(self, props, options, self.scope);
    }

    private static Amazon.CDK.AWS.ECS.CfnService CfnServiceOf(DiscoverableFargateService self) => self.cfnService ??= (Amazon.CDK.AWS.ECS.CfnService)self.Service.Node.DefaultChild!;

    /// <summary>Adds a validated hook: grants its role the invoke and rewrites the service's hook list.</summary>
    private static void AttachHook(DiscoverableFargateService self, LambdaLifecycleHook hook)
    {
        var role = hook.Role ?? (self.hookRole ??= new Amazon.CDK.AWS.IAM.Role(self, "LifecycleHookRole", new Amazon.CDK.AWS.IAM.RoleProps
        {
            AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("ecs.amazonaws.com"),
            Description = "Lets ECS invoke this service's deployment lifecycle hooks.",
        }));
        hook.Function.GrantInvoke(role);
        if (hook.Role is null && self.hooks.Count == 0 && role.Node.TryFindChild("DefaultPolicy")?.Node.DefaultChild is Amazon.CDK.CfnResource policy)
        {
            NagAcknowledgement.Add(policy, "AwsSolutions-IAM5", "lambda:InvokeFunction on the hook functions and their versions (FUNCTION_ARN:*), as Function.GrantInvoke writes it; nothing else.");
        }
        self.hooks.Add((hook, role.RoleArn));
        EcsOverrides.SetLifecycleHooks(CfnServiceOf(self), self.hooks);
    }

    private static void RegisterInCloudMap(DiscoverableFargateService self, CloudMapRegistrationOptions registration)
    {
        var plan = self.plan;
        Amazon.CDK.AWS.ServiceDiscovery.IService target;
        if (CloudMapChild.Props(plan) is { } childProps)
        {
            // Validated with the parent's props: its findings were reported as this construct's own.
            var created = self.discoveryService = new DiscoveryService(self, "CloudMap", childProps, validated: true);
            target = created.Resource;
        }
        else
        {
            var existing = registration.ExistingService!;
            self.discoveryService = existing as DiscoveryService;
            target = existing.CloudMapService;
        }

        self.Service.AssociateCloudMapService(new AssociateCloudMapServiceOptions
        {
            Service = target,
            Container = plan.RegistryTarget is { } t ? self.TaskDefinition.FindContainer(t.Container) : null,
            ContainerPort = plan.RegistryTarget?.Port,
        });
    }

    /// <summary>The Service Connect configuration, given to the ECS service when it is created (one call into the CDK, not two).</summary>
    private static ServiceConnectProps ServiceConnectConfiguration(DiscoveryPlan plan, ServiceConnectOptions options) => new()
    {
        Namespace = plan.ServiceConnectNamespace!.NamespaceArn,
        LogDriver = options.LogDriver,
        Services = plan.Endpoints.Select(e => new ServiceConnectService
        {
            PortMappingName = e.Source.PortMappingName,
            DiscoveryName = e.DiscoveryName,
            DnsName = e.AliasDnsName,
            Port = e.AliasPort,
            IdleTimeout = e.Source.IdleTimeout,
            PerRequestTimeout = e.Source.PerRequestTimeout,
            IngressPortOverride = e.Source.IngressPortOverride,
        }).ToArray(),
    };

    /// <summary>Records the endpoints' names with the namespace (checked for clashes at synth) and applies TLS.</summary>
    private static void RecordServiceConnect(DiscoverableFargateService self)
    {
        var ns = self.plan.ServiceConnectNamespace!;
        if (self.props.ServiceConnect?.AccessLogs is { } accessLogs)
        {
            EcsOverrides.SetServiceConnectAccessLogs(CfnServiceOf(self), accessLogs);
        }

        foreach (var endpoint in self.plan.Endpoints)
        {
            ns.Usage.AddDiscoveryName(new UsageOwner(self), endpoint.DiscoveryName, self.props.DualDiscovery);
            ns.Usage.AddClientAlias(new UsageOwner(self), endpoint.AliasDnsName, endpoint.AliasPort ?? 0);
            if (endpoint.Source.Tls is { } tls)
            {
                EcsOverrides.SetServiceConnectTls(CfnServiceOf(self), endpoint.Index, tls);
            }

            if (endpoint.Source.TestTrafficHeader is { } header)
            {
                EcsOverrides.SetTestTrafficRule(CfnServiceOf(self), endpoint.Index, header);
            }
        }
    }

    /// <summary>Tells each namespace how many instances this service may register there.</summary>
    private static void RecordInstances(DiscoverableFargateService self)
    {
        var plan = self.plan;
        plan.CloudMapNamespace?.Usage.SetMaxInstances(new UsageOwner(self, " (Cloud Map)"), plan.MaxTasks);
        if (plan.Endpoints.Count > 0)
        {
            // A client-only Service Connect service registers nothing, and is not listed among the namespace's owners.
            plan.ServiceConnectNamespace?.Usage.SetMaxInstances(new UsageOwner(self, " (Service Connect)"), plan.MaxTasks * plan.Endpoints.Count);
        }
    }
}
