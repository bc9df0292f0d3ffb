using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace EcsDiscoveryConstructs.ServiceConnect;

/// <summary>
/// The one function per stack behind <see cref="ServiceConnectCloudMapService.LookUpAtDeploy"/>: inline Node.js code
/// (<c>Runtime/service-connect-lookup.js</c>, tested against scripted ECS answers) that calls ECS DescribeServices and
/// answers CloudFormation with the Cloud Map service ARN of one discovery name. Its role can write only to its own log
/// group and describe only the ECS services looked up.
/// </summary>
internal sealed class ServiceConnectLookupFunction : Construct
{
    /// <summary>The construct id of the function's scope under the stack.</summary>
    public const string ScopeId = "EcsDiscoveryServiceConnectLookup";

    /// <summary>
    /// Node.js 24, Lambda's newest Node.js runtime (named by string: CDK 2.160's newest constant is nodejs20.x, which
    /// Lambda stopped creating on 2026-06-01; cfn-lint E2533).
    /// </summary>
    public const string RuntimeName = "nodejs24.x";

    private static readonly Lazy<string> Code = new(() =>
    {
        using var stream = typeof(ServiceConnectLookupFunction).Assembly.GetManifestResourceStream("EcsDiscoveryConstructs.ServiceConnect.service-connect-lookup.js")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private readonly Role role;

    private ServiceConnectLookupFunction(Construct scope)
        : base(scope, ScopeId)
    {
        var logs = new LogGroup(this, "Logs", new LogGroupProps { Retention = RetentionDays.ONE_YEAR, RemovalPolicy = RemovalPolicy.DESTROY });
        role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "Looks up the Cloud Map services ECS Service Connect creates (ecs:DescribeServices on the services looked up).",
        });
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteOwnLogs",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents"],
            Resources = [logs.LogGroupArn],
        }));
        Function = new Function(this, "Handler", new FunctionProps
        {
            Runtime = new Amazon.CDK.AWS.Lambda.Runtime(RuntimeName, RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true }),
            Handler = "index.handler",
            Code = Amazon.CDK.AWS.Lambda.Code.FromInline(Source),
            Timeout = Duration.Seconds(60),
            MemorySize = 128,
            Role = role,
            LogGroup = logs,
            Description = "EcsDiscoveryConstructs: Service Connect Cloud Map service lookup",
        });

        // cdk-nag judges "latest runtime" by the Runtime list of the CDK in the app; with CDK 2.160 that is nodejs20.x.
        NagAcknowledgement.Add((CfnResource)Function.Node.DefaultChild!, "AwsSolutions-L1", $"{RuntimeName} is Lambda's newest Node.js runtime; older CDK versions know only runtimes Lambda no longer creates.");
    }

    /// <summary>The handler's source as it ships (the embedded <c>service-connect-lookup.js</c>).</summary>
    public static string Source => Code.Value;

    public Function Function { get; }

    /// <summary>The stack's lookup function, created on first use.</summary>
    public static ServiceConnectLookupFunction Of(Stack stack)
        => stack.Node.TryFindChild(ScopeId) as ServiceConnectLookupFunction ?? new ServiceConnectLookupFunction(stack);

    /// <summary>
    /// The deploy-time lookup of the Cloud Map service <paramref name="service"/>'s Service Connect endpoint number
    /// <paramref name="index"/> (discovery name <paramref name="discoveryName"/>) gets; one custom resource under
    /// <paramref name="owner"/>, created on first use, that runs after the ECS service and the function's permission.
    /// </summary>
    public static ServiceConnectServiceIdentity LookUp(Construct owner, Amazon.CDK.AWS.ECS.BaseService service, string discoveryName, int index)
    {
        var id = $"ServiceConnectLookup{index}";
        if (owner.Node.TryFindChild(id) is not CustomResource lookup)
        {
            var function = Of(Stack.Of(owner));
            function.role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = ["ecs:DescribeServices"], Resources = [service.ServiceArn] }));
            lookup = new CustomResource(owner, id, new CustomResourceProps
            {
                ServiceToken = function.Function.FunctionArn,
                ResourceType = "Custom::EcsDiscoveryServiceConnectLookup",
                Properties = new Dictionary<string, object>
                {
                    ["Cluster"] = service.Cluster.ClusterArn,
                    ["Service"] = service.ServiceArn,
                    ["DiscoveryName"] = discoveryName,
                },
            });
            lookup.Node.AddDependency(function.role); // its policy must allow DescribeServices first; the Ref to the service orders the rest
        }

        return new ServiceConnectServiceIdentity(lookup.GetAttString("ServiceArn"), lookup.GetAttString("ServiceId"));
    }
}
