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
/// <remarks>https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateService.html</remarks>
public sealed class DiscoveryService : Construct
{
    /// <summary>The DNS TTL used when none is given: 10 seconds.</summary>
    public static readonly Duration DefaultDnsTtl = Duration.Seconds(10);

    private const string Kind = nameof(DiscoveryService);
    private readonly DiscoveryServiceSpec spec;

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

        if (UsesDns)
        {
            var emittedByL2 = DnsRecords == DiscoveryRecordTypes.Cname || props.LoadBalancer ? Amazon.CDK.AWS.ServiceDiscovery.RoutingPolicy.WEIGHTED : Amazon.CDK.AWS.ServiceDiscovery.RoutingPolicy.MULTIVALUE;
            if (RoutingPolicy != emittedByL2)
            {
                // The L2 ignores the routing policy it is given (aws-cdk #31719).
                CloudMapOverrides.SetRoutingPolicy((CfnService)Resource.Node.DefaultChild!, RoutingPolicy!.Value);
            }

            if (DnsRecordMapping.NeedsOverride(DnsRecords))
            {
                CloudMapOverrides.SetDnsRecords((CfnService)Resource.Node.DefaultChild!, DnsRecordMapping.CloudFormationTypes(DnsRecords), DnsTtl!.ToSeconds());
            }
        }

        props.Namespace.Usage.AddServiceName(new UsageOwner(this), props.Name);
        NamespaceSetup.ApplyTags(this, Kind, () => Resource.Node.DefaultChild!, props.Tags);
    }

    /// <summary>The CDK L2 service; use it where an <see cref="IService"/> is needed (e.g. ECS <c>AssociateCloudMapService</c>).</summary>
    public Service Resource { get; }

    /// <summary>The namespace the service is in.</summary>
    public IDiscoveryNamespace Namespace { get; }

    /// <summary>
    /// Registers an instance outside ECS (see <see cref="DiscoveryInstanceOptions"/> for the kinds); throws
    /// <see cref="DiscoveryValidationException"/> when it does not fit the service's records or breaks a limit.
    /// </summary>
    public IInstance AddInstance(string id, DiscoveryInstanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleRunner.Apply(this, Kind, new InstanceSpec(spec, options), RuleCatalog.InstanceRules);
        var attributes = options.Attributes?.ToDictionary(a => a.Key, a => a.Value);
        if (options.Cname is { } cname)
        {
            return Resource.RegisterCnameInstance(id, new CnameInstanceBaseProps { InstanceCname = cname, InstanceId = options.InstanceId, CustomAttributes = attributes });
        }

        return options.Ipv4 is not null || options.Ipv6 is not null || options.Port is not null
            ? Resource.RegisterIpInstance(id, new IpInstanceBaseProps { Ipv4 = options.Ipv4, Ipv6 = options.Ipv6, Port = options.Port, InstanceId = options.InstanceId, CustomAttributes = attributes })
            : Resource.RegisterNonIpInstance(id, new NonIpInstanceBaseProps { InstanceId = options.InstanceId, CustomAttributes = attributes });
    }

    /// <summary>
    /// Registers a load balancer as an alias-record instance (the service needs <c>LoadBalancer = true</c> and A or AAAA
    /// records); <paramref name="attributes"/> are checked like any instance's.
    /// </summary>
    public IInstance AddLoadBalancer(string id, Amazon.CDK.AWS.ElasticLoadBalancingV2.ILoadBalancerV2 loadBalancer, IReadOnlyDictionary<string, string>? attributes = null)
    {
        ArgumentNullException.ThrowIfNull(loadBalancer);
        RuleRunner.Apply(this, Kind, new InstanceSpec(spec, new DiscoveryInstanceOptions { Attributes = attributes }) { IsLoadBalancer = true }, RuleCatalog.InstanceRules);
        return Resource.RegisterLoadBalancer(id, loadBalancer, attributes?.ToDictionary(a => a.Key, a => a.Value));
    }

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
