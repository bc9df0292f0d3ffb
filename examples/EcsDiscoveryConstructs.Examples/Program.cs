using Amazon.CDK;
using EcsDiscoveryConstructs.Examples;

// One app, one stack per scenario. Environment-agnostic unless the CDK CLI supplies an account and region.
var app = new App();
var account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT");
var region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION");
var env = account is null || region is null ? null : new Amazon.CDK.Environment { Account = account, Region = region };

StackProps Props(string description) => new() { Env = env, Description = $"EcsDiscoveryConstructs example: {description}" };

_ = new FrontendBackendDnsStack(app, "FrontendBackendDns", Props("frontend finds backend through Cloud Map DNS"));
_ = new HttpApiDiscoveryStack(app, "HttpApiDiscovery", Props("services discoverable only through the Cloud Map API"));
_ = new ServiceConnectStack(app, "ServiceConnect", Props("frontend and backend over ECS Service Connect"));
_ = new ECommerceStack(app, "ECommerce", Props("four services with DNS, dual discovery, autoscaling and audited ECS Exec"));
_ = new PublicApiStack(app, "PublicApi", Props("a load balancer published in a public DNS namespace"));
_ = new CopilotLayoutStack(app, "CopilotLayout", Props("an AWS Copilot environment's services, rebuilt (docs/migrate-from-copilot.md)"));
_ = new AppMeshLayoutStack(app, "AppMeshLayout", Props("an App Mesh mesh moved to Service Connect (docs/migrate-from-app-mesh.md)"));

// Two accounts sharing a namespace (docs/shared-namespaces.md): synthesized when the accounts are given, e.g.
// cdk deploy SharedNamespaceProducer -c producerAccount=111111111111 -c consumerAccount=222222222222, then
// cdk deploy SharedNamespaceConsumer ... -c sharedNamespaceArn=<the producer's SharedNamespaceArn output>.
if (app.Node.TryGetContext("producerAccount") is string producer && app.Node.TryGetContext("consumerAccount") is string consumer)
{
    var sharedRegion = region ?? "us-east-1";
    _ = new SharedNamespaceProducerStack(app, "SharedNamespaceProducer", consumer, new StackProps
    {
        Env = new Amazon.CDK.Environment { Account = producer, Region = sharedRegion },
        Description = "EcsDiscoveryConstructs example: a namespace shared with another account, payments deployed blue/green",
    });
    if (app.Node.TryGetContext("sharedNamespaceArn") is string arn)
    {
        _ = new SharedNamespaceConsumerStack(app, "SharedNamespaceConsumer", arn, new StackProps
        {
            Env = new Amazon.CDK.Environment { Account = consumer, Region = sharedRegion },
            Description = "EcsDiscoveryConstructs example: services in a namespace another account shared, with Lattice",
        });
    }
}

app.Synth();
