using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.JSII.Runtime.Deputy;
using Constructs;
using EcsDiscoveryConstructs.Validation;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace EcsDiscoveryConstructs.Canary;

/// <summary>
/// Keeps checking, from inside the VPC, that the registry and the DNS answers match what the stack declares: a function
/// in the VPC's private subnets runs the verifier's registry, DNS and ECS checks on a schedule against what its deployed
/// stack declares for the discovery resources under <see cref="DiscoveryCanaryProps.Scope"/> (the template read from
/// CloudFormation with the code <c>verify</c> uses, ids from the stack's resources), writes the results as CloudWatch metrics (namespace
/// <c>EcsDiscovery</c>: ChecksPassed, ChecksFailed, ChecksSkipped per Canary and Stack, and per Canary, Stack and Target) and a JSON report
/// to its encrypted log group, and raises <see cref="Alarm"/> when checks fail or a run does not report.
/// </summary>
public sealed class DiscoveryCanary : Construct
{
    /// <summary>The CloudWatch namespace of the canary's metrics.</summary>
    public const string MetricNamespace = "EcsDiscovery";

    /// <summary>The environment variable naming the stack whose deployed template the canary checks.</summary>
    internal const string StackVariable = "ECS_DISCOVERY_STACK";

    /// <summary>The environment variable naming the function's logical id, whose scope metadata narrows the checks.</summary>
    internal const string FunctionVariable = "ECS_DISCOVERY_FUNCTION";

    /// <summary>The metadata key on the function's resource listing the logical ids of the resources in its scope.</summary>
    internal const string ScopeMetadata = "EcsDiscovery::CanaryScope";

    /// <summary>The environment variable choosing the DNS resolver (system, none or ip[:port]).</summary>
    internal const string ResolverVariable = "ECS_DISCOVERY_DNS_RESOLVER";

    /// <summary>The environment variable naming the canary (its construct path): its metrics' own dimension.</summary>
    internal const string CanaryVariable = "ECS_DISCOVERY_CANARY";

    private readonly IConstruct checkedScope;
    private CanaryModel? model;

    /// <summary>Creates the canary.</summary>
    public DiscoveryCanary(Construct scope, string id, DiscoveryCanaryProps props)
        : base(scope, id)
    {
        RequiredProps.Check(this, nameof(DiscoveryCanary), ("props", props), ("Vpc", props?.Vpc));
        var stack = Stack.Of(this);
        checkedScope = props!.Scope ?? stack;
        var subnets = props.VpcSubnets ?? new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };

        var spec = new CanarySpec(props, stack, checkedScope, subnets);
        RuleRunner.Apply(this, nameof(DiscoveryCanary), spec, RuleCatalog.CanaryRules);

