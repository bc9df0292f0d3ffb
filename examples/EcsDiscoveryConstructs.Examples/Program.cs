using Amazon.CDK;
using EcsDiscoveryConstructs.Examples;

// One app, one stack per scenario. Environment-agnostic unless the CDK CLI supplies an account and region.
var app = new App();
var account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT");
var region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION");
var env = account is null || region is null ? null : new Amazon.CDK.Environment { Account = account, Region = region };

_ = new CloudMapBasicsStack(app, "CloudMapBasics", new StackProps { Env = env, Description = "EcsDiscoveryConstructs example: Cloud Map namespaces and discovery services" });

_ = new FrontendBackendDnsStack(app, "FrontendBackendDns", new StackProps { Env = env, Description = "EcsDiscoveryConstructs example: frontend finds backend through Cloud Map DNS" });

app.Synth();
