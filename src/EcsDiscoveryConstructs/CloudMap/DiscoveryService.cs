using Amazon.CDK.AWS.IAM;
using Amazon.CDK;
using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using EcsDiscoveryConstructs.Validation;

namespace EcsDiscoveryConstructs.CloudMap;

/// <summary>
/// A Cloud Map service in a namespace of this library. Over the CDK L2 it adds A+SRV records, a routing policy
/// that is actually emitted, the deprecated custom failure threshold pinned to 1, API-only services in DNS
/// namespaces, and validation of every prop at synth.
/// </summary>
/// <remarks>
/// https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html. The class is a CDK <see cref="IService"/>,
/// so every CDK API that takes one takes it (e.g. ECS <c>AssociateCloudMapService</c> for an EC2-backed service); the
/// interface members that clash with this class's own richer ones are implemented explicitly and report what the
/// template holds (the routing policy emitted, not the one the L2 assumes).
/// </remarks>
public sealed class DiscoveryService : Construct, IService, IDiscoveryService
{
    /// <summary>The DNS TTL used when none is given, in seconds.</summary>
    internal const int DefaultDnsTtlSeconds = 10;

    /// <summary>The DNS TTL used when none is given: 10 seconds.</summary>
    public static readonly Duration DefaultDnsTtl = Duration.Seconds(DefaultDnsTtlSeconds);

    private const string Kind = nameof(DiscoveryService);
    private readonly DiscoveryServiceSpec spec;
    private readonly HashSet<string> instanceIds = new(StringComparer.Ordinal);
    private int declaredInstances;

    /// <summary>
    /// A Cloud Map service that exists outside this app, to register ECS tasks into (<c>CloudMapRegistrationOptions.ExistingService</c>);
    /// throws <see cref="DiscoveryValidationException"/> when its ARN is not a Cloud Map service ARN or its id not the one
    /// the ARN names (rule <c>registry-arn</c>).
    /// </summary>
    public static IDiscoveryService FromServiceAttributes(Construct scope, string id, DiscoveryServiceAttributes attributes)
        => ImportedDiscoveryService.Create(scope, id, attributes);

    /// <summary>Creates the service; throws <see cref="DiscoveryValidationException"/> listing every invalid prop.</summary>
    public DiscoveryService(Construct scope, string id, DiscoveryServiceProps props)
        : this(scope, id, props, validated: false)
    {
    }

    /// <summary>Creates the service; <paramref name="validated"/> is true when a parent construct has already run the rules on these props and reported their findings as its own.</summary>
    internal DiscoveryService(Construct scope, string id, DiscoveryServiceProps props, bool validated)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        RequiredProps.Check(this, Kind, ("Namespace", props.Namespace));
        spec = Spec(props);
        if (!validated)
        {
            RuleRunner.Apply(this, Kind, spec, RuleCatalog.DiscoveryServiceRules);
        }

        Namespace = props.Namespace;
        ServiceName = props.Name;
        UsesDns = spec.UsesDns;
        DnsRecords = UsesDns ? spec.EffectiveRecords : DiscoveryRecordTypes.None;
        DnsTtl = UsesDns ? props.DnsTtl ?? DefaultDnsTtl : null;
        RoutingPolicy = UsesDns ? spec.EffectiveRoutingPolicy : null;
        HealthCheck = props.CustomHealthCheck is not null ? DiscoveryHealthCheck.Custom
            : props.Route53HealthCheck is not null ? DiscoveryHealthCheck.Route53
            : DiscoveryHealthCheck.None;

        Resource = new Service(this, "Resource", new ServiceProps
        {
            Namespace = props.Namespace.CloudMapNamespace,
            Name = props.Name,
            Description = props.Description,
            DiscoveryType = UsesDns ? DiscoveryType.DNS_AND_API : DiscoveryType.API,
            DnsRecordType = UsesDns ? DnsRecordMapping.ToCdk(DnsRecords) : null,
            DnsTtl = DnsTtl,
            RoutingPolicy = RoutingPolicy,
            LoadBalancer = UsesDns && props.LoadBalancer ? true : null,
            CustomHealthCheck = props.CustomHealthCheck is null ? null : new HealthCheckCustomConfig { FailureThreshold = 1 },
            HealthCheck = props.Route53HealthCheck is null ? null : Route53Config(props.Route53HealthCheck),
        });

