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

app.Synth();
