using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using EcsDiscoveryConstructs.CloudMap;
using EcsDiscoveryConstructs.ServiceConnect;
using EcsDiscoveryConstructs.Services;

namespace EcsDiscoveryConstructs.Examples;

/// <summary>
/// The platform account of a two-account setup (docs/shared-namespaces.md): it owns the <c>platform</c> namespace,
/// shares it with the consumer account through AWS RAM, and runs <c>payments</c>, a Service Connect server deployed
/// blue/green: during a deployment, requests carrying <c>x-payments-green: 1</c> reach the new revision first, a hook
/// checks it before production traffic moves, and both revisions run 10 minutes after the shift.
/// </summary>
public sealed class SharedNamespaceProducerStack : Stack
{
    public SharedNamespaceProducerStack(Construct scope, string id, string consumerAccount, IStackProps? props = null)
        : base(scope, id, props)
    {
        var network = new ExampleNetwork(this, "Network");
        Namespace = new HttpDiscoveryNamespace(this, "Platform", new HttpDiscoveryNamespaceProps { Name = "platform" });
        _ = Namespace.ShareWith(new NamespaceShareOptions { Principals = [consumerAccount] });

        var check = new Function(this, "GreenCheck", new FunctionProps
        {
            Runtime = new Runtime("nodejs22.x", RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true }),
            Handler = "index.handler",
            Description = "Blue/green hook of payments: approves the green revision (replace with real smoke tests).",
            Code = Code.FromInline("exports.handler = async () => ({ hookStatus: 'SUCCEEDED' });"),
        });
        Nag.Acknowledge(check.Role!, "AwsSolutions-IAM4", "AWSLambdaBasicExecutionRole only lets the hook write its own logs.");
        Nag.Acknowledge(check, "AwsSolutions-L1", "nodejs22.x is the newest Node.js runtime the pinned CDK 2.160 can run inline code on; with a newer CDK use Runtime.NODEJS_24_X.");

        _ = new DiscoverableFargateService(this, "Payments", new DiscoverableFargateServiceProps
        {
            Cluster = network.Cluster,
            Name = "payments",
            Container = Images.Web(),
            DesiredCount = 2,
            DeploymentStrategy = ServiceDeploymentStrategy.BlueGreen(Duration.Minutes(10)),
            LifecycleHooks = [new LambdaLifecycleHook { Function = check, Stages = [LifecycleHookStage.PostTestTrafficShift] }],
            ServiceConnect = new ServiceConnectOptions
            {
                Namespace = Namespace,
                Endpoints = [new ServiceConnectEndpoint { PortMappingName = "http", DnsName = "payments", Port = 80, TestTrafficHeader = new ServiceConnectTestTrafficHeader { Name = "x-payments-green", ExactValue = "1" } }],
            },
        });

        _ = new CfnOutput(this, "SharedNamespaceArn", new CfnOutputProps { Value = Namespace.NamespaceArn, Description = "Give it to the consumer stack: -c sharedNamespaceArn=..." });
    }

    /// <summary>The shared namespace.</summary>
    public HttpDiscoveryNamespace Namespace { get; }

    /// <summary>Two zones of the stack's Region, so synthesis needs no credentials for the zone lookup of an account-bound stack.</summary>
    public override string[] AvailabilityZones => [$"{Region}a", $"{Region}b"];
}