        // The L1 is read from the CDK (two round trips) only when something must be set on it.
        CfnService? cfn = null;
        CfnService Cfn() => cfn ??= (CfnService)Resource.Node.DefaultChild!;
        if (UsesDns)
        {
            var emittedByL2 = DnsRecords == DiscoveryRecordTypes.Cname || props.LoadBalancer ? Amazon.CDK.AWS.ServiceDiscovery.RoutingPolicy.WEIGHTED : Amazon.CDK.AWS.ServiceDiscovery.RoutingPolicy.MULTIVALUE;
            if (RoutingPolicy != emittedByL2 || DnsRecordMapping.NeedsOverride(DnsRecords))
            {
                CloudMapOverrides.SetDnsConfig(Cfn(), props.Namespace.NamespaceId, DnsRecordMapping.CloudFormationTypes(DnsRecords), DnsTtl!.ToSeconds(), RoutingPolicy!.Value);
            }
        }

        props.Namespace.Usage.AddServiceName(new UsageOwner(this), props.Name);
        NamespaceSetup.ApplyTags(this, Kind, Cfn, props.Tags);
        NamespaceSharing.UseArnIfShared(Cfn, props.Namespace);
        if (props.ServiceAttributes is { Count: > 0 } attributes)
        {
            CloudMapOverrides.SetServiceAttributes(Cfn(), attributes);
        }
    }

    /// <summary>The CDK L2 service inside this construct (its template resource is this construct's <c>Resource</c>).</summary>
    public Service Resource { get; }

    /// <summary>The CDK service (<see cref="Resource"/>), for APIs that take an <see cref="IService"/>.</summary>
    public IService CloudMapService => Resource;

    /// <summary>The stack the service is in.</summary>
    public Stack Stack => Stack.Of(this);

    /// <summary>The account and region the service is in.</summary>
    public IResourceEnvironment Env => Resource.Env;

    /// <summary>Applies a removal policy to the Cloud Map service resource.</summary>
    public void ApplyRemovalPolicy(RemovalPolicy policy) => Resource.ApplyRemovalPolicy(policy);

    /// <inheritdoc cref="IService.Namespace"/>
    INamespace IService.Namespace => Resource.Namespace;

    /// <inheritdoc cref="IService.DnsRecordType"/>
    /// <remarks>A+SRV, AAAA+SRV and A+AAAA+SRV report SRV, so CDK code that requires a container port for SRV requires it here too.</remarks>
    DnsRecordType IService.DnsRecordType => Resource.DnsRecordType;

    /// <inheritdoc cref="IService.RoutingPolicy"/>
    Amazon.CDK.AWS.ServiceDiscovery.RoutingPolicy IService.RoutingPolicy => RoutingPolicy ?? Resource.RoutingPolicy;

    /// <inheritdoc cref="IService.DiscoveryType"/>
    DiscoveryType IService.DiscoveryType => Resource.DiscoveryType;

    /// <summary>The namespace the service is in.</summary>
    public IDiscoveryNamespace Namespace { get; }

    /// <summary>
    /// Registers an IP instance outside ECS (the addresses the service's records need); throws
    /// <see cref="DiscoveryValidationException"/> when it does not fit the service's records or breaks a limit.
    /// </summary>
    public IInstance RegisterIpInstance(string id, IpInstanceOptions options)
    {
        RequiredProps.Check(this, Kind, ("options", options));
        var declared = Declare(new InstanceDeclaration(InstanceKindOf.Ip) { Ipv4 = options.Ipv4, Ipv6 = options.Ipv6, Port = options.Port, InstanceId = options.InstanceId, CustomAttributes = options.CustomAttributes });
        return Resource.RegisterIpInstance(id, new IpInstanceBaseProps { Ipv4 = options.Ipv4, Ipv6 = options.Ipv6, Port = options.Port, InstanceId = options.InstanceId, CustomAttributes = declared });
    }

    /// <summary>Registers a CNAME instance in a CNAME service; throws <see cref="DiscoveryValidationException"/> as <see cref="RegisterIpInstance"/>.</summary>
    public IInstance RegisterCnameInstance(string id, CnameInstanceOptions options)
    {
        RequiredProps.Check(this, Kind, ("options", options));
        RequiredProps.Check(this, Kind, ("InstanceCname", options.InstanceCname));
        var declared = Declare(new InstanceDeclaration(InstanceKindOf.Cname) { InstanceCname = options.InstanceCname, InstanceId = options.InstanceId, CustomAttributes = options.CustomAttributes });
        return Resource.RegisterCnameInstance(id, new CnameInstanceBaseProps { InstanceCname = options.InstanceCname!, InstanceId = options.InstanceId, CustomAttributes = declared });
    }

    /// <summary>Registers a non-IP instance in an API-only service, found by its attributes; throws <see cref="DiscoveryValidationException"/> as <see cref="RegisterIpInstance"/>.</summary>
    public IInstance RegisterNonIpInstance(string id, NonIpInstanceOptions options)
    {
        RequiredProps.Check(this, Kind, ("options", options));
        var declared = Declare(new InstanceDeclaration(InstanceKindOf.NonIp) { InstanceId = options.InstanceId, CustomAttributes = options.CustomAttributes });
        return Resource.RegisterNonIpInstance(id, new NonIpInstanceBaseProps { InstanceId = options.InstanceId, CustomAttributes = declared });
    }

    /// <summary>
    /// Registers a load balancer as an alias-record instance (the service needs <c>LoadBalancer = true</c> and A or AAAA
    /// records); <paramref name="customAttributes"/> are checked like any instance's.
    /// </summary>
    public IInstance RegisterLoadBalancer(string id, Amazon.CDK.AWS.ElasticLoadBalancingV2.ILoadBalancerV2 loadBalancer, IReadOnlyDictionary<string, string>? customAttributes = null)
    {
        RequiredProps.Check(this, Kind, ("loadBalancer", loadBalancer));
        RuleRunner.Apply(this, Kind, new InstanceSpec(spec, new InstanceDeclaration(InstanceKindOf.LoadBalancer) { CustomAttributes = customAttributes }) { LoadBalancerDnsName = DnsNameOf(loadBalancer) }, RuleCatalog.InstanceRules);
        CountDeclaredInstance();
        return Resource.RegisterLoadBalancer(id, loadBalancer, customAttributes?.ToDictionary(a => a.Key, a => a.Value));
    }

    /// <summary>
    /// Lets <paramref name="grantee"/> discover this service's instances (<c>DiscoverInstances</c>,
    /// <c>DiscoverInstancesRevision</c>) and no other service's: the actions are scoped by the namespace-name and
    /// service-name condition keys (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudmap.html).
    /// </summary>
    public Grant GrantDiscoverInstances(IGrantable grantee) => DiscoverGrant.To(grantee, Namespace.NamespaceName, ServiceName);

    /// <summary>Checks <paramref name="declaration"/> against the instance rules and counts it; its custom attributes as the CDK takes them.</summary>
    private Dictionary<string, string>? Declare(InstanceDeclaration declaration)
    {
        RuleRunner.Apply(this, Kind, new InstanceSpec(spec, declaration) { DuplicateId = declaration.InstanceId is { } instanceId && instanceIds.Contains(instanceId) }, RuleCatalog.InstanceRules);
        if (declaration.InstanceId is { } registered)
        {
            instanceIds.Add(registered);
        }

        CountDeclaredInstance();
        return declaration.CustomAttributes?.ToDictionary(a => a.Key, a => a.Value);
    }

    /// <summary>An instance declared in the template counts towards the namespace's instance quota like a task.</summary>
    private void CountDeclaredInstance()
        => Namespace.Usage.SetMaxInstances(new UsageOwner(this, " (declared instances)"), ++declaredInstances);

    /// <summary>
    /// Registers the tasks of a plain CDK ECS service here: the supported route for EC2-backed services (bridge or host
    /// networking need SRV records naming a container and port) and for Fargate services built without this library.
    /// Checked by the rule <c>ecs-registration</c>; throws <see cref="DiscoveryValidationException"/> when ECS would refuse it.
    /// </summary>
    /// <param name="service">The ECS service; it gets this service as its one service registry.</param>
    /// <param name="container">The container SRV records name (a container of the service's task definition); may be left out when the task has one container.</param>
    /// <param name="containerPort">The container port SRV records carry (mapped on the container); may be left out when the container maps one port.</param>
    public void RegisterEcsService(Amazon.CDK.AWS.ECS.BaseService service, Amazon.CDK.AWS.ECS.ContainerDefinition? container = null, int? containerPort = null)
    {
        RequiredProps.Check(this, Kind, ("service", service));
        var task = service.TaskDefinition;
        var registered = AppUsage.For(this).Shared("ecs-registrations", () => new HashSet<string>(StringComparer.Ordinal));
        // Only a private DNS namespace has a VPC (the library's namespaces and imports give the others none).
        var nsVpc = Namespace.Vpc;
        var clusterVpc = Services.ClusterFacts.VpcOf(service.Cluster);
        var registration = new EcsRegistrationSpec(spec, service.Node.Path, Services.TaskShape.FromTaskDefinition(task))
        {
            HostNetworkMode = HostNetworkModeName(task.NetworkMode),
            ContainerName = container?.ContainerName,
            ContainerInTask = container is null || ReferenceEquals(container.TaskDefinition, task),
            ContainerPort = containerPort,
            AlreadyRegistered = service.CloudMapService is not null || registered.Contains(service.Node.Path),
            VpcMismatch = nsVpc is not null && Vpcs.Differ(nsVpc, clusterVpc)
                ? $"runs in VPC '{Vpcs.Describe(clusterVpc)}', but namespace '{NamespaceSetup.Label(Namespace.NamespaceName, Namespace.DisplayPath)}' answers only in VPC '{Vpcs.Describe(nsVpc)}': its tasks could not resolve the names"
                : null,
        };
        RuleRunner.Apply(this, Kind, registration, RuleCatalog.EcsRegistrationRules);
        registered.Add(service.Node.Path);
        var target = registration.Target;
        var srv = UsesDns && DnsRecords.HasFlag(DiscoveryRecordTypes.Srv);
        service.AssociateCloudMapService(new Amazon.CDK.AWS.ECS.AssociateCloudMapServiceOptions
        {
            Service = this,
            Container = srv ? task.FindContainer(target!.Value.Container) : null,
            ContainerPort = srv ? target!.Value.Port : null,
        });
    }

    /// <summary>The load balancer's DNS name; null when it is an import that names none (the CDK throws when asked).</summary>
    private static string? DnsNameOf(Amazon.CDK.AWS.ElasticLoadBalancingV2.ILoadBalancerV2 loadBalancer)
    {
        try
        {
            return loadBalancer.LoadBalancerDnsName;
        }
        catch (Exception e) when (e.GetType() == typeof(Exception))
        {
            // jsii hands the CDK's error ("'loadBalancerDnsName' was not provided ...") over as a plain Exception.
            return null;
        }
    }

    private static string? HostNetworkModeName(Amazon.CDK.AWS.ECS.NetworkMode mode) => mode switch
    {
        Amazon.CDK.AWS.ECS.NetworkMode.BRIDGE => "bridge",
        Amazon.CDK.AWS.ECS.NetworkMode.HOST => "host",
        _ => null,
    };

    /// <summary>The service id (<c>srv-...</c>), a token resolved at deploy time.</summary>
    public string ServiceId => Resource.ServiceId;

    /// <summary>The service ARN: what ECS <c>serviceRegistries.registryArn</c> expects (not a namespace id or ARN).</summary>
    public string ServiceArn => Resource.ServiceArn;

    /// <summary>The service name as given in the props.</summary>
    public string ServiceName { get; }

    /// <summary>True when the service answers DNS queries.</summary>
    public bool UsesDns { get; }

    /// <summary>The DNS name clients resolve, <c>name.namespace</c>; null for API-only services.</summary>
    public string? DnsName => UsesDns ? $"{ServiceName}.{Namespace.NamespaceName}" : null;

    /// <summary>The record types emitted; <see cref="DiscoveryRecordTypes.None"/> for API-only services.</summary>
    public DiscoveryRecordTypes DnsRecords { get; }

    /// <summary>The DNS TTL emitted; null for API-only services.</summary>
    public Duration? DnsTtl { get; }

    /// <summary>The routing policy emitted; null for API-only services.</summary>
    public RoutingPolicy? RoutingPolicy { get; }

    /// <summary>The health check kind the service was created with.</summary>
    public DiscoveryHealthCheck HealthCheck { get; }

    /// <summary>What the discovery-service rules read from <paramref name="props"/> (its namespace must be set).</summary>
    internal static DiscoveryServiceSpec Spec(DiscoveryServiceProps props) => new()
    {
        Name = props.Name,
        Description = props.Description,
        NamespaceType = props.Namespace.NamespaceType,
        NamespaceName = props.Namespace.NamespaceName,
        DiscoveryType = props.Discovery,
        DnsRecords = props.DnsRecords,
        DnsTtl = props.DnsTtl,
        RoutingPolicy = props.RoutingPolicy,
        CustomHealthCheck = props.CustomHealthCheck,
        Route53HealthCheck = props.Route53HealthCheck,
        LoadBalancer = props.LoadBalancer,
        Tags = props.Tags,
        ServiceAttributes = props.ServiceAttributes,
        NamespaceSharedBy = props.Namespace.SharedByAccount,
        TaskStopTimeoutSeconds = props.TaskStopTimeoutSeconds,
    };

    private static HealthCheckConfig Route53Config(Route53HealthCheckOptions options)
    {
        var type = options.Type ?? HealthCheckType.HTTP;
        return new HealthCheckConfig
        {
            Type = type,
            ResourcePath = type == HealthCheckType.TCP ? null : options.ResourcePath ?? "/",
            FailureThreshold = options.FailureThreshold ?? 1,
        };
    }
}