        var schedule = props.Schedule ?? Duration.Minutes(5);
        var (logs, _, logGroupName) = EncryptedLogGroup.Create(this, "/ecs-discovery/canary/", $"Encrypts the discovery canary's log group ({Node.Path})", props.LogRetention ?? RetentionDays.ONE_YEAR, RemovalPolicy.DESTROY, props.EncryptionKey, iamUse: false, logSid: "CanaryLogGroup");
        LogGroup = logs;

        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Vpc,
            AllowAllOutbound = false,
            Description = "Discovery canary: HTTPS to the Cloud Map API, DNS to the VPC resolver",
        });
        SecurityGroup.AddEgressRule(Peer.AnyIpv4(), Port.Tcp(443), "Cloud Map API (through NAT or interface endpoints)");
        var dnsPeer = props.DnsResolver is { } resolver ? CanaryResolver.Peer(resolver) : VpcResolverPeer(props.Vpc);
        var dnsPort = props.DnsResolver is { } r ? CanaryResolver.PortOf(r) : 53;
        SecurityGroup.AddEgressRule(dnsPeer, Port.Udp(dnsPort), "DNS");
        SecurityGroup.AddEgressRule(dnsPeer, Port.Tcp(dnsPort), "DNS over TCP (truncated answers)");

        var environment = new Dictionary<string, string>
        {
            [ResolverVariable] = props.DnsChecks ? props.DnsResolver ?? "system" : "none",
            [CanaryVariable] = Node.Path,
            [StackVariable] = Aws.STACK_NAME,
        };
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "Discovery canary: reads the Cloud Map namespaces and services it checks, writes its own logs.",
        });
        var selected = props.Vpc.SelectSubnets(subnets);
        CanaryPolicy.AddNetworkAndLogs(Role, stack, selected.SubnetIds, SecurityGroup.SecurityGroupId, LogGroup.LogGroupArn);

        Function = new LambdaFunction(this, "Function", new FunctionProps
        {
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = Amazon.CDK.AWS.Lambda.Architecture.X86_64,
            Handler = "bootstrap",
            Code = Code.FromAsset(CanaryBootstrap.Directory),
            MemorySize = props.MemorySize,
            Timeout = props.Timeout ?? CanarySpec.DefaultTimeout(spec.ScheduleMinutes),
            Role = Role,
            LogGroup = LogGroup,
            Vpc = props.Vpc,
            VpcSubnets = subnets,
            SecurityGroups = [SecurityGroup],
            RetryAttempts = 0,
            Description = "EcsDiscoveryConstructs: discovery canary (registry and DNS checks)",
            Environment = environment,
        });

        _ = new Rule(this, "Schedule", new RuleProps
        {
            Description = "Runs the discovery canary",
            Schedule = Amazon.CDK.AWS.Events.Schedule.Rate(schedule),
            Targets = [new Amazon.CDK.AWS.Events.Targets.LambdaFunction(Function, new Amazon.CDK.AWS.Events.Targets.LambdaFunctionProps { RetryAttempts = 0 })],
        });

        Alarm = new Alarm(this, "Alarm", new AlarmProps
        {
            AlarmDescription = $"Discovery drift: checks failed (or the canary did not report) in canary {Node.Path} for stack {stack.StackName}. The canary's log group {logGroupName} holds each run's report, and a line 'ecs-discovery canary: invocation ... failed' for a run that could not finish.",
            Metric = MetricChecksFailed(new MetricOptions { Period = schedule }),
            Threshold = 0,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            EvaluationPeriods = props.AlarmEvaluationPeriods,
            DatapointsToAlarm = props.AlarmDatapointsToAlarm ?? props.AlarmEvaluationPeriods,
            TreatMissingData = TreatMissingData.BREACHING,
        });
        if (props.AlarmTopic is { } topic)
        {
            Alarm.AddAlarmAction(new SnsAction(topic));
            Alarm.AddOkAction(new SnsAction(topic));
        }

        SynthChecks.For(this).Add(() => CanaryRules.AtSynth(this, Model));
        Aspects.Of(this).Add(new Completion(this));
    }

    /// <summary>The function that runs the checks.</summary>
    public LambdaFunction Function { get; }

    /// <summary>The function's role.</summary>
    public Role Role { get; }

    /// <summary>The function's security group (egress only: HTTPS, and DNS to the resolver).</summary>
    public SecurityGroup SecurityGroup { get; }

    /// <summary>The encrypted log group holding the metrics and each run's report.</summary>
    public LogGroup LogGroup { get; }

    /// <summary>The alarm on failed checks; a run that does not report counts as failing.</summary>
    public Alarm Alarm { get; }

    /// <summary>The construct whose discovery resources are checked.</summary>
    public IConstruct CheckedScope => checkedScope;

    /// <summary>What the checked scope holds (namespaces, services, clusters), collected once when the app is synthesized: what the role may read.</summary>
    internal CanaryModel Model => model ??= new ExpectedModelCollector(checkedScope).Collect();

    /// <summary>Failed checks of the checked stack as this canary counted them: sum over 5 minutes unless <paramref name="props"/> say otherwise.</summary>
    public Metric MetricChecksFailed(MetricOptions? props = null) => StackMetric("ChecksFailed", props);

    /// <summary>Passed checks of the checked stack as this canary counted them: sum over 5 minutes unless <paramref name="props"/> say otherwise.</summary>
    public Metric MetricChecksPassed(MetricOptions? props = null) => StackMetric("ChecksPassed", props);

    /// <summary>Checks this canary could not run (a refused call, an unreachable resolver): sum over 5 minutes unless <paramref name="props"/> say otherwise.</summary>
    public Metric MetricChecksSkipped(MetricOptions? props = null) => StackMetric("ChecksSkipped", props);

    /// <summary>One of the canary's metrics, with its own dimensions (Canary, Stack) under any given in <paramref name="props"/>, as CDK's <c>metric(name, props)</c>.</summary>
    private Metric StackMetric(string name, MetricOptions? props)
    {
        var dimensions = new Dictionary<string, string>(props?.DimensionsMap ?? new Dictionary<string, string>())
        {
            ["Canary"] = Node.Path,
            ["Stack"] = Stack.Of(checkedScope).StackName,
        };
        return new Metric(new MetricProps
        {
            Namespace = MetricNamespace,
            MetricName = name,
            DimensionsMap = dimensions,
            Statistic = props?.Statistic ?? "Sum",
            Period = props?.Period ?? Duration.Minutes(5),
            Account = props?.Account,
            Region = props?.Region,
            Color = props?.Color,
            Label = props?.Label,
            Unit = props?.Unit,
        });
    }

    /// <summary>
    /// The VPC's CIDR, where its resolver (base + 2) is; an imported VPC given without one gives any IPv4 address on the
    /// DNS port (security groups do not filter traffic to the Amazon-provided resolver anyway).
    /// </summary>
    private static IPeer VpcResolverPeer(IVpc vpc)
    {
        try
        {
            return Peer.Ipv4(vpc.VpcCidrBlock);
        }
        catch (Exception e) when (e is not DiscoveryValidationException)
        {
            return Peer.AnyIpv4();
        }
    }

    /// <summary>
    /// Adds the scope and the read permissions once the app is complete (an aspect runs before synthesis). The function
    /// derives what must be true from the deployed template at run time; a scope narrower than the stack is written as
    /// metadata on the function's resource (logical ids), which that template carries.
    /// </summary>
    private void Complete()
    {
        var collected = Model;
        var stack = Stack.Of(this);
        if (checkedScope != stack)
        {
            var function = (CfnResource)Function.Node.DefaultChild!;
            Function.AddEnvironment(FunctionVariable, stack.GetLogicalId(function));
            function.AddMetadata(ScopeMetadata, new Dictionary<string, object> { ["version"] = 1, ["resources"] = collected.ScopeLogicalIds.ToArray() });
        }

        RuleRunner.Report(this, nameof(DiscoveryCanary), CanaryRules.Warnings(this, collected));
        CanaryPolicy.AddStackReads(Role, stack);
        CanaryPolicy.AddCloudMapReads(Role, stack, collected);
        CanaryPolicy.AddEcsReads(Role, stack, collected);
        if (Role.Node.TryFindChild("DefaultPolicy")?.Node.DefaultChild is CfnResource policy)
        {
            NagAcknowledgement.Add(policy, "AwsSolutions-IAM5", CanaryPolicy.WildcardReason);
        }
    }

    private sealed class Completion(DiscoveryCanary canary) : DeputyBase, IAspect
    {
        private bool done;

        public void Visit(IConstruct node)
        {
            if (!done && node.Node.Path == canary.Node.Path)
            {
                done = true;
                canary.Complete();
            }
        }
    }
}
